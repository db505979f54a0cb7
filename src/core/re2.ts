// RE2 (re2js) as core's regex engine, and the check rules get when they are written. Everything but
// the content script imports it directly; the content script gets it from regex-engine.ts, a separate
// file it loads only when some rule is a regex (re2js is about as big as the rest of the script).
import { RE2JS } from 're2js';
import { REGEX_LIMITS, regexProblem } from './rule-budget';
import type { RegexEngine, TextMode } from './text-match';

export const re2: RegexEngine = {
  compile(pattern, caseSensitive) {
    const re = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    return { test: (text) => re.test(text) }; // test() takes RE2JS's DFA fast path; a Matcher would not
  },
};

/**
 * Returns a sentence describing why the pattern cannot be used, or null when it can. A regex over its
 * budget (rule-budget.ts) is refused without being compiled; once compiled, RE2's own program size is
 * held to the same limit, in case the estimate ever reads a pattern low.
 */
export function checkPattern(mode: TextMode, pattern: string, caseSensitive: boolean): string | null {
  if (mode !== 'regex') return pattern.trim() === '' ? 'pattern is empty' : null;
  const problem = regexProblem(pattern);
  if (problem !== null) return problem;
  let size: number;
  try {
    size = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE).programSize();
  } catch (e) {
    return `not a supported regular expression (${e instanceof Error ? e.message : String(e)})`;
  }
  if (size > REGEX_LIMITS.steps) {
    return `its pattern compiles to ${size.toLocaleString('en-US')} steps; the limit is ${REGEX_LIMITS.steps.toLocaleString('en-US')} — use fewer repetitions or alternatives`;
  }
  return null;
}

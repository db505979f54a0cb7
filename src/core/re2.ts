// RE2 (re2js) as core's regex engine, and the check rules get when they are written. Everything but
// the content script imports it directly; the content script gets it from regex-engine.ts, a separate
// file it loads only when some rule is a regex (re2js is about as big as the rest of the script).
import { RE2JS } from 're2js';
import { problem, type Problem } from './problem';
import { REGEX_LIMITS, regexProblem } from './rule-budget';
import type { RegexEngine, TextMode } from './text-match';

export const re2: RegexEngine = {
  compile(pattern, caseSensitive) {
    const re = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    return { test: (text) => re.test(text) }; // test() takes RE2JS's DFA fast path; a Matcher would not
  },
};

/**
 * Returns the problem that keeps the pattern from being used, or null when it can. A regex over its
 * budget (rule-budget.ts) is refused without being compiled; once compiled, RE2's own program size is
 * held to the same limit, in case the estimate ever reads a pattern low.
 */
export function checkPattern(mode: TextMode, pattern: string, caseSensitive: boolean): Problem | null {
  if (mode !== 'regex') return pattern.trim() === '' ? problem('patternEmpty') : null;
  const over = regexProblem(pattern);
  if (over !== null) return over;
  let size: number;
  try {
    size = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE).programSize();
  } catch (e) {
    // RE2's own words for what is wrong (English, from the library): shown as they are, inside the message.
    return problem('notRegex', e instanceof Error ? e.message : String(e));
  }
  if (size > REGEX_LIMITS.steps) {
    return problem('regexCompiledSteps', size, REGEX_LIMITS.steps);
  }
  return null;
}

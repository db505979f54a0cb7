// RE2 (re2js) as core's regex engine, and the check rules get when they are written. Everything but
// the content script imports it directly; the content script gets it from regex-engine.ts, a separate
// file it loads only when some rule is a regex (re2js is about as big as the rest of the script).
import { RE2JS } from 're2js';
import type { RegexEngine, TextMode } from './text-match';

export const re2: RegexEngine = {
  compile(pattern, caseSensitive) {
    const re = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    return { test: (text) => re.test(text) }; // test() takes RE2JS's DFA fast path; a Matcher would not
  },
};

/** Returns a sentence describing why the pattern cannot be used, or null when it can. */
export function checkPattern(mode: TextMode, pattern: string, caseSensitive: boolean): string | null {
  if (mode !== 'regex') return pattern.trim() === '' ? 'pattern is empty' : null;
  try {
    re2.compile(pattern, caseSensitive);
    return null;
  } catch (e) {
    return `not a supported regular expression (${e instanceof Error ? e.message : String(e)})`;
  }
}

// Text predicates. Regexes go through RE2 (re2js): linear time whatever the pattern, so a hostile
// or careless regex cannot freeze the page.
import { RE2JS } from 're2js';

export type TextMode = 'contains' | 'word' | 'regex';
export type TextTest = (text: string, lowerText: string) => boolean;

/** Returns a sentence describing why the pattern cannot be used, or null when it can. */
export function checkPattern(mode: TextMode, pattern: string, caseSensitive: boolean): string | null {
  if (mode !== 'regex') return pattern.trim() === '' ? 'pattern is empty' : null;
  try {
    RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    return null;
  } catch (e) {
    return `not a supported regular expression (${e instanceof Error ? e.message : String(e)})`;
  }
}

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 ||
  (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)));

/** Whole-word search without building a regex: find each occurrence, check its edges. */
function containsWord(haystack: string, needle: string): boolean {
  const first = needle.charCodeAt(0);
  const last = needle.charCodeAt(needle.length - 1);
  // Only demand a boundary where the needle itself starts/ends with a word character ("#ad" may follow a letter-free edge).
  const checkStart = isWordChar(first);
  const checkEnd = isWordChar(last);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    const okStart = !checkStart || at === 0 || !isWordChar(haystack.charCodeAt(at - 1));
    const okEnd = !checkEnd || end === haystack.length || !isWordChar(haystack.charCodeAt(end));
    if (okStart && okEnd) return true;
    from = at + 1;
  }
}

/** Compiles a text predicate once; the returned test is cheap and never throws. */
export function compileTextTest(mode: TextMode, pattern: string, caseSensitive: boolean): TextTest {
  if (mode === 'regex') {
    let re: RE2JS;
    try {
      re = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    } catch {
      return () => false; // schemas reject these; a stale stored rule must still never throw
    }
    return (text) => re.matcher(text).find();
  }
  const needle = caseSensitive ? pattern : pattern.toLowerCase();
  if (mode === 'contains') {
    return caseSensitive ? (text) => text.includes(needle) : (_t, lower) => lower.includes(needle);
  }
  return caseSensitive ? (text) => containsWord(text, needle) : (_t, lower) => containsWord(lower, needle);
}

// Text predicates. Regexes go through RE2 (re2js): linear time whatever the pattern, so a hostile
// or careless regex cannot freeze the page.
import { RE2JS } from 're2js';

export type TextMode = 'contains' | 'word' | 'regex';
/** `lowerText` must be `text.toLowerCase()` when `readsLowerText(mode, caseSensitive)`; otherwise it is ignored. */
export type TextTest = (text: string, lowerText: string) => boolean;

/** Only case-insensitive contains/word tests read the lower-cased text. */
export const readsLowerText = (mode: TextMode, caseSensitive: boolean): boolean => mode !== 'regex' && !caseSensitive;

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

const isAsciiWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

// Letters, digits and combining marks continue a word ("café" written as "cafe" + U+0301 is one word).
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

/** Is the code point starting (or, with `before`, ending) at index `i` a word character? */
function isWordCharAt(s: string, i: number, before: boolean): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) return isAsciiWordChar(code);
  // Read whole surrogate pairs, so astral letters (𝐀, 𠀋) count as letters.
  let cp = code;
  if (before && code >= 0xdc00 && code <= 0xdfff && i > 0) {
    const hi = s.charCodeAt(i - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) cp = ((hi - 0xd800) << 10) + (code - 0xdc00) + 0x10000;
  } else if (!before) {
    cp = s.codePointAt(i)!;
  }
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Whole-word search without building a regex: find each occurrence, check its edges. */
function containsWord(haystack: string, needle: string): boolean {
  // Only demand a boundary where the needle itself starts/ends with a word character ("#ad" may follow a letter-free edge).
  const checkStart = isWordCharAt(needle, 0, false);
  const checkEnd = isWordCharAt(needle, needle.length - 1, true);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    const okStart = !checkStart || at === 0 || !isWordCharAt(haystack, at - 1, true);
    const okEnd = !checkEnd || end === haystack.length || !isWordCharAt(haystack, end, false);
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
    return (text) => re.test(text); // test() takes RE2JS's DFA fast path; a Matcher would not
  }
  const needle = caseSensitive ? pattern : pattern.toLowerCase();
  if (mode === 'contains') {
    return caseSensitive ? (text) => text.includes(needle) : (_t, lower) => lower.includes(needle);
  }
  return caseSensitive ? (text) => containsWord(text, needle) : (_t, lower) => containsWord(lower, needle);
}

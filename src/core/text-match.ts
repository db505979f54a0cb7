// Text predicates. Regexes go through a linear-time engine (RE2, see re2.ts) whatever the pattern, so
// a hostile or careless regex cannot freeze the page. The engine is passed in rather than imported:
// the content script loads it only when some rule is a regex (src/content/regex-loader.ts).

/** A compiled pattern: `test` never backtracks. */
export interface CompiledRegex {
  test(text: string): boolean;
}

/** A linear-time regex engine; `compile` throws on a pattern it does not support. */
export interface RegexEngine {
  compile(pattern: string, caseSensitive: boolean): CompiledRegex;
}

export type TextMode = 'contains' | 'word' | 'regex';
/** `lowerText` must be `text.toLowerCase()` when `readsLowerText(mode, caseSensitive)`; otherwise it is ignored. */
export type TextTest = (text: string, lowerText: string) => boolean;

/** Only case-insensitive contains/word tests read the lower-cased text. */
export const readsLowerText = (mode: TextMode, caseSensitive: boolean): boolean => mode !== 'regex' && !caseSensitive;

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
export function compileTextTest(mode: TextMode, pattern: string, caseSensitive: boolean, engine: RegexEngine | null): TextTest {
  if (mode === 'regex') {
    if (engine === null) throw new Error('a regex rule needs the regex engine (see usesRegex)');
    let re: CompiledRegex;
    try {
      re = engine.compile(pattern, caseSensitive);
    } catch {
      return () => false; // schemas reject these; a stale stored rule must still never throw
    }
    return (text) => re.test(text);
  }
  const needle = caseSensitive ? pattern : pattern.toLowerCase();
  if (mode === 'contains') {
    return caseSensitive ? (text) => text.includes(needle) : (_t, lower) => lower.includes(needle);
  }
  return caseSensitive ? (text) => containsWord(text, needle) : (_t, lower) => containsWord(lower, needle);
}

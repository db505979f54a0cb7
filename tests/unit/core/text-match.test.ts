// Text predicates on their own: checkPattern's problems and compileTextTest's contains / word / regex.
import { describe, expect, it } from 'vitest';
import { checkPattern, re2 } from '../../../src/core/re2';
import { compileTextTest } from '../../../src/core/text-match';
import { inEnglish } from '../ui/catalogue';

const run = (mode: 'contains' | 'word' | 'regex', pattern: string, text: string, caseSensitive = false) =>
  compileTextTest(mode, pattern, caseSensitive, re2)(text, text.toLowerCase());

describe('checkPattern', () => {
  it('accepts non-empty literals and RE2 regexes', () => {
    expect(checkPattern('contains', 'x', false)).toBeNull();
    expect(checkPattern('word', ' x ', true)).toBeNull();
    expect(checkPattern('regex', '\\bfoo(bar)?\\b', false)).toBeNull();
    expect(checkPattern('regex', '(?P<name>x)', true)).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(checkPattern('contains', '  ', false)).toEqual({ code: 'patternEmpty' });
    expect(checkPattern('regex', '(?<=a)b', false)).toEqual({ code: 'notRegex', args: [expect.stringMatching(/.+/)] });
    expect(inEnglish(checkPattern('regex', '(?<=a)b', false))).toMatch(/^not a supported regular expression \(.+\)$/);
    expect(checkPattern('regex', '(a)\\1', false)).toMatchObject({ code: 'notRegex' });
    expect(checkPattern('regex', '*', false)).toMatchObject({ code: 'notRegex' });
  });
});

describe('compileTextTest', () => {
  it('contains', () => {
    expect(run('contains', 'Sale', 'big SALE')).toBe(true);
    expect(run('contains', 'Sale', 'big SALE', true)).toBe(false);
    expect(run('contains', 'sale', 'wholesale')).toBe(true);
    expect(run('contains', 'ü', 'GRÜN')).toBe(true);
  });

  it('word', () => {
    expect(run('word', 'sale', 'wholesale')).toBe(false);
    expect(run('word', 'sale', 'wholesale, then a sale!')).toBe(true);
    expect(run('word', 'sale', 'sale')).toBe(true);
    expect(run('word', 'sale', 'sale_')).toBe(false);
    expect(run('word', 'sale', '2sale')).toBe(false);
    expect(run('word', 'dm us', 'pls DM US now')).toBe(true);
    expect(run('word', 'grün', 'GRÜNE')).toBe(false);
    expect(run('word', 'grün', 'so grün.')).toBe(true);
    expect(run('word', '#ad', '#ad#ad')).toBe(true);
    expect(run('word', 'ad!', 'bad!')).toBe(false);
    expect(run('word', '!', 'wow!')).toBe(true);
  });

  it('word: boundaries read whole code points and combining marks', () => {
    expect(run('word', 'cafe', 'cafe\u0301')).toBe(false); // é as e + COMBINING ACUTE ACCENT
    expect(run('word', 'sale', 'sale\u{1D5EE}')).toBe(false); // MATHEMATICAL SANS-SERIF BOLD SMALL A
    expect(run('word', 'sale', '\u{1D5EE}sale')).toBe(false);
    expect(run('word', 'sale', '\u{1F525}sale\u{1F525}')).toBe(true); // 🔥 is not a letter
    expect(run('word', 'sale', '\uD83Dsale\uDC00')).toBe(true); // lone surrogates are not letters
    expect(run('word', '𝐀', 'x 𝐀 y')).toBe(true);
    expect(run('word', '𝐀', 'x𝐀')).toBe(false);
    expect(run('word', '٣', '١٢٣')).toBe(false); // Arabic-Indic digits are word characters
  });

  it('regex: RE2, case-insensitive unless asked, and never throws', () => {
    expect(run('regex', '^big\\s+sale$', 'BIG   Sale')).toBe(true);
    expect(run('regex', '^big\\s+sale$', 'BIG   Sale', true)).toBe(false);
    expect(run('regex', '(?i)big', 'BIG', true)).toBe(true);
    expect(run('regex', '\\p{Greek}', 'αβγ')).toBe(true);
    // Patterns the schema rejects compile to "never matches" rather than throwing.
    expect(run('regex', '(?<=a)b', 'ab')).toBe(false);
    expect(run('regex', '(', '(')).toBe(false);
  });

  it('regex: linear time on catastrophic patterns', () => {
    const text = `${'a'.repeat(50_000)}b`;
    expect(run('regex', '(a+)+$', text)).toBe(false);
    expect(run('regex', '(a*)*c', text)).toBe(false);
    expect(run('regex', '^(a|a)*$', text)).toBe(false);
    expect(run('regex', '(a+)+b$', text)).toBe(true);
  });
});

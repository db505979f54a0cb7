// Plurals by the UI language's own rules (Intl.PluralRules), not English one/other: Polish's
// one/few/many and Arabic's six forms pick their own messages; a locale without a form falls back to
// `_other`; the extension pages take the UI language's lang and dir.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPageLanguage, pluralCategory, tn } from '../../../src/ui/i18n';
import { useUiLanguage, type Messages } from './catalogue';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const counted = (forms: Record<string, string>): Messages =>
  Object.fromEntries(Object.entries(forms).map(([form, text]) => [`logTotal_${form}`, { message: text, placeholders: { count: { content: '$1' } } }]));

describe('plurals through Intl.PluralRules', () => {
  it('Polish: one, few, many as Polish counts them', () => {
    restore = useUiLanguage('pl', counted({ one: '$COUNT$ wpis', few: '$COUNT$ wpisy', many: '$COUNT$ wpisów', other: '$COUNT$ wpisu' }));
    expect([1, 2, 4, 5, 12, 22, 25, 101].map((n) => tn('logTotal', n))).toEqual([
      '1 wpis', '2 wpisy', '4 wpisy', '5 wpisów', '12 wpisów', '22 wpisy', '25 wpisów', '101 wpisów',
    ]);
    expect(tn('logTotal', 1.5)).toBe('1,5 wpisu'); // fractions are "other" in Polish, and the count is written the Polish way
  });

  it('Arabic: zero, one, two, few, many and other, with Arabic digits as Intl writes them', () => {
    restore = useUiLanguage('ar', counted({ zero: 'zero $COUNT$', one: 'one $COUNT$', two: 'two $COUNT$', few: 'few $COUNT$', many: 'many $COUNT$', other: 'other $COUNT$' }));
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    const digits = new Intl.NumberFormat('ar').format(3);
    expect(tn('logTotal', 3)).toBe(`few ${digits}`);
    expect(tn('logTotal', 0).startsWith('zero ')).toBe(true);
    expect(tn('logTotal', 100).startsWith('other ')).toBe(true);
  });

  it('a locale without the form the count needs uses its "other"', () => {
    restore = useUiLanguage('pl', counted({ one: '$COUNT$ wpis', other: '$COUNT$ wpisu' }));
    expect(tn('logTotal', 5)).toBe('5 wpisu');
  });

  it('English keeps one and other, Spanish too (its "many" is for millions and falls back)', () => {
    restore = useUiLanguage('en');
    expect([0, 1, 2, 1_000].map((n) => tn('logTotal', n))).toEqual(['0 items', '1 item', '2 items', '1,000 items']);
    restore();
    restore = useUiLanguage('es', counted({ one: '$COUNT$ elemento', other: '$COUNT$ elementos' }));
    expect(pluralCategory(1_000_000)).toBe('many');
    expect(tn('logTotal', 1_000_000)).toBe('1.000.000 elementos');
    expect(tn('logTotal', 1)).toBe('1 elemento');
  });
});

describe('the pages\' lang and dir', () => {
  const doc = () => new Window().document as unknown as Document;

  it.each([
    ['es', 'es', 'ltr'], ['de-DE', 'de-DE', 'ltr'], ['pt_BR', 'pt-BR', 'ltr'],
    ['ar', 'ar', 'rtl'], ['he', 'he', 'rtl'], ['fa-IR', 'fa-IR', 'rtl'], ['ur', 'ur', 'rtl'],
  ])('%s → lang=%s dir=%s', (lang, want, dir) => {
    const d = doc();
    applyPageLanguage(d, lang);
    expect(d.documentElement.lang).toBe(want);
    expect(d.documentElement.dir).toBe(dir);
  });

  it('takes the browser\'s UI language when not told', () => {
    restore = useUiLanguage('ar');
    const d = doc();
    applyPageLanguage(d);
    expect([d.documentElement.lang, d.documentElement.dir]).toEqual(['ar', 'rtl']);
  });
});

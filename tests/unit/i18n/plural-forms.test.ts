// The real French and Arabic catalogues through the pages' counted messages (ui/i18n.ts tn()): each
// count takes its language's own form (Arabic: zero, one, two, few 3–10, many 11–99, other 100–102 …: CLDR counts by the last two digits),
// with the number written as Intl writes it in that language.
import { afterEach, describe, expect, it } from 'vitest';
import { pluralCategory, tn } from '../../../src/ui/i18n';
import { useUiLanguage } from '../ui/catalogue';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const num = (lang: string, n: number): string => new Intl.NumberFormat(lang).format(n);

describe('Arabic counted messages', () => {
  it('the log total in the six forms', () => {
    restore = useUiLanguage('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => pluralCategory(n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect(tn('logTotal', 0)).toBe('لا عناصر');
    expect(tn('logTotal', 1)).toBe('عنصر واحد');
    expect(tn('logTotal', 2)).toBe('عنصران');
    expect(tn('logTotal', 7)).toBe(`${num('ar', 7)} عناصر`);
    expect(tn('logTotal', 42)).toBe(`${num('ar', 42)} عنصرًا`);
    expect(tn('logTotal', 300)).toBe(`${num('ar', 300)} عنصر`);
  });

  it('a counted message with more than the count keeps the rest in every form', () => {
    restore = useUiLanguage('ar');
    const said = [0, 1, 2, 5, 20, 101].map((n) => tn('logExported', n, ['CSV']));
    expect(said.every((s) => s.includes('CSV'))).toBe(true);
    expect(new Set(said.map((s) => s.replace(/[\d٠-٩,٬]+/gu, '#'))).size).toBe(6);
  });
});

describe('French counted messages', () => {
  it('zero and one are singular in French, two and more plural', () => {
    restore = useUiLanguage('fr');
    expect(tn('logTotal', 0)).toBe('0 élément');
    expect(tn('logTotal', 1)).toBe('1 élément');
    expect(tn('logTotal', 2)).toBe('2 éléments');
    expect(tn('logCleared', 1)).toBe('1 élément supprimé du journal.');
    expect(tn('logTotal', 1_000_000)).toBe(`${num('fr', 1_000_000)} éléments`); // "many" falls back to "other"
  });
});

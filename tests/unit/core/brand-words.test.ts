// Brand text signals in the ten languages of brand-words.ts: the same brand message, translated
// faithfully, scores the same in each; the post's language picks the table (plus English), no
// language means every table; plain posts score nothing; every pattern stays a plain alternation;
// handle words read the user part of a Mastodon address.
import { describe, expect, it } from 'vitest';
import { assessBrand } from '../../../src/core/brand';
import { ALL_BRAND_WORDS, BRAND_LANGUAGES, brandWordSources, brandWordsFor, type BrandLanguage } from '../../../src/core/brand-words';
import { regexCost } from '../../../src/core/regex-cost';
import { item, type ItemOverrides } from './builders';

const signals = (over: ItemOverrides) => assessBrand(item(over), null).signals.map((s) => s.id).sort();
const score = (over: ItemOverrides) => assessBrand(item(over), null).score;

/** "DM us… code SAVE20 for 20% off", as a brand would write it in each language. */
const MESSAGE: Record<BrandLanguage, string> = {
  en: 'DM us… code SAVE20 for 20% off',
  es: 'Escríbenos por DM… código SAVE20 para un 20% de descuento',
  pt: 'Chama a gente na DM… código SAVE20 para 20% de desconto',
  fr: 'Écrivez-nous en DM… code SAVE20 pour 20 % de réduction',
  de: 'Schreib uns eine DM… Code SAVE20 für 20 % Rabatt',
  ja: 'DMください…コードSAVE20で20%オフ',
  tr: 'Bize DM atın… SAVE20 koduyla %20 indirim',
  ar: 'راسلنا على الخاص… كود SAVE20 لخصم 20%',
  id: 'DM kami… kode SAVE20 untuk diskon 20%',
  hi: 'हमें DM करें… कोड SAVE20 से 20% की छूट',
};

/** Ordinary posts, no selling in them. */
const PLAIN: Record<BrandLanguage, string> = {
  en: 'What a match last night, the second half was unreal',
  es: 'Qué partido anoche, la segunda parte fue increíble',
  pt: 'Que jogo ontem à noite, o segundo tempo foi incrível',
  fr: 'Quel match hier soir, la deuxième mi-temps était folle',
  de: 'Was für ein Spiel gestern Abend, die zweite Halbzeit war unglaublich',
  ja: '昨夜の試合すごかった、後半は信じられない',
  tr: 'Dün akşamki maç ne maçtı, ikinci yarı inanılmazdı',
  ar: 'يا لها من مباراة الليلة الماضية، الشوط الثاني كان رائعا',
  id: 'Pertandingan semalam luar biasa, babak kedua gila',
  hi: 'कल रात का मैच क्या था, दूसरा हाफ़ अविश्वसनीय था',
};

describe('the same brand message in ten languages', () => {
  it.each(BRAND_LANGUAGES)('%s: scores 2 (promo code and "DM us") with the post\'s language given', (lang) => {
    expect(signals({ text: MESSAGE[lang], lang })).toEqual(['callToAction', 'promoCode']);
    expect(score({ text: MESSAGE[lang], lang })).toBe(2);
  });

  it.each(BRAND_LANGUAGES)('%s: scores 2 with no language given (every table)', (lang) => {
    expect(score({ text: MESSAGE[lang] })).toBe(2);
  });

  it.each(BRAND_LANGUAGES)('%s: a regional tag reads its language\'s table', (lang) => {
    expect(score({ text: MESSAGE[lang], lang: `${lang}-XX` })).toBe(2);
  });

  it('the post\'s language picks the table: Spanish words in a post X calls Japanese are not read', () => {
    expect(score({ text: MESSAGE.es, lang: 'ja' })).toBe(0);
    expect(score({ text: MESSAGE.de, lang: 'tr' })).toBe(0);
  });

  it('English words count in every language (brands everywhere write "link in bio", "giveaway")', () => {
    expect(signals({ text: 'Neue Kollektion – Link in Bio!', lang: 'de' })).toEqual(['callToAction']);
    expect(signals({ text: '新作のgiveaway実施中', lang: 'ja' })).toEqual(['promoCode']);
  });

  it('a language outside the tables reads every table', () => {
    expect(brandWordsFor('ko')).toBe(ALL_BRAND_WORDS);
    expect(score({ text: MESSAGE.es, lang: 'ko' })).toBe(2);
  });

  it.each(BRAND_LANGUAGES)('%s: an ordinary post has no text signal, in its table or in all', (lang) => {
    expect(signals({ text: PLAIN[lang], lang })).toEqual([]);
    expect(signals({ text: PLAIN[lang] })).toEqual([]);
  });

  it('whole words where words have spaces: singular and plural count, a word inside a longer one does not', () => {
    expect(signals({ text: 'grandes descuentos hoy', lang: 'es' })).toEqual(['promoCode']);
    expect(signals({ text: 'gran descuento hoy', lang: 'es' })).toEqual(['promoCode']);
    expect(signals({ text: 'Rabattstufen erklärt', lang: 'de' })).toEqual([]);
    expect(signals({ text: 'diskonto', lang: 'id' })).toEqual([]);
  });

  it('signal ids and labels are the same in every language', () => {
    const labels = BRAND_LANGUAGES.map((lang) => assessBrand(item({ text: MESSAGE[lang], lang }), null).signals.map((s) => `${s.id}:${s.label}`).sort().join());
    expect(new Set(labels).size).toBe(1);
  });
});

describe('every pattern is a plain alternation', () => {
  const sources = [...Object.values(brandWordSources('promoCode')), ...Object.values(brandWordSources('callToAction'))];

  it('has no open-ended repetition and no repeated group: nothing to backtrack over', () => {
    for (const s of sources) {
      expect(s, s).not.toMatch(/[*+]/);
      // The only counted repetition is a digit or two.
      expect(s.replaceAll(String.raw`\d{1,2}`, '').replaceAll(String.raw`\p{L}`, '').replaceAll(String.raw`\p{N}`, ''), s).not.toMatch(/\{/);
      // An optional group holds words, never another quantifier.
      const groups = s.replaceAll('(?:', '(').replaceAll('(?<!', '(').replaceAll('(?!', '(');
      expect(groups, s).not.toMatch(/\([^()]*[?][^()]*\)\?/);
    }
  });

  it('stays small, as regex-cost.ts counts programs', () => {
    for (const s of sources) {
      const cost = regexCost(s);
      expect(cost.copies, s).toBeLessThanOrEqual(4);
      expect(cost.steps, s).toBeLessThan(1200);
    }
    expect(regexCost(ALL_BRAND_WORDS.promoCode.source).steps).toBeLessThan(3000);
    expect(regexCost(ALL_BRAND_WORDS.callToAction.source).steps).toBeLessThan(3000);
  });

  it('reads long texts of near-misses to the end and finds nothing', () => {
    const text = 'dm u code c dm? descuent rabat indiri '.repeat(500);
    expect(ALL_BRAND_WORDS.promoCode.test(text)).toBe(false);
    expect(ALL_BRAND_WORDS.callToAction.test(text)).toBe(false);
  });
});

describe('brand words in names and handles', () => {
  it('a Mastodon address: the user part is read, not the server', () => {
    expect(signals({ site: 'mastodon', author: { handle: 'acmesupport@mas.to', displayName: 'Acme' } })).toEqual(['brandName']);
    expect(signals({ site: 'mastodon', author: { handle: 'acmesupport', displayName: 'Acme' } })).toEqual(['brandName']);
    // A person on a server whose name ends like a brand word is not a brand.
    expect(signals({ site: 'mastodon', author: { handle: 'alice@mastodon.app', displayName: 'Alice' } })).toEqual([]);
    expect(signals({ site: 'mastodon', author: { handle: 'bob@social.store', displayName: 'Bob' } })).toEqual([]);
  });

  it('"official" in the languages of the tables', () => {
    for (const displayName of ['Acme Oficial', 'Acme officiel', 'Acme Offiziell', 'Acme Resmi', 'アクメ公式']) {
      expect(signals({ author: { displayName, handle: 'acme' } }), displayName).toEqual(['brandName']);
    }
    expect(signals({ author: { displayName: 'Beneficial Bea', handle: 'bea' } })).toEqual([]);
  });
});

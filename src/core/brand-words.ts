// The words brand.ts looks for, per language: promo codes and discounts, "DM us"-style pitches, and
// brand words in names and handles. Each table is the way brands in that language write it (ours,
// not any site's UI strings). A post's words are checked against its own language's table plus
// English (brands everywhere write "link in bio", "sale", "giveaway"); a post whose language the page
// does not give, or one outside the tables, against every table at once.
//
// Every pattern is a plain alternation of phrases: literals, a character class for an accent or a
// digit, a bounded count (`\d{1,2}`), an optional word (`(?:el )?`); no `*`, no `+`, no repeated group
// (tests/unit/core/brand-words.test.ts holds them to that). Matching is on lower-cased text.

/** The languages with their own tables (primary subtags), English first. */
export const BRAND_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'ja', 'tr', 'ar', 'id', 'hi'] as const;
export type BrandLanguage = (typeof BRAND_LANGUAGES)[number];

interface WordTable {
  /** Promo codes, discounts, giveaways, free shipping. */
  promo: readonly string[];
  /** "DM us", "link in bio", "shop now"… */
  callToAction: readonly string[];
  /**
   * How a phrase must sit in the text: 'word' wants no letter or digit right before or after it
   * (languages written with spaces); 'free' takes it anywhere (Japanese has no spaces; Arabic and
   * Hindi words take attached particles and vowel signs a letter test would misread).
   */
  edges: 'word' | 'free';
}

// English keeps the patterns it has always had, edges written into them (`\b`).
const EN_PROMO = String.raw`\b(?:use|with) (?:my |our )?code\b|promo ?code|coupon|discount|\d{1,2} ?% off|\bsale\b|free shipping|giveaway|limited time`;
const EN_CALL_TO_ACTION = String.raw`\bdm us\b|send us a dm|\blink in (?:our )?bio\b|\bshop now\b|\bsign up\b|\bbook (?:a|your) demo\b|\bcheck out our\b|\bvisit our\b|\bwe'?d love to help\b|\breach out to us\b`;

/** A percent sign after a number, with the space (or no-break space) French and German put before it. */
const PERCENT = String.raw`\d{1,2}[ \u00a0\u202f]?%`;

const TABLES: Readonly<Record<Exclude<BrandLanguage, 'en'>, WordTable>> = {
  es: {
    edges: 'word',
    promo: [
      String.raw`c[oó]digo (?:de descuento|promocional|promo)`, String.raw`(?:usa|usad|con) (?:el |mi |nuestro )?c[oó]digo`,
      String.raw`cup(?:[oó]n|ones)`, 'descuentos?', `${PERCENT} (?:de )?dto`, String.raw`env[ií]o gratis`, 'sorteo', 'tiempo limitado', 'rebajas',
    ],
    callToAction: [
      String.raw`escr[ií]benos`, String.raw`(?:env[ií]anos|m[aá]ndanos) un (?:dm|md|mensaje)`, 'por (?:dm|md)',
      '(?:enlace|link) en (?:la |nuestra )?bio', 'compra (?:ya|ahora)', String.raw`reg[ií]strate`, 'reserva (?:una|tu) demo',
      'visita nuestr[ao]', 'estaremos encantados de ayudar',
    ],
  },
  pt: {
    edges: 'word',
    promo: [
      'cupo(?:m|ns)', String.raw`c[oó]digo promocional`, String.raw`(?:use|usa|com) o c[oó]digo`, 'descontos?', String.raw`frete gr[aá]tis`,
      'sorteio', 'por tempo limitado', String.raw`promo[cç][aã]o`,
    ],
    callToAction: [
      'na dm', 'no direct', '(?:mande|manda|envie|envia)(?:-nos)? uma (?:dm|mensagem)', 'link na bio', String.raw`compre (?:j[aá]|agora)`,
      'inscreva-se', 'cadastre-se', '(?:visite|confira) (?:o |a )?noss[oa]', 'fale conosco',
    ],
  },
  fr: {
    edges: 'word',
    promo: [
      'code promo', '(?:avec|utilisez) (?:le |mon |notre )?code', 'coupons?', String.raw`r[ée]ductions?`, 'remises?', `${PERCENT} de r[ée]duction`,
      'livraison (?:gratuite|offerte)', 'soldes', 'concours', String.raw`dur[ée]e limit[ée]e`, String.raw`offre limit[ée]e`,
    ],
    callToAction: [
      String.raw`[ée]crivez-nous`, 'envoyez-nous un (?:dm|mp|message)', 'en (?:dm|mp)', 'lien (?:dans|en) (?:la |notre )?bio',
      'achetez maintenant', 'inscrivez-vous', String.raw`r[ée]servez (?:une|votre) d[ée]mo`, String.raw`d[ée]couvrez notre`, 'visitez notre',
      String.raw`n'h[ée]sitez pas [àa] nous contacter`,
    ],
  },
  de: {
    edges: 'word',
    promo: [
      'gutscheincode', 'rabattcode', 'aktionscode', '(?:mit|nutze|nutzt) (?:dem |unserem |meinem )?code', 'gutscheine?', 'rabatte?',
      `${PERCENT} (?:rabatt|reduziert)`, 'versandkostenfrei', 'kostenloser versand', 'gratisversand', 'gewinnspiel',
      String.raw`nur f[üu]r kurze zeit`, 'zeitlich begrenzt',
    ],
    callToAction: [
      'schreib(?:t)? uns', 'schreiben sie uns', 'per (?:dm|pn|direktnachricht)', 'link in (?:der |unserer )?bio',
      'jetzt (?:kaufen|bestellen|shoppen|anmelden)', 'melde dich an', 'demo buchen', 'besuche(?:n sie|t)? unser', 'wir helfen (?:dir |ihnen |euch )?gern',
    ],
  },
  ja: {
    edges: 'free',
    promo: ['クーポン', 'プロモコード', '割引', '[%％](?:オフ|off)', '送料無料', 'プレゼントキャンペーン', '期間限定', 'セール'],
    callToAction: [
      'dmください', 'dmにて', 'dmで(?:ご|お)', 'dmをお送り', 'ダイレクトメッセージ', 'プロフィールのリンク', '今すぐ(?:購入|チェック)',
      'お気軽にお問い合わせ',
    ],
  },
  tr: {
    edges: 'word',
    // "İ" lower-cases to "i" and a combining dot; "I" to "i" (not "ı"): both spellings are written out.
    promo: [
      String.raw`i\u0307?ndirim kodu`, 'kupon', String.raw`i\u0307?ndirim`, String.raw`[üu]cretsiz kargo`, 'bedava kargo', String.raw`[çc]ekili[şs]`,
      String.raw`s[ıi]n[ıi]rl[ıi] s[üu]re`, 'kampanya',
    ],
    callToAction: [
      'bize dm', 'dm at', String.raw`dm['’]?den`, 'bize yaz', String.raw`bize ula[şs]`, String.raw`biyografideki (?:link|ba[ğg]lant[ıi])`,
      String.raw`hemen (?:sat[ıi]n al|incele)`, 'kaydol', String.raw`[üu]ye ol`, 'web sitemizi ziyaret',
    ],
  },
  ar: {
    edges: 'free',
    promo: ['كود الخصم', 'كود خصم', 'رمز الخصم', 'كوبون', 'خصم', 'شحن مجاني', 'توصيل مجاني', 'مسابقة', 'لفترة محدودة', 'عرض خاص', 'تخفيضات'],
    callToAction: [
      'راسلنا', 'راسلونا', 'تواصل معنا', 'تواصلوا معنا', 'على الخاص', 'في الخاص', 'الرابط في البايو', 'الرابط في الوصف', 'اطلب الآن',
      'اشتر الآن', 'تسوق الآن', 'سجل الآن', 'زوروا موقعنا',
    ],
  },
  id: {
    edges: 'word',
    promo: [
      'kode (?:promo|voucher|diskon)', '(?:pakai|gunakan) kode', 'kupon', 'voucher', 'diskon', 'potongan harga', '(?:gratis|free) ongkir',
      'giveaway', 'waktu terbatas', 'promo',
    ],
    callToAction: [
      'dm kami', 'hubungi kami', 'kirim(?:kan)? dm', 'chat kami', '(?:link|tautan) di bio', '(?:beli|belanja|daftar) sekarang',
      '(?:kunjungi|cek) (?:website|situs|toko) kami',
    ],
  },
  hi: {
    edges: 'free',
    promo: ['प्रोमो कोड', 'कूपन', 'छूट', 'डिस्काउंट', 'मुफ्त डिलीवरी', 'मुफ़्त डिलीवरी', 'फ्री डिलीवरी', 'सीमित समय', 'ऑफर'],
    callToAction: [
      'हमें dm करें', 'dm करें', 'हमें मैसेज करें', 'हमसे संपर्क करें', 'लिंक बायो में', 'बायो में लिंक', 'अभी खरीदें', 'अभी ऑर्डर करें',
      'साइन अप करें', 'हमारी वेबसाइट पर जाएं',
    ],
  },
};

const phrases = (t: WordTable, signal: BrandTextSignal): readonly string[] => (signal === 'promoCode' ? t.promo : t.callToAction);

/** Phrases as one pattern source, edges applied once around them all. */
function source(list: readonly string[], edges: WordTable['edges']): string {
  const body = list.join('|');
  return edges === 'word' ? String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])` : `(?:${body})`;
}

export type BrandTextSignal = 'promoCode' | 'callToAction';

const englishSource = (signal: BrandTextSignal): string => (signal === 'promoCode' ? EN_PROMO : EN_CALL_TO_ACTION);

/** Every language's pattern source for one signal, English first. */
export function brandWordSources(signal: BrandTextSignal): Record<BrandLanguage, string> {
  const out = { en: englishSource(signal) } as Record<BrandLanguage, string>;
  for (const [lang, t] of Object.entries(TABLES) as Array<[Exclude<BrandLanguage, 'en'>, WordTable]>) out[lang] = source(phrases(t, signal), t.edges);
  return out;
}

export interface BrandWords {
  promoCode: RegExp;
  callToAction: RegExp;
}

/**
 * English's pattern and the other languages' phrases, those of each kind of edges under one pair of
 * edge tests (a text is then walked once per signal, however many languages it is checked in).
 */
function compile(langs: readonly BrandLanguage[], signal: BrandTextSignal): RegExp {
  const parts: string[] = [];
  if (langs.includes('en')) parts.push(englishSource(signal));
  for (const edges of ['word', 'free'] as const) {
    const list = langs.flatMap((l) => (l === 'en' || TABLES[l].edges !== edges ? [] : phrases(TABLES[l], signal)));
    if (list.length > 0) parts.push(source(list, edges));
  }
  return new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'u');
}

const wordsFor = (langs: readonly BrandLanguage[]): BrandWords =>
  ({ promoCode: compile(langs, 'promoCode'), callToAction: compile(langs, 'callToAction') });

/** Per language: that language's words and English's, one regex per signal. */
const BY_LANGUAGE = Object.fromEntries(
  BRAND_LANGUAGES.map((l) => [l, wordsFor(l === 'en' ? ['en'] : ['en', l])]),
) as Record<BrandLanguage, BrandWords>;
/** Every table at once, for text in a language the page does not name or the tables lack. */
export const ALL_BRAND_WORDS: BrandWords = wordsFor(BRAND_LANGUAGES);

/** The words for a post in `lang` (a BCP 47 tag; its primary subtag picks the table), else every table. */
export function brandWordsFor(lang: string | undefined): BrandWords {
  if (lang === undefined || lang === '') return ALL_BRAND_WORDS;
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  return (BY_LANGUAGE as Partial<Record<string, BrandWords>>)[primary] ?? ALL_BRAND_WORDS;
}

// Names and handles: an account's name is not in its post's language, so every table's words count.
/** Brand words in a display name, as whole words (Latin script) or anywhere (Japanese "公式", official). */
export const BRAND_NAME = /(?:^|[^a-z])(?:official|oficial|officiel|offiziell|resmi|hq|inc|llc|ltd|gmbh|corp|brand|shop|store|deals|support|customer ?care|team|app)(?:$|[^a-z])|公式|オフィシャル/;
/** Brand words at the end of a handle (its user part: `acmesupport` of `acmesupport@mas.to`). */
export const BRAND_HANDLE = /(?:official|oficial|hq|inc|llc|ltd|gmbh|corp|shop|store|deals|support|care|app)$/;

// X's own interface words, per language of the page (`<html lang>`), for the few readings where
// words are the only signal left. Everything else is read from language-free markup first (test
// ids, structure, icons, links: post-dom.ts); the words here only add to it, never replace it.
//
// Sources (facts, each string as recorded there; none is guessed):
// - `quote`, `postUnavailable`: Control Panel for Twitter, insin/control-panel-for-twitter, script.js,
//   the `locales` table (keys QUOTE, POST_UNAVAILABLE), commit 0962235a224cd772184d70914d87112f4b4a414e
//   (v4.24.0, 2026-08-17). French has no REPOST there, so no repost word is taken from it at all.
// - `adLabels`: the header label of a promoted post. English "Ad" and "Promoted": X's current and
//   older English labels, as in this project's own fixtures and in the sources below. The other
//   languages' "Promoted" labels are as recorded by the public userscript "Twitter: hide promoted
//   tweets" (v0.3.1, Darth Obvious, MIT; its `promoted_texts` list, stored in the code index), and
//   for es, de, fr, pt and ja also by at least one more public ad hider (toreti/promoted-tweets-blocker
//   script.js: "Promovido"; TidyFeed's AD_INDICATORS: "プロモーション", "Gesponsert", "Sponsorisé",
//   "Promocionado"). No source records X's newer short "Ad" label outside English: pages in other
//   languages rely on the markup (placementTracking, impression pixels, twclid links) and the API.
// - "Replying to", "<name> reposted", "Pinned": no source records X's wording outside English, so
//   only English has them; every language reads those from markup (post-dom.ts), English included.

export interface XUiStrings {
  /** Bare labels X prints in a promoted post's header, outside any link or text. */
  adLabels: readonly string[];
  /** The visually hidden label X puts before a quoted post. */
  quote: string;
  /** What a quoted post that cannot be shown says instead. */
  postUnavailable: string;
  /** socialContext wording of a repost (English only: see the header). */
  repostContext?: RegExp;
  /** The "Replying to" words, unanchored and without the g flag (English only: see the header). */
  replyingTo?: RegExp;
}

export const X_UI_STRINGS = {
  en: {
    adLabels: ['Ad', 'Promoted'], quote: 'Quote', postUnavailable: 'This post is unavailable.',
    repostContext: /\b(?:reposted|retweeted)\b/i, replyingTo: /Replying to\b/i,
  },
  es: { adLabels: ['Promocionado'], quote: 'Cita', postUnavailable: 'Este post no está disponible.' },
  pt: { adLabels: ['Promovido'], quote: 'Comentar', postUnavailable: 'Este post está indisponível.' },
  fr: { adLabels: ['Sponsorisé'], quote: 'Citation', postUnavailable: "Ce post n'est pas disponible." },
  de: { adLabels: ['Gesponsert'], quote: 'Zitat', postUnavailable: 'Dieser Post ist nicht verfügbar.' },
  ja: { adLabels: ['プロモーション'], quote: '引用', postUnavailable: 'このポストは表示できません。' },
  tr: { adLabels: ['Sponsorlu'], quote: 'Alıntı', postUnavailable: 'Bu gönderi kullanılamıyor.' },
  ar: { adLabels: ['مُروَّج'], quote: 'اقتباس', postUnavailable: 'هذا المنشور غير متاح.' },
  id: { adLabels: ['Dipromosikan'], quote: 'Kutipan', postUnavailable: 'Postingan ini tidak tersedia.' },
  hi: { adLabels: ['प्रचारित'], quote: 'कोट', postUnavailable: 'यह पोस्ट उपलब्ध नहीं है.' },
} as const satisfies Record<string, XUiStrings>;

export type XUiLanguage = keyof typeof X_UI_STRINGS;
export const X_UI_LANGUAGES = Object.keys(X_UI_STRINGS) as XUiLanguage[];

/** A language the table lacks: nothing is read from words at all (markup and API only). */
export const NO_STRINGS: XUiStrings = Object.freeze({ adLabels: [], quote: '', postUnavailable: '' });

/**
 * The table for a page's `<html lang>`: the exact tag, else its primary subtag (`pt-BR` → pt,
 * `ar-x-fm` → ar), else NO_STRINGS. An empty or missing lang reads as English: x.com always sets
 * one, and tests' bare pages set none.
 */
export function xUiStrings(lang: string | null | undefined): XUiStrings {
  const tag = (lang ?? '').trim().toLowerCase();
  if (tag === '') return X_UI_STRINGS.en;
  const table: Readonly<Record<string, XUiStrings>> = X_UI_STRINGS;
  return table[tag] ?? table[tag.split('-')[0] ?? ''] ?? NO_STRINGS;
}

// The few words Doorman reads on LinkedIn when structure and data cannot tell, per page language
// (the `lang` of <html>, its primary subtag). English is what the captures show (tests/fixtures/
// linkedin); the other languages' labels are those a public LinkedIn feed-cleaning extension matches
// (found by code search; not checked against LinkedIn itself). Structure comes first everywhere:
// "Promoted by" is a link to the paying company's page whatever the language, a 1st-degree marker is a
// "1" after the bullet, a Follow button is `aria-pressed="false"`.

export interface Words {
  /** A company ad's whole sub-description. */
  promoted: readonly string[];
  /** The messaging list's badge on a sponsored conversation. */
  sponsoredMessage: readonly string[];
  /** The header of a repost ("<name> reposted this"): a share, not a reaction. */
  reposted: readonly string[];
  /** The degree marker of an account the user follows ("• Following"). */
  following: readonly string[];
}

const EN: Words = {
  promoted: ['promoted'],
  sponsoredMessage: ['sponsored', 'linkedin offer'],
  reposted: ['reposted this'],
  following: ['following'],
};

const WORDS: Readonly<Record<string, Words>> = {
  en: EN,
  nl: { promoted: ['gesponsord'], sponsoredMessage: ['gesponsord', 'linkedin-aanbieding'], reposted: [], following: [] },
  fr: { promoted: ['sponsorisé'], sponsoredMessage: ['sponsorisé', 'offre linkedin'], reposted: [], following: [] },
  es: { promoted: ['promocionado'], sponsoredMessage: ['oferta de linkedin'], reposted: [], following: [] },
  de: { promoted: ['gesponsert'], sponsoredMessage: ['linkedin-angebot'], reposted: [], following: [] },
  it: { promoted: ['promosso'], sponsoredMessage: [], reposted: [], following: [] },
  pt: { promoted: ['promovido'], sponsoredMessage: [], reposted: [], following: [] },
  ja: { promoted: ['プロモーション'], sponsoredMessage: [], reposted: [], following: [] },
  zh: { promoted: ['推广'], sponsoredMessage: [], reposted: [], following: [] },
};

/**
 * The words for a page language: its own where known, with English's always beside them (LinkedIn
 * leaves some labels untranslated, and a page may be served in English whatever its `lang`).
 */
export function wordsFor(lang: string): Words {
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const own = WORDS[primary];
  if (own === undefined || own === EN) return EN;
  return {
    promoted: [...own.promoted, ...EN.promoted],
    sponsoredMessage: [...own.sponsoredMessage, ...EN.sponsoredMessage],
    reposted: [...own.reposted, ...EN.reposted],
    following: [...own.following, ...EN.following],
  };
}

/** Lower-cased, whitespace folded: how labels are compared. */
export const folded = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

// The content script's words, in the browser's UI language: the placeholder's own ("Show", "Filtered
// by Doorman") and reason sentences, from the same messages the extension pages use
// (public/_locales), through chrome.i18n (extension-api.ts) and the one reason renderer
// (core/reason-text.ts). Each is looked up once: the UI language does not change under a page.
import type { Why } from '../core/reason';
import { listJoiner, reasonText, writingDirection, type ReasonLocale } from '../core/reason-text';
import { uiLanguage } from './extension-api';
import { cachedMessage, forgetMessages } from './message-templates';

/** The placeholder's words; the English stands in only where no catalogue answers (never in an extension). */
const PLACEHOLDER_WORDS = {
  placeholderLabel: 'Filtered by Doorman',
  placeholderShow: 'Show',
  placeholderHide: 'Hide',
  placeholderCollapse: 'Collapse',
} as const;
export type PlaceholderWord = keyof typeof PLACEHOLDER_WORDS;

const words = new Map<PlaceholderWord, string>();

export function word(key: PlaceholderWord): string {
  let w = words.get(key);
  if (w === undefined) {
    w = cachedMessage(key) || PLACEHOLDER_WORDS[key];
    words.set(key, w);
  }
  return w;
}

let language: { lang: string; dir: 'ltr' | 'rtl' } | undefined;

/** The language the words are in, for the placeholder's `lang` and `dir` (the page's may differ). */
export function wordsLanguage(): { lang: string; dir: 'ltr' | 'rtl' } {
  if (!language) {
    const lang = uiLanguage().replace(/_/g, '-');
    language = { lang, dir: writingDirection(lang) };
  }
  return language;
}

let locale: ReasonLocale | undefined;
/** One sentence per reason object: a user rule's verdict (and its reason) is shared by every item it matches. */
let sentences = new WeakMap<Why, string>();

export function reasonSentence(why: Why): string {
  let s = sentences.get(why);
  if (s === undefined) {
    locale ??= { message: cachedMessage, list: listJoiner(uiLanguage()) };
    s = reasonText(why, locale);
    sentences.set(why, s);
  }
  return s;
}

/** Forgets the words looked up (tests that switch catalogues). */
export function resetWords(): void {
  words.clear();
  language = undefined;
  locale = undefined;
  sentences = new WeakMap();
  forgetMessages();
}

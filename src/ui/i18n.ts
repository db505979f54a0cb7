// Strings come from the browser's i18n (public/_locales/<lang>/messages.json). Outside an extension
// (unit tests, a plain page) there is no catalogue, so the key itself stands in: tests can assert on
// keys, and a missing message is visible instead of blank. Plurals choose their form by the UI
// language's own rules (Intl.PluralRules: one/other in English, one/few/many/other in Polish, six
// forms in Arabic), and the pages take the UI language's `lang` and writing direction.

import { writingDirection } from '../core/reason-text';

type GetMessage = (key: string, subs?: string | string[]) => string | undefined;

interface I18nHost {
  browser?: { i18n?: { getMessage?: GetMessage; getUILanguage?: () => string } };
  chrome?: { i18n?: { getMessage?: GetMessage; getUILanguage?: () => string } };
}

// i18n is synchronous and identical in both namespaces, so no polyfill import is needed here
// (importing webextension-polyfill outside an extension throws).
function host(): I18nHost['browser'] {
  const g = globalThis as I18nHost;
  return g.browser?.i18n ? g.browser : g.chrome;
}

export type Sub = string | number;

const strings = (subs: Sub | readonly Sub[] | undefined): string[] =>
  subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);

/** The message `key` with its substitutions, or '' when the catalogue has none (or there is no catalogue). */
export function message(key: string, subs?: Sub | readonly Sub[]): string {
  const list = strings(subs);
  const get = host()?.i18n?.getMessage;
  if (!get) return '';
  try {
    return get(key, list.length > 0 ? list : undefined) || '';
  } catch {
    return '';
  }
}

export function t(key: string, subs?: Sub | readonly Sub[]): string {
  const found = message(key, subs);
  if (found) return found;
  const list = strings(subs);
  return list.length > 0 ? `${key} ${list.join(' ')}` : key;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural category of `count` in the UI language: 'one', 'two', 'few', 'many', 'zero' or 'other'. */
export function pluralCategory(count: number, lang = uiLanguage()): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(lang);
    } catch {
      rules = new Intl.PluralRules('en'); // an unknown language tag
    }
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

/**
 * A counted message: `<key>_<category>` for the UI language's plural category of `count` (see
 * pluralCategory), `<key>_other` when the locale has no message for that category. The count is $1.
 */
export function tn(key: string, count: number, more: readonly Sub[] = []): string {
  const subs = [formatNumber(count), ...more];
  const category = pluralCategory(count);
  const found = message(`${key}_${category}`, subs) || (category === 'other' ? '' : message(`${key}_other`, subs));
  // No catalogue at all: the key of the form chosen stands in, as t() does.
  return found || t(`${key}_${category}`, subs);
}

export function uiLanguage(): string {
  try {
    return host()?.i18n?.getUILanguage?.() || globalThis.navigator?.language || 'en';
  } catch {
    return 'en';
  }
}

/** Gives the page the UI language's `lang` and `dir` (the HTML files say `en` until this runs). */
export function applyPageLanguage(doc: Document, lang = uiLanguage()): void {
  const el = doc.documentElement;
  el.lang = lang.replace(/_/g, '-');
  el.dir = writingDirection(lang);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

// The browser's i18n over the real public/_locales catalogues, for tests: getMessage as Chrome
// implements it (the UI language's message, else the default locale's; named placeholders
// $NAME$ → their content, $1…$9 → the substitutions, $$ → $; '' for an unknown key) and
// getUILanguage. Installed as the `chrome` global, it is what the pages and content scripts read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Verdict } from '../../../src/core/model';
import { asProblem, problemOf, type Problem } from '../../../src/core/problem';
import { numberFormatter, problemText } from '../../../src/core/problem-text';
import { listJoiner, reasonText } from '../../../src/core/reason-text';

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const root = join(__dirname, '../../../public/_locales');

export function readLocale(lang: string): Messages {
  const p = join(root, lang, 'messages.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Messages) : {};
}

const substitute = (text: string, subs: readonly string[]): string =>
  text.replace(/\$(\$|[1-9])/g, (_, c: string) => (c === '$' ? '$' : subs[Number(c) - 1] ?? ''));

export function render(m: Messages[string], subs: readonly string[]): string {
  const named = (name: string) => {
    const content = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1].content;
    return content === undefined ? '' : substitute(content, subs);
  };
  // Placeholders first, then the positional $n left in the message itself.
  const withNamed = m.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => named(name).replace(/\$/g, '\u0000'));
  return substitute(withNamed, subs).replace(/\u0000/g, '$');
}

export interface I18nApi {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage(): string;
}

/** `lang`'s catalogue over English (the manifest's default_locale), or `messages` given outright. */
export function i18nApi(lang: string, messages?: Messages): I18nApi {
  const own = messages ?? readLocale(lang.replace(/-/g, '_'));
  const base = messages ? {} : readLocale('en');
  return {
    getMessage(key, subs) {
      const m = own[key] ?? base[key];
      if (!m) return '';
      return render(m, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
    },
    getUILanguage: () => lang,
  };
}

type WithI18n = { chrome?: { i18n?: I18nApi } };

/** Makes `lang` the UI language of the pages (and content scripts) under test; returns the undo. */
export function useUiLanguage(lang: string, messages?: Messages): () => void {
  const g = globalThis as WithI18n;
  const before = g.chrome;
  g.chrome = { ...(before ?? {}), i18n: i18nApi(lang, messages) };
  return () => {
    if (before === undefined) delete g.chrome;
    else g.chrome = before;
  };
}

const english = i18nApi('en');
const englishLocale = { message: (key: string, subs?: readonly string[]) => english.getMessage(key, subs ? [...subs] : undefined), list: listJoiner('en') };

/** A verdict's reason as the English catalogue words it. */
export const englishReason = (v: Pick<Verdict, 'why'>): string => reasonText(v.why, englishLocale);

/** A verdict with its reason worded in English in place of the data: what the tests of sentences compare. */
export function worded(v: Verdict): Omit<Verdict, 'why'> & { reason: string } {
  const { why: _why, ...rest } = v;
  return { ...rest, reason: englishReason(v) };
}

/** A problem (core/problem.ts) as the `lang` catalogue words it: what tests of problem sentences compare. */
const apis = new Map<string, I18nApi>();

export function problemIn(lang: string, p: Problem): string {
  let api = apis.get(lang);
  if (!api) apis.set(lang, (api = i18nApi(lang)));
  return problemText(p, {
    message: (key, subs) => api.getMessage(key, subs ? [...subs] : undefined),
    list: listJoiner(lang),
    number: numberFormatter(lang),
  });
}

/** A problem, or the problem an error carries, in English; an error without one is a test failure. */
export function inEnglish(p: Problem | unknown): string {
  const found = asProblem(p) ?? problemOf(p);
  if (!found) throw new Error(`not a problem: ${String(p)}`);
  return problemIn('en', found);
}

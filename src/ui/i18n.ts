// Strings come from the browser's i18n (public/_locales/<lang>/messages.json). Outside an extension
// (unit tests, a plain page) there is no catalogue, so the key itself stands in: tests can assert on
// keys, and a missing message is visible instead of blank.

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

export function t(key: string, subs?: Sub | readonly Sub[]): string {
  const list = subs === undefined ? [] : (Array.isArray(subs) ? subs : [subs]).map(String);
  const get = host()?.i18n?.getMessage;
  if (get) {
    try {
      const message = get(key, list.length > 0 ? list : undefined);
      if (message) return message;
    } catch {
      // fall through to the key
    }
  }
  return list.length > 0 ? `${key} ${list.join(' ')}` : key;
}

/** English-style plural choice: `<key>_one` for 1, `<key>_other` otherwise; the count is $1. */
export function tn(key: string, count: number, more: readonly Sub[] = []): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}`, [formatNumber(count), ...more]);
}

export function uiLanguage(): string {
  try {
    return host()?.i18n?.getUILanguage?.() || globalThis.navigator?.language || 'en';
  } catch {
    return 'en';
  }
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

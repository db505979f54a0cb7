// The content script's cached messages equal what chrome.i18n.getMessage returns, for every message of
// the real catalogues, with substitutions that themselves hold $ signs and the template's markers'
// neighbours, and with fewer substitutions than the message has slots; each key is asked once.
import { afterEach, describe, expect, it } from 'vitest';
import { cachedMessage, forgetMessages } from '../../../src/content/message-templates';
import { i18nApi, readLocale, useUiLanguage } from '../ui/catalogue';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  forgetMessages();
});

const keys = Object.keys(readLocale('en'));

describe('cachedMessage', () => {
  it.each(['en', 'es', 'de'])('fills every %s message as getMessage does', (lang) => {
    restore = useUiLanguage(lang);
    const api = i18nApi(lang);
    const subsSets: string[][] = [[], ['@acme'], ['a $1 b', '$$', '\uE000x'], ['one', 'two', 'three', 'four']];
    let compared = 0;
    for (const key of keys) {
      for (const subs of subsSets) {
        expect(cachedMessage(key, subs), `${key} ${JSON.stringify(subs)}`).toBe(api.getMessage(key, subs.length > 0 ? subs : undefined));
        compared++;
      }
    }
    expect(compared).toBe(keys.length * subsSets.length);
    expect(keys.length).toBeGreaterThan(100);
  });

  it('asks the browser once per key, and says nothing for a key it lacks', () => {
    restore = useUiLanguage('en');
    const g = globalThis as { chrome?: { i18n?: { getMessage(key: string, subs?: string[]): string } } };
    const real = g.chrome!.i18n!;
    let calls = 0;
    g.chrome!.i18n = { ...real, getMessage: (key, subs) => (calls++, real.getMessage(key, subs)) };
    for (let i = 0; i < 50; i++) {
      cachedMessage('placeholderButtonName', ['Show', 'reply', `@user${i}`]);
      cachedMessage('placeholderShow');
      expect(cachedMessage('noSuchKeyAnywhere', ['x'])).toBe('');
    }
    expect(calls).toBe(3);
    expect(cachedMessage('placeholderButtonName', ['Show', 'reply', '@acme'])).toBe('Show reply from @acme');
  });
});

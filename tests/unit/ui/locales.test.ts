// Every locale is complete: each has every message English (the default locale) has, with the same
// placeholders ($NAME$ and positional $1…), and each message the content script and the reason
// renderer build from a code exists in English. A locale that lacks one fails here, by name.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRAND_SIGNALS } from '../../../src/core/brand';
import { REASON_SENTENCES } from '../../../src/core/reason';
import { readLocale, type Messages } from './catalogue';

const locales = readdirSync(join(__dirname, '../../../public/_locales')).sort();
const en = readLocale('en');

/** The placeholders a message uses: its $NAME$ names (lower-cased) and each one's $n, and any bare $n. */
function placeholdersOf(m: Messages[string]): string[] {
  const named = [...m.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((x) => {
    const name = x[1]!.toLowerCase();
    const content = Object.entries(m.placeholders ?? {}).find(([k]) => k.toLowerCase() === name)?.[1].content ?? '?';
    return `$${name}$=${content}`;
  });
  const bare = [...m.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').matchAll(/\$([1-9])/g)].map((x) => `$${x[1]}`);
  return [...new Set([...named, ...bare])].sort();
}

/** What `locale` lacks of `base`: missing keys, and keys whose placeholders differ. */
export function gaps(base: Messages, locale: Messages): { missing: string[]; placeholders: string[] } {
  const missing: string[] = [];
  const placeholders: string[] = [];
  for (const [key, m] of Object.entries(base)) {
    const own = locale[key];
    if (!own) missing.push(key);
    else if (placeholdersOf(own).join() !== placeholdersOf(m).join()) placeholders.push(key);
  }
  return { missing, placeholders };
}

describe('locales', () => {
  it('are English, Spanish and German at least', () => {
    expect(locales).toEqual(expect.arrayContaining(['de', 'en', 'es']));
  });

  it('finds a missing key and a missing or changed placeholder', () => {
    const base: Messages = {
      a: { message: 'Hello $WHO$', placeholders: { who: { content: '$1' } } },
      b: { message: 'plain' },
      c: { message: 'Count $1' },
    };
    expect(gaps(base, base)).toEqual({ missing: [], placeholders: [] });
    expect(gaps(base, { a: { message: 'Hola' }, c: { message: 'Cuenta $2' } })).toEqual({ missing: ['b'], placeholders: ['a', 'c'] });
    expect(gaps(base, { a: { message: 'Hola $QUIEN$', placeholders: { quien: { content: '$1' } } }, b: base.b!, c: base.c! }).placeholders).toEqual(['a']);
  });

  it.each(locales.filter((l) => l !== 'en'))('%s has every message of English, with the same placeholders', (lang) => {
    expect(gaps(en, readLocale(lang))).toEqual({ missing: [], placeholders: [] });
  });

  it('English has the messages built from codes: reason sentences, their parts, brand signals, placeholder words', () => {
    const built = [
      ...REASON_SENTENCES.filter((s) => s !== 'seek' && s !== 'rule').map((s) => `why_${s}`),
      ...['search', 'profile', 'list', 'other'].map((c) => `why_seek_${c}`),
      ...['show', 'label', 'collapse', 'hide'].map((a) => `why_rule_${a}`),
      ...['reply', 'mention', 'quote', 'message'].flatMap((k) => [`whySubject_${k}`, `whySubject_${k}_own`]),
      'whyThisAccount', 'whyMarkedBrand',
      ...Object.keys(BRAND_SIGNALS).map((id) => `brandSignal_${id}`),
      'placeholderLabel', 'placeholderShow', 'placeholderHide', 'placeholderCollapse',
    ];
    expect(built.filter((k) => !en[k])).toEqual([]);
  });
});

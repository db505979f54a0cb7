// Every message Doorman builds from a code exists in English (the default locale): reason sentences
// and their parts, brand signals, the placeholder's words and its buttons' item nouns. That each
// other locale has every English message, with the same placeholders, is tests/unit/i18n/locales.test.ts.
import { describe, expect, it } from 'vitest';
import { BRAND_SIGNALS } from '../../../src/core/brand';
import { REASON_SENTENCES } from '../../../src/core/reason';
import { ITEM_KINDS } from '../../../src/core/vocabulary';
import { readLocale } from './catalogue';

const en = readLocale('en');
/** Sentences worded by a family of keys rather than one `why_<say>`. */
const FAMILIES: ReadonlySet<string> = new Set(['seek', 'rule', 'network', 'recommendation']);

describe('messages built from codes', () => {
  it('English has every one: reason sentences, their parts, brand signals, placeholder words', () => {
    const built = [
      ...REASON_SENTENCES.filter((s) => !FAMILIES.has(s)).map((s) => `why_${s}`),
      ...['search', 'profile', 'list', 'other'].map((c) => `why_seek_${c}`),
      ...['show', 'label', 'collapse', 'hide'].map((a) => `why_rule_${a}`),
      'why_network', 'why_network_collapse', 'why_recommendation', 'why_recommendation_collapse',
      ...['reply', 'mention', 'quote', 'message'].flatMap((k) => [`whySubject_${k}`, `whySubject_${k}_own`]),
      ...['reply', 'mention', 'notification', 'other'].map((k) => `whyPageSubject_${k}`),
      'whyThisAccount', 'whyMarkedBrand',
      ...Object.keys(BRAND_SIGNALS).map((id) => `brandSignal_${id}`),
      'placeholderLabel', 'placeholderShow', 'placeholderHide', 'placeholderCollapse',
      'placeholderButtonName', 'placeholderButtonNameNoAuthor',
      ...ITEM_KINDS.map((k) => `itemNoun_${k}`),
    ];
    expect(built.filter((k) => !en[k])).toEqual([]);
  });
});

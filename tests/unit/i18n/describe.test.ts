// The rules list's one-line summary in the real catalogues: kinds and contexts read as each language
// writes them inside a sentence (German nouns keep their capital, English goes lower-case), with
// every context and kind worded (no key standing in).
import { afterEach, describe, expect, it } from 'vitest';
import { ITEM_KINDS, PAGE_CONTEXTS } from '../../../src/core/model';
import type { Condition } from '../../../src/core/rules';
import { describeCondition } from '../../../src/options/rules/describe';
import { useUiLanguage } from '../ui/catalogue';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const rule: Condition = {
  type: 'all',
  of: [
    { type: 'kind', kinds: ['reply', 'mention'] },
    { type: 'context', contexts: ['home', 'notifications'] },
    { type: 'not', of: { type: 'followed', value: true } },
  ],
};

describe('describeCondition in the UI language', () => {
  it('German keeps its nouns capitalised', () => {
    restore = useUiLanguage('de');
    expect(describeCondition(rule)).toBe('Antwort oder Erwähnung · unter Startseite oder Mitteilungen · nicht ich folge dem Autor');
  });

  it('English reads lower-case mid-sentence', () => {
    restore = useUiLanguage('en');
    expect(describeCondition(rule)).toBe('reply or mention · on home or notifications · not I follow the author');
    expect(describeCondition({ type: 'context', contexts: ['thread', 'other'] })).toBe('on a thread or another page');
  });

  it('French and Arabic too', () => {
    restore = useUiLanguage('fr');
    expect(describeCondition(rule)).toBe('réponse ou mention · affiché\u00a0: accueil ou notifications · non je suis l\'auteur');
    restore();
    restore = useUiLanguage('ar');
    expect(describeCondition({ type: 'kind', kinds: ['reply', 'mention'] })).toBe('الرد أو الإشارة');
  });

  it.each(['en', 'es', 'de', 'fr', 'ar'])('%s words every kind and context', (lang) => {
    restore = useUiLanguage(lang);
    for (const kind of ITEM_KINDS) expect(describeCondition({ type: 'kind', kinds: [kind] }), kind).not.toMatch(/itemNoun_|kind_/);
    for (const context of PAGE_CONTEXTS) expect(describeCondition({ type: 'context', contexts: [context] }), context).not.toMatch(/contextNoun_|context_/);
  });
});

// Reasons as data, worded in the UI language: every sentence classify can give, in English, Spanish
// and German through the real catalogues; a log entry from before (only its English sentence) still
// shows; the CSV export and the log search use the sentence as the UI language words it.
import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import type { Verdict } from '../../../src/core/model';
import { REASON_SENTENCES, type Why } from '../../../src/core/reason';
import { BRAND_SIGNALS } from '../../../src/core/brand';
import type { LogEntryInput } from '../../../src/shared/messages';
import { CSV_COLUMNS, logToCsv } from '../../../src/ui/log/csv';
import { emptyFilter, filterLog } from '../../../src/ui/log/filter';
import { reasonSentence, whyText } from '../../../src/ui/reasons';
import { brandAuthor, item, rule, ruleset } from '../core/builders';
import { useUiLanguage } from './catalogue';

let restore: (() => void) | undefined;
afterEach(() => restore?.());
const speak = (lang: string) => {
  restore?.();
  restore = useUiLanguage(lang);
};

/** One verdict for each sentence classify can say. */
function verdicts(): Record<string, Verdict> {
  const balanced = ruleset();
  return {
    paused: classify(item({ site: 'bsky' }), ruleset({ settings: { sites: { bsky: { enabled: false } } } })),
    off: classify(item(), ruleset({ settings: { policy: 'off' } })),
    followed: classify(item({ author: { followed: true } }), balanced),
    allowlisted: classify(item({ author: brandAuthor() }), ruleset({ allowlist: [{ site: 'x', accountId: 'b1', handle: 'acme' }] })),
    ad: classify(item({ promoted: true, author: { handle: '' } }), balanced),
    seek: classify(item({ context: 'search' }), balanced),
    notUnsolicited: classify(item({ kind: 'post' }), balanced),
    verifiedOrg: classify(item({ author: brandAuthor() }), ruleset({ settings: { letVerifiedOrganizations: true } })),
    unknownFollow: classify(item({ author: { followed: 'unknown' } }), balanced),
    notFollowed: classify(item({ inOwnThread: true }), ruleset({ settings: { policy: 'strict' } })),
    mutingOff: classify(item({ author: brandAuthor() }), ruleset({ settings: { hideUnsolicitedBrands: false } })),
    brand: classify(item({ kind: 'mention', author: brandAuthor() }), balanced),
    marked: classify(item({ kind: 'quote' }), ruleset({ overrides: [{ site: 'x', accountId: 'a1', handle: 'someone', brand: 'brand' }] })),
    notBrand: classify(item(), balanced),
    rule: classify(item(), ruleset({ rules: [rule({ type: 'kind', kinds: ['reply'] }, { name: 'Replies', then: { class: 'interruption', action: 'hide' } })] })),
    sponsoredMessage: classify(item({ site: 'linkedin', kind: 'mention', promoted: true, author: { handle: '', displayName: 'MegaCorp', followed: false } }), balanced),
    brandPage: classify(item({ site: 'linkedin', kind: 'post', fromPage: true, author: { handle: 'company/acme', displayName: 'Acme', followed: false } }), balanced),
    network: classify(item({ site: 'linkedin', kind: 'post', surfacedBy: 'network', author: { handle: 'in/hana', displayName: 'Hana', followed: false } }), balanced),
    networkCollapsed: classify(item({ site: 'linkedin', kind: 'post', surfacedBy: 'network', author: { handle: 'in/hana', displayName: 'Hana', followed: false } }), ruleset({ settings: { collapseNetworkSuggestions: true } })),
    recommendation: classify(item({ site: 'linkedin', kind: 'post', surfacedBy: 'platform', author: { handle: '', followed: false } }), balanced),
    recommendationCollapsed: classify(item({ site: 'linkedin', kind: 'post', surfacedBy: 'platform', author: { handle: '', followed: false } }), ruleset({ settings: { collapseRecommendations: true } })),
  };
}

describe('reason sentences in the UI language', () => {
  it('classify gives every sentence there is', () => {
    const said = new Set(Object.values(verdicts()).map((v) => v.why.say));
    expect([...said].sort()).toEqual([...REASON_SENTENCES].sort());
  });

  it.each(['en', 'es', 'de', 'fr', 'ar'])('%s words every reason from its own messages, each different from the others', (lang) => {
    speak(lang);
    const texts = Object.fromEntries(Object.entries(verdicts()).map(([k, v]) => [k, whyText(v.why)]));
    for (const [k, text] of Object.entries(texts)) {
      expect(text, k).not.toMatch(/\b(?:why|whySubject|brandSignal|whyThisAccount|whyMarkedBrand)_?/);
      expect(text.length, k).toBeGreaterThan(10);
    }
    expect(new Set(Object.values(texts)).size).toBe(Object.keys(texts).length);
  });

  it('words them in Spanish and German as a reader of each expects', () => {
    const v = verdicts();
    speak('es');
    expect(whyText(v.brand!.why)).toBe('Mención de @acme, una marca que no sigues (organización verificada y perfil de empresa)');
    expect(whyText(v.notFollowed!.why)).toBe('Respuesta en tu hilo de @someone, a quien no sigues (Estricto: solo las personas que sigues y las marcas que permites)');
    expect(whyText(v.ad!.why)).toBe('Oculto: anuncio promocionado por esta cuenta');
    expect(whyText(v.paused!.why)).toBe('Mostrado: Doorman está en pausa en Bluesky');
    expect(whyText(v.rule!.why)).toBe('Oculto por tu regla «Replies»');
    expect(whyText(v.marked!.why)).toBe('Cita de @someone, una marca que no sigues (la marcaste como marca)');
    speak('de');
    expect(whyText(v.brand!.why)).toBe('Erwähnung von @acme, einer Marke, der Sie nicht folgen (verifizierte Organisation, Unternehmensprofil)');
    expect(whyText(v.seek!.why)).toBe('Angezeigt: Sie haben diese Suche geöffnet, daher wird hier nur Werbung ausgeblendet');
    expect(whyText(v.rule!.why)).toBe('Ausgeblendet durch Ihre Regel „Replies“');
    expect(whyText(v.brandPage!.why)).toBe('Beitrag von Acme, einer Unternehmensseite, der Sie nicht folgen');
    speak('en');
    expect(whyText(v.brandPage!.why)).toBe("Update from Acme, a company page you don't follow");
    expect(whyText(v.networkCollapsed!.why)).toBe("Suggested by your network: someone you know reacted or commented, but you don't follow Hana (you collapse these)");
  });

  it('joins three signals as the language lists them, and names a signal it has no words for by its id', () => {
    const why: Why = { say: 'brand', who: 'acme', kind: 'reply', signals: ['organization', 'orgProfile', 'promoCode'] };
    speak('en');
    expect(whyText(why)).toBe("Reply from @acme, a brand you don't follow (verified organisation, business profile, promo code or discount)");
    speak('de');
    expect(whyText(why)).toBe('Antwort von @acme, einer Marke, der Sie nicht folgen (verifizierte Organisation, Unternehmensprofil und Gutscheincode oder Rabatt)');
    speak('en');
    expect(whyText({ ...why, signals: ['newSignal'] })).toBe("Reply from @acme, a brand you don't follow (newSignal)");
  });

  it('has the words for every brand signal in every language (from the id, not the English label)', () => {
    for (const lang of ['en', 'es', 'de', 'fr', 'ar']) {
      speak(lang);
      for (const id of Object.keys(BRAND_SIGNALS)) {
        const text = whyText({ say: 'brand', who: 'a', kind: 'reply', signals: [id] });
        expect(text, `${lang} ${id}`).not.toContain(`(${id})`);
      }
    }
  });
});

function entry(over: Partial<LogEntryInput> = {}): LogEntryInput {
  return {
    site: 'x', itemId: '1', permalink: 'https://x.com/acme/status/1', authorId: '42', handle: 'acme', displayName: 'Acme Inc.',
    snippet: 'Use code SAVE10', kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand',
    reasonCode: 'brand-reply', why: { say: 'brand', who: 'acme', kind: 'reply', signals: ['organization'] }, at: Date.UTC(2025, 0, 31, 12), ...over,
  };
}

/** Logged before reasons were data: the English sentence alone. */
const legacy = (itemId: string): LogEntryInput => {
  const { why: _why, ...rest } = entry({ itemId });
  return { ...rest, reason: "Reply from @acme, a brand you don't follow (verified organisation)" };
};

describe('log entries: shown, exported and searched as the UI language words them', () => {
  it('an entry from before shows the sentence it was logged with, in any language', () => {
    speak('es');
    expect(reasonSentence(legacy('old'))).toBe("Reply from @acme, a brand you don't follow (verified organisation)");
    expect(reasonSentence(entry())).toBe('Respuesta de @acme, una marca que no sigues (organización verificada)');
  });

  it('an entry with neither shows its reason code\'s label', () => {
    speak('en');
    const { why: _why, ...bare } = entry();
    expect(reasonSentence(bare)).toBe('Brand replies');
  });

  it('the CSV reason column is the sentence in the UI language; the code is beside it', () => {
    speak('de');
    const lines = logToCsv([entry(), legacy('old')]).split('\r\n');
    const reasonAt = CSV_COLUMNS.indexOf('reason');
    expect(lines[1]!.split(',')[reasonAt - 1]).toBe('brand-reply');
    expect(lines[1]).toContain('"Antwort von @acme, einer Marke, der Sie nicht folgen (verifizierte Organisation)"');
    expect(lines[2]).toContain('"Reply from @acme, a brand you don\'t follow (verified organisation)"');
  });

  it('search matches the sentence as shown: Spanish words find new entries, English ones the entries from before', () => {
    speak('es');
    const log = [entry({ itemId: 'new' }), legacy('old')];
    const ids = (text: string) => filterLog(log, { ...emptyFilter(), text }).map((e) => e.itemId);
    expect(ids('organización verificada')).toEqual(['new']);
    expect(ids('verified organisation')).toEqual(['old']);
    expect(ids('@acme')).toEqual(['new', 'old']);
  });
});

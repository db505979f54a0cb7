// Properties of classify over random rule trees, items and snapshots (fast-check), 3,500 runs in all:
// it never throws, its verdicts are well-formed, it agrees with a naive reference classifier, and the
// policy invariants hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import { compileSnapshot } from '../../../src/core/compile';
import { re2 } from '../../../src/core/re2';
import { ACTIONS, REASON_CODES, VERDICT_CLASSES, Why, type FeedItem } from '../../../src/core/model';
import { Rule } from '../../../src/core/rules';
import { Snapshot } from '../../../src/core/snapshot';
import { englishReason } from '../ui/catalogue';
import { feedItem, rule, ruleInput, snapshot } from './arbitraries';
import { referenceClassify } from './reference';

const items = fc.array(feedItem, { minLength: 1, maxLength: 6 });

describe('classify (property)', () => {
  it('never throws, returns well-formed verdicts, and agrees with the reference classifier', () => {
    fc.assert(
      fc.property(snapshot(), items, (snap, its) => {
        const rs = compileSnapshot(snap, { regex: re2 });
        for (const it of its) {
          const v = classify(it, rs);
          expect(VERDICT_CLASSES).toContain(v.class);
          expect(ACTIONS).toContain(v.action);
          expect(REASON_CODES).toContain(v.reasonCode);
          // Its reason is well-formed data, and the English catalogue words all of it.
          expect(Why.safeParse(v.why).success).toBe(true);
          const sentence = englishReason(v);
          expect(sentence.trim().length).toBeGreaterThan(0);
          expect(sentence).not.toMatch(/\b(?:why|whySubject|brandSignal)_/);
          expect(v.ruleId).toMatch(/^(user:.+|policy:(off|balanced|strict)(:[a-z-]+)?|site:paused)$/);
          expect({ class: v.class, action: v.action, ruleId: v.ruleId, reasonCode: v.reasonCode }).toEqual(referenceClassify(snap, it));
        }
        // The same ruleset classifies the same items the same way a second time (no stale per-item state).
        for (const it of its) expect(classify(it, rs)).toEqual(classify(it, compileSnapshot(snap, { regex: re2 })));
      }),
      { numRuns: 2000 },
    );
  }, 120_000);

  it('rules survive a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(rule, (r) => {
        expect(Rule.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it("policy 'off' with no rules always shows", () => {
    fc.assert(
      fc.property(snapshot({ rules: fc.constant([]), policy: fc.constant('off') }), items, (snap, its) => {
        const rs = compileSnapshot(snap, { regex: re2 });
        for (const it of its) {
          const v = classify(it, rs);
          expect(v.action).toBe('show');
          expect(v.class).toBe('interaction');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a followed author with no user rules is never an interruption', () => {
    fc.assert(
      fc.property(snapshot({ rules: fc.constant([]) }), items, (snap, its) => {
        const rs = compileSnapshot(snap, { regex: re2 });
        for (const it of its) {
          const followed: FeedItem = { ...it, author: { ...it.author, followed: true } };
          expect(classify(followed, rs).class).toBe('interaction');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a promoted item with no rules, policy ≠ off, from an author neither followed nor allowlisted, is hidden (a sponsored message collapsed)', () => {
    fc.assert(
      fc.property(snapshot({ rules: fc.constant([]), policy: fc.constantFrom('balanced', 'strict') }), items, (snap0, its) => {
        // No allowlist and no follow graph, every site on: the author cannot be followed or let in.
        const snap = Snapshot.parse({ ...snap0, allowlist: [], follows: [], settings: { ...snap0.settings, sites: { x: { enabled: true }, bsky: { enabled: true }, mastodon: { enabled: true } } } });
        const rs = compileSnapshot(snap, { regex: re2 });
        for (const it of its) {
          const ad: FeedItem = { ...it, promoted: true, author: { ...it.author, followed: it.author.followed === true ? false : it.author.followed } };
          const v = classify(ad, rs);
          expect(v.action).toBe(ad.kind === 'mention' ? 'collapse' : 'hide');
          expect(v.class).toBe('interruption');
          expect(v.reasonCode).toBe('ad');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('rule order is first-match-wins: moving a catch-all rule first decides everything', () => {
    fc.assert(
      fc.property(fc.array(ruleInput, { maxLength: 4 }), items, (rules, its) => {
        const catchAll = { id: 'first', name: 'Everything', when: { type: 'all' as const, of: [] }, then: { class: 'interaction' as const, action: 'label' as const } };
        const rs = compileSnapshot(Snapshot.parse({ revision: 1, settings: {}, rules: [catchAll, ...rules], allowlist: [], follows: [], overrides: [] }), { regex: re2 });
        for (const it of its) expect(classify(it, rs).ruleId).toBe('user:first');
      }),
      { numRuns: 200 },
    );
  });
});

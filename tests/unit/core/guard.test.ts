// Feature guards (guard.ts) and the dispatch sieve built on them: a rule whose `any` has a part needing no
// text, handle or link match is skipped only when none of its literals fired AND the whole feature word
// rules out every evidence-free way to pass. These tests pin both directions.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import { HandleRegistry, LinkRegistry, NeedleRegistry, compileCondition } from '../../../src/core/compile-condition';
import { BOT_BIT, PROMOTED_BIT, featuresOf, kindMask } from '../../../src/core/features';
import { TOP, allTerms, anyTerms, holds, MAX_TERMS } from '../../../src/core/guard';
import type { FeedItem } from '../../../src/core/model';
import type { Condition } from '../../../src/core/rules';
import { defaultSettings } from '../../../src/core/settings';
import { brandAuthor, item, rule, ruleMatches, ruleset, type ItemOverrides } from './builders';

const regs = () => ({ needles: new NeedleRegistry(), handles: new HandleRegistry(), links: new LinkRegistry() });

// The benchmark's nested shape: not followed, not allowlisted, and any of a word, a brand-mention in your
// own thread, a link domain, or a badge/flag combination needing no evidence at all.
const nested = (featureOnly: Condition): Condition => ({
  type: 'all',
  of: [
    { type: 'not', of: { type: 'followed', value: true } },
    { type: 'not', of: { type: 'allowlisted' } },
    {
      type: 'any',
      of: [
        { type: 'text', mode: 'word', pattern: 'airdrop', caseSensitive: false },
        { type: 'all', of: [{ type: 'brand', atLeast: 3 }, { type: 'kind', kinds: ['mention'] }, { type: 'inOwnThread' }] },
        { type: 'linkDomain', domains: ['spam.example'] },
        featureOnly,
      ],
    },
  ],
});
const govNotPromoted: Condition = { type: 'not', of: { type: 'any', of: [{ type: 'verified', kinds: ['none', 'paid', 'organization'] }, { type: 'promoted' }] } };

describe('guard terms', () => {
  it('drops terms no feature word satisfies, and TOP absorbs any', () => {
    const m = kindMask(['mention']);
    expect(allTerms([m], m, [])).toEqual([]);
    expect(anyTerms(0, [], [[{ need: [m], none: 0 }], [TOP]])).toEqual([TOP]);
    expect(allTerms([], 0, [[TOP], [TOP]])).toEqual([TOP]);
  });

  it('all multiplies out, any unites', () => {
    const a = kindMask(['mention']);
    const terms = allTerms([a], 0, [anyTerms(0, [], [[{ need: [BOT_BIT], none: 0 }], [{ need: [], none: PROMOTED_BIT }]])]);
    expect(terms).toHaveLength(2);
    const f = (over: ItemOverrides) => featuresOf(item(over), false, false);
    expect(terms.some((t) => holds(t, f({ kind: 'mention', author: { bot: true }, promoted: true })))).toBe(true);
    expect(terms.some((t) => holds(t, f({ kind: 'mention', promoted: false })))).toBe(true);
    expect(terms.some((t) => holds(t, f({ kind: 'mention', promoted: true })))).toBe(false);
    expect(terms.some((t) => holds(t, f({ kind: 'reply', author: { bot: true } })))).toBe(false);
  });

  it('widens to TOP beyond MAX_TERMS', () => {
    const parts = Array.from({ length: MAX_TERMS + 1 }, (_, i) => [{ need: [1 << i], none: 0 }]);
    expect(anyTerms(0, [], parts)).toEqual([TOP]);
  });

  it('the nested shape: evidence from all three literals, two feature terms', () => {
    const c = compileCondition(nested(govNotPromoted), defaultSettings(), regs());
    expect(c.req).toBeNull();
    expect(c.ev).toHaveLength(2); // the "airdrop" needle and the link test
    expect(c.free).toHaveLength(2);
    const f = (over: ItemOverrides) => featuresOf(item(over), false, false);
    expect(c.free.some((t) => holds(t, f({ kind: 'mention', inOwnThread: true })))).toBe(true);
    expect(c.free.some((t) => holds(t, f({ author: { verified: 'government' } })))).toBe(true);
    expect(c.free.some((t) => holds(t, f({})))).toBe(false);
    expect(c.free.some((t) => holds(t, featuresOf(item({ kind: 'mention', inOwnThread: true }), true, false)))).toBe(false);
  });

  it('a negated literal can pass without evidence: TOP', () => {
    const c = compileCondition({ type: 'any', of: [{ type: 'handle', handles: ['a'] }, { type: 'not', of: { type: 'text', mode: 'contains', pattern: 'x', caseSensitive: false } }] }, defaultSettings(), regs());
    expect(c.free).toEqual([TOP]);
  });
});

describe('dispatch with guards', () => {
  /** Classifies `it` against the one rule, counting calls of its test. */
  function run(when: Condition, it: FeedItem): { matched: boolean; calls: number } {
    const rs = ruleset({ rules: [rule(when)] });
    const r = rs.rules[0]!;
    const test = r.test;
    let calls = 0;
    r.test = (ctx) => {
      calls++;
      return test(ctx);
    };
    return { matched: classify(it, rs).ruleId === 'user:r', calls };
  }

  it('skips the rule when no literal fired and the feature word rules out the rest', () => {
    expect(run(nested(govNotPromoted), item({ text: 'plain words' }))).toEqual({ matched: false, calls: 0 });
    expect(run(nested(govNotPromoted), item({ kind: 'mention', text: 'plain', author: brandAuthor() }))).toEqual({ matched: false, calls: 0 });
  });

  it('does NOT skip it when a literal fired', () => {
    expect(run(nested(govNotPromoted), item({ text: 'join the airdrop now' }))).toEqual({ matched: true, calls: 1 });
    expect(run(nested(govNotPromoted), item({ text: 'plain', linkDomains: ['www.spam.example'] })).matched).toBe(true);
    expect(run(nested(govNotPromoted), item({ text: 'plain', linkDomains: ['a.spam.example'] })).matched).toBe(true);
  });

  it('does NOT skip it when an evidence-free part can pass', () => {
    // A brand mention in your own thread: no literal involved.
    expect(run(nested(govNotPromoted), item({ kind: 'mention', inOwnThread: true, text: 'plain', author: brandAuthor() })).matched).toBe(true);
    // The badge/flag part alone.
    expect(run(nested(govNotPromoted), item({ text: 'plain', author: { verified: 'government' } })).matched).toBe(true);
    // Tested (the guard holds) yet failing: the brand score is too low.
    expect(run(nested(govNotPromoted), item({ kind: 'mention', inOwnThread: true, text: 'plain' }))).toEqual({ matched: false, calls: 1 });
  });

  it('does NOT skip a rule whose evidence-free way is a negated literal', () => {
    const when: Condition = { type: 'any', of: [{ type: 'handle', handles: ['someone-else'] }, { type: 'not', of: { type: 'text', mode: 'contains', pattern: 'zzz', caseSensitive: false } }] };
    expect(ruleMatches(when, item({ text: 'plain' }))).toBe(true);
    expect(ruleMatches(when, item({ text: 'zzz' }))).toBe(false);
  });

  it('agrees with the rules in order when a guarded rule comes after others', () => {
    const rs = ruleset({
      rules: [
        rule({ type: 'handle', handles: ['nobody'] }, { id: 'a' }),
        rule(nested(govNotPromoted), { id: 'b' }),
        rule({ type: 'kind', kinds: ['reply'] }, { id: 'c' }),
      ],
    });
    expect(classify(item({ text: 'plain' }), rs).ruleId).toBe('user:c');
    expect(classify(item({ text: 'an airdrop' }), rs).ruleId).toBe('user:b');
    expect(classify(item({ text: 'plain', author: { verified: 'government' } }), rs).ruleId).toBe('user:b');
  });
});

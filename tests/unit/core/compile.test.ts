// compileSnapshot's pieces: account matching, the feature word, condition normalisation and rule dispatch.
import { describe, expect, it } from 'vitest';
import { ALLOWLISTED, AccountFlags, AccountMap, FOLLOWED } from '../../../src/core/account-map';
import { classify } from '../../../src/core/classify';
import { compileSnapshot, newContext, overrideFor } from '../../../src/core/compile';
import { CONTEXT_AT, FOLLOWED_AT, KIND_AT, VERIFIED_AT, featuresOf, valueIndex } from '../../../src/core/features';
import { ITEM_KINDS, PAGE_CONTEXTS, VERIFIED_KINDS } from '../../../src/core/model';
import { normalize } from '../../../src/core/normalize';
import { emptySnapshot } from '../../../src/core/snapshot';
import { item, rule, ruleset } from './builders';

describe('AccountMap / AccountFlags', () => {
  it('match by id; by handle only when the item id is unknown or the entry has none', () => {
    const m = new AccountMap<string>();
    m.add('x', '42', 'Acme', 'by-id');
    m.add('x', '', 'typed', 'by-handle');
    expect(m.get('x', '42', 'renamed')).toBe('by-id');
    expect(m.get('x', '', 'acme')).toBe('by-id');
    expect(m.get('x', '', 'ACME')).toBe('by-id');
    expect(m.get('x', '99', 'acme')).toBeUndefined();
    expect(m.get('x', '99', 'typed')).toBe('by-handle');
    expect(m.get('bsky', '42', 'acme')).toBeUndefined();
    expect(m.get('x', '', '')).toBeUndefined();
  });

  it('flags combine follows and allowlist, each by the same rules', () => {
    const f = new AccountFlags();
    f.add('x', '1', 'alice', FOLLOWED);
    f.add('x', '1', 'alice', ALLOWLISTED);
    f.add('x', '', 'bob', ALLOWLISTED);
    f.add('x', '3', 'carol', FOLLOWED);
    expect(f.get('x', '1', '')).toBe(FOLLOWED | ALLOWLISTED);
    expect(f.get('x', '7', 'bob')).toBe(ALLOWLISTED);
    expect(f.get('x', '3', 'bob')).toBe(FOLLOWED | ALLOWLISTED);
    expect(f.get('x', '', 'Carol')).toBe(FOLLOWED);
    expect(f.get('x', '8', 'carol')).toBe(0);
    expect(f.get('mastodon', '1', 'alice')).toBe(0);
  });

  it('overrides resolve by id first, then by handle', () => {
    const rs = ruleset({
      overrides: [
        { site: 'x', accountId: '1', handle: 'acme', brand: 'brand' },
        { site: 'x', accountId: '', handle: 'typed', brand: 'not-brand' },
      ],
    });
    expect(overrideFor(rs, item({ author: { id: '1', handle: 'other' } }))).toBe('brand');
    expect(overrideFor(rs, item({ author: { id: '', handle: 'acme' } }))).toBe('brand');
    expect(overrideFor(rs, item({ author: { id: '2', handle: 'acme' } }))).toBeNull();
    expect(overrideFor(rs, item({ author: { id: '2', handle: 'typed' } }))).toBe('not-brand');
  });

  it('keeps the key sets callers may list', () => {
    const rs = ruleset({ allowlist: [{ site: 'x', accountId: '1', handle: 'Acme' }], follows: [{ site: 'bsky', accountId: 'did:1', handle: 'b.bsky.social' }] });
    expect([...rs.allowIds]).toEqual(['x#1']);
    expect([...rs.allowHandles]).toEqual(['x@acme']);
    expect([...rs.followIds]).toEqual(['bsky#did:1']);
  });
});

describe('features', () => {
  it('bit blocks follow the enum orders', () => {
    ITEM_KINDS.forEach((kind, i) => expect(valueIndex(featuresOf(item({ kind }), false, false), KIND_AT, ITEM_KINDS.length)).toBe(i));
    PAGE_CONTEXTS.forEach((context, i) => expect(valueIndex(featuresOf(item({ context }), false, false), CONTEXT_AT, PAGE_CONTEXTS.length)).toBe(i));
    VERIFIED_KINDS.forEach((verified, i) => expect(valueIndex(featuresOf(item({ author: { verified } }), false, false), VERIFIED_AT, VERIFIED_KINDS.length)).toBe(i));
    ([true, false, 'unknown'] as const).forEach((v, i) => expect(valueIndex(featuresOf(item(), v, false), FOLLOWED_AT, 3)).toBe(i));
  });

  it('an out-of-schema value sets no bit', () => {
    const odd = { ...item(), kind: 'story' } as unknown as Parameters<typeof featuresOf>[0];
    expect(valueIndex(featuresOf(odd, false, false), KIND_AT, ITEM_KINDS.length)).toBe(-1);
  });
});

describe('normalize', () => {
  it('pushes negation to the leaves and folds flag predicates into masks', () => {
    const n = normalize({ type: 'not', of: { type: 'any', of: [{ type: 'bot' }, { type: 'followed', value: true }, { type: 'accountAge', lessThanDays: 3 }] } });
    expect(n.t).toBe('all');
    if (n.t !== 'all') return;
    expect(n.need).toEqual([]);
    expect(n.none).not.toBe(0); // bot or followed-true forbid it
    expect(n.kids).toEqual([{ t: 'leaf', c: { type: 'accountAge', lessThanDays: 3 }, neg: true }]);
  });

  it('folds constants', () => {
    expect(normalize({ type: 'all', of: [] })).toEqual({ t: 'const', v: true });
    expect(normalize({ type: 'any', of: [] })).toEqual({ t: 'const', v: false });
    expect(normalize({ type: 'not', of: { type: 'all', of: [] } })).toEqual({ t: 'const', v: false });
    expect(normalize({ type: 'any', of: [{ type: 'bot' }, { type: 'all', of: [] }] })).toEqual({ t: 'const', v: true });
  });
});

describe('dispatch and evidence', () => {
  it('tests only rules whose evidence fired and whose fields fit, in order', () => {
    const tested: string[] = [];
    const rs = ruleset({
      rules: [
        rule({ type: 'text', mode: 'contains', pattern: 'crypto', caseSensitive: false }, { id: 'text' }),
        rule({ type: 'handle', handles: ['spammer'] }, { id: 'handle' }),
        rule({ type: 'linkDomain', domains: ['spam.example'] }, { id: 'link' }),
        rule({ type: 'all', of: [{ type: 'kind', kinds: ['mention'] }, { type: 'accountAge', lessThanDays: 2 }] }, { id: 'mention' }),
        rule({ type: 'accountAge', lessThanDays: 2 }, { id: 'age' }),
      ],
    });
    for (const r of rs.rules) {
      const t = r.test;
      r.test = (ctx) => {
        tested.push(r.id);
        return t(ctx);
      };
    }
    classify(item({ kind: 'reply', text: 'hello', author: { accountAgeDays: 100 } }), rs);
    expect(tested).toEqual(['age']);
    tested.length = 0;
    expect(classify(item({ text: 'CRYPTO!', linkDomains: ['a.spam.example'], author: { handle: 'spammer' } }), rs).ruleId).toBe('user:text');
    expect(tested).toEqual(['text']);
    tested.length = 0;
    expect(classify(item({ kind: 'mention', linkDomains: ['a.spam.example'], author: { accountAgeDays: 1 } }), rs).ruleId).toBe('user:link');
    expect(tested).toEqual(['link']);
  });

  it('drops rules that can never match', () => {
    const rs = ruleset({ rules: [rule({ type: 'any', of: [] }, { id: 'never' }), rule({ type: 'not', of: { type: 'all', of: [] } }, { id: 'never2' })] });
    expect(classify(item(), rs).reasonCode).toBe('default');
  });

  it('a context kept after another item was scanned rescans rather than reading the other item', () => {
    const rs = ruleset({ rules: [rule({ type: 'text', mode: 'contains', pattern: 'crypto', caseSensitive: false })] });
    const a = newContext(item({ text: 'crypto' }), rs);
    const b = newContext(item({ text: 'nothing' }), rs);
    const [test] = rs.rules.map((r) => r.test);
    expect(test!(a)).toBe(true);
    expect(test!(b)).toBe(false);
    expect(test!(a)).toBe(true);
  });

  it('falls back to direct searches when the needles are too many for one scanner', () => {
    const rules = Array.from({ length: 300 }, (_, i) => rule({ type: 'text', mode: 'contains', pattern: `needle-number-${i}-${'x'.repeat(30)}`, caseSensitive: false }, { id: `r${i}` }));
    const rs = compileSnapshot({ ...emptySnapshot(), rules: rules.map((r) => ({ enabled: true, sites: [], ...r })) as never });
    expect(rs.textScan).toBeNull();
    expect(classify(item({ text: `…NEEDLE-NUMBER-299-${'X'.repeat(30)}…` }), rs).ruleId).toBe('user:r299');
    expect(classify(item({ text: 'nothing' }), rs).ruleId).toBe('policy:balanced:default');
  });
});

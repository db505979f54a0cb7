// compileSnapshot's pieces: the one account matcher, follow deltas, and what compiled rules skip.
import { describe, expect, it } from 'vitest';
import { AccountIndex } from '../../../src/core/accounts';
import { classify } from '../../../src/core/classify';
import { applyFollowDelta, followedBy, ruleMatches } from '../../../src/core/compile';
import { normalizeHandle } from '../../../src/core/handle';
import { item, rule, ruleset } from './builders';

describe('AccountIndex', () => {
  it('matches by id; by handle only when the item id is unknown or the entry has none', () => {
    const m = new AccountIndex<string>();
    m.set({ site: 'x', accountId: '42', handle: 'Acme' }, 'by-id');
    m.set({ site: 'x', accountId: '', handle: 'typed' }, 'by-handle');
    expect(m.get('x', '42', 'renamed')).toBe('by-id');
    expect(m.get('x', '', 'acme')).toBe('by-id');
    expect(m.get('x', '', 'ACME')).toBe('by-id');
    expect(m.get('x', '', ' @acme ')).toBe('by-id');
    expect(m.get('x', '99', 'acme')).toBeUndefined(); // someone else holding the handle now
    expect(m.get('x', '99', 'typed')).toBe('by-handle');
    expect(m.get('bsky', '42', 'acme')).toBeUndefined();
    expect(m.get('x', '', '')).toBeUndefined();
  });

  it('an entry without an id wins over one with an id for the same handle when the item id is unknown', () => {
    const m = AccountIndex.of(
      [
        { site: 'x', accountId: '1', handle: 'acme', v: 'with-id' },
        { site: 'x', accountId: '', handle: 'acme', v: 'idless' },
      ],
      (e) => e.v,
    );
    expect(m.get('x', '', 'acme')).toBe('idless');
    expect(m.get('x', '1', 'acme')).toBe('with-id');
    expect(m.get('x', '2', 'acme')).toBe('idless');
  });

  it('later entries win; delete forgets an entry and its handle fallback', () => {
    const m = new AccountIndex<string>();
    m.set({ site: 'x', accountId: '1', handle: 'acme' }, 'old');
    m.set({ site: 'x', accountId: '1', handle: 'acme' }, 'new');
    expect(m.get('x', '1', '')).toBe('new');
    m.delete({ site: 'x', accountId: '1', handle: 'acme' });
    expect(m.get('x', '1', '')).toBeUndefined();
    expect(m.get('x', '', 'acme')).toBeUndefined();
    m.set({ site: 'x', accountId: '', handle: 'bob' }, 'b');
    m.delete({ site: 'x', accountId: '', handle: '@Bob' });
    expect(m.get('x', '', 'bob')).toBeUndefined();
  });

  it('the ruleset resolves overrides by id first, then by handle', () => {
    const rs = ruleset({
      overrides: [
        { site: 'x', accountId: '1', handle: 'acme', brand: 'brand' },
        { site: 'x', accountId: '', handle: 'typed', brand: 'not-brand' },
      ],
    });
    expect(rs.overrides.get('x', '1', 'other')).toBe('brand');
    expect(rs.overrides.get('x', '', 'acme')).toBe('brand');
    expect(rs.overrides.get('x', '2', 'acme')).toBeUndefined();
    expect(rs.overrides.get('x', '2', 'typed')).toBe('not-brand');
  });
});

describe('normalizeHandle', () => {
  it('trims, drops one leading @ and lower-cases', () => {
    expect(normalizeHandle(' @Acme ')).toBe('acme');
    expect(normalizeHandle('@@x')).toBe('@x');
    expect(normalizeHandle('dave.bsky.social')).toBe('dave.bsky.social');
  });
});

describe('applyFollowDelta', () => {
  it('adds and removes learned follows without recompiling, and classify sees them at once', () => {
    const rs = ruleset({ follows: [{ site: 'x', accountId: '7', handle: 'old' }] });
    const stranger = item({ kind: 'reply', author: { id: '9', handle: 'newfriend', followed: 'unknown' } });
    const old = item({ kind: 'reply', author: { id: '7', handle: 'old', followed: 'unknown' } });
    expect(followedBy(rs, stranger)).toBe('unknown');
    const next = applyFollowDelta(rs, { site: 'x', add: [{ accountId: '9', handle: 'newfriend' }], remove: [{ accountId: '7', handle: 'old' }] });
    expect(followedBy(next, stranger)).toBe(true);
    expect(classify(stranger, next).reasonCode).toBe('followed');
    expect(followedBy(next, old)).toBe('unknown');
  });

  it("the page's own answer still wins over the learned graph", () => {
    const rs = applyFollowDelta(ruleset(), { site: 'x', add: [{ accountId: '9', handle: 'a' }], remove: [] });
    expect(followedBy(rs, item({ author: { id: '9', handle: 'a', followed: false } }))).toBe(false);
  });
});

describe('compiled rules', () => {
  it('all/any try cheap parts first, so a costly part runs only when the cheap ones leave the answer open', () => {
    const rs = ruleset({
      rules: [rule({ type: 'all', of: [{ type: 'brand', atLeast: 1 }, { type: 'kind', kinds: ['mention'] }] }, { id: 'm' })],
    });
    const view = (it: ReturnType<typeof item>) => ruleMatches(rs.rules[0]!, it, rs);
    expect(view(item({ kind: 'mention', author: { verified: 'organization' } }))).toBe(true);
    expect(view(item({ kind: 'reply', author: { verified: 'organization' } }))).toBe(false);
  });

  it('a rule limited to some sites never matches elsewhere', () => {
    const rs = ruleset({ rules: [rule({ type: 'all', of: [] }, { id: 'x-only', sites: ['x'] })] });
    expect(classify(item({ site: 'x' }), rs).ruleId).toBe('user:x-only');
    expect(classify(item({ site: 'bsky' }), rs).ruleId).not.toBe('user:x-only');
  });

  it('rules that can never match decide nothing', () => {
    const rs = ruleset({ rules: [rule({ type: 'any', of: [] }, { id: 'never' }), rule({ type: 'not', of: { type: 'all', of: [] } }, { id: 'never2' })] });
    expect(classify(item(), rs).reasonCode).toBe('default');
  });

  it('texts without a needle skip the regex; texts with one still run it', () => {
    const rs = ruleset({ rules: [rule({ type: 'text', mode: 'regex', pattern: '\\b(?:airdrop|whitelist)\\b', caseSensitive: false })] });
    expect(classify(item({ text: 'Claim your AIRDROP now' }), rs).ruleId).toBe('user:r');
    expect(classify(item({ text: 'airdropping is not the word' }), rs).ruleId).not.toBe('user:r');
    expect(classify(item({ text: 'nothing to see' }), rs).ruleId).not.toBe('user:r');
  });
});

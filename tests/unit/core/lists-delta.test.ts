// A lists delta applied to the compiled previous snapshot must answer every account lookup exactly
// as compiling the next snapshot from scratch would; when it cannot promise that, there is no delta.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import { compileSnapshot } from '../../../src/core/compile';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import type { AllowEntry, BrandOverrideEntry, FollowEntry } from '../../../src/core/lists';
import { applyListsDelta, deltaAccounts, listsDelta } from '../../../src/core/lists-delta';
import type { Snapshot } from '../../../src/core/snapshot';
import { item } from './builders';

const SITES = ['x', 'bsky'] as const;
const IDS = ['', '1', '2', '3', '4'];
const HANDLES = ['', 'alice', 'Alice', 'bob', 'carol'];
const ref = fc.record({ site: fc.constantFrom(...SITES), accountId: fc.constantFrom(...IDS), handle: fc.constantFrom(...HANDLES) })
  .filter((r) => r.accountId !== '' || r.handle !== '');
const allow = ref.map((r): AllowEntry => ({ ...r, handle: r.handle.toLowerCase(), displayName: '', addedAt: 1 }));
const override = fc.tuple(ref, fc.constantFrom('brand', 'not-brand' as const))
  .map(([r, brand]): BrandOverrideEntry => ({ ...r, handle: r.handle.toLowerCase(), brand, setAt: 1 }));
const follow = ref.map((r): FollowEntry => ({ ...r, handle: r.handle.toLowerCase(), learnedAt: 1, source: 'page' }));
// One row per account, as the database keeps them (by id, or by handle when the id is unknown).
const key = (e: { site: string; accountId: string; handle: string }) => (e.accountId !== '' ? `${e.site}#${e.accountId}` : `${e.site}@${e.handle}`);
const lists = fc.record({
  allowlist: fc.uniqueArray(allow, { maxLength: 6, selector: key }),
  overrides: fc.uniqueArray(override, { maxLength: 6, selector: key }),
  follows: fc.uniqueArray(follow, { maxLength: 6, selector: key }),
});
const snap = (revision: number, l: Pick<Snapshot, 'allowlist' | 'overrides' | 'follows'>): Snapshot => ({ ...emptySnapshot(), revision, ...l });

const PROBES = SITES.flatMap((site) => IDS.flatMap((id) => HANDLES.map((h) => [site, id, h] as const)));
const answers = (rs: ReturnType<typeof compileSnapshot>) =>
  PROBES.map(([s, id, h]) => [rs.allowlist.get(s, id, h), rs.overrides.get(s, id, h), rs.follows.get(s, id, h)]);

describe('listsDelta / applyListsDelta', () => {
  it('applied to the old ruleset, answers like a fresh compile of the new snapshot', () => {
    let deltas = 0;
    fc.assert(fc.property(lists, lists, (a, b) => {
      const prev = snap(1, a);
      const next = snap(2, b);
      const d = listsDelta(prev, next, 1_000);
      if (d === null) return;
      deltas++;
      const patched = applyListsDelta(compileSnapshot(prev), d);
      expect(answers(patched)).toEqual(answers(compileSnapshot(next)));
      expect(patched.revision).toBe(2);
    }), { numRuns: 2_000, seed: 7 });
    expect(deltas).toBeGreaterThan(100);
  });

  it('is null when rules or settings changed, when it would be too large, or when it goes backwards', () => {
    const a = snap(1, { allowlist: [], overrides: [], follows: [] });
    const b = snap(2, { allowlist: [{ site: 'x', accountId: '1', handle: 'acme', displayName: '', addedAt: 1 }], overrides: [], follows: [] });
    expect(listsDelta(a, b, 10)).not.toBeNull();
    expect(listsDelta(a, b, 0)).toBeNull();
    expect(listsDelta(b, a, 10)).toBeNull();
    expect(listsDelta(a, { ...b, settings: { ...b.settings, policy: 'strict' } }, 10)).toBeNull();
    expect(listsDelta(a, { ...b, rules: [{ id: 'r', name: 'r', enabled: true, sites: [], when: { type: 'kind', kinds: ['ad'] }, then: { class: 'interruption', action: 'hide' } }] }, 10)).toBeNull();
  });

  it('names the accounts it changes, and a verdict follows the allowlist without a recompile', () => {
    const acme = item({ author: { id: '2001', handle: 'acmecorp', verified: 'organization', orgProfile: true }, kind: 'reply' });
    const a = snap(1, { allowlist: [], overrides: [], follows: [] });
    const b = snap(2, { allowlist: [{ site: 'x', accountId: '2001', handle: 'acmecorp', displayName: 'Acme', addedAt: 5 }], overrides: [], follows: [] });
    const d = listsDelta(a, b, 10)!;
    expect(deltaAccounts(d)).toEqual({ ids: new Set(['2001']), handles: new Set(['acmecorp']) });
    const rs = compileSnapshot(a);
    expect(classify(acme, rs).reasonCode).not.toBe('allowlisted');
    expect(classify(acme, applyListsDelta(rs, d)).reasonCode).toBe('allowlisted');
  });
});

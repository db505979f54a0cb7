// learnFollowsDelta's delta, applied to a tab's compiled follow index, must answer every lookup as a
// fresh compile of the stored rows does; and the trust rules hold on random batches: a page batch never
// deletes, downgrades or re-handles a list or import row (it may only clear a handle another account
// now shows), and a handle a batch shows is held by one account at most.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFollowDelta, compileSnapshot } from '../../../src/core/compile';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import type { FollowRow } from '../../../src/db/database';
import { learnFollowsDelta, listFollows } from '../../../src/db/follows';
import { SCAN_FROM_FACTS } from '../../../src/db/follow-rows';
import { dropAll, freshDb } from './helpers';

afterEach(dropAll);

const IDS = ['1', '2', '3', '4', '5', '6'];
const HANDLES = ['', 'ann', 'bob', 'cat', 'dan', 'eve'];
const SOURCES = ['page', 'following-list', 'import'] as const;
const PROBES: [string, string][] = [...IDS, '', '99'].flatMap((id) => HANDLES.map((h): [string, string] => [id, h]));

const fact = fc.record({ accountId: fc.constantFrom(...IDS), handle: fc.constantFrom(...HANDLES), following: fc.boolean() });
const batch = fc.record({
  source: fc.constantFrom('page' as const, 'following-list' as const),
  facts: fc.array(fact, { minLength: 1, maxLength: 6 }),
  // Padding with facts that change nothing sends the batch down the read-the-site path.
  padded: fc.boolean(),
});
const start = fc.record({
  // Id rows with distinct handles (stored data never holds one handle on two ids), then rows by handle alone.
  withId: fc.uniqueArray(fc.record({ accountId: fc.constantFrom(...IDS), handle: fc.constantFrom(...HANDLES), source: fc.constantFrom(...SOURCES) }), {
    maxLength: 5, selector: (r) => r.accountId,
  }).map((rows) => rows.filter((r, i) => r.handle === '' || rows.findIndex((o) => o.handle === r.handle) === i)),
  byHandle: fc.uniqueArray(fc.constantFrom(...HANDLES.slice(1)), { maxLength: 2 }),
});

const filler = Array.from({ length: SCAN_FROM_FACTS }, (_, i) => ({ accountId: String(1_000 + i), handle: '', following: false }));

describe('learnFollowsDelta', () => {
  it('gives deltas a tab can apply to answer like a fresh compile, and keeps the trust rules', async () => {
    await fc.assert(fc.asyncProperty(start, fc.array(batch, { minLength: 1, maxLength: 5 }), async (initial, batches) => {
      const db = freshDb();
      const rows: FollowRow[] = [
        ...initial.withId.map((r) => ({ ...r, key: `x#${r.accountId}`, site: 'x', learnedAt: 1 })),
        ...initial.byHandle.map((h) => ({ key: `x@${h}`, site: 'x', accountId: '', handle: h, learnedAt: 1, source: 'import' as const })),
      ];
      await db.follows.bulkPut(rows);
      let tab = compileSnapshot({ ...emptySnapshot(), follows: await listFollows(db) });
      let now = 10;
      for (const b of batches) {
        const before = new Map((await db.follows.toArray()).map((r) => [r.key, r]));
        const learned = await learnFollowsDelta(db, 'x', b.padded ? [...filler, ...b.facts] : b.facts, b.source, (now += 1));
        const after = await db.follows.toArray();
        tab = learned.gap ? compileSnapshot({ ...emptySnapshot(), follows: await listFollows(db) })
          : applyFollowDelta(tab, { site: 'x', add: learned.added, remove: learned.removed });
        const fresh = compileSnapshot({ ...emptySnapshot(), follows: await listFollows(db) });
        expect(PROBES.map(([id, h]) => tab.follows.has('x', id, h))).toEqual(PROBES.map(([id, h]) => fresh.follows.has('x', id, h)));

        if (b.source === 'page') {
          const byKey = new Map(after.map((r) => [r.key, r]));
          for (const r of before.values()) {
            if (r.source === 'page') continue;
            const now = byKey.get(r.key);
            expect(now, `${r.key} survives a page batch`).toBeDefined();
            expect(now?.source).toBe(r.source);
            expect([r.handle, '']).toContain(now?.handle);
          }
        }
        for (const h of new Set(b.facts.map((f) => f.handle).filter((x) => x !== ''))) {
          expect(after.filter((r) => r.accountId !== '' && r.handle === h).length, `holders of ${h}`).toBeLessThanOrEqual(1);
        }
      }
      db.close();
    }), { numRuns: 120, seed: 20261203 });
  }, 120_000);
});

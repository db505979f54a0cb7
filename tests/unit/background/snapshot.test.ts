// Building the snapshot from the database, its revision, and the storage.local cache.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SNAPSHOT_LIMITS, buildSnapshot, cacheSnapshot, currentSnapshot, snapshotFromDb, type SnapshotData,
} from '../../../src/background/snapshot';
import { addAllow } from '../../../src/db/allowlist';
import { FOLLOW_CAPS, learnFollows } from '../../../src/db/follows';
import type { FollowEntry } from '../../../src/core/lists';
import { setBrandOverride } from '../../../src/db/overrides';
import { currentRevision } from '../../../src/db/revision';
import { saveRule } from '../../../src/db/rules';
import { updateSettings } from '../../../src/db/settings';
import { compileSnapshot } from '../../../src/core/compile';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { SNAPSHOT_KEY, Snapshot } from '../../../src/core/snapshot';
import { FakeArea, dropAll, freshDb, rule } from '../db/helpers';

// Heavy for a unit test: builds snapshots from follow tables at the caps across many sites.
// Its slowest test took 1.3 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(dropAll);

async function seed() {
  const db = freshDb();
  await updateSettings(db, { policy: 'strict' });
  await saveRule(db, rule('first'));
  await saveRule(db, rule('second'));
  await addAllow(db, { site: 'x', accountId: '42', handle: 'acme' }, 5);
  await learnFollows(db, 'x', [{ accountId: '7', handle: 'friend', following: true }], 'page', 6);
  await setBrandOverride(db, { site: 'bsky', accountId: 'did:plc:abc', handle: 'shop.example' }, 'not-brand', 7);
  return db;
}

describe('snapshotFromDb', () => {
  it('carries everything classify needs, in rule order, and passes the Snapshot schema', async () => {
    const db = await seed();
    const s = await snapshotFromDb(db);
    expect(Snapshot.safeParse(s).success).toBe(true);
    expect(s.revision).toBe(await currentRevision(db));
    expect(s.settings.policy).toBe('strict');
    expect(s.rules.map((r) => r.id)).toEqual(['first', 'second']);
    expect(s.allowlist).toEqual([{ site: 'x', accountId: '42', handle: 'acme', displayName: '', addedAt: 5 }]);
    expect(s.follows).toEqual([{ site: 'x', accountId: '7', handle: 'friend', learnedAt: 6, source: 'page' }]);
    expect(s.overrides).toEqual([{ site: 'bsky', accountId: 'did:plc:abc', handle: 'shop.example', brand: 'not-brand', setAt: 7 }]);
    // And a content script can compile it.
    const compiled = compileSnapshot(s);
    expect(compiled.follows.has('x', '7', '')).toBe(true);
    expect(compiled.allowlist.has('x', '42', '')).toBe(true);
  });

  it('has a revision that rises with every write that changes it, and only then', async () => {
    const db = await seed();
    const r1 = (await snapshotFromDb(db)).revision;
    await saveRule(db, rule('third'));
    const r2 = (await snapshotFromDb(db)).revision;
    expect(r2).toBeGreaterThan(r1);
    await learnFollows(db, 'x', [{ accountId: '7', handle: 'friend', following: true }], 'page', 6);
    expect((await snapshotFromDb(db)).revision).toBe(r2);
  });
});

describe('buildSnapshot', () => {
  const base = (over: Partial<SnapshotData>): SnapshotData => ({ ...emptySnapshot(), revision: 3, ...over });

  const follow = (site: string, i: number, source: FollowEntry['source'], learnedAt = i): FollowEntry =>
    ({ site, accountId: String(i), handle: `h${i}`, learnedAt, source });

  it('keeps a site\'s list and import follows first, then its most recently learned page follows, within the cap', () => {
    // Page rows learned after the list, and more of them than the cap: they must not push the list out.
    const listed = [follow('x', 1, 'following-list', 1), follow('x', 2, 'import', 2)];
    const page = Array.from({ length: FOLLOW_CAPS.total + 50 }, (_, i) => follow('x', 100 + i, 'page', 100 + i));
    const s = buildSnapshot(base({ follows: [...page.slice(0, 10), ...listed, ...page.slice(10)] }));
    expect(s.follows).toHaveLength(FOLLOW_CAPS.total);
    expect(s.follows.filter((f) => f.source !== 'page').map((f) => f.accountId)).toEqual(['1', '2']);
    // The oldest page follows went; the rest keep their order.
    expect(s.follows.find((f) => f.source === 'page')?.accountId).toBe(String(100 + 52));
    expect(Snapshot.safeParse(s).success).toBe(true);
  });

  it('keeps the newest list follows when a site has more of them than its cap, and caps sites apart', () => {
    const listed = Array.from({ length: FOLLOW_CAPS.total + 1 }, (_, i) => follow('x', i, 'import'));
    const other = [follow('bsky', 1, 'page')];
    const s = buildSnapshot(base({ follows: [...listed, ...other] }));
    expect(s.follows).toHaveLength(FOLLOW_CAPS.total + 1);
    expect(s.follows[0]?.accountId).toBe('1');
    expect(s.follows.at(-1)?.site).toBe('bsky');
  });

  it('stays within the schema\'s cap across many sites, list follows first', () => {
    const sites = Math.ceil(SNAPSHOT_LIMITS.follows / FOLLOW_CAPS.total) + 1;
    const follows = Array.from({ length: sites }, (_, s) => Array.from({ length: FOLLOW_CAPS.total }, (_, i) =>
      follow(`site${s}`, i, i === 0 ? 'following-list' : 'page', s * FOLLOW_CAPS.total + i))).flat();
    const snap = buildSnapshot(base({ follows }));
    expect(snap.follows).toHaveLength(SNAPSHOT_LIMITS.follows);
    expect(snap.follows.filter((f) => f.source === 'following-list')).toHaveLength(sites);
    expect(Snapshot.safeParse(snap).success).toBe(true);
  });

  it('keeps rule order and the first rules past the cap', () => {
    const rules = Array.from({ length: SNAPSHOT_LIMITS.rules + 2 }, (_, i) => ({
      id: `r${i}`, name: 'n', enabled: true, sites: [],
      when: { type: 'bot' as const }, then: { class: 'interruption' as const, action: 'hide' as const },
    }));
    const s = buildSnapshot(base({ rules }));
    expect(s.rules).toHaveLength(SNAPSHOT_LIMITS.rules);
    expect(s.rules.at(-1)?.id).toBe(`r${SNAPSHOT_LIMITS.rules - 1}`);
    expect(s.revision).toBe(3);
  });
});

describe('snapshot cache', () => {
  it('writes the snapshot under `snapshot`', async () => {
    const area = new FakeArea();
    const s = { ...emptySnapshot(), revision: 9 };
    expect(await cacheSnapshot(area, s)).toBe(true);
    expect(area.data.get(SNAPSHOT_KEY)).toEqual(s);
  });

  it('keeps the old cache and logs a clear error when the write fails (quota)', async () => {
    const area = new FakeArea();
    await cacheSnapshot(area, { ...emptySnapshot(), revision: 1 });
    area.failWrites = new Error('QUOTA_BYTES quota exceeded');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await cacheSnapshot(area, { ...emptySnapshot(), revision: 2 })).toBe(false);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/could not cache snapshot revision 2 .*previous cache stays: QUOTA_BYTES quota exceeded/));
    error.mockRestore();
    expect((area.data.get(SNAPSHOT_KEY) as { revision: number }).revision).toBe(1);
  });

  it('reuses a current cache, rebuilds a stale one', async () => {
    const db = await seed();
    const area = new FakeArea();
    const first = await currentSnapshot(db, area);
    expect(area.writes).toBe(1);
    expect(await currentSnapshot(db, area)).toEqual(first);
    expect(area.writes).toBe(1);
    await saveRule(db, rule('new'));
    const next = await currentSnapshot(db, area);
    expect(area.writes).toBe(2);
    expect(next.revision).toBeGreaterThan(first.revision);
    expect(next.rules.map((r) => r.id)).toContain('new');
  });

  it('moves the revision past a cache that outlived its database', async () => {
    const db = freshDb();
    const area = new FakeArea();
    area.data.set(SNAPSHOT_KEY, { ...emptySnapshot(), revision: 40 });
    const s = await currentSnapshot(db, area);
    expect(s.revision).toBe(41);
    expect(await currentRevision(db)).toBe(41);
    expect((area.data.get(SNAPSHOT_KEY) as { revision: number }).revision).toBe(41);
  });

  it('rebuilds when the cached value is not a valid snapshot', async () => {
    const db = await seed();
    const area = new FakeArea();
    area.data.set(SNAPSHOT_KEY, { revision: await currentRevision(db), rules: 'garbage' });
    const s = await currentSnapshot(db, area);
    expect(s.rules.map((r) => r.id)).toEqual(['first', 'second']);
    expect(Snapshot.safeParse(area.data.get(SNAPSHOT_KEY)).success).toBe(true);
  });
});

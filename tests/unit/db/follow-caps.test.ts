// The follow graph's caps applied to a whole list (a snapshot, a restored backup): the user's own
// follows are kept first, page-learned ones newest first, order unchanged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FollowEntry } from '../../../src/core/lists';
import { FOLLOW_CAPS, listFollows } from '../../../src/db/follows';
import { withinFollowCaps } from '../../../src/db/follow-caps';
import { exportBackup, restoreBackup, toJson } from '../../../src/db/transfer';
import { dropAll, freshDb } from './helpers';

// Heavy for a unit test: fills follow tables past their caps in fake-indexeddb.
// Its slowest test took 2.8 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(dropAll);

const follow = (i: number, source: FollowEntry['source'], site: FollowEntry['site'] = 'x'): FollowEntry =>
  ({ site, accountId: String(i), handle: `h${i}`, learnedAt: i, source });

describe('withinFollowCaps', () => {
  it('keeps a list under the caps as it is', () => {
    const list = [follow(1, 'page'), follow(2, 'import'), follow(3, 'following-list')];
    expect(withinFollowCaps(list)).toEqual(list);
  });

  it('past a site cap keeps every list and import follow, then the newest page ones, in the original order', () => {
    const page = Array.from({ length: FOLLOW_CAPS.total + 500 }, (_, i) => follow(i + 10, 'page'));
    const own = [follow(1, 'following-list'), follow(2, 'import')];
    const kept = withinFollowCaps([...page.slice(0, 100), ...own, ...page.slice(100)]);
    expect(kept).toHaveLength(FOLLOW_CAPS.total);
    expect(kept).toEqual(expect.arrayContaining(own));
    // The oldest page follows went: the 502 with the smallest learnedAt.
    expect(kept.filter((f) => f.source === 'page').every((f) => f.learnedAt >= 10 + 502)).toBe(true);
    const order = kept.map((f) => f.learnedAt);
    expect(kept.indexOf(own[0]!)).toBeLessThan(kept.findIndex((f) => f.learnedAt >= 110));
    expect(order.filter((t) => t >= 110)).toEqual([...order.filter((t) => t >= 110)].sort((a, b) => a - b));
  });

  it('caps each site on its own and all of them within the overall limit', () => {
    const x = Array.from({ length: 30 }, (_, i) => follow(i, 'page', 'x'));
    const other = Array.from({ length: 30 }, (_, i) => follow(100 + i, 'page', 'bsky'));
    expect(withinFollowCaps([...x, ...other], 40)).toHaveLength(40);
  });
});

describe('restoring a backup from before the caps', () => {
  it('keeps the user\'s own follows and the newest page ones within the cap', async () => {
    const db = freshDb();
    const backup = await exportBackup(db);
    const follows = [follow(1, 'following-list'), ...Array.from({ length: FOLLOW_CAPS.total + 10 }, (_, i) => follow(i + 2, 'page'))];
    const counts = await restoreBackup(db, toJson({ ...backup, follows }));
    expect(counts.follows).toBe(FOLLOW_CAPS.total);
    const stored = await listFollows(db, 'x');
    expect(stored).toHaveLength(FOLLOW_CAPS.total);
    expect(stored.some((f) => f.accountId === '1' && f.source === 'following-list')).toBe(true);
  });
});

describe('a corrupted follow row', () => {
  it('is skipped by the list (so a snapshot still builds) and left stored', async () => {
    const db = freshDb();
    await db.follows.bulkPut([
      { ...follow(1, 'page'), key: 'x#1' },
      { key: 'x#2', site: 'x', accountId: 2, handle: null, learnedAt: -5, source: 'page' } as never,
    ]);
    expect((await listFollows(db)).map((f) => f.accountId)).toEqual(['1']);
    expect(await db.follows.count()).toBe(2);
  });
});

// The filtered-items log: one entry per site and item, bounded by count and age.
import { afterEach, describe, expect, it } from 'vitest';
import {
  PRUNE_INTERVAL_MS, addLogEntries, clearLog, countLog, maybePruneLog, pruneLog, queryLog,
} from '../../../src/db/log';
import { dropAll, freshDb, logEntry } from './helpers';

afterEach(dropAll);

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;

describe('addLogEntries', () => {
  it('counts only entries not logged before, across and within batches', async () => {
    const db = freshDb();
    expect(await addLogEntries(db, [logEntry('1'), logEntry('2'), logEntry('1', { reason: 'again' })])).toBe(2);
    expect(await addLogEntries(db, [logEntry('2'), logEntry('3')])).toBe(1);
    expect(await countLog(db)).toBe(3);
    // The first report of an item is the one kept.
    expect((await db.log.where('[site+itemId]').equals(['x', '1']).first())?.reason).toBe(logEntry('1').reason);
  });

  it('treats the same item id on different sites as different items', async () => {
    const db = freshDb();
    expect(await addLogEntries(db, [logEntry('7'), logEntry('7', { site: 'bsky' })])).toBe(2);
    expect(await countLog(db, 'bsky')).toBe(1);
  });

  it('enforces uniqueness in the schema, not only in code', async () => {
    const db = freshDb();
    await addLogEntries(db, [logEntry('1')]);
    await expect(db.log.add(logEntry('1'))).rejects.toThrow(/ConstraintError|unique/i);
  });

  it('returns 0 for an empty batch without writing', async () => {
    const db = freshDb();
    expect(await addLogEntries(db, [])).toBe(0);
    expect(await countLog(db)).toBe(0);
  });
});

describe('pruneLog', () => {
  it('drops entries older than maxAgeDays', async () => {
    const db = freshDb();
    await addLogEntries(db, [
      logEntry('old', { at: NOW - 31 * DAY }),
      logEntry('edge', { at: NOW - 30 * DAY }),
      logEntry('new', { at: NOW - DAY }),
    ]);
    const result = await pruneLog(db, { maxEntries: 10_000, maxAgeDays: 30 }, NOW);
    expect(result).toEqual({ byAge: 1, byCount: 0 });
    expect((await db.log.toArray()).map((e) => e.itemId).sort()).toEqual(['edge', 'new']);
  });

  it('keeps the newest maxEntries, dropping the oldest first', async () => {
    const db = freshDb();
    // Inserted out of time order, so the test depends on `at`, not insertion order.
    const entries = Array.from({ length: 150 }, (_, i) => logEntry(`i${i}`, { at: NOW - ((i * 37) % 150) * 1000 }));
    await addLogEntries(db, entries);
    const result = await pruneLog(db, { maxEntries: 100, maxAgeDays: 30 }, NOW);
    expect(result).toEqual({ byAge: 0, byCount: 50 });
    const kept = await db.log.toArray();
    expect(kept).toHaveLength(100);
    const oldestKept = Math.min(...kept.map((e) => e.at));
    expect(oldestKept).toBe(NOW - 99 * 1000);
  });

  it('applies age first, then count', async () => {
    const db = freshDb();
    await addLogEntries(db, [
      ...Array.from({ length: 120 }, (_, i) => logEntry(`fresh${i}`, { at: NOW - i })),
      ...Array.from({ length: 10 }, (_, i) => logEntry(`stale${i}`, { at: NOW - 40 * DAY - i })),
    ]);
    expect(await pruneLog(db, { maxEntries: 100, maxAgeDays: 30 }, NOW)).toEqual({ byAge: 10, byCount: 20 });
    expect((await db.log.toArray()).every((e) => e.itemId.startsWith('fresh'))).toBe(true);
  });
});

describe('maybePruneLog', () => {
  it('prunes at most once an hour unless the log overshoots its cap', async () => {
    const db = freshDb();
    const limits = { maxEntries: 100, maxAgeDays: 30 };
    await addLogEntries(db, [logEntry('old', { at: NOW - 60 * DAY })]);
    expect(await maybePruneLog(db, limits, NOW)).toEqual({ byAge: 1, byCount: 0 });

    await addLogEntries(db, [logEntry('old2', { at: NOW - 60 * DAY })]);
    expect(await maybePruneLog(db, limits, NOW + 1000)).toBeNull();
    expect(await countLog(db)).toBe(1);

    await addLogEntries(db, Array.from({ length: 115 }, (_, i) => logEntry(`n${i}`, { at: NOW + i })));
    expect(await maybePruneLog(db, limits, NOW + 2000)).toEqual({ byAge: 1, byCount: 15 });
    expect(await maybePruneLog(db, limits, NOW + 2000 + PRUNE_INTERVAL_MS)).toEqual({ byAge: 0, byCount: 0 });
  });
});

describe('queryLog and clearLog', () => {
  it('returns newest first, filtered by site, reason and author, pageable by time', async () => {
    const db = freshDb();
    await addLogEntries(db, [
      logEntry('a', { at: 1 }),
      logEntry('b', { at: 3, reasonCode: 'ad', ruleId: 'policy:balanced:ad' }),
      logEntry('c', { at: 2, site: 'bsky' }),
      logEntry('d', { at: 4, authorId: '99' }),
    ]);
    expect((await queryLog(db)).map((e) => e.itemId)).toEqual(['d', 'b', 'c', 'a']);
    expect((await queryLog(db, { site: 'x' })).map((e) => e.itemId)).toEqual(['d', 'b', 'a']);
    expect((await queryLog(db, { reasonCode: 'ad' })).map((e) => e.itemId)).toEqual(['b']);
    expect((await queryLog(db, { authorId: '99' })).map((e) => e.itemId)).toEqual(['d']);
    expect((await queryLog(db, { before: 3, limit: 1 })).map((e) => e.itemId)).toEqual(['c']);
  });

  it('clears one site or everything', async () => {
    const db = freshDb();
    await addLogEntries(db, [logEntry('1'), logEntry('2'), logEntry('1', { site: 'mastodon' })]);
    expect(await clearLog(db, 'x')).toBe(2);
    expect((await db.log.toArray()).map((e) => e.site)).toEqual(['mastodon']);
    expect(await clearLog(db)).toBe(1);
    expect(await countLog(db)).toBe(0);
  });
});

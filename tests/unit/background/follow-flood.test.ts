// A page flooding the follow graph through the real background handler: the table and the cached
// snapshot stay within the per-site caps, and the follow learned from the Following list stays in both.
import { afterEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/handlers';
import { readContentMessage } from '../../../src/content/inbox';
import type { FollowRow } from '../../../src/db/database';
import { FOLLOW_CAPS, MAX_FOLLOW_DELTA } from '../../../src/db/follows';
import { currentRevision } from '../../../src/db/revision';
import { FakeArea, FakeTabs, dropAll, freshDb } from '../db/helpers';
import { FRIEND, flood } from './follow-flood';

afterEach(dropAll);

/** A follow entry in the snapshot's JSON is about 100 characters; a cap's worth plus the rest of the snapshot. */
const SNAPSHOT_BYTES_CAP = FOLLOW_CAPS.total * 120 + 50_000;

describe('a follow flood from the page', () => {
  it('keeps the table and the snapshot at the caps, and the Following list account in both', async () => {
    const f = await flood({ messages: 15, perMessage: 1_000, source: 'page' });
    console.log(`page flood of 15 × 1,000: at most ${f.maxRows} rows, snapshot at most ${f.maxSnapshotBytes} bytes (${f.snapshotFollows} follows)`);
    expect(f.maxRows).toBe(FOLLOW_CAPS.total);
    expect(f.rows).toBe(FOLLOW_CAPS.total);
    expect(f.snapshotFollows).toBe(FOLLOW_CAPS.total);
    expect(f.maxSnapshotBytes).toBeLessThanOrEqual(SNAPSHOT_BYTES_CAP);
    expect(f.friendInSnapshot).toBe(true);
    expect(f.friendRow).toMatchObject({ ...FRIEND, source: 'following-list' });
    // Every change reached the tab in a form it takes (deltas within their size limit).
    expect(f.tabMessages).toBeGreaterThan(0);
    expect(f.refusedByTab).toBe(0);
  }, 120_000);

  it('a forged Following list fills its own share only, and cannot push the real list out either', async () => {
    const f = await flood({ messages: 12, perMessage: 1_000, source: 'following-list' });
    console.log(`forged list flood of 12 × 1,000: at most ${f.maxRows} rows, snapshot at most ${f.maxSnapshotBytes} bytes`);
    expect(f.maxRows).toBe(FOLLOW_CAPS.total);
    expect(f.listRows).toBe(FOLLOW_CAPS.trusted);
    expect(f.maxSnapshotBytes).toBeLessThanOrEqual(SNAPSHOT_BYTES_CAP);
    expect(f.friendInSnapshot).toBe(true);
    expect(f.friendRow).toMatchObject({ ...FRIEND, source: 'following-list' });
  }, 120_000);

  it('a message whose change is too large for a delta goes to tabs as the whole snapshot', async () => {
    const db = freshDb();
    const tabs = new FakeTabs([{ id: 1 }]);
    const bg = createBackground({
      db, runtimeId: 'id', extensionOrigin: 'chrome-extension://id/', local: new FakeArea(), session: new FakeArea(), tabs, contentMatches: ['https://x.com/*'],
    });
    // A full table whose list rows carry the handles the message binds to other ids: every fact clears a
    // list row's handle and evicts a page row, on top of adding its own.
    const row = (i: number, source: FollowRow['source']): FollowRow => ({ key: `x#${i}`, site: 'x', accountId: String(i), handle: `h${i}`, learnedAt: i, source });
    await db.follows.bulkPut(Array.from({ length: FOLLOW_CAPS.total }, (_, i) => row(i + 1, i < MAX_FOLLOW_DELTA ? 'following-list' : 'page')));
    await bg.ready();
    const before = await currentRevision(db);
    const follows = Array.from({ length: MAX_FOLLOW_DELTA }, (_, i) => ({ accountId: String(900_000 + i), handle: `h${i + 1}`, following: true }));
    expect(await bg.handle({ type: 'follows/learn', site: 'x', source: 'page', follows }, { id: 'id', url: 'https://x.com/home', tab: { id: 1 } }))
      .toEqual({ changed: 3 * MAX_FOLLOW_DELTA });
    expect(tabs.sent).toHaveLength(1);
    const message = readContentMessage(tabs.sent[0]?.message);
    // No delta could carry it: the tab gets the whole snapshot at the new revision.
    expect(message).toMatchObject({ type: 'snapshot/changed', snapshot: { revision: before + 2 } });
    expect(await db.follows.count()).toBe(FOLLOW_CAPS.total);
  }, 60_000);
});

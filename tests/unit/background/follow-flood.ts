// A page script flooding the follow graph, replayed through the real background handler: a Following
// list visit teaches one real follow, then `messages` follows/learn messages of `perMessage` made-up
// accounts each arrive from a content script, as the content script would pass on the page's facts.
// Used by tests/unit/background/follow-flood.test.ts (asserting the caps) and bench/follow-flood.bench.ts
// (printing the figures).
import { createBackground, type Sender } from '../../../src/background/handlers';
import { SNAPSHOT_KEY, type Snapshot } from '../../../src/core/snapshot';
import { countFollows } from '../../../src/db/follows';
import { readContentMessage } from '../../../src/content/inbox';
import { FakeArea, FakeTabs, freshDb } from '../db/helpers';

export const FRIEND = { accountId: '42', handle: 'realfriend' };

export interface FloodOptions {
  messages: number;
  perMessage: number;
  /** What the flood claims to be: the page's facts, or a forged Following list. */
  source: 'page' | 'following-list';
  /** Messages in flight at once (a page posts as fast as it likes; the publisher coalesces rebuilds). */
  concurrency?: number;
}

export interface FloodFigures {
  /** The most follows rows the table held at any check (after every group of messages). */
  maxRows: number;
  rows: number;
  /** Rows from the Following list or an import at the end. */
  listRows: number;
  /** The largest cached snapshot seen, as JSON characters (its size in storage.local, near enough). */
  maxSnapshotBytes: number;
  snapshotBytes: number;
  snapshotFollows: number;
  friendInSnapshot: boolean;
  friendRow: unknown;
  /** Messages the tab got, and how many of them its inbox would refuse (a delta over the size limit). */
  tabMessages: number;
  refusedByTab: number;
  /** Wall time of the flood and of one rebuild after it (a settings change): printed by the bench only. */
  floodMs: number;
  rebuildMs: number;
}

const ORIGIN = 'chrome-extension://doorman-id/';

export async function flood(opts: FloodOptions): Promise<FloodFigures> {
  const db = freshDb();
  const local = new FakeArea();
  const tabs = new FakeTabs([{ id: 1 }]);
  const bg = createBackground({
    db, runtimeId: 'doorman-id', extensionOrigin: ORIGIN, local, session: new FakeArea(), tabs, contentMatches: ['https://x.com/*'],
  });
  const content: Sender = { id: 'doorman-id', url: 'https://x.com/home', tab: { id: 1 } };
  const learn = (source: 'page' | 'following-list', follows: { accountId: string; handle: string; following: boolean }[]) =>
    bg.handle({ type: 'follows/learn', site: 'x', source, follows }, content);

  await learn('following-list', [{ ...FRIEND, following: true }]);
  const snapshotBytes = () => JSON.stringify(local.data.get(SNAPSHOT_KEY) ?? null).length;
  let maxRows = await countFollows(db, 'x');
  let maxSnapshotBytes = snapshotBytes();
  const concurrency = opts.concurrency ?? 10;
  const started = performance.now();
  for (let m = 0; m < opts.messages; m += concurrency) {
    const group = [];
    for (let k = m; k < Math.min(opts.messages, m + concurrency); k++) {
      const follows = Array.from({ length: opts.perMessage }, (_, i) => {
        const n = k * opts.perMessage + i;
        return { accountId: String(10_000_000 + n), handle: `fake${n}`.slice(0, 15), following: true };
      });
      group.push(learn(opts.source, follows));
    }
    await Promise.all(group);
    maxRows = Math.max(maxRows, await countFollows(db, 'x'));
    maxSnapshotBytes = Math.max(maxSnapshotBytes, snapshotBytes());
  }
  const floodMs = performance.now() - started;

  const before = performance.now();
  await bg.handle({ type: 'data/changed' }, { id: 'doorman-id', url: `${ORIGIN}src/options/index.html` });
  const rebuildMs = performance.now() - before;
  const snapshot = local.data.get(SNAPSHOT_KEY) as Snapshot;
  const figures: FloodFigures = {
    maxRows,
    rows: await countFollows(db, 'x'),
    listRows: (await db.follows.toArray()).filter((r) => r.source !== 'page').length,
    maxSnapshotBytes: Math.max(maxSnapshotBytes, snapshotBytes()),
    snapshotBytes: snapshotBytes(),
    snapshotFollows: snapshot.follows.length,
    friendInSnapshot: snapshot.follows.some((f) => f.accountId === FRIEND.accountId && f.source === 'following-list'),
    friendRow: await db.follows.get(`x#${FRIEND.accountId}`),
    tabMessages: tabs.sent.length,
    refusedByTab: tabs.sent.filter((m) => readContentMessage(m.message) === null).length,
    floodMs,
    rebuildMs,
  };
  db.close();
  return figures;
}

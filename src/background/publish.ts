// Rebuilding the snapshot after a change and getting it to every open page of a supported site.
//
// One channel to tabs: messages. The storage.local cache stays (content scripts read it at
// document_start, before any message could arrive) but nobody listens to its changes: a storage
// event would deliver every rebuild, whole and with its old value, to every extension context,
// beside the message, and it cannot carry a follow delta. Messages reach only tabs that may hold a
// content script, in the order this worker sends them, and carry either a whole snapshot or a
// delta against a stated revision.
import { listsDelta } from '../core/lists-delta';
import type { Snapshot } from '../core/snapshot';
import type { FollowDelta, Message } from '../shared/messages';
import type { DoormanDB } from '../db/database';
import { type CacheArea, cacheSnapshot, readCachedSnapshot, snapshotFromDb } from './snapshot';

/**
 * A whole-snapshot change that touches only this many list entries goes out as a lists delta: the
 * tab patches its indexes and re-decides those accounts' items instead of recompiling and re-reading
 * every item on the page. Above it, the whole snapshot is cheaper to send than to diff.
 */
export const MAX_LISTS_DELTA = 2_000;

export interface TabsLike {
  query(query: { url?: string | string[] }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: Message): Promise<unknown>;
}

export interface PublishDeps {
  db: DoormanDB;
  local: CacheArea;
  tabs: TabsLike;
  /** Match patterns of the content scripts (from the manifest): the tabs that may hold one. */
  contentMatches: readonly string[];
}

async function openTabs(tabs: TabsLike, matches: readonly string[]): Promise<number[]> {
  if (matches.length === 0) return [];
  const open = await tabs.query({ url: [...matches] });
  return open.flatMap((t) => (t.id === undefined ? [] : [t.id]));
}

/**
 * Sends the messages to each matching tab, in order per tab; tabs without a content script (yet)
 * are skipped quietly. Returns how many tabs took every message.
 */
export async function pushToTabs(tabs: TabsLike, matches: readonly string[], messages: readonly Message[]): Promise<number> {
  if (messages.length === 0) return 0;
  const ids = await openTabs(tabs, matches);
  const results = await Promise.allSettled(ids.map(async (id) => {
    for (const m of messages) await tabs.sendMessage(id, m);
  }));
  return results.filter((r) => r.status === 'fulfilled').length;
}

export interface Publisher {
  /** Rebuild, cache, push the whole snapshot (or, when only account lists changed, their difference). */
  full(): Promise<Snapshot>;
  /** Rebuild and cache, push only this delta (unless a whole snapshot goes out in the same run). */
  delta(delta: FollowDelta): Promise<Snapshot>;
}

interface Run {
  full: boolean;
  deltas: FollowDelta[];
  done: Promise<Snapshot>;
  resolve(s: Snapshot): void;
  reject(e: unknown): void;
}

function newRun(): Run {
  let resolve!: (s: Snapshot) => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<Snapshot>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { full: false, deltas: [], done, resolve, reject };
}

/**
 * Requests that arrive while a run is under way join the next one, so a burst of changes costs at
 * most two rebuilds. The cache is written before anything is pushed: a tab that starts meanwhile
 * reads either the old cache (and gets the message) or the new one (and ignores a message it
 * already has). (Losing this bookkeeping to a worker restart is harmless: the revision check
 * rebuilds a stale cache on the next start, and a tab that missed a delta fetches the snapshot.)
 */
export function createPublisher(deps: PublishDeps): Publisher {
  let next: Run | null = null;
  let draining = false;

  const execute = async (run: Run): Promise<Snapshot> => {
    // What up-to-date tabs hold now: a change to the lists alone goes out as the difference from it.
    const previous = run.full ? await readCachedSnapshot(deps.local) : null;
    const snapshot = await snapshotFromDb(deps.db);
    await cacheSnapshot(deps.local, snapshot);
    const lists = previous && listsDelta(previous, snapshot, MAX_LISTS_DELTA);
    // A whole snapshot supersedes every delta of its run; deltas go out oldest first.
    const messages: Message[] = lists
      ? [{ type: 'lists/changed', delta: lists }]
      : run.full
        ? [{ type: 'snapshot/changed', snapshot }]
        : run.deltas.sort((a, b) => a.base - b.base).map((delta) => ({ type: 'follows/changed', delta }));
    await pushToTabs(deps.tabs, deps.contentMatches, messages);
    return snapshot;
  };

  const drain = async () => {
    draining = true;
    while (next) {
      const run = next;
      next = null;
      await execute(run).then(run.resolve, run.reject);
    }
    draining = false;
  };

  const request = (full: boolean, delta?: FollowDelta): Promise<Snapshot> => {
    next ??= newRun();
    const run = next;
    if (full) run.full = true;
    if (delta) run.deltas.push(delta);
    if (!draining) void drain();
    return run.done;
  };

  return { full: () => request(true), delta: (d) => request(false, d) };
}

// Rebuilding the snapshot after a change and getting it to every open page of a supported site.
import type { Snapshot } from '../core/snapshot';
import type { Message } from '../shared/messages';
import type { DoormanDB } from '../db/database';
import { type CacheArea, cacheSnapshot, snapshotFromDb } from './snapshot';

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

/** Sends the snapshot to each matching tab; tabs without a content script (yet) are skipped quietly. */
export async function pushToTabs(tabs: TabsLike, matches: readonly string[], snapshot: Snapshot): Promise<number> {
  if (matches.length === 0) return 0;
  const open = await tabs.query({ url: [...matches] });
  const results = await Promise.allSettled(
    open.flatMap((t) => (t.id === undefined ? [] : [tabs.sendMessage(t.id, { type: 'snapshot/changed', snapshot })])),
  );
  return results.filter((r) => r.status === 'fulfilled').length;
}

/**
 * Returns a publish function: rebuild, cache, push. Calls that arrive while one runs share a single
 * follow-up run, so a burst of changes costs at most two rebuilds. (Losing this bookkeeping to a
 * worker restart is harmless: the revision check rebuilds a stale cache on the next start.)
 */
export function createPublisher(deps: PublishDeps): () => Promise<Snapshot> {
  let running: Promise<Snapshot> | null = null;
  let queued: Promise<Snapshot> | null = null;
  const run = async (): Promise<Snapshot> => {
    const snapshot = await snapshotFromDb(deps.db);
    await cacheSnapshot(deps.local, snapshot);
    await pushToTabs(deps.tabs, deps.contentMatches, snapshot);
    return snapshot;
  };
  const publish = (): Promise<Snapshot> => {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return publish();
      });
    return queued;
  };
  return publish;
}

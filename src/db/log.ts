// The filtered-items log: what Doorman hid or collapsed, once per site and item, bounded by count and age.
import type { ReasonCode, SiteKey } from '../core/model';
import type { Settings } from '../core/settings';
import type { LogEntryInput } from '../shared/messages';
import type { DoormanDB, LogRow } from './database';

const DAY_MS = 24 * 60 * 60 * 1000;
const LAST_PRUNE_KEY = 'log.lastPruneAt';
/** Pruning runs at most this often, unless the log has overshot its cap by more than the slack. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const OVERSHOOT = 1.1;

export type StoredLogEntry = LogEntryInput & { id: number };

/** Adds entries not logged before (by site and item id); returns how many were new. */
export async function addLogEntries(db: DoormanDB, entries: readonly LogEntryInput[]): Promise<number> {
  const fresh = new Map<string, LogEntryInput>();
  for (const e of entries) {
    const k = `${e.site}\u0000${e.itemId}`;
    if (!fresh.has(k)) fresh.set(k, e);
  }
  if (fresh.size === 0) return 0;
  return db.transaction('rw', db.log, async () => {
    const candidates = [...fresh.values()];
    const logged = await db.log.where('[site+itemId]').anyOf(candidates.map((e) => [e.site, e.itemId])).toArray();
    const seen = new Set(logged.map((r) => `${r.site}\u0000${r.itemId}`));
    const added = candidates.filter((e) => !seen.has(`${e.site}\u0000${e.itemId}`));
    if (added.length > 0) await db.log.bulkAdd(added.map((e): LogRow => ({ ...e })));
    return added.length;
  });
}

export interface PruneResult {
  byAge: number;
  byCount: number;
}

/** Drops entries older than `maxAgeDays`, then the oldest beyond `maxEntries`. */
export async function pruneLog(db: DoormanDB, limits: Settings['log'], now = Date.now()): Promise<PruneResult> {
  return db.transaction('rw', db.log, db.meta, async () => {
    const byAge = await db.log.where('at').below(now - limits.maxAgeDays * DAY_MS).delete();
    const excess = (await db.log.count()) - limits.maxEntries;
    let byCount = 0;
    if (excess > 0) {
      const oldest = await db.log.orderBy('at').limit(excess).primaryKeys();
      await db.log.bulkDelete(oldest);
      byCount = oldest.length;
    }
    await db.meta.put({ key: LAST_PRUNE_KEY, value: now });
    return { byAge, byCount };
  });
}

/** Prunes when the last prune is over an hour old or the log overshot its cap; returns null when it did not. */
export async function maybePruneLog(db: DoormanDB, limits: Settings['log'], now = Date.now()): Promise<PruneResult | null> {
  const last = (await db.meta.get(LAST_PRUNE_KEY))?.value ?? 0;
  const due = now - last >= PRUNE_INTERVAL_MS || (await db.log.count()) > limits.maxEntries * OVERSHOOT;
  return due ? pruneLog(db, limits, now) : null;
}

export interface LogQuery {
  site?: SiteKey;
  reasonCode?: ReasonCode;
  authorId?: string;
  /** Only entries filtered before this time (ms), for paging back. */
  before?: number;
  limit?: number;
}

/** Newest first. One index narrows; the other criteria filter. */
export async function queryLog(db: DoormanDB, q: LogQuery = {}): Promise<StoredLogEntry[]> {
  const limit = Math.max(1, Math.min(q.limit ?? 100, 5_000));
  const rows = await db.log
    .where('at')
    .below(q.before ?? Number.MAX_SAFE_INTEGER)
    .reverse()
    .filter((r) => (!q.site || r.site === q.site) && (!q.reasonCode || r.reasonCode === q.reasonCode) &&
      (q.authorId === undefined || r.authorId === q.authorId))
    .limit(limit)
    .toArray();
  return rows.filter((r): r is StoredLogEntry => r.id !== undefined);
}

export async function countLog(db: DoormanDB, site?: SiteKey): Promise<number> {
  return site ? db.log.where('site').equals(site).count() : db.log.count();
}

/** Clears the log for one site, or all of it; returns how many entries went. */
export async function clearLog(db: DoormanDB, site?: SiteKey): Promise<number> {
  if (site) return db.log.where('site').equals(site).delete();
  return db.transaction('rw', db.log, async () => {
    const n = await db.log.count();
    await db.log.clear();
    return n;
  });
}

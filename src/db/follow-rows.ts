// What one batch of follow facts reads from the follows table: the rows under its ids and handles,
// the rows carrying its handles, the site's row counts and its oldest page-learned rows. A few facts
// (a timeline's response) are looked up by key and index; many (a Following list page, a flood) are
// answered from one read of the site's rows, which the per-site cap keeps bounded, rather than a
// thousand index lookups.
import type { SiteKey } from '../core/model';
import type { DoormanDB, FollowRow } from './database';
import { isTrusted } from './follow-merge';
import { accountRowKey } from './keys';

/** From this many facts on, a batch reads the site's rows at once. */
export const SCAN_FROM_FACTS = 64;

export interface BatchRows {
  /** Every row under the batch's id and handle keys (null where absent), and every row carrying one of its handles. */
  known: [string, FollowRow | null][];
  total(): Promise<number>;
  trusted(): Promise<number>;
  /** The `count` page-learned rows with an id learned longest ago, except those `skip` names. */
  oldestPage(count: number, skip: (key: string) => boolean): Promise<FollowRow[]>;
  get(keys: readonly string[]): Promise<(FollowRow | null)[]>;
}

export async function readBatchRows(db: DoormanDB, site: SiteKey, idKeys: readonly string[], handles: readonly string[]): Promise<BatchRows> {
  const handleKeys = handles.map((h) => accountRowKey(site, '', h));
  return idKeys.length >= SCAN_FROM_FACTS ? scanned(db, site, idKeys, handles, handleKeys) : indexed(db, site, idKeys, handles, handleKeys);
}

const pairs = (keys: readonly string[], rows: readonly (FollowRow | undefined)[]): [string, FollowRow | null][] =>
  keys.map((k, i) => [k, rows[i] ?? null]);

async function indexed(db: DoormanDB, site: SiteKey, idKeys: readonly string[], handles: readonly string[], handleKeys: readonly string[]): Promise<BatchRows> {
  const [byId, byHandle, holders] = await Promise.all([
    db.follows.bulkGet([...idKeys]),
    db.follows.bulkGet([...handleKeys]),
    Promise.all(handles.map((h) => db.follows.where('handle').equals(h).filter((r) => r.site === site && r.accountId !== '').toArray())),
  ]);
  return {
    known: [...pairs(idKeys, byId), ...pairs(handleKeys, byHandle), ...holders.flat().map((r): [string, FollowRow] => [r.key, r])],
    total: () => db.follows.where('site').equals(site).count(),
    // Only a list or import batch asks; it reads the rows (no index on source).
    trusted: async () => (await db.follows.where('site').equals(site).toArray()).filter((r) => isTrusted(r.source)).length,
    oldestPage: (count, skip) => oldestPage(db, site, count, skip),
    get: async (keys) => (await db.follows.bulkGet([...keys])).map((r) => r ?? null),
  };
}

/**
 * The oldest rows by learnedAt, a page at a time (list and import rows, never evicted, are often the
 * oldest of all, and other sites' rows share the index): a wider page until enough are found.
 * Filtering after the read, not in a cursor, keeps each page one getAll.
 */
async function oldestPage(db: DoormanDB, site: SiteKey, count: number, skip: (key: string) => boolean): Promise<FollowRow[]> {
  for (let width = count + 256; ; width *= 4) {
    const rows = await db.follows.orderBy('learnedAt').limit(width).toArray();
    const victims = rows.filter((r) => r.site === site && r.source === 'page' && r.accountId !== '' && !skip(r.key));
    if (victims.length >= count || rows.length < width) return victims.slice(0, count);
  }
}

async function scanned(db: DoormanDB, site: SiteKey, idKeys: readonly string[], handles: readonly string[], handleKeys: readonly string[]): Promise<BatchRows> {
  const rows = await db.follows.where('site').equals(site).toArray();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const wanted = new Set(handles);
  const holders = rows.filter((r) => r.accountId !== '' && wanted.has(r.handle));
  const lookup = (keys: readonly string[]) => keys.map((k): [string, FollowRow | null] => [k, byKey.get(k) ?? null]);
  return {
    known: [...lookup(idKeys), ...lookup(handleKeys), ...holders.map((r): [string, FollowRow] => [r.key, r])],
    total: async () => rows.length,
    trusted: async () => rows.filter((r) => isTrusted(r.source)).length,
    oldestPage: async (count, skip) =>
      rows.filter((r) => r.source === 'page' && r.accountId !== '' && !skip(r.key)).sort((a, b) => a.learnedAt - b.learnedAt).slice(0, count),
    get: async (keys) => keys.map((k) => byKey.get(k) ?? null),
  };
}

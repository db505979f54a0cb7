// The follow graph Doorman learned from the sites' own responses (and the Following list), capped per site.
import { FollowEntry } from '../core/lists';
import type { SiteKey } from '../core/model';
import { SITES } from '../sites/registry';
import { type SiteDeclaration, accountIdFits, handleFits } from '../sites/site';
import type { DoormanDB, FollowRow } from './database';
import { FollowMerge, type FollowSource, type NormalFact, isTrusted } from './follow-merge';
import { readBatchRows } from './follow-rows';
import { accountRowKey } from './keys';
import { bumpRevision, currentRevision } from './revision';

export type { FollowSource } from './follow-merge';
export { LEARNED_AT_REFRESH_MS } from './follow-merge';

/** One account's follow state as a page revealed it. */
export interface FollowFact {
  accountId: string;
  handle: string;
  following: boolean;
}

/**
 * The follow graph's size, per site. Any page script can post follow facts, so the table must not grow
 * with what a page says. X lets every account follow 5,000 others, and more only once it has about as
 * many followers; almost everyone follows a few hundred. So 8,000 Following-list and import rows hold
 * any ordinary account's whole list with room to spare (past it, list rows are kept as page-learned
 * ones), and 10,000 rows in all leave at least 2,000 for follows seen on timelines, so even a forged
 * Following list cannot starve page learning. Past the total, page-learned rows go, oldest learnedAt
 * first; list and import rows are never evicted. 10,000 follows make a snapshot of about 1 MB (see
 * bench/follow-flood.bench.ts); buildSnapshot (background/snapshot.ts) keeps to the same caps.
 */
export const FOLLOW_CAPS = { trusted: 8_000, total: 10_000 } as const;

/** The most accounts a follow delta may name in `add` or in `remove` (FollowDelta in shared/messages.ts, content/inbox.ts). */
export const MAX_FOLLOW_DELTA = 2_000;

const declarations: ReadonlyMap<string, SiteDeclaration> = new Map(SITES.map((s) => [s.id, s]));

const strip = ({ key: _key, ...entry }: FollowRow): FollowEntry => entry;

/**
 * The follows, as stored. A row the schema rejects (a bad disk, a hand-edited profile) is skipped so
 * the snapshot still builds; it stays stored and is replaced when the page shows that account again.
 */
export async function listFollows(db: DoormanDB, site?: SiteKey): Promise<FollowEntry[]> {
  const rows = site ? await db.follows.where('site').equals(site).toArray() : await db.follows.toArray();
  return rows.map(strip).filter((entry) => FollowEntry.safeParse(entry).success);
}

export async function countFollows(db: DoormanDB, site?: SiteKey): Promise<number> {
  return site ? db.follows.where('site').equals(site).count() : db.follows.count();
}

/** What one learnFollowsDelta call changed, in the form a snapshot delta carries. */
export interface LearnedFollows {
  /** Accounts whose change a snapshot can see (added, removed, handle changed). */
  changed: number;
  added: { accountId: string; handle: string }[];
  removed: { accountId: string; handle: string }[];
  /** The data revision before and after (equal when nothing changed). */
  base: number;
  revision: number;
  /**
   * The change named more accounts than a delta may carry: `added` and `removed` are empty and `base`
   * is a revision past the change, so a tab that held the old snapshot cannot apply the (empty) delta
   * and fetches the whole snapshot instead.
   */
  gap?: true;
}

/**
 * Upserts accounts the user follows and deletes ones they no longer follow. Returns how many
 * accounts changed in a way a snapshot can see (added, removed, handle changed); a mere refresh of
 * learnedAt does not count.
 */
export async function learnFollows(
  db: DoormanDB,
  site: SiteKey,
  facts: readonly FollowFact[],
  source: FollowSource,
  now = Date.now(),
): Promise<number> {
  return (await learnFollowsDelta(db, site, facts, source, now)).changed;
}

/**
 * learnFollows, also saying which accounts changed and between which revisions (for follow deltas).
 * Who may change what, and how handles are bound, is in db/follow-merge.ts; the caps are FOLLOW_CAPS.
 * Ids and handles that no account of the site could have (sites/site.ts) are left out.
 */
export async function learnFollowsDelta(
  db: DoormanDB,
  site: SiteKey,
  facts: readonly FollowFact[],
  source: FollowSource,
  now = Date.now(),
): Promise<LearnedFollows> {
  const declaration = declarations.get(site);
  // The last word on an account within one batch wins, and counts as said last (handles are bound in that order).
  const latest = new Map<string, NormalFact>();
  for (const f of facts) {
    if (f.accountId === '' || !accountIdFits(declaration, f.accountId)) continue;
    const entry = FollowEntry.parse({ site, accountId: f.accountId, handle: f.handle, learnedAt: now, source });
    latest.delete(entry.accountId);
    latest.set(entry.accountId, { accountId: entry.accountId, handle: handleFits(declaration, entry.handle) ? entry.handle : '', following: f.following });
  }
  const none = async (): Promise<LearnedFollows> => {
    const revision = await currentRevision(db);
    return { changed: 0, added: [], removed: [], base: revision, revision };
  };
  if (latest.size === 0) return none();

  return db.transaction('rw', db.follows, db.meta, async () => {
    const list = [...latest.values()];
    const idKeys = list.map((f) => accountRowKey(site, f.accountId, ''));
    const handles = [...new Set(list.map((f) => f.handle).filter((h) => h !== ''))];
    const read = await readBatchRows(db, site, idKeys, handles);
    const trustedRoom = isTrusted(source) ? FOLLOW_CAPS.trusted - (await read.trusted()) : Infinity;
    const merge = new FollowMerge(site, source, now, read.known, trustedRoom);
    for (const f of list) merge.learn(f);

    const excess = (await read.total()) + merge.grown - FOLLOW_CAPS.total;
    if (excess > 0) merge.evict(await read.oldestPage(excess, (key) => merge.touched(key)));
    // The delta must respect rows stored by handle alone for every handle it names.
    const unknown = merge.deltaHandles().map((h) => accountRowKey(site, '', h));
    if (unknown.length > 0) {
      const rows = await read.get(unknown);
      merge.know(unknown.map((k, i): [string, FollowRow | null] => [k, rows[i] ?? null]));
    }

    const result = merge.result();
    if (result.deletes.length > 0) await db.follows.bulkDelete(result.deletes);
    if (result.puts.length > 0) await db.follows.bulkPut(result.puts);
    if (result.changed === 0) return none();
    if (result.add.length > MAX_FOLLOW_DELTA || result.remove.length > MAX_FOLLOW_DELTA) {
      await bumpRevision(db);
      const revision = await bumpRevision(db);
      return { changed: result.changed, added: [], removed: [], base: revision - 1, revision, gap: true };
    }
    const revision = await bumpRevision(db);
    return { changed: result.changed, added: result.add, removed: result.remove, base: revision - 1, revision };
  });
}

/** Forgets every follow learned on a site (e.g. after signing into another account). Returns how many. */
export async function clearFollows(db: DoormanDB, site: SiteKey): Promise<number> {
  return db.transaction('rw', db.follows, db.meta, async () => {
    const removed = await db.follows.where('site').equals(site).delete();
    if (removed > 0) await bumpRevision(db);
    return removed;
  });
}

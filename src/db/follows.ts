// The follow graph Doorman learned from the sites' own responses (and the Following list).
import { FollowEntry } from '../core/lists';
import type { SiteKey } from '../core/model';
import type { DoormanDB, FollowRow } from './database';
import { accountRowKey } from './keys';
import { bumpRevision, currentRevision } from './revision';

export type FollowSource = FollowEntry['source'];

/** One account's follow state as a page revealed it. */
export interface FollowFact {
  accountId: string;
  handle: string;
  following: boolean;
}

/** Seeing a known follow again refreshes learnedAt at most this often, so browsing does not rewrite rows. */
export const LEARNED_AT_REFRESH_MS = 24 * 60 * 60 * 1000;

const strip = ({ key: _key, ...entry }: FollowRow): FollowEntry => entry;

export async function listFollows(db: DoormanDB, site?: SiteKey): Promise<FollowEntry[]> {
  const rows = site ? await db.follows.where('site').equals(site).toArray() : await db.follows.toArray();
  return rows.map(strip);
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

/** learnFollows, also saying which accounts changed and between which revisions (for follow deltas). */
export async function learnFollowsDelta(
  db: DoormanDB,
  site: SiteKey,
  facts: readonly FollowFact[],
  source: FollowSource,
  now = Date.now(),
): Promise<LearnedFollows> {
  // The last word on an account within one batch wins.
  const latest = new Map<string, FollowFact>();
  for (const f of facts) if (f.accountId !== '') latest.set(f.accountId, f);
  const none = async (): Promise<LearnedFollows> => {
    const revision = await currentRevision(db);
    return { changed: 0, added: [], removed: [], base: revision, revision };
  };
  if (latest.size === 0) return none();

  return db.transaction('rw', db.follows, db.meta, async () => {
    const wanted = [...latest.values()].map((f) => ({
      fact: f,
      entry: FollowEntry.parse({ site, accountId: f.accountId, handle: f.handle, learnedAt: now, source }),
    }));
    const idKeys = wanted.map((w) => accountRowKey(site, w.entry.accountId, ''));
    // A row stored by handle alone (an import) is the same account once its id is known.
    const handleKeys = wanted.map((w) => (w.entry.handle ? accountRowKey(site, '', w.entry.handle) : ''));
    const byId = await db.follows.bulkGet(idKeys);
    const byHandle = await db.follows.bulkGet(handleKeys);

    const puts: FollowRow[] = [];
    const deletes: string[] = [];
    const added: LearnedFollows['added'] = [];
    const removed: LearnedFollows['removed'] = [];
    wanted.forEach(({ fact, entry }, i) => {
      const existing = byId[i];
      const handleRow = byHandle[i];
      if (fact.following) {
        if (handleRow) deletes.push(handleRow.key);
        const visible = !existing || existing.handle !== entry.handle;
        if (visible) added.push({ accountId: entry.accountId, handle: entry.handle });
        if (visible || now - existing.learnedAt >= LEARNED_AT_REFRESH_MS || existing.source !== source) {
          puts.push({ ...entry, key: idKeys[i] ?? '' });
        }
      } else {
        if (existing) deletes.push(existing.key);
        if (handleRow) deletes.push(handleRow.key);
        if (existing || handleRow) removed.push({ accountId: entry.accountId, handle: existing?.handle ?? handleRow?.handle ?? entry.handle });
      }
    });
    if (deletes.length > 0) await db.follows.bulkDelete(deletes);
    if (puts.length > 0) await db.follows.bulkPut(puts);
    const changed = added.length + removed.length;
    if (changed === 0) return none();
    const revision = await bumpRevision(db);
    return { changed, added, removed, base: revision - 1, revision };
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

// The snapshot a content script classifies with: built from the database (pure function), cached in
// storage.local under `snapshot` so a content script can read it at document_start without waiting
// on IndexedDB, and tagged with the data revision so stale copies can be recognised. Every list in it
// is capped, so the snapshot stays small whatever the tables hold.
import type { AllowEntry, BrandOverrideEntry, FollowEntry } from '../core/lists';
import type { Rule } from '../core/rules';
import type { Settings } from '../core/settings';
import { SNAPSHOT_FORMAT, SNAPSHOT_KEY, Snapshot } from '../core/snapshot';
import type { DoormanDB } from '../db/database';
import { listAllowlist } from '../db/allowlist';
import { listFollows } from '../db/follows';
import { withinFollowCaps } from '../db/follow-caps';
import { newest } from '../core/newest';
import { budgetRules } from '../core/rule-budget';
import { listOverrides } from '../db/overrides';
import { currentRevision, raiseRevision } from '../db/revision';
import { listRules } from '../db/rules';
import { getSettings } from '../db/settings';


/** The caps Snapshot's schema enforces; a snapshot over them would be rejected whole by content scripts. */
export const SNAPSHOT_LIMITS = { rules: 1_000, allowlist: 50_000, follows: 200_000, overrides: 50_000 } as const;

export interface SnapshotData {
  revision: number;
  settings: Settings;
  rules: Rule[];
  allowlist: AllowEntry[];
  follows: FollowEntry[];
  overrides: BrandOverrideEntry[];
}

/**
 * The rules content scripts run: in the user's order, each within its own budget and, added in order,
 * all within the set's (core/rule-budget.ts; a rule over one was stored by an older version or written
 * directly, and is left out, never run); past the count cap the last ones are left out.
 */
export function snapshotRules(rules: readonly Rule[]): Rule[] {
  const { kept } = budgetRules(rules.filter((r) => r.enabled));
  const runnable = new Set(kept);
  return rules.filter((r) => !r.enabled || runnable.has(r)).slice(0, SNAPSHOT_LIMITS.rules);
}

/** Pure: the snapshot for this data, capped so it always passes the Snapshot schema. */
export function buildSnapshot(data: SnapshotData): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    revision: data.revision,
    settings: data.settings,
    rules: snapshotRules(data.rules),
    allowlist: newest(data.allowlist, SNAPSHOT_LIMITS.allowlist, (e) => e.addedAt),
    follows: withinFollowCaps(data.follows, SNAPSHOT_LIMITS.follows),
    overrides: newest(data.overrides, SNAPSHOT_LIMITS.overrides, (e) => e.setAt),
  };
}

/** Reads everything a snapshot needs in one transaction, so it is consistent with its revision. */
export async function readSnapshotData(db: DoormanDB): Promise<SnapshotData> {
  return db.transaction('r', [db.meta, db.settings, db.rules, db.allowlist, db.follows, db.accounts], async () => ({
    revision: await currentRevision(db),
    settings: await getSettings(db),
    rules: await listRules(db),
    allowlist: await listAllowlist(db),
    follows: await listFollows(db),
    overrides: await listOverrides(db),
  }));
}

export async function snapshotFromDb(db: DoormanDB): Promise<Snapshot> {
  return buildSnapshot(await readSnapshotData(db));
}

/** The part of a storage area the cache needs (browser.storage.local in the extension, a fake in tests). */
export interface CacheArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readCachedSnapshot(area: CacheArea): Promise<Snapshot | null> {
  try {
    const parsed = Snapshot.safeParse((await area.get(SNAPSHOT_KEY))[SNAPSHOT_KEY]);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Writes the snapshot to the cache. A failed write (quota, storage error) leaves the previous cache
 * in place, is logged with the sizes involved and returns false; content scripts still receive the
 * snapshot by message.
 */
export async function cacheSnapshot(area: CacheArea, snapshot: Snapshot): Promise<boolean> {
  try {
    await area.set({ [SNAPSHOT_KEY]: snapshot });
    return true;
  } catch (e) {
    const counts = `${snapshot.rules.length} rules, ${snapshot.allowlist.length} allowed, ${snapshot.follows.length} follows`;
    console.error(
      `doorman: could not cache snapshot revision ${snapshot.revision} (${counts}); the previous cache stays: ${e instanceof Error ? e.message : String(e)}`,
    );
    return false;
  }
}

/**
 * The current snapshot: the cached one when it matches the database's revision, else rebuilt and
 * cached. If the cache is ahead of the database (the database was wiped), the revision moves past
 * it so content scripts do not mistake the new snapshot for an old one.
 */
export async function currentSnapshot(db: DoormanDB, area: CacheArea): Promise<Snapshot> {
  const cached = await readCachedSnapshot(area);
  const revision = await currentRevision(db);
  if (cached && cached.revision === revision) return cached;
  if (cached && cached.revision > revision) await raiseRevision(db, cached.revision + 1);
  const fresh = await snapshotFromDb(db);
  await cacheSnapshot(area, fresh);
  return fresh;
}

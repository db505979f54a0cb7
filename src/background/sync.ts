// Sync: when the user turns it on (it is off by default: db/sync-state.ts), the settings, rules,
// allowlist and brand overrides follow the browser profile through storage.sync. IndexedDB stays the source of truth; storage.sync carries a copy of each part
// (db/sync-document.ts, laid out by db/sync-chunks.ts). The follow graph and the log stay local.
//
// Conflict rule, one part at a time: the newest write wins. A part this device changed since it
// last synced counts as written when Doorman syncs it (a moment after the save); a part another
// profile wrote carries its time. A device joining sync for the first time merges its lists with
// the synced ones (sync's entry where both have the same account or rule id) instead of choosing.
//
// A write that would not fit the area's quotas is not made: nothing in IndexedDB or storage.sync
// changes, the state records a sentence saying what is too big, and the next sync tries again.
import type { DoormanDB } from '../db/database';
import { SYNC_QUOTA, checksum, headerKey, joinPart, newer, partItems, staleChunkKeys, usage, type Stamp } from '../db/sync-chunks';
import { SYNC_PARTS, SyncDataError, mergeForJoin, parsePart, readPart, writePart, type SyncPart } from '../db/sync-document';
import { SYNC_STATE_KEY, readSyncState, type SyncState } from '../db/sync-state';
import { problem as problemOfCode, problemOf, type ProblemArg } from '../core/problem';

export { SYNC_STATE_KEY, type SyncState } from '../db/sync-state';

/** The parts of storage.sync this uses. `get(null)` reads everything. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SyncDeps {
  db: DoormanDB;
  sync: SyncArea;
  local: LocalArea;
  /** The database changed because of a synced write: rebuild and publish the snapshot. */
  applied(): Promise<void>;
  now?: () => number;
  newProfileId?: () => string;
}

export interface SyncOutcome {
  pushed: SyncPart[];
  pulled: SyncPart[];
  problem?: SyncState['problem'];
}

const KB = 1024;
/** Kilobytes to a tenth, as a number (the page formats it in the UI language). */
const kb = (bytes: number) => Number((bytes / KB).toFixed(1));

const randomId = () => Math.random().toString(36).slice(2, 12).padEnd(10, '0');

export interface SyncEngine {
  /** One full sync: take newer parts from storage.sync, send this device's changed ones. */
  run(): Promise<SyncOutcome>;
  state(): Promise<SyncState>;
}

export function createSync(deps: SyncDeps): SyncEngine {
  const now = deps.now ?? Date.now;
  const newId = deps.newProfileId ?? randomId;
  let queue: Promise<unknown> = Promise.resolve();

  const state = async () => readSyncState((await deps.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY], newId);
  const save = (s: SyncState) => deps.local.set({ [SYNC_STATE_KEY]: s });

  const once = async (): Promise<SyncOutcome> => {
    const st = await state();
    const outcome: SyncOutcome = { pushed: [], pulled: [] };
    if (!st.enabled) return outcome;
    const all = await deps.sync.get(null);
    const at = now();
    const mine: Stamp = { at, by: st.profile };
    const toSend: Partial<Record<SyncPart, string>> = {};
    let problem: SyncState['problem'];

    for (const part of SYNC_PARTS) {
      const localJson = JSON.stringify(await readPart(deps.db, part));
      const localHash = checksum(localJson);
      const known = st.parts[part];
      const remote = joinPart(part, all);
      if (remote && remote.header.h === localHash) {
        st.parts[part] = { at: remote.header.at, by: remote.header.by, h: localHash };
        continue;
      }
      const localChanged = known === undefined || known.h !== localHash;
      const remoteChanged = remote !== null && remote.header.h !== known?.h;
      if (!remoteChanged) {
        if (localChanged) toSend[part] = localJson;
        continue;
      }
      try {
        const synced = parsePart(part, JSON.parse(remote.json));
        let take: unknown = synced;
        if (known === undefined) {
          // Joining: both sides' lists, checked as a whole (the merged rules must still fit the budget).
          take = parsePart(part, mergeForJoin(part, synced, parsePart(part, JSON.parse(localJson))));
        } else if (localChanged && !newer(remote.header, mine)) {
          toSend[part] = localJson;
          continue;
        }
        await writePart(deps.db, part, take);
        outcome.pulled.push(part);
        const takenJson = JSON.stringify(await readPart(deps.db, part));
        if (takenJson !== remote.json) toSend[part] = takenJson;
        else st.parts[part] = { at: remote.header.at, by: remote.header.by, h: remote.header.h };
      } catch (e) {
        const inner = problemOf(e);
        const detail = e instanceof SyncDataError
          ? problemOfCode('syncDataUnusable', { term: part }, { problem: e.problem })
          // Not Doorman's error (the browser's, the database's): its own words go inside the message.
          : problemOfCode('syncTakeFailed', { term: part }, inner ? { problem: inner } : e instanceof Error ? e.message : String(e));
        problem = { kind: e instanceof SyncDataError ? 'data' : 'error', detail, at };
      }
    }

    const sending = Object.entries(toSend) as [SyncPart, string][];
    if (sending.length > 0) {
      const next: Record<string, unknown> = { ...all };
      const items: Record<string, unknown> = {};
      const stale: string[] = [];
      for (const [part, json] of sending) {
        const partItemsNow = partItems(part, json, mine);
        const n = Object.keys(partItemsNow).length - 1;
        for (const k of staleChunkKeys(part, n, all)) {
          stale.push(k);
          delete next[k];
        }
        Object.assign(items, partItemsNow);
        Object.assign(next, partItemsNow);
      }
      const after = usage(next);
      if (after.bytes > SYNC_QUOTA.QUOTA_BYTES || after.items > SYNC_QUOTA.MAX_ITEMS) {
        const sizes = SYNC_PARTS.map((p): ProblemArg => ({
          problem: problemOfCode('syncPartSize', { term: p }, kb(usage(Object.fromEntries(Object.entries(next).filter(([k]) => k === headerKey(p) || k.startsWith(`${headerKey(p)}:`)))).bytes)),
        }));
        problem = {
          kind: 'too-big',
          detail: after.bytes > SYNC_QUOTA.QUOTA_BYTES
            ? problemOfCode('syncTooBig', kb(after.bytes), kb(SYNC_QUOTA.QUOTA_BYTES), { list: sizes })
            : problemOfCode('syncTooManyItems', after.items, SYNC_QUOTA.MAX_ITEMS),
          at,
        };
      } else {
        try {
          await deps.sync.set(items);
          if (stale.length > 0) await deps.sync.remove(stale);
          for (const [part, json] of sending) {
            st.parts[part] = { ...mine, h: checksum(json) };
            outcome.pushed.push(part);
          }
          st.usage = after;
        } catch (e) {
          problem = {
            kind: 'quota',
            // The browser's own words for the refusal go inside the message as they are.
            detail: problemOfCode('syncRefused', e instanceof Error ? e.message : String(e)),
            at,
          };
        }
      }
    } else {
      st.usage = usage(all);
    }

    if (problem) st.problem = problem;
    else {
      delete st.problem;
      st.lastSyncAt = at;
    }
    await save(st);
    if (outcome.pulled.length > 0) await deps.applied();
    return problem ? { ...outcome, problem } : outcome;
  };

  return {
    run() {
      const next = queue.then(once, once);
      queue = next.catch(() => undefined);
      return next;
    },
    state,
  };
}

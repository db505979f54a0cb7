// The difference between two snapshots that differ only in their account lists (allowlist, brand
// overrides, follows), as a delta a tab can apply to its compiled ruleset instead of recompiling the
// whole snapshot and re-reading every item on the page: "allow this author" from the popup changes
// one account, and only that account's items need a new verdict.
import type { AccountRef } from './accounts';
import type { BrandOverride } from './brand';
import type { CompiledRuleset } from './compile';
import { normalizeHandle } from './handle';

/** One entry of a list as a delta carries it: the account, and for overrides its verdict. */
export interface DeltaEntry extends AccountRef {
  brand?: BrandOverride;
}

export interface ListChange {
  add: DeltaEntry[];
  remove: DeltaEntry[];
}

export const DELTA_LISTS = ['allowlist', 'overrides', 'follows'] as const;
export type DeltaList = (typeof DELTA_LISTS)[number];

/** Applying it to the snapshot at `base` gives the snapshot at `revision` (same rules, same settings). */
export interface ListsDelta {
  base: number;
  revision: number;
  lists: Record<DeltaList, ListChange>;
}

/** What a snapshot needs to offer for a diff: the lists, and what must not have changed. */
export interface DiffableSnapshot {
  revision: number;
  rules: unknown;
  settings: unknown;
  allowlist: readonly (AccountRef & { brand?: never })[];
  overrides: readonly (AccountRef & { brand: BrandOverride })[];
  follows: readonly AccountRef[];
}

const keyOf = (e: AccountRef): string => (e.accountId !== '' ? `${e.site}#${e.accountId}` : `${e.site}@${normalizeHandle(e.handle)}`);
const entry = (e: AccountRef & { brand?: BrandOverride }): DeltaEntry =>
  e.brand === undefined ? { site: e.site, accountId: e.accountId, handle: e.handle } : { site: e.site, accountId: e.accountId, handle: e.handle, brand: e.brand };
const same = (a: DeltaEntry, b: DeltaEntry): boolean => a.handle === b.handle && a.brand === b.brand;

function diffList(prev: readonly (AccountRef & { brand?: BrandOverride })[], next: readonly (AccountRef & { brand?: BrandOverride })[]): ListChange | null {
  const before = new Map<string, DeltaEntry>();
  for (const e of prev) before.set(keyOf(e), entry(e));
  const after = new Map<string, DeltaEntry>();
  for (const e of next) after.set(keyOf(e), entry(e));
  // Two entries under one key (the index keeps the later) would make the order matter: no delta then.
  if (before.size !== prev.length || after.size !== next.length) return null;
  const add: DeltaEntry[] = [];
  const remove: DeltaEntry[] = [];
  for (const [k, e] of before) {
    const now = after.get(k);
    if (now === undefined) remove.push(e);
    else if (!same(now, e)) {
      remove.push(e);
      add.push(now);
    }
  }
  for (const [k, e] of after) if (!before.has(k)) add.push(e);
  return { add, remove };
}

/**
 * The delta from `prev` to `next`, or null when a whole snapshot must go instead: the rules or the
 * settings changed, the change is too large to be worth it, or the lists hold entries whose handle
 * lookups would depend on the order of entries (two accounts claiming one handle).
 */
export function listsDelta(prev: DiffableSnapshot, next: DiffableSnapshot, maxEntries: number): ListsDelta | null {
  if (next.revision <= prev.revision) return null;
  if (JSON.stringify(prev.rules) !== JSON.stringify(next.rules) || JSON.stringify(prev.settings) !== JSON.stringify(next.settings)) return null;
  const lists = {} as Record<DeltaList, ListChange>;
  let size = 0;
  for (const name of DELTA_LISTS) {
    const change = diffList(prev[name], next[name]);
    if (change === null) return null;
    size += change.add.length + change.remove.length;
    if (size > maxEntries) return null;
    lists[name] = change;
  }
  if (!handlesUnambiguous(next, lists) || !handlesUnambiguous(prev, lists)) return null;
  return { base: prev.revision, revision: next.revision, lists };
}

/** No entry a delta touches shares its handle with another entry of the same list and site. */
function handlesUnambiguous(s: DiffableSnapshot, lists: Record<DeltaList, ListChange>): boolean {
  for (const name of DELTA_LISTS) {
    const touched = new Set<string>();
    for (const e of [...lists[name].add, ...lists[name].remove]) if (e.handle !== '') touched.add(`${e.site}@${normalizeHandle(e.handle)}`);
    if (touched.size === 0) continue;
    const owners = new Map<string, number>();
    for (const e of s[name]) {
      const h = `${e.site}@${normalizeHandle(e.handle)}`;
      if (touched.has(h)) owners.set(h, (owners.get(h) ?? 0) + 1);
    }
    for (const n of owners.values()) if (n > 1) return false;
  }
  return true;
}

/** Applies the delta to the ruleset's indexes in place (the caller drops older references) and returns it. */
export function applyListsDelta(rs: CompiledRuleset, d: ListsDelta): CompiledRuleset {
  const { allowlist, overrides, follows } = d.lists;
  for (const e of allowlist.remove) rs.allowlist.delete(e);
  for (const e of allowlist.add) rs.allowlist.set(e, true);
  for (const e of overrides.remove) rs.overrides.delete(e);
  for (const e of overrides.add) if (e.brand !== undefined) rs.overrides.set(e, e.brand);
  for (const e of follows.remove) rs.follows.delete(e);
  for (const e of follows.add) rs.follows.set(e, true);
  return { ...rs, revision: d.revision };
}

/** The accounts a delta changes, as account ids and normalised handles (for re-deciding their items). */
export function deltaAccounts(d: ListsDelta): { ids: Set<string>; handles: Set<string> } {
  const ids = new Set<string>();
  const handles = new Set<string>();
  for (const name of DELTA_LISTS) {
    for (const e of [...d.lists[name].add, ...d.lists[name].remove]) {
      if (e.accountId !== '') ids.add(e.accountId);
      if (e.handle !== '') handles.add(normalizeHandle(e.handle));
    }
  }
  return { ids, handles };
}

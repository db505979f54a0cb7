// What follows the user's browser profile through storage.sync, in a compact form: the settings, the
// rules, the allowlist and the brand overrides, each a "part" read from and written back to IndexedDB
// as a whole. The follow graph and the filtered log stay on the device. A part from another profile
// is validated whole before anything is written, and lands in one transaction (or not at all).
import { z } from 'zod';
import { ProblemError, problem } from '../core/problem';
import { Rule, checkRuleSet, coded } from '../core/rules';
import { Settings } from '../core/settings';
import type { AccountRow, AllowRow, DoormanDB } from './database';
import { allowRow, listAllowlist, putAllowRows } from './allowlist';
import { accountRow, listAccountOverrides } from './overrides';
import { bumpRevision } from './revision';
import { MAX_RULES, listRules } from './rules';
import { getSettings } from './settings';
import { SETTINGS_ROW_KEY } from './settings-parse';
import { zodProblem } from './validation';

export const SYNC_PARTS = ['settings', 'rules', 'allowlist', 'overrides'] as const;
export type SyncPart = (typeof SYNC_PARTS)[number];

const text = (max: number) => z.string().max(max);
const time = z.number().int().nonnegative();

/** An allowlist entry as a tuple: site, account id, handle, display name, when added. */
const CompactAllow = z.tuple([text(32), text(200), text(320), text(200), time]);
/** A brand override as a tuple: site, account id, handle, 1 brand / 0 not a brand, when set, display name. */
const CompactOverride = z.tuple([text(32), text(200), text(320), z.union([z.literal(0), z.literal(1)]), time, text(200)]);

const PART_SCHEMAS = {
  settings: Settings,
  rules: z.array(Rule).max(MAX_RULES).superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue(coded(problem('duplicateRuleId', r.id), [i, 'id']));
      seen.add(r.id);
    });
    checkRuleSet(rules, ctx);
  }),
  allowlist: z.array(CompactAllow).max(50_000),
  overrides: z.array(CompactOverride).max(50_000),
} as const;

export type PartValue<P extends SyncPart> = z.infer<(typeof PART_SCHEMAS)[P]>;

/** One part as it goes to storage.sync. */
export async function readPart(db: DoormanDB, part: SyncPart): Promise<unknown> {
  switch (part) {
    case 'settings':
      return getSettings(db);
    case 'rules':
      return listRules(db);
    case 'allowlist':
      return (await listAllowlist(db)).map((e) => [e.site, e.accountId, e.handle, e.displayName, e.addedAt]);
    case 'overrides':
      return (await listAccountOverrides(db)).map((o) => [o.site, o.accountId, o.handle, o.brand === 'brand' ? 1 : 0, o.setAt, o.displayName]);
  }
}

/** A part another profile wrote that does not fit this version's schema (the problem names the field). */
export class SyncDataError extends ProblemError {
  override name = 'SyncDataError';
}

/** Checks a part another profile wrote; throws a SyncDataError naming the field when it does not fit. */
export function parsePart<P extends SyncPart>(part: P, value: unknown): PartValue<P> {
  const parsed = PART_SCHEMAS[part].safeParse(value);
  if (!parsed.success) throw new SyncDataError(zodProblem(parsed.error, [part]));
  return parsed.data as PartValue<P>;
}

/**
 * Makes the part in IndexedDB exactly what another profile synced (after parsePart). Rows are built
 * (and checked) before the transaction opens; the data revision goes up with the write.
 */
export async function writePart(db: DoormanDB, part: SyncPart, value: unknown): Promise<void> {
  switch (part) {
    case 'settings': {
      const settings = parsePart('settings', value);
      await db.transaction('rw', db.settings, db.meta, async () => {
        await db.settings.put({ key: SETTINGS_ROW_KEY, value: settings });
        await bumpRevision(db);
      });
      return;
    }
    case 'rules': {
      const rules = parsePart('rules', value).map((rule, order) => ({ ...rule, order }));
      await db.transaction('rw', db.rules, db.meta, async () => {
        await db.rules.clear();
        await db.rules.bulkPut(rules);
        await bumpRevision(db);
      });
      return;
    }
    case 'allowlist': {
      const rows: AllowRow[] = parsePart('allowlist', value).map(([site, accountId, handle, displayName, addedAt], i) =>
        allowRow({ site, accountId, handle, displayName, addedAt }, addedAt, `allowlist[${i}]`));
      await db.transaction('rw', db.allowlist, db.meta, async () => {
        await db.allowlist.clear();
        await putAllowRows(db, rows);
        await bumpRevision(db);
      });
      return;
    }
    case 'overrides': {
      const rows: AccountRow[] = parsePart('overrides', value).map(([site, accountId, handle, brand, setAt, displayName], i) =>
        accountRow({ site, accountId, handle, displayName, brand: brand === 1 ? 'brand' : 'not-brand', setAt, seenAt: 0 }, setAt, `overrides[${i}]`));
      await db.transaction('rw', db.accounts, db.meta, async () => {
        // How an account last looked is local knowledge: keep it for accounts this device has seen.
        const seen = new Map((await db.accounts.toArray()).map((r) => [r.key, r]));
        await db.accounts.clear();
        await db.accounts.bulkPut(rows.map((r) => {
          const known = seen.get(r.key);
          return known ? { ...r, displayName: r.displayName || known.displayName, seenAt: known.seenAt } : r;
        }));
        await bumpRevision(db);
      });
      return;
    }
  }
}

const allowKey = ([site, id, handle]: readonly [string, string, string, ...unknown[]]) => (id ? `${site}#${id}` : `${site}@${handle.toLowerCase()}`);

/**
 * A profile joining sync for the first time merges what it has with what sync holds, so neither
 * side's lists are lost: rules by id (sync's order first, then this device's others), allowlist and
 * overrides by account (sync's entry where both have one). Settings come from sync.
 */
export function mergeForJoin<P extends SyncPart>(part: P, synced: PartValue<P>, local: PartValue<P>): PartValue<P> {
  if (part === 'settings') return synced;
  if (part === 'rules') {
    const s = synced as PartValue<'rules'>;
    const ids = new Set(s.map((r) => r.id));
    return [...s, ...(local as PartValue<'rules'>).filter((r) => !ids.has(r.id))] as PartValue<P>;
  }
  const s = synced as PartValue<'allowlist'> | PartValue<'overrides'>;
  const keys = new Set(s.map((e) => allowKey(e)));
  const extra = (local as typeof s).filter((e) => !keys.has(allowKey(e)));
  return [...s, ...extra] as PartValue<P>;
}

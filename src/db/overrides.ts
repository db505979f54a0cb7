// Per-account brand overrides ("is a brand" / "not a brand"), with how the account last looked.
import { z } from 'zod';
import { normalizeHandle } from '../core/handle';
import { BrandOverrideEntry } from '../core/lists';
import type { SiteKey } from '../core/model';
import type { AccountRow, DoormanDB } from './database';
import { accountRowKey, accountRowKeys } from './keys';
import { bumpRevision } from './revision';
import { checkRows, type UnreadableRow } from './unreadable';
import { ProblemError } from '../core/problem';
import { zodProblem } from './validation';

export type BrandChoice = BrandOverrideEntry['brand'];

export interface AccountRef {
  site: SiteKey;
  accountId: string;
  handle: string;
  displayName?: string;
}

/** An override as the options page shows it. */
export type AccountOverride = BrandOverrideEntry & { displayName: string; seenAt: number };

const toEntry = ({ key: _k, displayName: _d, seenAt: _s, ...entry }: AccountRow): BrandOverrideEntry => entry;
const toView = ({ key: _k, ...view }: AccountRow): AccountOverride => view;

const OverrideRow = BrandOverrideEntry.extend({ displayName: z.string().max(200), seenAt: z.number().int().nonnegative() });
/** Rows the schema rejects are skipped by every read (see unreadableOverrideRows). */
const readable = async (db: DoormanDB, site?: SiteKey) => {
  const rows = site ? await db.accounts.where('site').equals(site).toArray() : await db.accounts.toArray();
  return checkRows('accounts', rows, OverrideRow, (r) => r.key, ['key']);
};

/** Overrides for snapshots: exactly the core entry shape. */
export async function listOverrides(db: DoormanDB, site?: SiteKey): Promise<BrandOverrideEntry[]> {
  return (await readable(db, site)).ok.map(({ row }) => toEntry(row));
}

/** Overrides with display names and when the account was last seen, for the options page. */
export async function listAccountOverrides(db: DoormanDB, site?: SiteKey): Promise<AccountOverride[]> {
  return (await readable(db, site)).ok.map(({ row }) => toView(row));
}

/** Stored rows the lists skip, and why. They stay stored. */
export async function unreadableOverrideRows(db: DoormanDB): Promise<UnreadableRow[]> {
  return (await readable(db)).bad;
}

export function accountRow(
  input: AccountRef & { brand: BrandChoice; setAt?: number; seenAt?: number },
  now: number,
  prefix = 'overrides',
): AccountRow {
  const parsed = BrandOverrideEntry.safeParse({ ...input, setAt: input.setAt || now });
  if (!parsed.success) throw new ProblemError(zodProblem(parsed.error, [prefix]));
  const e = parsed.data;
  if (e.accountId === '' && e.handle === '') throw new Error(`${prefix}.accountId: needs an account id or a handle`);
  return {
    ...e,
    key: accountRowKey(e.site, e.accountId, e.handle),
    displayName: (input.displayName ?? '').slice(0, 200),
    seenAt: input.seenAt ?? now,
  };
}

/** Sets "brand" / "not-brand" for an account, or clears its override with `null`. */
export async function setBrandOverride(
  db: DoormanDB,
  account: AccountRef,
  brand: BrandChoice | null,
  now = Date.now(),
): Promise<void> {
  const handle = normalizeHandle(account.handle);
  const keys = accountRowKeys(account.site, account.accountId, handle);
  await db.transaction('rw', db.accounts, db.meta, async () => {
    // One row per account: drop the handle-keyed row once the id is known, and on clearing drop both.
    const present = (await db.accounts.bulkGet(keys)).filter((r) => r !== undefined);
    if (brand === null) {
      if (present.length === 0) return;
      await db.accounts.bulkDelete(keys);
    } else {
      const row = accountRow({ ...account, brand }, now);
      const stale = keys.filter((k) => k !== row.key);
      if (stale.length > 0) await db.accounts.bulkDelete(stale);
      await db.accounts.put(row);
    }
    await bumpRevision(db);
  });
}

/**
 * Refreshes handle and display name of accounts that have an override when they are seen again
 * (e.g. in filtered items). Only existing rows change. `renamed`: a handle changed, which a snapshot sees.
 */
export async function noteAccountsSeen(
  db: DoormanDB,
  seen: readonly { site: SiteKey; accountId: string; handle: string; displayName: string; at: number }[],
): Promise<{ updated: number; renamed: boolean }> {
  const latest = new Map<string, (typeof seen)[number]>();
  for (const s of seen) if (s.accountId !== '') latest.set(accountRowKey(s.site, s.accountId, ''), s);
  if (latest.size === 0) return { updated: 0, renamed: false };
  return db.transaction('rw', db.accounts, db.meta, async () => {
    const keys = [...latest.keys()];
    const rows = await db.accounts.bulkGet(keys);
    const updates: AccountRow[] = [];
    let renamed = false;
    rows.forEach((row, i) => {
      const s = latest.get(keys[i] ?? '');
      if (!row || !s || s.at < row.seenAt) return;
      const handle = normalizeHandle(s.handle);
      const displayName = s.displayName.slice(0, 200);
      if (handle === row.handle && displayName === row.displayName) return;
      if (handle !== '' && handle !== row.handle) renamed = true;
      updates.push({ ...row, handle: handle || row.handle, displayName, seenAt: s.at });
    });
    if (updates.length > 0) await db.accounts.bulkPut(updates);
    // The handle is part of the snapshot (it is the fallback match), so a rename is a visible change.
    if (renamed) await bumpRevision(db);
    return { updated: updates.length, renamed };
  });
}

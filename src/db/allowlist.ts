// Brands the user let in, by stable account id (or handle until the id is known).
import type { z } from 'zod';
import { normalizeHandle } from '../core/handle';
import { AllowEntry } from '../core/lists';
import type { SiteKey } from '../core/model';
import type { AllowRow, DoormanDB } from './database';
import { accountRowKey, accountRowKeys } from './keys';
import { bumpRevision } from './revision';
import { checkRows, type UnreadableRow } from './unreadable';
import { ProblemError } from '../core/problem';
import { zodProblem } from './validation';

export type AllowInput = z.input<typeof AllowEntry>;

const strip = ({ key: _key, ...entry }: AllowRow): AllowEntry => entry;

const checked = (rows: readonly AllowRow[]) => checkRows('allowlist', rows, AllowEntry, (r) => r.key, ['key']);

/** The entries, as stored; rows the schema rejects are skipped (see unreadableAllowRows). */
export async function listAllowlist(db: DoormanDB, site?: SiteKey): Promise<AllowEntry[]> {
  const rows = site ? await db.allowlist.where('site').equals(site).toArray() : await db.allowlist.toArray();
  return checked(rows).ok.map(({ row }) => strip(row));
}

/** Stored rows listAllowlist skips, and why. They stay stored. */
export async function unreadableAllowRows(db: DoormanDB): Promise<UnreadableRow[]> {
  return checked(await db.allowlist.toArray()).bad;
}

export function allowRow(input: AllowInput, now: number, prefix = 'allowlist'): AllowRow {
  const parsed = AllowEntry.safeParse(input);
  if (!parsed.success) throw new ProblemError(zodProblem(parsed.error, [prefix]));
  const entry = { ...parsed.data, addedAt: parsed.data.addedAt || now };
  return { ...entry, key: accountRowKey(entry.site, entry.accountId, entry.handle) };
}

/**
 * Puts rows, first removing a handle-only row the same account had before its id was known, so an
 * account is listed once. Call inside a 'rw' transaction on db.allowlist.
 */
export async function putAllowRows(db: DoormanDB, rows: readonly AllowRow[]): Promise<void> {
  const stale = rows.filter((r) => r.accountId !== '' && r.handle !== '').map((r) => accountRowKey(r.site, '', r.handle));
  if (stale.length > 0) await db.allowlist.bulkDelete(stale);
  await db.allowlist.bulkPut([...rows]);
}

/** Adds (or updates) an entry; returns it as stored. */
export async function addAllow(db: DoormanDB, input: AllowInput, now = Date.now()): Promise<AllowEntry> {
  const row = allowRow(input, now);
  await db.transaction('rw', db.allowlist, db.meta, async () => {
    const existing = await db.allowlist.get(row.key);
    if (existing && existing.addedAt) row.addedAt = existing.addedAt;
    await putAllowRows(db, [row]);
    await bumpRevision(db);
  });
  return strip(row);
}

/** Removes the account under both its id and its handle; returns how many rows went. */
export async function removeAllow(
  db: DoormanDB,
  account: { site: SiteKey; accountId: string; handle: string },
): Promise<number> {
  const keys = accountRowKeys(account.site, account.accountId, normalizeHandle(account.handle));
  return db.transaction('rw', db.allowlist, db.meta, async () => {
    const present = (await db.allowlist.bulkGet(keys)).filter((r) => r !== undefined).length;
    if (present === 0) return 0;
    await db.allowlist.bulkDelete(keys);
    await bumpRevision(db);
    return present;
  });
}

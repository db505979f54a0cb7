// The one-click answers to a filtered item, shared by the popup's recent list and the options log:
// let its author in, or say the author is not a brand. Each returns its undo.
import { accountRowKeys, addAllow, removeAllow, setBrandOverride, type BrandChoice } from '../db';
import { normalizeHandle } from '../core/handle';
import type { SiteKey } from '../core/model';
import type { LogEntryInput } from '../shared/messages';
import type { Env } from './platform';
import { write } from './write';

export type Undo = () => Promise<unknown>;

interface AccountLike {
  site: SiteKey;
  accountId: string;
  handle: string;
  displayName: string;
}

export const accountOf = (e: LogEntryInput): AccountLike => ({
  site: e.site,
  accountId: e.authorId,
  handle: e.handle,
  displayName: e.displayName,
});

/** Allows the account by its stable id (by handle only when the page never revealed the id). */
export async function allowAccount(env: Env, account: AccountLike): Promise<Undo> {
  const keys = accountRowKeys(account.site, account.accountId, normalizeHandle(account.handle));
  const before = (await env.db.allowlist.bulkGet(keys)).filter((r) => r !== undefined);
  await write(env, (db) => addAllow(db, account));
  return async () => {
    await write(env, async (db) => {
      await removeAllow(db, account);
      // Put back what was there before (an older entry for the same account keeps its date).
      for (const { key: _key, ...entry } of before) await addAllow(db, entry);
    });
  };
}

export async function disallowAccount(env: Env, account: AccountLike & { addedAt?: number }): Promise<Undo> {
  await write(env, (db) => removeAllow(db, account));
  return () => write(env, (db) => addAllow(db, account, account.addedAt || Date.now()));
}

/** Sets (or with null clears) the brand override; undo restores whatever override was there. */
export async function setAccountBrand(env: Env, account: AccountLike, brand: BrandChoice | null): Promise<Undo> {
  const keys = accountRowKeys(account.site, account.accountId, normalizeHandle(account.handle));
  const previous = (await env.db.accounts.bulkGet(keys)).find((r) => r !== undefined);
  await write(env, (db) => setBrandOverride(db, account, brand));
  return () => write(env, (db) => setBrandOverride(db, previous ?? account, previous?.brand ?? null));
}

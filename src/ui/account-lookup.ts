// Finding an account's stable id from its handle, using what Doorman has already seen: brand
// overrides, learned follows, the allowlist and the filtered log. (A thin read on top of the
// database; the stores have no handle → id lookup.)
import type { DoormanDB } from '../db';
import { normalizeHandle } from '../core/handle';
import type { SiteKey } from '../core/model';

export interface KnownAccount {
  accountId: string;
  displayName: string;
}

export async function lookupAccount(db: DoormanDB, site: SiteKey, rawHandle: string): Promise<KnownAccount | null> {
  const handle = normalizeHandle(rawHandle);
  if (handle === '') return null;
  return db.transaction('r', [db.accounts, db.follows, db.allowlist, db.log], async () => {
    const account = await db.accounts.where('site').equals(site).filter((r) => r.handle === handle && r.accountId !== '').first();
    if (account) return { accountId: account.accountId, displayName: account.displayName };
    const follow = await db.follows.where('handle').equals(handle).filter((r) => r.site === site && r.accountId !== '').first();
    if (follow) return { accountId: follow.accountId, displayName: '' };
    const allowed = await db.allowlist.where('handle').equals(handle).filter((r) => r.site === site && r.accountId !== '').first();
    if (allowed) return { accountId: allowed.accountId, displayName: allowed.displayName };
    // Newest first: a handle can pass from one account to another.
    const logged = await db.log.orderBy('at').reverse().filter((r) => r.site === site && r.handle === handle && r.authorId !== '').first();
    return logged ? { accountId: logged.authorId, displayName: logged.displayName } : null;
  });
}

// Finding an account's stable id from its handle, for allowing an account typed in by handle (Options →
// Allowed, the popup). Only what the site itself showed counts: the accounts Doorman saw (brand
// overrides, with when they were last seen) and the filtered log, newest sighting first. Never the
// follow graph or the allowlist: a follows row can come from a page script's forged fact and either can
// be stale, and binding a handle to the wrong id would let the wrong account in while the real one
// stays collapsed. With no sighting the entry stays a handle entry. (A thin read on top of the
// database; the stores have no handle → id lookup.)
import type { DoormanDB } from '../db';
import { normalizeHandle } from '../core/handle';
import { idKey } from '../core/lists';
import type { SiteKey } from '../core/model';

export interface KnownAccount {
  accountId: string;
  displayName: string;
}

interface Sighting extends KnownAccount {
  handle: string;
  at: number;
}

/**
 * The id the site most recently showed with this handle, unless that account has been seen since with
 * another handle (the handle has moved on, maybe to an account Doorman has not seen). Null: no sighting.
 */
export async function lookupAccount(db: DoormanDB, site: SiteKey, rawHandle: string): Promise<KnownAccount | null> {
  const handle = normalizeHandle(rawHandle);
  if (handle === '') return null;
  return db.transaction('r', [db.accounts, db.log], async () => {
    const newest = (a: Sighting | null, b: Sighting | null) => (b && (!a || b.at > a.at) ? b : a);
    const account = await db.accounts.where('site').equals(site).filter((r) => r.handle === handle && r.accountId !== '').toArray();
    let seen = account.reduce<Sighting | null>((best, r) => newest(best, { ...r, at: r.seenAt }), null);
    // Newest first: a handle can pass from one account to another.
    const logged = await db.log.orderBy('at').reverse()
      .filter((r) => r.site === site && r.authorId !== '' && normalizeHandle(r.handle) === handle).first();
    if (logged) seen = newest(seen, { accountId: logged.authorId, displayName: logged.displayName, handle, at: logged.at });
    if (!seen) return null;
    const { accountId, displayName, at } = seen;
    // Seen later under another handle: the handle no longer names that account.
    const laterAccount = await db.accounts.get(idKey(site, accountId));
    if (laterAccount && laterAccount.seenAt > at && laterAccount.handle !== handle) return null;
    const later = await db.log.where('authorId').equals(accountId)
      .filter((r) => r.site === site && r.at > at && normalizeHandle(r.handle) !== handle).first();
    return later ? null : { accountId, displayName };
  });
}

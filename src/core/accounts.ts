// The one account matcher: allowlist, follow graph and brand overrides are all looked up through it,
// by the classifier, the popup and the options page alike.
//
// An entry matches by the site's stable account id. Its handle is only a fallback: it matches an item
// whose page has not revealed the author's id, or any item when the entry itself has no id (typed in by
// hand or imported by handle). Someone who later takes over a handle is therefore not let in.
import { normalizeHandle } from './handle';

export interface AccountRef {
  site: string;
  /** '' when unknown. */
  accountId: string;
  /** '' when unknown; compared after normalizeHandle. */
  handle: string;
}

interface SiteEntries<V> {
  byId: Map<string, V>;
  /** Entries without an id: they match by handle whatever the item's id. */
  idless: Map<string, V>;
  /** Entries with an id, by their handle: they match only items whose id is unknown. */
  withId: Map<string, { accountId: string; value: V }>;
}

export class AccountIndex<V = true> {
  private readonly sites = new Map<string, SiteEntries<V>>();

  static of<E extends AccountRef, V>(entries: Iterable<E>, value: (e: E) => V): AccountIndex<V> {
    const index = new AccountIndex<V>();
    for (const e of entries) index.set(e, value(e));
    return index;
  }

  /** Later entries win over earlier ones with the same id or handle. */
  set(ref: AccountRef, value: V): void {
    let s = this.sites.get(ref.site);
    if (s === undefined) this.sites.set(ref.site, (s = { byId: new Map(), idless: new Map(), withId: new Map() }));
    const handle = normalizeHandle(ref.handle);
    if (ref.accountId !== '') {
      s.byId.set(ref.accountId, value);
      if (handle !== '') s.withId.set(handle, { accountId: ref.accountId, value });
    } else if (handle !== '') {
      s.idless.set(handle, value);
    }
  }

  delete(ref: AccountRef): void {
    const s = this.sites.get(ref.site);
    if (s === undefined) return;
    const handle = normalizeHandle(ref.handle);
    if (ref.accountId === '') {
      s.idless.delete(handle);
      return;
    }
    s.byId.delete(ref.accountId);
    if (s.withId.get(handle)?.accountId === ref.accountId) s.withId.delete(handle);
  }

  /** The value for the item's author: by id; by handle only as described at the top. */
  get(site: string, accountId: string, handle: string): V | undefined {
    const s = this.sites.get(site);
    if (s === undefined) return undefined;
    if (accountId !== '') {
      const v = s.byId.get(accountId);
      if (v !== undefined || s.idless.size === 0 || handle === '') return v;
      return s.idless.get(normalizeHandle(handle));
    }
    if (handle === '') return undefined;
    const h = normalizeHandle(handle);
    return s.idless.get(h) ?? s.withId.get(h)?.value;
  }

  has(site: string, accountId: string, handle: string): boolean {
    return this.get(site, accountId, handle) !== undefined;
  }
}

// Per-site lookup of the user's account lists (allowlist, follows, brand overrides).
// An entry is matched by the site's stable account id. Its handle is only a fallback: it matches an item
// whose page has not revealed the author's id, or any item when the entry itself has no id (typed in by
// hand or imported by handle). Someone who later takes over a handle is therefore not let in.
import type { SiteId } from './model';

interface HandleEntry<V> {
  /** From entries that carry no account id: match whatever the item's id. */
  idless: V | undefined;
  /** From entries that carry an id: match only when the item's id is unknown. */
  withId: V | undefined;
}

interface SiteIndex<V> {
  ids: Map<string, V>;
  handles: Map<string, HandleEntry<V>>;
  /** How many entries carry no account id (only those match by handle when the item's id is known). */
  idless: number;
}

export class AccountMap<V> {
  private readonly sites: Record<SiteId, SiteIndex<V>> = {
    x: { ids: new Map(), handles: new Map(), idless: 0 },
    bsky: { ids: new Map(), handles: new Map(), idless: 0 },
    mastodon: { ids: new Map(), handles: new Map(), idless: 0 },
  };

  /** Later entries win over earlier ones with the same id or handle. */
  add(site: string, accountId: string, handle: string, value: V): void {
    const ix = siteOf(this.sites, site);
    if (ix === undefined) return; // removed by the core rewrite: ids outside the deprecated SITE_IDS
    if (accountId !== '') ix.ids.set(accountId, value);
    if (handle === '') return;
    const key = handle.toLowerCase();
    let h = ix.handles.get(key);
    if (h === undefined) {
      h = { idless: undefined, withId: undefined };
      ix.handles.set(key, h);
    }
    if (accountId === '') {
      if (h.idless === undefined) ix.idless++;
      h.idless = value;
    } else {
      h.withId = value;
    }
  }

  get(site: string, accountId: string, handle: string): V | undefined {
    const ix = siteOf(this.sites, site);
    if (ix === undefined) return undefined;
    if (accountId !== '') {
      const v = ix.ids.get(accountId);
      if (v !== undefined) return v;
      // With the id known, only entries without an id can still match by handle.
      if (ix.idless === 0) return undefined;
    }
    if (handle === '' || ix.handles.size === 0) return undefined;
    // Adapters hand over lower-case handles; only lower-case (allocate) when this one is not.
    const h = ix.handles.get(handle) ?? (mayHaveUpperCase(handle) ? ix.handles.get(handle.toLowerCase()) : undefined);
    if (h === undefined) return undefined;
    return h.idless ?? (accountId === '' ? h.withId : undefined);
  }

  has(site: string, accountId: string, handle: string): boolean {
    return this.get(site, accountId, handle) !== undefined;
  }
}

function mayHaveUpperCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

export const FOLLOWED = 1;
export const ALLOWLISTED = 2;

/**
 * Follows and allowlist, one index per flag and the same matching rules as AccountMap. A caller asks only
 * for the flags it needs: the (large) follow graph is consulted only when the page has not said.
 */
export class AccountFlags {
  private readonly followed = new AccountMap<true>();
  private readonly allowlisted = new AccountMap<true>();

  add(site: string, accountId: string, handle: string, flag: number): void {
    if ((flag & FOLLOWED) !== 0) this.followed.add(site, accountId, handle, true);
    if ((flag & ALLOWLISTED) !== 0) this.allowlisted.add(site, accountId, handle, true);
  }

  /** The flags among `want` (default: all) that apply to the account. */
  get(site: string, accountId: string, handle: string, want: number = FOLLOWED | ALLOWLISTED): number {
    let flags = 0;
    if ((want & FOLLOWED) !== 0 && this.followed.has(site, accountId, handle)) flags |= FOLLOWED;
    if ((want & ALLOWLISTED) !== 0 && this.allowlisted.has(site, accountId, handle)) flags |= ALLOWLISTED;
    return flags;
  }
}

/** Site lookup by comparison: item strings need not be interned for this to be fast. */
function siteOf<T>(sites: Record<SiteId, T>, site: string): T | undefined {
  return site === 'x' ? sites.x : site === 'bsky' ? sites.bsky : site === 'mastodon' ? sites.mastodon : undefined;
}

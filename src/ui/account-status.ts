// Whether a logged item's author is already allowed or marked, so the item's buttons can say so.
import { listAllowlist, listOverrides, type DoormanDB } from '../db';
import { handleKey, idKey } from '../core/lists';
import type { SiteKey } from '../core/model';

export interface AccountIndex {
  allowed: Set<string>;
  brand: Map<string, 'brand' | 'not-brand'>;
}

export async function loadAccountIndex(db: DoormanDB): Promise<AccountIndex> {
  const [allow, overrides] = await Promise.all([listAllowlist(db), listOverrides(db)]);
  const allowed = new Set<string>();
  for (const e of allow) {
    if (e.accountId) allowed.add(idKey(e.site, e.accountId));
    if (e.handle) allowed.add(handleKey(e.site, e.handle));
  }
  const brand = new Map<string, 'brand' | 'not-brand'>();
  for (const o of overrides) {
    if (o.accountId) brand.set(idKey(o.site, o.accountId), o.brand);
    if (o.handle) brand.set(handleKey(o.site, o.handle), o.brand);
  }
  return { allowed, brand };
}

// Same precedence as the classifier: the id when known, else the handle.
export function isAllowed(ix: AccountIndex | undefined, site: SiteKey, accountId: string, handle: string): boolean {
  if (!ix) return false;
  return (accountId !== '' && ix.allowed.has(idKey(site, accountId))) || (handle !== '' && ix.allowed.has(handleKey(site, handle)));
}

export function brandOverride(ix: AccountIndex | undefined, site: SiteKey, accountId: string, handle: string): 'brand' | 'not-brand' | null {
  if (!ix) return null;
  return (accountId !== '' ? ix.brand.get(idKey(site, accountId)) : undefined) ?? ix.brand.get(handleKey(site, handle)) ?? null;
}

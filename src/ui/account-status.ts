// Whether a logged item's author is already allowed or marked, so the item's buttons can say so.
// The same account index, and so the same matching, as the classifier's (core/accounts.ts): an entry
// with an id never matches another account that happens to hold its handle now.
import { AccountIndex } from '../core/accounts';
import type { BrandOverride } from '../core/brand';
import { listAllowlist, listOverrides, type DoormanDB } from '../db';

export interface AccountStatus {
  allowed: AccountIndex<true>;
  brand: AccountIndex<BrandOverride>;
}

export async function loadAccountStatus(db: DoormanDB): Promise<AccountStatus> {
  const [allow, overrides] = await Promise.all([listAllowlist(db), listOverrides(db)]);
  return {
    allowed: AccountIndex.of(allow, () => true as const),
    brand: AccountIndex.of(overrides, (o): BrandOverride => o.brand),
  };
}

export function isAllowed(status: AccountStatus | undefined, site: string, accountId: string, handle: string): boolean {
  return status?.allowed.has(site, accountId, handle) ?? false;
}

export function brandOverride(status: AccountStatus | undefined, site: string, accountId: string, handle: string): BrandOverride | null {
  return status?.brand.get(site, accountId, handle) ?? null;
}

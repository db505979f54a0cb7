// Primary keys for per-account rows. An account is keyed by its stable id when the page revealed it,
// else by handle; the two forms use different separators (# and @), so they cannot collide.
import { handleKey, idKey } from '../core/lists';

export function accountRowKey(site: string, accountId: string, handle: string): string {
  return accountId !== '' ? idKey(site, accountId) : handleKey(site, handle);
}

/** Both keys an account may be stored under; removing an account removes both. */
export function accountRowKeys(site: string, accountId: string, handle: string): string[] {
  const keys: string[] = [];
  if (accountId !== '') keys.push(idKey(site, accountId));
  if (handle !== '') keys.push(handleKey(site, handle));
  return keys;
}

// Applies learned follows to a compiled ruleset without recompiling it (a 200k-follow snapshot costs
// a full parse and compile; a delta is a few accounts).
// Local stand-in for core's `applyFollowDelta` (src/core/compile.ts, in progress on main): same
// signature, so swapping it is a one-line import change. It layers the delta over the ruleset's
// follow index instead of reaching into core's private maps.
import { ALLOWLISTED, AccountFlags, FOLLOWED } from '../core/account-map';
import type { CompiledRuleset } from '../core/compile';
import { handleKey, idKey } from '../core/lists';
import type { SiteId } from '../core/model';

export interface FollowRef {
  accountId: string;
  handle: string;
}

export interface FollowDeltaInput {
  site: string;
  add: FollowRef[];
  remove: FollowRef[];
}

/** Per-site changes since compile: the newest word on each account id wins. */
interface SiteChanges {
  /** id → handle of accounts now followed. */
  added: Map<string, string>;
  removedIds: Set<string>;
  /** Handles (lower case) whose handle-only follow rows learnFollows deleted with the id row. */
  removedHandles: Set<string>;
  addedHandles: Set<string>;
}

class FollowOverlay extends AccountFlags {
  private readonly changes = new Map<string, SiteChanges>();

  constructor(private readonly base: AccountFlags) {
    super();
  }

  record(site: string, add: readonly FollowRef[], remove: readonly FollowRef[]): void {
    let c = this.changes.get(site);
    if (c === undefined) {
      c = { added: new Map(), removedIds: new Set(), removedHandles: new Set(), addedHandles: new Set() };
      this.changes.set(site, c);
    }
    for (const r of remove) {
      const handle = r.handle.toLowerCase();
      c.added.delete(r.accountId);
      c.removedIds.add(r.accountId);
      if (handle !== '') {
        c.addedHandles.delete(handle);
        c.removedHandles.add(handle);
      }
    }
    for (const a of add) {
      const handle = a.handle.toLowerCase();
      c.removedIds.delete(a.accountId);
      c.added.set(a.accountId, handle);
      if (handle !== '') {
        c.removedHandles.delete(handle);
        c.addedHandles.add(handle);
      }
    }
  }

  override add(site: SiteId, accountId: string, handle: string, flag: number): void {
    this.base.add(site, accountId, handle, flag);
  }

  override get(site: SiteId, accountId: string, handle: string, want: number = FOLLOWED | ALLOWLISTED): number {
    const flags = this.base.get(site, accountId, handle, want);
    const c = this.changes.get(site);
    if (c === undefined || (want & FOLLOWED) === 0) return flags;
    const lower = handle.toLowerCase();
    let followed: boolean;
    if (accountId !== '' && c.added.has(accountId)) followed = true;
    else if (accountId !== '' && c.removedIds.has(accountId)) followed = false;
    else if (accountId === '' && c.addedHandles.has(lower)) followed = true;
    // Unfollowing deleted the handle-only row too; an id-matched follow of another account stays.
    else if (c.removedHandles.has(lower)) followed = accountId !== '' && this.base.get(site, accountId, '', FOLLOWED) !== 0;
    else return flags;
    return followed ? flags | FOLLOWED : flags & ~FOLLOWED;
  }
}

/**
 * Returns the ruleset to use from now on. It may share (and update) the given ruleset's structures:
 * the caller owns its ruleset and drops the old reference.
 */
export function applyFollowDelta(rs: CompiledRuleset, delta: FollowDeltaInput): CompiledRuleset {
  const overlay = rs.accounts instanceof FollowOverlay ? rs.accounts : new FollowOverlay(rs.accounts);
  overlay.record(delta.site, delta.add, delta.remove);
  const site = delta.site;
  for (const r of delta.remove) {
    rs.followIds.delete(idKey(site, r.accountId));
    if (r.handle) rs.followHandles.delete(handleKey(site, r.handle));
  }
  for (const a of delta.add) {
    rs.followIds.add(idKey(site, a.accountId));
    if (a.handle) rs.followHandles.add(handleKey(site, a.handle));
  }
  // classify's scratch context points at the ruleset it was made for: a new ruleset needs its own.
  return overlay === rs.accounts ? rs : { ...rs, accounts: overlay, scratch: null };
}

// How one batch of follow facts changes the stored follow rows, in memory: who may change what (the
// trust rules below), handle bindings, evictions, and the delta a tab applies to get the same answers
// as a fresh snapshot. db/follows.ts reads the rows a batch can touch, runs it through here and writes
// the result.
//
// Trust. A 'page' fact is a hint: any script in the page can post one. The Following list
// ('following-list') and an import ('import') are the user's own word. So a page fact never
// downgrades the source of, rebinds (changes the handle of) or deletes a list or import row, and never
// binds an import stored by handle alone to an id; a page "not following" removes page-learned rows
// only. The Following list itself may add, rebind and remove list and import rows. (An account
// unfollowed elsewhere than on the Following list keeps its list row until the list shows it again
// unfollowed, or the user forgets the site's follows: a forged "not following" must not be able to
// wipe the list.)
//
// Bindings. Every fact binds its handle to its id (that is what the site showed). Any other row of the
// site with that handle and a different id loses the binding: a page-learned row is deleted (it was
// learned with the handle, and the next sighting of the account brings it back under its new one); a
// list or import row keeps the follow under its id and its handle is cleared ('' = unknown), so it can
// no longer match an id-less item by a handle that now names someone else. The next Following list
// visit fills the handle in again.
import type { FollowEntry } from '../core/lists';
import type { FollowRow } from './database';
import { accountRowKey } from './keys';

export type FollowSource = FollowEntry['source'];

/** The user's own word (the Following list, an import), as opposed to a page's hint. */
export const isTrusted = (source: FollowSource): boolean => source !== 'page';

/** One account's follow state, normalised (FollowEntry's handle spelling). */
export interface NormalFact {
  accountId: string;
  handle: string;
  following: boolean;
}

export interface AccountChange {
  accountId: string;
  handle: string;
}

export interface MergeResult {
  puts: FollowRow[];
  deletes: string[];
  /** Accounts whose change a snapshot can see. */
  changed: number;
  add: AccountChange[];
  remove: AccountChange[];
}

/** Seeing a known follow again refreshes learnedAt at most this often, so browsing does not rewrite rows. */
export const LEARNED_AT_REFRESH_MS = 24 * 60 * 60 * 1000;

const same = (a: FollowRow | null, b: FollowRow | null): boolean =>
  a === b || (a !== null && b !== null && a.accountId === b.accountId && a.handle === b.handle && a.source === b.source && a.learnedAt === b.learnedAt);

export class FollowMerge {
  /** Rows as stored before the batch (null: known to be absent). */
  private readonly before = new Map<string, FollowRow | null>();
  /** Rows as the batch leaves them, for the keys it changed. */
  private readonly after = new Map<string, FollowRow | null>();
  /** Keys of id rows by handle, as the batch goes. */
  private readonly byHandle = new Map<string, Set<string>>();
  /** The fact whose id took over an id-less row, by that row's key (the delta names the account). */
  private readonly takenBy = new Map<string, string>();
  private trustedRoom: number;
  /** Rows the batch added minus rows it removed, so far. */
  grown = 0;

  /**
   * `known`: every row stored under the facts' id and handle keys (null where absent) and every row
   * carrying one of the facts' handles. `trustedRoom`: how many more list and import rows the site may
   * hold (Infinity when the batch cannot add any).
   */
  constructor(
    private readonly site: string,
    private readonly source: FollowSource,
    private readonly now: number,
    known: Iterable<[string, FollowRow | null]>,
    trustedRoom: number,
  ) {
    this.trustedRoom = trustedRoom;
    this.know(known);
  }

  /** Adds rows read later (evicted rows, id-less rows the delta must respect). */
  know(rows: Iterable<[string, FollowRow | null]>): void {
    for (const [key, row] of rows) {
      if (this.before.has(key)) continue;
      this.before.set(key, row);
      if (row && row.accountId !== '' && row.handle !== '') this.index(row.handle, key, true);
    }
  }

  /** Whether the key's row is known (read before or written by the batch). */
  knows(key: string): boolean {
    return this.before.has(key) || this.after.has(key);
  }

  private row(key: string): FollowRow | null {
    return this.after.has(key) ? this.after.get(key) ?? null : this.before.get(key) ?? null;
  }

  private index(handle: string, key: string, on: boolean): void {
    let keys = this.byHandle.get(handle);
    if (on) {
      if (keys === undefined) this.byHandle.set(handle, (keys = new Set()));
      keys.add(key);
    } else {
      keys?.delete(key);
    }
  }

  private set(key: string, next: FollowRow | null): void {
    const prev = this.row(key);
    if (prev && prev.accountId !== '' && prev.handle !== '') this.index(prev.handle, key, false);
    if (next && next.accountId !== '' && next.handle !== '') this.index(next.handle, key, true);
    if (prev && isTrusted(prev.source)) this.trustedRoom += 1;
    if (next && isTrusted(next.source)) this.trustedRoom -= 1;
    this.grown += (next ? 1 : 0) - (prev ? 1 : 0);
    this.after.set(key, next);
  }

  /** One fact, after the ones before it in the batch. */
  learn(fact: NormalFact): void {
    const trusted = isTrusted(this.source);
    const idKey = accountRowKey(this.site, fact.accountId, '');
    const handleKey = fact.handle === '' ? '' : accountRowKey(this.site, '', fact.handle);
    if (fact.handle !== '') this.unbind(fact.handle, fact.accountId);
    const current = this.row(idKey);
    const handleOnly = handleKey === '' ? null : this.row(handleKey);
    // What this batch may do to a row: anything, if it is the user's own word or the row is a page's.
    const mayChange = (row: FollowRow) => trusted || !isTrusted(row.source);

    if (!fact.following) {
      if (current && mayChange(current)) this.set(idKey, null);
      if (handleOnly && mayChange(handleOnly)) this.take(handleKey, fact.accountId);
      return;
    }
    if (current && !mayChange(current)) return;
    // An import by handle stands for this account already; only the list may tie it to an id.
    if (handleOnly && !mayChange(handleOnly)) return;
    // A list or import row more than the site's share of them is kept as a page-learned row instead.
    const grows = (trusted && !(current && isTrusted(current.source)) ? 1 : 0) - (handleOnly && isTrusted(handleOnly.source) ? 1 : 0);
    const source = grows > 0 && grows > this.trustedRoom ? 'page' : this.source;
    const next: FollowRow = { key: idKey, site: this.site, accountId: fact.accountId, handle: fact.handle, learnedAt: this.now, source };
    if (handleOnly) this.take(handleKey, fact.accountId);
    if (current && current.handle === next.handle && current.source === next.source && this.now - current.learnedAt < LEARNED_AT_REFRESH_MS) return;
    this.set(idKey, next);
  }

  /** Removes an id-less row whose account turned out to be `accountId`. */
  private take(key: string, accountId: string): void {
    this.takenBy.set(key, accountId);
    this.set(key, null);
  }

  /** The site showed `handle` on `accountId`: other rows lose it (see the top of the file). */
  private unbind(handle: string, accountId: string): void {
    const keys = this.byHandle.get(handle);
    if (keys === undefined) return;
    for (const key of [...keys]) {
      const row = this.row(key);
      if (!row || row.accountId === accountId || row.handle !== handle) continue;
      this.set(key, isTrusted(row.source) ? { ...row, handle: '' } : null);
    }
  }

  /** Keys of the batch's new rows and deletions: not candidates for eviction. */
  touched(key: string): boolean {
    return this.after.has(key);
  }

  /** Evicts these (page-learned, oldest first) rows. */
  evict(rows: readonly FollowRow[]): void {
    this.know(rows.map((r) => [r.key, r]));
    for (const r of rows) if (!isTrusted(r.source) && !this.after.has(r.key)) this.set(r.key, null);
  }

  /** Handles the delta names whose id-less row is not known yet (the caller reads and know()s them). */
  deltaHandles(): string[] {
    const out = new Set<string>();
    for (const [key, next] of this.after) {
      const prev = this.before.get(key) ?? null;
      for (const r of [prev, next]) if (r && r.handle !== '' && !this.knows(accountRowKey(this.site, '', r.handle))) out.add(r.handle);
    }
    return [...out];
  }

  result(): MergeResult {
    const puts: FollowRow[] = [];
    const deletes: string[] = [];
    const add = new Map<string, AccountChange>();
    const remove: AccountChange[] = [];
    // Accounts, not rows: an id-less row taken over by an account is that account's change.
    const changed = new Set<string>();
    for (const [key, next] of this.after) {
      const prev = this.before.get(key) ?? null;
      if (same(prev, next)) continue;
      if (next) puts.push(next);
      else deletes.push(key);
      if (prev && next && prev.handle === next.handle) continue; // source or learnedAt only: nothing a tab sees
      const accountId = (prev ?? next)?.accountId || (this.takenBy.get(key) ?? '');
      changed.add(accountId || key);
      if (prev) remove.push({ accountId, handle: prev.handle });
      if (next) add.set(next.accountId, { accountId: next.accountId, handle: next.handle });
    }
    // A removal drops the account's id (and any id-less row of its handle) from a tab's index: an
    // account that stays (an id-less row it took over was removed in its name) is added back.
    for (const r of remove) {
      const kept = this.row(accountRowKey(this.site, r.accountId, ''));
      if (kept && !add.has(r.accountId)) add.set(r.accountId, { accountId: kept.accountId, handle: kept.handle });
    }
    // A tab drops the id-less row of every handle a change names. Where one stays, the change names
    // no handle: the id-less row already matches every item with that handle.
    const idlessStays = (handle: string) => handle !== '' && this.row(accountRowKey(this.site, '', handle)) !== null;
    const fit = (c: AccountChange): AccountChange => (idlessStays(c.handle) ? { ...c, handle: '' } : c);
    return {
      puts, deletes, changed: changed.size,
      add: [...add.values()].map(fit),
      remove: remove.filter((r) => r.accountId !== '').map(fit),
    };
  }
}

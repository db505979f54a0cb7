// What the page's own API responses told us, kept in memory for synchronous lookups on the hot path.
// Bounded: the oldest entries go first once a map is full, so a long session cannot grow without limit.
import { normalizeHandle } from '../core/handle';
import type { SiteKey } from '../core/model';
import type { AccountFact, ItemFact, PageFacts } from '../shared/facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from '../shared/facts-tag';

const MAX_ACCOUNTS = 20_000;
const MAX_ITEMS = 50_000;

function capped<K, V>(map: Map<K, V>, max: number): void {
  if (map.size <= max) return;
  let excess = map.size - max;
  for (const key of map.keys()) {
    map.delete(key);
    if (--excess <= 0) break;
  }
}

export class FactStore {
  private readonly accounts = new Map<string, AccountFact>();
  private readonly idByHandle = new Map<string, string>();
  private readonly items = new Map<string, ItemFact>();
  viewerId: string | undefined;

  /** Merges facts; returns the account ids and item ids that changed, so their items can be re-classified. */
  merge(facts: PageFacts): { accountIds: Set<string>; itemIds: Set<string> } {
    const accountIds = new Set<string>();
    const itemIds = new Set<string>();
    if (facts.viewerId) this.viewerId = facts.viewerId;
    for (const a of facts.accounts) {
      const prev = this.accounts.get(a.id);
      // First sighting (the common case on a scrolling timeline): no copy, no comparison. An empty
      // handle is "unknown" (facts-check blanks one the site could not have): it keeps the known one.
      const next = prev ? { ...prev, ...definedOnly(a), handle: a.handle || prev.handle } : a;
      if (!prev || !sameAccount(prev, next)) accountIds.add(a.id);
      if (prev) this.accounts.delete(a.id); // re-insert: most recently seen last
      this.accounts.set(a.id, next);
      if (a.handle) this.idByHandle.set(normalizeHandle(a.handle), a.id);
    }
    for (const i of facts.items) {
      const prev = this.items.get(i.id);
      const next = prev ? { ...prev, ...definedOnly(i) } : i;
      if (!prev || !sameItem(prev, next)) itemIds.add(i.id);
      if (prev) this.items.delete(i.id);
      this.items.set(i.id, next);
    }
    capped(this.accounts, MAX_ACCOUNTS);
    capped(this.idByHandle, MAX_ACCOUNTS);
    capped(this.items, MAX_ITEMS);
    return { accountIds, itemIds };
  }

  account(id: string): AccountFact | undefined {
    return this.accounts.get(id);
  }

  /** The account the page most recently showed with this handle, if it still has it. */
  accountByHandle(handle: string): AccountFact | undefined {
    const h = normalizeHandle(handle);
    const id = this.idByHandle.get(h);
    const account = id === undefined ? undefined : this.accounts.get(id);
    // The account may have changed its handle since (and someone else taken it): no stale binding.
    return account && normalizeHandle(account.handle) === h ? account : undefined;
  }

  item(id: string): ItemFact | undefined {
    return this.items.get(id);
  }

  /**
   * The most recently seen facts, as PageFacts payloads within the schema's caps: what an instance
   * retiring for a newer one hands over (the page will not send its API responses again).
   */
  exportChunks(site: SiteKey, maxAccounts: number, maxItems: number): PageFacts[] {
    const accounts = [...this.accounts.values()].slice(-maxAccounts);
    const items = [...this.items.values()].slice(-maxItems);
    const chunks: PageFacts[] = [];
    for (let a = 0, i = 0; a < accounts.length || i < items.length; a += MAX_FACT_ACCOUNTS, i += MAX_FACT_ITEMS) {
      chunks.push({
        site,
        ...(this.viewerId ? { viewerId: this.viewerId } : {}),
        accounts: accounts.slice(a, a + MAX_FACT_ACCOUNTS),
        items: items.slice(i, i + MAX_FACT_ITEMS),
      });
    }
    return chunks;
  }

  get size(): { accounts: number; items: number } {
    return { accounts: this.accounts.size, items: this.items.size };
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function sameItem(a: ItemFact, b: ItemFact): boolean {
  return a.authorId === b.authorId && a.promoted === b.promoted && a.inReplyToAuthorId === b.inReplyToAuthorId &&
    a.conversationId === b.conversationId;
}

function sameAccount(a: AccountFact, b: AccountFact): boolean {
  return a.followed === b.followed && a.followsYou === b.followsYou && a.verified === b.verified &&
    a.bot === b.bot && a.orgProfile === b.orgProfile && a.handle === b.handle;
}

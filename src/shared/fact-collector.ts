// What a site's page-world reader collects from one response: accounts and items by id, within the
// per-message caps (facts-tag.ts). Each site's reader fills one while it walks a response.
import type { AccountFact, ItemFact } from './facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from './facts-tag';

export class FactCollector {
  readonly accounts = new Map<string, AccountFact>();
  readonly items = new Map<string, ItemFact>();

  /** Both maps at their caps: walking further can add nothing. */
  get full(): boolean {
    return this.accounts.size >= MAX_FACT_ACCOUNTS && this.items.size >= MAX_FACT_ITEMS;
  }

  /** Adds or merges an account; a stub (an id alone, as an advertiser reference) never blanks a known handle. */
  account(fact: AccountFact | null): void {
    if (fact === null) return;
    const prev = this.accounts.get(fact.id);
    if (prev) this.accounts.set(fact.id, { ...prev, ...fact, handle: fact.handle || prev.handle });
    else if (this.accounts.size < MAX_FACT_ACCOUNTS) this.accounts.set(fact.id, fact);
  }
}

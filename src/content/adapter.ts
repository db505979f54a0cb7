// The contract each site folder fulfils. The content machinery (observer, marking, reporting) is
// site-agnostic; everything that knows a site's markup lives behind this interface.
import type { FeedItem, PageContext } from '../core/model';
import type { SiteId } from '../sites/registry';
import type { FactStore } from './fact-store';

/** An element that looks like a feed item but could not be read: a sign the site's markup changed. */
export interface ParseFailure {
  failure: string;
}

export interface ParseEnv {
  url: URL;
  context: PageContext;
  facts: FactStore;
  /**
   * Scratch space for one batch (one mutation callback, one re-classification pass), empty at its
   * start: an adapter keeps page-wide lookups here (the thread's focal post, say) so they run once a
   * batch, never once an item. Nothing in it may outlive the batch: the page changes between batches.
   */
  batch: Map<string, unknown>;
}

/** The value under `key` in this batch's scratch space, computed on first use. */
export function perBatch<T>(env: ParseEnv, key: string, compute: () => T): T {
  if (env.batch.has(key)) return env.batch.get(key) as T;
  const value = compute();
  env.batch.set(key, value);
  return value;
}

export interface SiteAdapter {
  site: SiteId;
  /** Matches the root element of every candidate feed item (one per item, not nested in each other). */
  itemSelector: string;
  /** Where the page is: home, notifications, thread, search, profile, list or other. */
  contextFor(url: URL): PageContext;
  /**
   * Reads an item root into a FeedItem. `null`: not a feed item at all (skip, no drift);
   * ParseFailure: it should have been readable and was not.
   */
  parse(el: Element, env: ParseEnv): FeedItem | ParseFailure | null;
  /** The element to collapse or hide for an item root (e.g. the whole timeline cell). */
  markTarget(el: Element): Element;
  /**
   * Optional, for sites whose facts can arrive after the DOM (read from fetch a task after the app
   * got them): true when the item's verdict may still turn on facts not yet in `env.facts` (its
   * author's follow state, whom it replies to). The controller then keeps it unpainted (pending)
   * until those facts arrive or FACTS_DEADLINE_MS passes, and decides it with what is known then.
   */
  awaitsFacts?(item: FeedItem, env: ParseEnv): boolean;
  /**
   * Optional, with awaitsFacts: decides again an item this adapter read (`item`, from parse or an
   * earlier refresh) from the facts in `env` now, without reading its element again: the text, links
   * and markup clues stay as read, only what the facts tell (author, kind, thread) is derived anew.
   * The controller uses it for items that waited for their facts; a DOM change inside an item still
   * re-reads it through parse. Same results as parse.
   */
  refresh?(el: Element, item: FeedItem, env: ParseEnv): FeedItem | ParseFailure | null;
  /**
   * Looks at the page as a whole for markup drift the per-item parse cannot see (e.g. the feed
   * rendered but no element matches itemSelector any more). Returns a sentence, or null when fine.
   */
  detectDrift(doc: Document, parsedCount: number): string | null;
}

export const isParseFailure = (r: FeedItem | ParseFailure | null): r is ParseFailure =>
  r !== null && 'failure' in r;

// How the controller reads items: the adapter's parse and refresh, given the page's ParseEnv (its
// URL and context, the facts, the per-batch scratch space), with a throw turned into an unreadable
// item so a page the adapter cannot read never breaks the batch. An item that waited for its facts
// is decided again from its read (SiteAdapter.refresh), not read from its DOM again.
import type { FeedItem, PageContext } from '../core/model';
import type { ParseEnv, ParseFailure, SiteAdapter } from './adapter';
import type { FactStore } from './fact-store';

export class ItemReader {
  private url: URL | null = null;
  private context: PageContext = 'other';
  /** ParseEnv.batch: emptied at the start of every batch. */
  private readonly batch = new Map<string, unknown>();

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly facts: FactStore,
    /** Called when an item is read before any location was set. */
    private readonly locate: () => void,
  ) {}

  /** The page is now at `href` (its context comes from the adapter). */
  moveTo(href: string): void {
    this.url = new URL(href);
    this.context = this.adapter.contextFor(this.url);
  }

  /** A new batch (mutation callback, slice, re-classification pass): the scratch space is stale. */
  newBatch(): void {
    this.batch.clear();
  }

  env(): ParseEnv {
    if (!this.url) this.locate();
    return { url: this.url!, context: this.context, facts: this.facts, batch: this.batch };
  }

  /** Reads the element. */
  read(el: Element): FeedItem | ParseFailure | null {
    try {
      return this.adapter.parse(el, this.env());
    } catch (e) {
      return { failure: `reading an item threw: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300) };
    }
  }

  /** Decides the item again: from `held`, its earlier read, when the adapter can; else reads it again. */
  reread(el: Element, held: FeedItem | undefined): FeedItem | ParseFailure | null {
    if (held === undefined || this.adapter.refresh === undefined) return this.read(el);
    try {
      return this.adapter.refresh(el, held, this.env());
    } catch (e) {
      return { failure: `deciding an item again threw: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300) };
    }
  }
}

// The per-page filtering loop: element → FeedItem → verdict → mark, synchronously from in-memory
// data only, so it can run inside the MutationObserver callback (before the page paints). A huge
// batch is the exception: what one slice cannot decide waits hidden (pending) for later slices.
import { classify } from '../core/classify';
import type { CompiledRuleset } from '../core/compile';
import type { FeedItem, PageContext, ReasonCode, Verdict } from '../core/model';
import { isParseFailure, type ParseEnv, type ParseFailure, type SiteAdapter } from './adapter';
import { AwaitingFacts, windowTimer, type DeadlineTimer } from './awaiting';
import type { FactStore } from './fact-store';
import { applyVerdict, clearMark, markPending, releaseMark } from './marking';
import { SLICE_MS, SliceQueue, taskScheduler, type SliceScheduler } from './slices';
import { rootsIn, type Root } from './item-roots';
import { ATTR } from './styles';
import { TrackedItems, type Tracked } from './tracked';


export interface ControllerEvents {
  /** An item was collapsed, hidden or labelled (once per item id per page). */
  filtered(item: FeedItem, verdict: Verdict): void;
  /** Health changed or counts moved. */
  changed(): void;
}

/** Parse failures beyond this many, with fewer successes than failures, mean the markup drifted. */
const DRIFT_FAILURES = 3;
const PRUNE_EVERY = 200;
/** Batches up to this many item roots are decided in the observer callback whatever it takes (a page's worth is ~10–50). */
export const SYNC_ITEMS = 150;

export class FeedController {
  private ruleset: CompiledRuleset | null = null;
  private readonly seen = new WeakSet<Element>();
  private readonly tracked = new TrackedItems();
  private readonly pending = new Set<Element>();
  private readonly failed = new Set<Element>();
  private readonly reported = new Set<string>();
  private sincePrune = 0;
  private slices: SliceQueue<Root> | null = null;
  /** Items kept pending until their facts arrive (adapter.awaitsFacts), each for FACTS_DEADLINE_MS at most. */
  private awaiting: AwaitingFacts<FeedItem> | null = null;
  private disposed = false;
  private href = '';
  private url: URL | null = null;
  private context: PageContext = 'other';
  /** ParseEnv.batch: emptied at the start of every batch. */
  private readonly batch = new Map<string, unknown>();
  parsed = 0;
  failures = 0;
  failureSample = '';
  driftDetail: string | null = null;
  counts: Partial<Record<ReasonCode, number>> = {};

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly facts: FactStore,
    private readonly doc: Document,
    private readonly events: ControllerEvents,
    private scheduler: SliceScheduler | null = null,
    private readonly timer: DeadlineTimer | null = null,
  ) {}

  get degraded(): boolean {
    return this.driftDetail !== null;
  }

  get ready(): boolean {
    return this.ruleset !== null;
  }

  setRuleset(rs: CompiledRuleset): void {
    if (this.disposed) return;
    const first = this.ruleset === null;
    this.ruleset = rs;
    if (first) {
      const waiting = [...this.pending];
      this.pending.clear();
      this.batch.clear();
      this.run(waiting.filter((el) => el.isConnected).map((el) => ({ el, force: true })));
    } else {
      this.reclassify(() => true);
    }
  }

  /** A ruleset that differs only for some accounts (a follow delta): re-decides just their items. */
  updateRuleset(rs: CompiledRuleset, accountIds: Set<string>, handles: Set<string>): void {
    if (this.disposed) return;
    if (this.ruleset === null) {
      this.setRuleset(rs);
      return;
    }
    this.ruleset = rs;
    this.reclassifyAccounts(accountIds, handles, new Set());
  }

  /** Called at the start of each batch: notices in-app navigation (SPA route changes). */
  syncLocation(): void {
    const href = this.doc.location.href;
    if (href === this.href) return;
    this.href = href;
    this.url = new URL(href);
    this.context = this.adapter.contextFor(this.url);
    this.counts = {};
    this.reported.clear();
    this.parsed = 0;
    this.failures = 0;
    this.failed.clear();
    this.events.changed();
  }

  /**
   * Finds item roots in and under the given nodes and processes each one not seen before. A node
   * added *inside* an item (a re-render, late content) re-reads that item.
   */
  scan(nodes: Iterable<Node>): void {
    if (this.disposed) return;
    this.syncLocation();
    this.batch.clear();
    const roots = rootsIn(nodes, this.adapter.itemSelector, (host) => this.tracked.has(host) || this.failed.has(host));
    this.run(roots);
  }

  /** Small batches all at once; a huge one for one slice now, the rest hidden and decided in later slices. */
  private run(roots: Root[]): void {
    if (roots.length <= SYNC_ITEMS) {
      for (const r of roots) this.process(r.el, r.force);
      return;
    }
    this.scheduler ??= taskScheduler(this.doc.defaultView as Window);
    const end = this.scheduler.now() + SLICE_MS;
    let i = 0;
    while (i < roots.length) {
      const r = roots[i++] as Root;
      this.process(r.el, r.force);
      if (this.scheduler.now() >= end) break;
    }
    const rest = roots.slice(i).filter((r) => r.force || !this.seen.has(r.el));
    if (rest.length === 0) return;
    // Nothing unclassified paints: the stylesheet keeps pending items invisible (still laid out).
    if (!this.degraded) for (const r of rest) markPending(this.adapter.markTarget(r.el));
    this.slices ??= new SliceQueue(this.scheduler, (r) => {
      if (r.el.isConnected) this.process(r.el, r.force);
    }, () => this.batch.clear());
    this.slices.push(rest);
  }

  /** Items still waiting for a slice. */
  get queued(): number {
    return this.slices?.size ?? 0;
  }

  /**
   * Stops for good and takes back every mark and placeholder this controller made (pausing, or a
   * newer instance taking over). `keepVerdicts`: decided items stay as they are (the page is going
   * into the back/forward cache; the next session re-decides them in place).
   */
  dispose(keepVerdicts = false): void {
    if (this.disposed) return;
    this.disposed = true;
    // Undecided items are never left hidden, whatever happens to the verdicts.
    for (const r of this.slices?.stop() ?? []) {
      const target = this.adapter.markTarget(r.el);
      if (target.getAttribute(ATTR) === 'pending') releaseMark(target);
    }
    for (const el of this.pending) releaseMark(this.adapter.markTarget(el));
    for (const el of this.awaiting?.clear() ?? []) releaseMark(this.adapter.markTarget(el));
    if (!keepVerdicts) for (const t of this.tracked.values()) releaseMark(t.target);
    this.tracked.clear();
    this.pending.clear();
    this.failed.clear();
  }

  private process(el: Element, force: boolean): void {
    if (this.disposed || (!force && this.seen.has(el))) return;
    this.seen.add(el);
    const result = this.safeParse(el);
    if (result === null) return;
    const target = this.adapter.markTarget(el);
    if (isParseFailure(result)) {
      // Leave it visible; it may still be filling in. checkDrift decides later whether the markup changed.
      this.failed.add(el);
      this.failureSample = result.failure;
      clearMark(target);
      return;
    }
    this.failed.delete(el);
    if (!this.tracked.has(el)) this.parsed++;
    this.tracked.set(el, { itemId: result.id, handle: result.author.handle, authorId: result.author.id, target });
    // Every PRUNE_EVERY items, or every size/2 on a long page: pruning visits every tracked item, so
    // spacing it with the page's size keeps its cost per item constant.
    if (++this.sincePrune >= Math.max(PRUNE_EVERY, this.tracked.size >> 1)) this.prune();
    if (this.degraded) {
      if (target.getAttribute(ATTR) === 'pending') clearMark(target);
      return;
    }
    if (!this.ruleset) {
      markPending(target);
      this.pending.add(el);
      return;
    }
    this.decideOrAwait(el, result, target);
  }

  /** Decides the item, unless its facts may still arrive: then it stays pending, within the deadline. */
  private decideOrAwait(el: Element, item: FeedItem, target: Element): void {
    if (this.adapter.awaitsFacts?.(item, this.env()) === true && this.waiting().mayWait(el, item)) {
      // Decided items keep their verdict's mark while the new facts are awaited: only new ones wait hidden.
      markPending(target);
      return;
    }
    this.awaiting?.done(el);
    this.decide(item, target);
  }

  private waiting(): AwaitingFacts<FeedItem> {
    this.awaiting ??= new AwaitingFacts(this.timer ?? windowTimer(this.doc.defaultView as Window), (els) => {
      if (this.disposed || this.degraded) return;
      this.batch.clear();
      for (const el of els) {
        const t = this.tracked.get(el);
        if (t === undefined || !el.isConnected) {
          if (t === undefined) releaseMark(this.adapter.markTarget(el));
          continue;
        }
        // Past its deadline: decided with what is known now (unknown follow state fails open).
        this.redecide(el, t);
        // Unreadable now (it changed while waiting): never left hidden.
        if (t.target.getAttribute(ATTR) === 'pending') clearMark(t.target);
      }
    });
    return this.awaiting;
  }

  /** Items waiting for their facts right now. */
  get awaitingFacts(): number {
    return this.awaiting?.size ?? 0;
  }

  /** A page the adapter cannot read must never break the batch: a throw counts as an unreadable item. */
  private safeParse(el: Element): FeedItem | ParseFailure | null {
    try {
      return this.adapter.parse(el, this.env());
    } catch (e) {
      return { failure: `reading an item threw: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300) };
    }
  }

  private safeRefresh(el: Element, read: FeedItem): FeedItem | ParseFailure | null {
    try {
      return this.adapter.refresh!(el, read, this.env());
    } catch (e) {
      return { failure: `deciding an item again threw: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300) };
    }
  }

  private env(): ParseEnv {
    if (!this.url) this.syncLocation();
    return { url: this.url!, context: this.context, facts: this.facts, batch: this.batch };
  }

  private decide(item: FeedItem, target: Element): void {
    const verdict = classify(item, this.ruleset!);
    applyVerdict(target, item.id, verdict, item);
    if (verdict.action !== 'show' && !this.reported.has(item.id)) {
      this.reported.add(item.id);
      this.counts[verdict.reasonCode] = (this.counts[verdict.reasonCode] ?? 0) + 1;
      this.events.filtered(item, verdict);
    }
  }

  /** Re-reads and re-classifies tracked items (new rules); still synchronous. */
  reclassify(matches: (t: Tracked) => boolean): void {
    if (!this.ruleset || this.degraded || this.disposed) return;
    this.batch.clear();
    for (const [el, t] of [...this.tracked.entries()]) if (matches(t)) this.redecide(el, t);
  }

  /** Re-decides the items of these accounts and these item ids only (new facts, a delta). */
  reclassifyAccounts(accountIds: Set<string>, handles: Set<string>, itemIds: Set<string>): void {
    if (accountIds.size === 0 && handles.size === 0 && itemIds.size === 0) return;
    if (!this.ruleset || this.degraded || this.disposed) return;
    this.batch.clear();
    for (const el of this.tracked.matching(accountIds, handles, itemIds)) {
      const t = this.tracked.get(el);
      if (t) this.redecide(el, t);
    }
  }

  private redecide(el: Element, t: Tracked): void {
    if (!el.isConnected) {
      this.tracked.delete(el);
      return;
    }
    // An item that waited for its facts is decided from its read, not read again (SiteAdapter.refresh).
    const read = this.adapter.refresh === undefined ? undefined : this.awaiting?.readOf(el);
    const result = read === undefined ? this.safeParse(el) : this.safeRefresh(el, read);
    if (result === null || isParseFailure(result)) return;
    this.tracked.set(el, { ...t, itemId: result.id, handle: result.author.handle, authorId: result.author.id });
    this.decideOrAwait(el, result, t.target);
  }

  /** Looks for markup drift; once degraded, Doorman stops hiding anything on this page. */
  checkDrift(): void {
    if (this.degraded || this.disposed) return;
    this.batch.clear();
    let failures = 0;
    for (const el of this.failed) {
      if (!el.isConnected) this.failed.delete(el);
      else if (isParseFailure(this.safeParse(el))) failures++;
      else this.process(el, true);
    }
    this.failures = failures;
    let detail: string | null = null;
    if (failures >= DRIFT_FAILURES && failures > this.parsed) {
      detail = `${failures} items could not be read (${this.failureSample})`;
    } else {
      detail = this.adapter.detectDrift(this.doc, this.parsed);
    }
    if (detail === null) return;
    this.driftDetail = detail;
    for (const t of this.tracked.values()) clearMark(t.target);
    for (const el of this.pending) clearMark(this.adapter.markTarget(el));
    this.pending.clear();
    for (const el of this.awaiting?.clear() ?? []) clearMark(this.adapter.markTarget(el));
    for (const r of this.slices?.clear() ?? []) {
      const target = this.adapter.markTarget(r.el);
      if (target.getAttribute(ATTR) === 'pending') clearMark(target);
    }
    this.events.changed();
  }

  private prune(): void {
    this.sincePrune = 0;
    this.tracked.prune();
  }

  get trackedCount(): number {
    return this.tracked.size;
  }
}

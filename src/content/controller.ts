// The content script's filtering loop for one page, from start to stop: it takes a ruleset (start),
// finds the item roots each mutation batch adds (scan), reads and classifies them synchronously from
// in-memory data (decide), marks their verdict (mark), and takes every mark back when it ends (stop).
// Being synchronous, it runs inside the MutationObserver callback, before the page paints. What it
// cannot decide yet waits hidden in held-items.ts; reading through the adapter is item-reader.ts.
import { classify } from '../core/classify';
import type { CompiledRuleset } from '../core/compile';
import type { FeedItem, ReasonCode, Verdict } from '../core/model';
import { isParseFailure, type SiteAdapter } from './adapter';
import type { DeadlineTimer } from './awaiting';
import type { FactStore } from './fact-store';
import { HeldItems } from './held-items';
import { ItemReader } from './item-reader';
import { applyVerdict, clearMark, releaseMark } from './marking';
import { SLICE_MS, taskScheduler, type SliceScheduler } from './slices';
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
  private readonly failed = new Set<Element>();
  private readonly reported = new Set<string>();
  private readonly reader: ItemReader;
  private readonly held: HeldItems<FeedItem>;
  private sincePrune = 0;
  private disposed = false;
  private href = '';
  parsed = 0;
  failures = 0;
  failureSample = '';
  driftDetail: string | null = null;
  counts: Partial<Record<ReasonCode, number>> = {};

  constructor(
    private readonly adapter: SiteAdapter,
    facts: FactStore,
    private readonly doc: Document,
    private readonly events: ControllerEvents,
    private scheduler: SliceScheduler | null = null,
    timer: DeadlineTimer | null = null,
  ) {
    this.reader = new ItemReader(adapter, facts, () => this.syncLocation());
    this.held = new HeldItems<FeedItem>((el) => adapter.markTarget(el), () => doc.defaultView as Window, timer, {
      slice: (r) => this.process(r.el, r.force),
      sliceStarts: () => this.reader.newBatch(),
      late: (els) => this.factsLate(els),
    });
  }

  get degraded(): boolean {
    return this.driftDetail !== null;
  }

  get ready(): boolean {
    return this.ruleset !== null;
  }

  /** Items still waiting for a slice. */
  get queued(): number {
    return this.held.queued;
  }

  /** Items waiting for their facts right now. */
  get awaitingFacts(): number {
    return this.held.awaitingFacts;
  }

  get trackedCount(): number {
    return this.tracked.size;
  }

  // ── start ──

  setRuleset(rs: CompiledRuleset): void {
    if (this.disposed) return;
    const first = this.ruleset === null;
    this.ruleset = rs;
    if (first) {
      const waiting = this.held.takeRulesetWaiters();
      this.reader.newBatch();
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
    this.reader.moveTo(href);
    this.counts = {};
    this.reported.clear();
    this.parsed = 0;
    this.failures = 0;
    this.failed.clear();
    this.events.changed();
  }

  // ── scan ──

  /**
   * Finds item roots in and under the given nodes and processes each one not seen before. A node
   * added *inside* an item (a re-render, late content) re-reads that item.
   */
  scan(nodes: Iterable<Node>): void {
    if (this.disposed) return;
    this.syncLocation();
    this.reader.newBatch();
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
    if (rest.length > 0) this.held.untilSlice(rest, this.scheduler, !this.degraded);
  }

  private process(el: Element, force: boolean): void {
    if (this.disposed || (!force && this.seen.has(el))) return;
    this.seen.add(el);
    const result = this.reader.read(el);
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
      this.held.untilRuleset(el, target);
      return;
    }
    this.decideOrAwait(el, result, target);
  }

  // ── decide and mark ──

  /** Decides the item, unless its facts may still arrive: then it stays pending, within the deadline. */
  private decideOrAwait(el: Element, item: FeedItem, target: Element): void {
    if (this.adapter.awaitsFacts?.(item, this.reader.env()) === true && this.held.untilFacts(el, item, target)) return;
    this.held.decided(el);
    this.decide(item, target);
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

  /** Past their deadline: decided with what is known now (unknown follow state fails open). */
  private factsLate(els: Element[]): void {
    if (this.disposed || this.degraded) return;
    this.reader.newBatch();
    for (const el of els) {
      const t = this.tracked.get(el);
      if (t === undefined || !el.isConnected) {
        if (t === undefined) releaseMark(this.adapter.markTarget(el));
        continue;
      }
      this.redecide(el, t);
      // Unreadable now (it changed while waiting): never left hidden.
      if (t.target.getAttribute(ATTR) === 'pending') clearMark(t.target);
    }
  }

  /** Re-reads and re-classifies tracked items (new rules); still synchronous. */
  reclassify(matches: (t: Tracked) => boolean): void {
    if (!this.ruleset || this.degraded || this.disposed) return;
    this.reader.newBatch();
    for (const [el, t] of [...this.tracked.entries()]) if (matches(t)) this.redecide(el, t);
  }

  /** Re-decides the items of these accounts and these item ids only (new facts, a delta). */
  reclassifyAccounts(accountIds: Set<string>, handles: Set<string>, itemIds: Set<string>): void {
    if (accountIds.size === 0 && handles.size === 0 && itemIds.size === 0) return;
    if (!this.ruleset || this.degraded || this.disposed) return;
    this.reader.newBatch();
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
    const result = this.reader.reread(el, this.held.readOf(el));
    if (result === null || isParseFailure(result)) return;
    this.tracked.set(el, { ...t, itemId: result.id, handle: result.author.handle, authorId: result.author.id });
    this.decideOrAwait(el, result, t.target);
  }

  /** Looks for markup drift; once degraded, Doorman stops hiding anything on this page. */
  checkDrift(): void {
    if (this.degraded || this.disposed) return;
    this.reader.newBatch();
    let failures = 0;
    for (const el of this.failed) {
      if (!el.isConnected) this.failed.delete(el);
      else if (isParseFailure(this.reader.read(el))) failures++;
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
    this.held.show();
    this.events.changed();
  }

  private prune(): void {
    this.sincePrune = 0;
    this.tracked.prune();
  }

  // ── stop ──

  /**
   * Stops for good and takes back every mark and placeholder this controller made (pausing, or a
   * newer instance taking over). `keepVerdicts`: decided items stay as they are (the page is going
   * into the back/forward cache; the next session re-decides them in place).
   */
  dispose(keepVerdicts = false): void {
    if (this.disposed) return;
    this.disposed = true;
    // Undecided items are never left hidden, whatever happens to the verdicts.
    this.held.release();
    if (!keepVerdicts) for (const t of this.tracked.values()) releaseMark(t.target);
    this.tracked.clear();
    this.failed.clear();
  }
}

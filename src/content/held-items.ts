// The items a controller keeps pending (invisible, still laid out) because it cannot decide them
// yet: before its first ruleset arrives, in a later slice of a huge batch (slices.ts), or while their
// facts may still arrive (awaiting.ts, which also keeps each waiting item's read so it is decided
// again without a second read of its DOM). Kept in one place so one rule holds for all three: none
// is ever left hidden. Stopping releases them; markup drift shows them.
import { AwaitingFacts, windowTimer, type DeadlineTimer } from './awaiting';
import type { Root } from './item-roots';
import { clearMark, markPending, releaseMark } from './marking';
import { SliceQueue, type SliceScheduler } from './slices';
import { ATTR } from './styles';

/** What the controller does when a held item's turn comes. */
export interface HeldTurns {
  /** A later slice reached this root (still connected). */
  slice(root: Root): void;
  /** A slice task starts: what was cached for the last batch is stale. */
  sliceStarts(): void;
  /** These items' facts did not arrive in time (connected or not: the caller checks). */
  late(els: Element[]): void;
}

export class HeldItems<Read> {
  /** Read before the first ruleset: decided as soon as it comes. */
  private readonly forRuleset = new Set<Element>();
  private slices: SliceQueue<Root> | null = null;
  /** Items kept pending until their facts arrive, each for FACTS_DEADLINE_MS at most. */
  private awaiting: AwaitingFacts<Read> | null = null;

  constructor(
    private readonly markTarget: (el: Element) => Element,
    private readonly win: () => Window,
    private readonly timer: DeadlineTimer | null,
    private readonly turns: HeldTurns,
  ) {}

  /** Items still waiting for a slice. */
  get queued(): number {
    return this.slices?.size ?? 0;
  }

  /** Items waiting for their facts right now. */
  get awaitingFacts(): number {
    return this.awaiting?.size ?? 0;
  }

  /** Holds `el` until the first ruleset. */
  untilRuleset(el: Element, target: Element): void {
    markPending(target);
    this.forRuleset.add(el);
  }

  /** The ruleset came: every item held for it (still held, pending, until the caller decides it). */
  takeRulesetWaiters(): Element[] {
    const waiting = [...this.forRuleset];
    this.forRuleset.clear();
    return waiting;
  }

  /** Holds the rest of a huge batch for later slices; `hide`: mark them pending meanwhile. */
  untilSlice(rest: Root[], scheduler: SliceScheduler, hide: boolean): void {
    // Nothing unclassified paints: the stylesheet keeps pending items invisible (still laid out).
    if (hide) for (const r of rest) markPending(this.markTarget(r.el));
    this.slices ??= new SliceQueue(scheduler, (r) => {
      if (r.el.isConnected) this.turns.slice(r);
    }, () => this.turns.sliceStarts());
    this.slices.push(rest);
  }

  /**
   * Whether `el` may (still) wait for its facts, within its deadline: then it is marked pending and
   * `read` is kept as its read. Decided items keep their verdict's mark while new facts are awaited.
   */
  untilFacts(el: Element, read: Read, target: Element): boolean {
    this.awaiting ??= new AwaitingFacts(this.timer ?? windowTimer(this.win()), (els) => this.turns.late(els));
    if (!this.awaiting.mayWait(el, read)) return false;
    markPending(target);
    return true;
  }

  /** `el` was decided: it no longer waits for facts. */
  decided(el: Element): void {
    this.awaiting?.done(el);
  }

  /** The read `el` waits for its facts with, while it waits. */
  readOf(el: Element): Read | undefined {
    return this.awaiting?.readOf(el);
  }

  /** Stops for good: every held item gets its own look back (undecided items are never left hidden). */
  release(): void {
    for (const r of this.slices?.stop() ?? []) {
      const target = this.markTarget(r.el);
      if (target.getAttribute(ATTR) === 'pending') releaseMark(target);
    }
    for (const el of this.forRuleset) releaseMark(this.markTarget(el));
    for (const el of this.awaiting?.clear() ?? []) releaseMark(this.markTarget(el));
    this.forRuleset.clear();
  }

  /** Markup drift: every held item is shown, and nothing stays held. */
  show(): void {
    for (const el of this.forRuleset) clearMark(this.markTarget(el));
    this.forRuleset.clear();
    for (const el of this.awaiting?.clear() ?? []) clearMark(this.markTarget(el));
    for (const r of this.slices?.clear() ?? []) {
      const target = this.markTarget(r.el);
      if (target.getAttribute(ATTR) === 'pending') clearMark(target);
    }
  }
}

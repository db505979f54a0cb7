// Items waiting for their facts: on a site whose page-world reader learns facts from fetch (read a
// task after the app has the response), a post can reach the DOM before its author's facts. Such an
// item stays pending (invisible, still laid out) until the facts arrive or a short deadline passes;
// then it is decided with what is known (unknown follow state fails open). Nothing waits longer.
// Each waiting item's read (what the adapter made of its element) is kept beside its deadline, so
// deciding it again when the facts come costs no second read of its DOM (SiteAdapter.refresh).

/** How long an item may wait for its facts: a few frames, well under what a reader notices as "late". */
export const FACTS_DEADLINE_MS = 400;

/** Timers as the controller's window provides them; injected so tests can use fake ones. */
export interface DeadlineTimer {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function windowTimer(win: Window): DeadlineTimer {
  return {
    now: () => win.performance.now(),
    setTimeout: (run, ms) => win.setTimeout(run, ms),
    clearTimeout: (h) => win.clearTimeout(h as number),
  };
}

/**
 * The waiting items and their deadlines. One timer for the earliest deadline at a time, so a page
 * with hundreds of waiting items costs one timer, not hundreds.
 */
export class AwaitingFacts<Read> {
  private readonly deadlines = new Map<Element, number>();
  /** The read each waiting item was last decided from: dropped as soon as it no longer waits. */
  private readonly reads = new Map<Element, Read>();
  /** Every item that ever started waiting: one wait per element, never a second after its deadline. */
  private readonly waited = new WeakSet<Element>();
  private timer: unknown = null;
  private timerAt = Infinity;

  constructor(
    private readonly clock: DeadlineTimer,
    /** Called with the items whose deadline passed (still connected or not: the caller checks). */
    private readonly expire: (els: Element[]) => void,
    private readonly deadlineMs = FACTS_DEADLINE_MS,
  ) {}

  get size(): number {
    return this.deadlines.size;
  }

  has(el: Element): boolean {
    return this.deadlines.has(el);
  }

  /** The read `el` waits with, while it waits. */
  readOf(el: Element): Read | undefined {
    return this.reads.get(el);
  }

  /**
   * Whether `el` may (still) wait: it never waited before, or its deadline has not passed. Starts its
   * clock on first call; while it may wait, `read` (when given) is kept as its read.
   */
  mayWait(el: Element, read?: Read): boolean {
    const now = this.clock.now();
    const at = this.deadlines.get(el);
    if (at !== undefined) {
      if (now >= at) return false;
      if (read !== undefined) this.reads.set(el, read);
      return true;
    }
    if (this.waited.has(el)) return false;
    this.waited.add(el);
    if (read !== undefined) this.reads.set(el, read);
    const deadline = now + this.deadlineMs;
    this.deadlines.set(el, deadline);
    this.arm(deadline);
    return true;
  }

  /** The item was decided: it no longer waits. */
  done(el: Element): void {
    this.deadlines.delete(el);
    this.reads.delete(el);
    if (this.deadlines.size === 0) this.disarm();
  }

  /** Empties the set and returns what was waiting (so the caller can unmark it). */
  clear(): Element[] {
    const rest = [...this.deadlines.keys()];
    this.deadlines.clear();
    this.reads.clear();
    this.disarm();
    return rest;
  }

  private arm(deadline: number): void {
    if (this.timer !== null && this.timerAt <= deadline) return;
    this.disarm();
    this.timerAt = deadline;
    this.timer = this.clock.setTimeout(() => this.fire(), Math.max(0, deadline - this.clock.now()));
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private fire(): void {
    this.timer = null;
    this.timerAt = Infinity;
    const now = this.clock.now();
    const due: Element[] = [];
    let next = Infinity;
    for (const [el, at] of this.deadlines) {
      if (at <= now) due.push(el);
      else if (at < next) next = at;
    }
    for (const el of due) this.deadlines.delete(el);
    if (next !== Infinity) this.arm(next);
    if (due.length === 0) return;
    this.expire(due);
    // Decided by now (or gone): their reads are not needed any more.
    for (const el of due) if (!this.deadlines.has(el)) this.reads.delete(el);
  }
}

// Items waiting for their facts: on a site whose page-world reader learns facts from fetch (read a
// task after the app has the response), a post can reach the DOM before its author's facts. Such an
// item stays pending (invisible, still laid out) until the facts arrive or a short deadline passes;
// then it is decided with what is known (unknown follow state fails open). Nothing waits longer.

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
export class AwaitingFacts {
  private readonly deadlines = new Map<Element, number>();
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

  /** Whether `el` may (still) wait: it never waited before, or its deadline has not passed. Starts its clock on first call. */
  mayWait(el: Element): boolean {
    const now = this.clock.now();
    const at = this.deadlines.get(el);
    if (at !== undefined) return now < at;
    if (this.waited.has(el)) return false;
    this.waited.add(el);
    const deadline = now + this.deadlineMs;
    this.deadlines.set(el, deadline);
    this.arm(deadline);
    return true;
  }

  /** The item was decided: it no longer waits. */
  done(el: Element): void {
    this.deadlines.delete(el);
    if (this.deadlines.size === 0) this.disarm();
  }

  /** Empties the set and returns what was waiting (so the caller can unmark it). */
  clear(): Element[] {
    const rest = [...this.deadlines.keys()];
    this.deadlines.clear();
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
    if (due.length > 0) this.expire(due);
  }
}

// Work too big for one observer callback (thousands of item roots at once) runs in time slices of a
// few milliseconds, one task each, so the page stays responsive (uBlock does its DOM work this way).
// Items waiting here are marked pending by the caller: hidden by the stylesheet until decided.

/** How a slice is scheduled: the current time and "run this in a later task". Injected in tests. */
export interface SliceScheduler {
  now(): number;
  later(run: () => void): void;
}

/** A few ms per slice: well under one frame, so input and the page's own work get their turn. */
export const SLICE_MS = 4;

/**
 * MessageChannel tasks rather than requestAnimationFrame: they run in background tabs too (so hidden
 * tabs still finish and report), and setTimeout's 4 ms clamp would stretch a long queue.
 */
export function taskScheduler(win: Window): SliceScheduler {
  const channel = new (win as Window & typeof globalThis).MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    now: () => win.performance.now(),
    later(run) {
      waiting.push(run);
      channel.port2.postMessage(null);
    },
  };
}

export class SliceQueue<T> {
  private readonly items: T[] = [];
  private head = 0;
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly scheduler: SliceScheduler,
    private readonly run: (item: T) => void,
    /** Called as each slice starts (a new task: what the caller cached for the last one is stale). */
    private readonly beforeSlice: () => void = () => undefined,
    private readonly budgetMs = SLICE_MS,
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  push(items: Iterable<T>): void {
    if (this.stopped) return;
    for (const item of items) this.items.push(item);
    this.schedule();
  }

  /** Runs items until the budget is spent; returns whether the queue is empty. */
  runSlice(): boolean {
    this.beforeSlice();
    const end = this.scheduler.now() + this.budgetMs;
    while (this.head < this.items.length) {
      const item = this.items[this.head++] as T;
      this.run(item);
      if (this.scheduler.now() >= end) break;
    }
    if (this.head >= this.items.length) {
      this.items.length = 0;
      this.head = 0;
      return true;
    }
    return false;
  }

  /** Empties the queue and returns what was still waiting (so the caller can unmark it). */
  clear(): T[] {
    const rest = this.items.slice(this.head);
    this.items.length = 0;
    this.head = 0;
    return rest;
  }

  /** For good: later pushes are dropped and a scheduled slice does nothing. */
  stop(): T[] {
    this.stopped = true;
    return this.clear();
  }

  private schedule(): void {
    if (this.scheduled || this.size === 0) return;
    this.scheduled = true;
    this.scheduler.later(() => {
      this.scheduled = false;
      if (this.stopped) return;
      if (!this.runSlice()) this.schedule();
    });
  }
}

// Sends what this page filtered to the background log, batched and deduplicated by site and item id,
// and keeps the background's view of this tab's health current for the popup. Entries the
// background did not take (the worker restarting, storage full after its own retries) are kept and
// sent again with growing waits, a bounded number of times; what is still refused after that is
// dropped and counted, and the background has told the popup.
import type { FeedItem, Verdict } from '../core/model';
import type { LogEntryInput, TabHealth } from '../shared/messages';
import { send } from './extension-api';

const FLUSH_MS = 1_000;
const MAX_BATCH = 200;
const HEALTH_MS = 1_000;
const SNIPPET_CHARS = 280;
/** Waits before sending again after a refused send, growing with consecutive refusals. */
export const RESEND_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000];
/** Sends one entry gets before it is given up on: the first and one per wait. */
export const MAX_SENDS = RESEND_MS.length + 1;
/** Entries waiting to be sent, at most; past it the oldest are given up on. */
export const MAX_PENDING = 2_000;

interface Pending {
  entry: LogEntryInput;
  /** Sends so far that failed. */
  failed: number;
}

export function toLogEntry(item: FeedItem, verdict: Verdict, at: number): LogEntryInput {
  return {
    site: item.site,
    itemId: item.id,
    permalink: item.permalink,
    authorId: item.author.id,
    handle: item.author.handle,
    displayName: item.author.displayName.slice(0, 200),
    snippet: item.text.length > SNIPPET_CHARS ? `${item.text.slice(0, SNIPPET_CHARS - 1)}…` : item.text,
    kind: item.kind,
    context: item.context,
    action: verdict.action,
    ruleId: verdict.ruleId.slice(0, 200),
    reasonCode: verdict.reasonCode,
    why: verdict.why,
    at,
  };
}

/** The waits, replaceable so tests need not sit through them. */
export interface ReporterTiming {
  flushMs: number;
  resendMs: readonly number[];
}

export class Reporter {
  private queue = new Map<string, Pending>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private healthTimer: ReturnType<typeof setTimeout> | undefined;
  private lastHealth = '';
  private stopped = false;
  /** Consecutive refused sends; while above 0 the next send waits RESEND_MS. */
  private refusals = 0;
  /** Entries given up on (refused MAX_SENDS times, or pushed out of a full queue). */
  dropped = 0;

  constructor(private readonly timing: ReporterTiming = { flushMs: FLUSH_MS, resendMs: RESEND_MS }) {}

  /** Entries waiting to be sent (new or refused before). */
  get pending(): number {
    return this.queue.size;
  }

  filtered(item: FeedItem, verdict: Verdict): void {
    if (this.stopped) return;
    const key = `${item.site}:${item.id}`;
    if (this.queue.has(key)) return;
    this.enqueue(key, { entry: toLogEntry(item, verdict, Date.now()), failed: 0 });
    if (this.queue.size >= MAX_BATCH && this.refusals === 0) this.flush();
    else this.schedule();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.size === 0) return;
    const pending = [...this.queue.entries()];
    this.queue.clear();
    for (let i = 0; i < pending.length; i += MAX_BATCH) {
      const batch = pending.slice(i, i + MAX_BATCH);
      send({ type: 'log/report', entries: batch.map(([, p]) => p.entry) }).then(
        () => {
          this.refusals = 0;
        },
        () => this.refused(batch),
      );
    }
  }

  private refused(batch: readonly [string, Pending][]): void {
    if (this.stopped) return;
    this.refusals += 1;
    for (const [key, p] of batch) {
      const failed = p.failed + 1;
      if (failed > this.timing.resendMs.length) this.dropped += 1;
      // A newer report of the same item (queued since) stands; this one is the same entry.
      else if (!this.queue.has(key)) this.enqueue(key, { entry: p.entry, failed });
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule();
  }

  private enqueue(key: string, p: Pending): void {
    this.queue.set(key, p);
    while (this.queue.size > MAX_PENDING) {
      const oldest = this.queue.keys().next().value;
      if (oldest === undefined) break;
      this.queue.delete(oldest);
      this.dropped += 1;
    }
  }

  private schedule(): void {
    if (this.queue.size === 0) return;
    const { flushMs, resendMs } = this.timing;
    const wait = this.refusals === 0 ? flushMs : (resendMs[Math.min(this.refusals, resendMs.length) - 1] ?? flushMs);
    this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Drops what is queued and cancels timers (after a last flush, if the caller wants one). */
  stop(): void {
    clearTimeout(this.timer);
    clearTimeout(this.healthTimer);
    this.timer = undefined;
    this.healthTimer = undefined;
    this.queue.clear();
    this.stopped = true;
  }

  /** Coalesces health reports: at most one message per second (each costs the page ~1 ms of extension messaging), none when nothing changed. */
  health(build: () => TabHealth): void {
    if (this.stopped) return;
    this.healthTimer ??= setTimeout(() => {
      this.healthTimer = undefined;
      const health = build();
      const key = JSON.stringify(health);
      if (key === this.lastHealth) return;
      this.lastHealth = key;
      send({ type: 'health/report', health }).catch(() => undefined);
    }, HEALTH_MS);
  }
}

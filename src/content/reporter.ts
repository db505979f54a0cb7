// Sends what this page filtered to the background log, batched and deduplicated by site and item id,
// and keeps the background's view of this tab's health current for the popup.
import type { FeedItem, Verdict } from '../core/model';
import type { LogEntryInput, TabHealth } from '../shared/messages';
import { send } from './extension-api';

const FLUSH_MS = 1_000;
const MAX_BATCH = 200;
const SNIPPET_CHARS = 280;

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
    reason: verdict.reason.slice(0, 500),
    at,
  };
}

export class Reporter {
  private queue = new Map<string, LogEntryInput>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private healthTimer: ReturnType<typeof setTimeout> | undefined;
  private lastHealth = '';
  private stopped = false;

  filtered(item: FeedItem, verdict: Verdict): void {
    if (this.stopped) return;
    const key = `${item.site}:${item.id}`;
    if (!this.queue.has(key)) this.queue.set(key, toLogEntry(item, verdict, Date.now()));
    if (this.queue.size >= MAX_BATCH) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.size === 0) return;
    const entries = [...this.queue.values()];
    this.queue.clear();
    for (let i = 0; i < entries.length; i += MAX_BATCH) {
      send({ type: 'log/report', entries: entries.slice(i, i + MAX_BATCH) }).catch(() => {
        // The worker may be restarting; the items are still marked on the page and will be re-reported on reload.
      });
    }
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

  /** Coalesces health reports: at most one message per 250 ms, none when nothing changed. */
  health(build: () => TabHealth): void {
    if (this.stopped) return;
    this.healthTimer ??= setTimeout(() => {
      this.healthTimer = undefined;
      const health = build();
      const key = JSON.stringify(health);
      if (key === this.lastHealth) return;
      this.lastHealth = key;
      send({ type: 'health/report', health }).catch(() => undefined);
    }, 250);
  }
}

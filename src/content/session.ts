// One filtering session on a page: the observer, the facts bridge, follow learning and the drift
// timer, all tied to one AbortSignal (refined-github's init(signal)). Pausing the site or leaving
// the page ends the session; resuming starts a fresh one over what is on the page then.
import type { PageFacts } from '../shared/facts';
import { normalizeHandle } from '../core/handle';
import type { CompiledRuleset } from '../core/compile';
import type { SiteAdapter } from './adapter';
import { FeedController } from './controller';
import type { FactStore } from './fact-store';
import { listenForFacts } from './facts-bridge';
import { followLearner } from './follow-learning';
import type { Reporter } from './reporter';
import type { SliceScheduler } from './slices';

const DRIFT_CHECK_MS = 1_500;

export interface SessionContext {
  adapter: SiteAdapter;
  win: Window;
  facts: FactStore;
  reporter: Reporter;
  /** The ruleset to start with, if the snapshot is already known. */
  ruleset: CompiledRuleset | null;
  /** Health or counts moved: report (coalesced by the reporter). */
  healthChanged(): void;
  /** Checked on every mutation batch: false once the extension that injected this script is gone. */
  alive(): boolean;
  /** Called (once) when a batch finds the extension gone. */
  orphaned(): void;
  scheduler?: SliceScheduler;
}

export interface Session {
  readonly controller: FeedController;
  /** Takes facts in and re-decides the items they change (facts handed over by an older instance). */
  absorb(facts: PageFacts): void;
  /** Ends the session. `keepMarks`: leave verdicts in place (the page goes into the back/forward cache). */
  stop(opts?: { keepMarks?: boolean; flush?: boolean }): void;
}

export function startSession(ctx: SessionContext): Session {
  const { adapter, win, facts, reporter } = ctx;
  const doc = win.document;
  const abort = new AbortController();
  const { signal } = abort;
  const controller = new FeedController(adapter, facts, doc, {
    filtered: (item, verdict) => {
      reporter.filtered(item, verdict);
      ctx.healthChanged();
    },
    changed: () => ctx.healthChanged(),
  }, ctx.scheduler ?? null);
  if (ctx.ruleset) controller.setRuleset(ctx.ruleset);

  let driftTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(driftTimer));
  // The observer callback runs after DOM changes and before rendering: verdicts land before paint.
  const observer = new (win as Window & typeof globalThis).MutationObserver((records) => {
    if (signal.aborted) return;
    if (!ctx.alive()) {
      ctx.orphaned();
      return;
    }
    const added: Node[] = [];
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.push(n);
    if (added.length > 0) controller.scan(added);
    driftTimer ??= setTimeout(() => {
      driftTimer = undefined;
      controller.checkDrift();
      ctx.healthChanged();
    }, DRIFT_CHECK_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
  if (doc.body) controller.scan([doc.body]);

  const absorb = (f: PageFacts) => {
    const changed = facts.merge(f);
    const handles = new Set<string>();
    for (const a of f.accounts) if (changed.accountIds.has(a.id)) handles.add(normalizeHandle(a.handle));
    controller.reclassifyAccounts(changed.accountIds, handles, changed.itemIds);
  };
  const learner = followLearner(adapter.site, signal);
  listenForFacts(win, adapter.site, (f) => {
    if (!ctx.alive()) return ctx.orphaned();
    absorb(f);
    learner.queue(f);
  }, () => undefined, signal);

  return {
    controller,
    absorb,
    stop(opts = {}) {
      if (signal.aborted) return;
      if (opts.flush !== false) learner.flush();
      abort.abort();
      // Records already queued for the callback are dropped with the observer.
      observer.takeRecords();
      controller.dispose(opts.keepMarks === true);
    },
  };
}

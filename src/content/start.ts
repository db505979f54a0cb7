// Boots Doorman on a supported site: stylesheet first, then the observer, facts, rules and reporting.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { compileSnapshot } from '../core/compile';
import { normalizeHandle } from '../core/handle';
import { siteEnabled } from '../core/settings';
import { siteName } from '../sites/registry';
import type { SiteAdapter } from './adapter';
import { FeedController } from './controller';
import { FactStore } from './fact-store';
import { listenForFacts } from './facts-bridge';
import { reveal } from './marking';
import { Reporter } from './reporter';
import { loadSnapshot, watchSnapshot } from './snapshot-source';
import { ensureStylesheet } from './styles';
import { Message, type TabHealth } from '../shared/messages';
import type { PageFacts } from '../shared/facts';
import { send } from '../shared/runtime';

// Extension CSP forbids eval: tell zod up front instead of letting it probe with new Function.
z.config({ jitless: true });

const DRIFT_CHECK_MS = 1_500;
const FOLLOW_FLUSH_MS = 2_000;

export function startContent(adapter: SiteAdapter, win: Window = window): FeedController {
  const doc = win.document;
  ensureStylesheet(doc);
  const facts = new FactStore();
  const reporter = new Reporter();
  let revision = -1;
  let paused = false;

  const health = (): TabHealth => ({
    site: adapter.site,
    status: paused ? 'paused' : controller.degraded ? 'degraded' : 'working',
    detail: controller.driftDetail ?? '',
    url: doc.location.href.slice(0, 2000),
    counts: controller.counts,
    seen: controller.parsed,
  });
  const controller: FeedController = new FeedController(adapter, facts, doc, {
    filtered: (item, verdict) => {
      reporter.filtered(item, verdict);
      reporter.health(health);
    },
    changed: () => reporter.health(health),
  });

  // The observer callback runs after DOM changes and before rendering: verdicts land before paint.
  let driftTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    const added: Node[] = [];
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.push(n);
    if (added.length > 0) controller.scan(added);
    driftTimer ??= setTimeout(() => {
      driftTimer = undefined;
      controller.checkDrift();
      reporter.health(health);
    }, DRIFT_CHECK_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  if (doc.body) controller.scan([doc.body]);

  // Follow state the page revealed goes to the follow graph, batched.
  const follows = new Map<string, { accountId: string; handle: string; following: boolean }>();
  let followsFromList = false;
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  const queueFollows = (f: PageFacts) => {
    for (const a of f.accounts) {
      if (a.followed === undefined) continue;
      follows.set(a.id, { accountId: a.id, handle: normalizeHandle(a.handle), following: a.followed });
    }
    followsFromList ||= f.followingList === true;
    if (follows.size === 0) return;
    followTimer ??= setTimeout(() => {
      followTimer = undefined;
      const batch = [...follows.values()];
      follows.clear();
      const source = followsFromList ? 'following-list' : 'page';
      followsFromList = false;
      for (let i = 0; i < batch.length; i += 2_000) {
        send({ type: 'follows/learn', site: adapter.site, source, follows: batch.slice(i, i + 2_000) }).catch(() => undefined);
      }
    }, FOLLOW_FLUSH_MS);
  };

  listenForFacts(win, adapter.site, (f) => {
    const changed = facts.merge(f);
    const handles = new Set<string>();
    for (const a of f.accounts) if (changed.accountIds.has(a.id)) handles.add(normalizeHandle(a.handle));
    controller.reclassifyAccounts(changed.accountIds, handles, changed.itemIds);
    queueFollows(f);
  }, () => undefined);

  const applySnapshot = (s: Parameters<typeof compileSnapshot>[0]) => {
    if (s.revision <= revision) return; // each change arrives twice: storage event and direct push
    revision = s.revision;
    paused = !siteEnabled(s.settings, adapter.site);
    controller.setRuleset(compileSnapshot(s, { siteNames: { [adapter.site]: siteName(adapter.site) } }));
    reporter.health(health);
  };
  void loadSnapshot().then(applySnapshot);
  watchSnapshot(applySnapshot);

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const parsed = Message.safeParse(raw);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    if (msg.type === 'snapshot/changed') {
      applySnapshot(msg.snapshot);
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'item/reveal') return Promise.resolve({ revealed: reveal(doc, msg.itemId) });
    return undefined;
  });

  win.addEventListener('pagehide', () => reporter.flush());
  return controller;
}

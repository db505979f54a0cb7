// Boots Doorman on a supported site and runs it until it must stop. The lifetime (stylesheet, rules
// channel, page lifecycle) lasts as long as this script is the page's Doorman; a filtering session
// (session.ts) runs inside it while the site is enabled and the page is shown.
import type { CompiledRuleset } from '../core/compile';
import { siteEnabled } from '../core/vocabulary';
import { siteName } from '../sites/registry';
import type { SiteAdapter } from './adapter';
import { FactStore } from './fact-store';
import { receiveHandover, sendHandover } from './handover';
import { awaitSuccessor, claimPage } from './instance';
import { reveal, revealAll, sweepMarks } from './marking';
import { Reporter } from './reporter';
import { startSession, type Session } from './session';
import type { SliceScheduler } from './slices';
import { SnapshotChannel } from './snapshot-channel';
import { fetchSnapshot, loadSnapshot } from './snapshot-source';
import { removeStylesheet } from './styles';
import type { TabHealth } from '../shared/messages';
import { readContentMessage } from './inbox';
import { injectedRegexEngine, type RegexSource } from './regex-loader';
import { extensionAlive } from '../shared/alive';
import { offMessage, onMessage as listenForMessages, send } from './extension-api';
import { watchContextMenu } from './context-menu';

export interface ContentOptions {
  /** Whether the extension is still there (tests fake an update with it). */
  alive?: () => boolean;
  scheduler?: SliceScheduler;
  /** Where the regex engine comes from (tests hand one in). */
  regex?: RegexSource;
}

/** Starts Doorman on this page; returns stop (which also takes back every mark it made). */
export function startContent(adapter: SiteAdapter, win: Window = window, opts: ContentOptions = {}): () => void {
  const doc = win.document;
  const alive = opts.alive ?? extensionAlive;
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const facts = new FactStore();
  const reporter = new Reporter();
  let session: Session | null = null;
  let paused = false;
  let hidden = false;

  const health = (): TabHealth => {
    const c = session?.controller;
    return {
      site: adapter.site,
      status: paused ? 'paused' : c?.degraded ? 'degraded' : 'working',
      detail: c?.driftDetail ?? '',
      url: doc.location.href.slice(0, 2000),
      counts: c?.counts ?? {},
      seen: c?.parsed ?? 0,
    };
  };
  const healthChanged = () => {
    if (!signal.aborted) reporter.health(health);
  };

  const stop = (how: { orphaned?: boolean } = {}) => {
    if (signal.aborted) return;
    // An orphan's messages would only fail ("Extension context invalidated"): send nothing.
    session?.stop({ flush: !how.orphaned });
    session = null;
    if (!how.orphaned) reporter.flush();
    reporter.stop();
    lifetime.abort();
    try {
      offMessage(onMessage);
    } catch {
      // The orphaned context's API may throw on any call; the listener dies with it.
    }
    removeStylesheet(doc);
  };
  let retiring = false;
  const retire = (forSuccessor = false) => {
    if (signal.aborted) return;
    retiring = true;
    const orphaned = !alive();
    // A successor is starting, or may already run in another world (an update): hand it the facts.
    // An orphan may be first to notice the update; it also hands them to the script yet to come.
    if (forSuccessor || orphaned) sendHandover(win, adapter.site, facts);
    stop({ orphaned });
    if (orphaned && !forSuccessor) awaitSuccessor(win, () => sendHandover(win, adapter.site, facts));
  };

  const resume = () => {
    if (session || paused || hidden || signal.aborted) return;
    session = startSession({
      adapter, win, facts, reporter, healthChanged, alive,
      ruleset: channel.ruleset,
      orphaned: () => retire(false),
      ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
    });
  };
  const suspend = (keepMarks: boolean) => {
    session?.stop({ keepMarks });
    session = null;
  };

  const channel = new SnapshotChannel({
    snapshot(rs: CompiledRuleset, s) {
      paused = !siteEnabled(s.settings, adapter.site);
      // Paused: no observer, no listeners, no marks. Resumed: a fresh session over the page as it is.
      if (paused) suspend(false);
      else if (session) session.controller.setRuleset(rs);
      else resume();
      healthChanged();
    },
    delta(rs, changed) {
      if (!session || (changed.site !== undefined && changed.site !== adapter.site)) return;
      session.controller.updateRuleset(rs, changed.ids, changed.handles);
    },
  }, fetchSnapshot, { siteNames: { [adapter.site]: siteName(adapter.site) } }, opts.regex ?? injectedRegexEngine());

  function onMessage(raw: unknown): Promise<unknown> | undefined {
    if (signal.aborted) return undefined;
    if (!alive()) {
      retire(false);
      return undefined;
    }
    const msg = readContentMessage(raw);
    if (msg === null) return undefined;
    if (msg.type === 'snapshot/changed') {
      channel.snapshot(msg.snapshot);
      return Promise.resolve({ ok: true });
    }
    if (msg.type === 'follows/changed') return Promise.resolve({ applied: channel.delta(msg.delta) });
    if (msg.type === 'lists/changed') return Promise.resolve({ applied: channel.lists(msg.delta) });
    if (msg.type === 'item/reveal') return Promise.resolve({ revealed: reveal(doc, msg.itemId) });
    if (msg.type === 'items/reveal-all') return Promise.resolve({ revealed: revealAll(doc) });
    if (msg.type === 'content/ping') return Promise.resolve({ alive: true });
    if (msg.type === 'item/context') return Promise.resolve({ item: menu.current() });
    return undefined;
  }

  // Take the page over from any older instance first (keeping the facts it hands over), then clear
  // whatever it could not take back.
  receiveHandover(win, adapter.site, (f) => {
    if (retiring) return; // our own hand-over, on the way out
    if (session) session.absorb(f);
    else facts.merge(f);
  }, signal);
  claimPage(win, alive, retire, signal);
  sweepMarks(doc);
  // The context menu acts on the item of the last right-click; its titles name the author.
  const menu = watchContextMenu(doc, adapter, facts, signal, (handle) => {
    if (alive()) send({ type: 'menu/target', handle }).catch(() => undefined);
  });
  // The stylesheet goes in with the first mark (styles.ts styleOnce), not here at document_start.
  // Listening before the first read: a change sent while the cache is being read is not missed.
  listenForMessages(onMessage);
  // Items render before the rules load: the session holds them hidden (pending) until they arrive.
  resume();
  void loadSnapshot().then((s) => channel.snapshot(s));

  // Leaving the page: flush what is queued and stop. Into the back/forward cache, verdicts stay on
  // the frozen page; coming back starts a new session (and catches up with the rules).
  win.addEventListener('pagehide', (e) => {
    hidden = true;
    reporter.flush();
    suspend(true);
    if (!(e as PageTransitionEvent).persisted) stop();
  }, { signal });
  win.addEventListener('pageshow', (e) => {
    if (!(e as PageTransitionEvent).persisted || !hidden) return;
    hidden = false;
    if (!alive()) return retire(false);
    resume();
    void fetchSnapshot().then((s) => s && channel.snapshot(s));
  }, { signal });

  return () => stop();
}

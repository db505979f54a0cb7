// The service worker's message dispatch, driven with a fake sender, fake storage and fake tabs.
import { afterEach, describe, expect, it } from 'vitest';
import { createBackground, healthKey, senderKind, type Sender } from '../../../src/background/handlers';
import { SNAPSHOT_KEY } from '../../../src/core/snapshot';
import { countFollows } from '../../../src/db/follows';
import { countLog } from '../../../src/db/log';
import { setBrandOverride } from '../../../src/db/overrides';
import { saveRule } from '../../../src/db/rules';
import { currentRevision } from '../../../src/db/revision';
import type { Snapshot } from '../../../src/core/snapshot';
import type { TabHealth } from '../../../src/shared/messages';
import { FakeArea, FakeTabs, dropAll, freshDb, logEntry, rule } from '../db/helpers';

afterEach(dropAll);

const RUNTIME_ID = 'doorman-id';
const ORIGIN = 'chrome-extension://doorman-id/';
const MATCHES = ['https://x.com/*'];

const contentSender = (tabId = 5): Sender => ({ id: RUNTIME_ID, url: 'https://x.com/home', tab: { id: tabId } });
const popupSender: Sender = { id: RUNTIME_ID, url: `${ORIGIN}src/popup/index.html` };
// The options page opens in a tab, but it is still an extension page.
const optionsSender: Sender = { id: RUNTIME_ID, url: `${ORIGIN}src/options/index.html`, tab: { id: 9 } };
const otherExtension: Sender = { id: 'someone-else', url: 'https://x.com/home', tab: { id: 5 } };

function setup(open = [{ id: 1 }, { id: 2 }], withoutContentScript = new Set<number>()) {
  const db = freshDb();
  const local = new FakeArea();
  const session = new FakeArea();
  const tabs = new FakeTabs(open, withoutContentScript);
  const bg = createBackground({ db, runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, local, session, tabs, contentMatches: MATCHES });
  return { db, local, session, tabs, bg };
}

const health = (over: Partial<TabHealth> = {}): TabHealth => ({
  site: 'x', status: 'working', detail: '', url: 'https://x.com/home', counts: { 'brand-reply': 2 }, seen: 40, ...over,
});

describe('senderKind', () => {
  const deps = { runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN };
  it('tells content scripts, extension pages and strangers apart', () => {
    expect(senderKind(contentSender(), deps)).toBe('content');
    expect(senderKind(popupSender, deps)).toBe('extension');
    expect(senderKind(optionsSender, deps)).toBe('extension');
    expect(senderKind(otherExtension, deps)).toBeNull();
    expect(senderKind({ id: RUNTIME_ID, url: 'https://x.com/' }, deps)).toBeNull(); // no tab: not a content script
    expect(senderKind({ id: RUNTIME_ID, url: 'https://x.com/', tab: { id: -1 } }, deps)).toBeNull();
  });
});

describe('sender checks', () => {
  it('refuses content-only messages from extension pages and vice versa', async () => {
    const { bg } = setup();
    await expect(bg.handle({ type: 'log/report', entries: [] }, popupSender)).rejects.toThrow(/log\/report is not accepted from extension/);
    await expect(bg.handle({ type: 'health/report', health: health() }, optionsSender)).rejects.toThrow(/not accepted/);
    await expect(bg.handle({ type: 'data/changed' }, contentSender())).rejects.toThrow(/data\/changed is not accepted from content/);
    await expect(bg.handle({ type: 'tab/health', tabId: 5 }, contentSender())).rejects.toThrow(/not accepted/);
    // A page cannot read (or guess from) the storage fault record; the popup can.
    await expect(bg.handle({ type: 'storage/faults' }, contentSender())).rejects.toThrow(/storage\/faults is not accepted from content/);
    expect(await bg.handle({ type: 'storage/faults' }, popupSender)).toEqual([]);
  });

  it('injects the regex engine into the asking content script\'s own frame, for content scripts only', async () => {
    const db = freshDb();
    const injected: { tabId: number; frameId: number }[] = [];
    const bg = createBackground({
      db, runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, local: new FakeArea(), session: new FakeArea(),
      tabs: new FakeTabs([]), contentMatches: MATCHES,
      injectRegexEngine: async (t) => void injected.push(t),
    });
    expect(await bg.handle({ type: 'regex/load' }, { ...contentSender(7), frameId: 3 })).toEqual({ loaded: true });
    await expect(bg.handle({ type: 'regex/load' }, popupSender)).rejects.toThrow(/not accepted from extension/);
    expect(injected).toEqual([{ tabId: 7, frameId: 3 }]);
    // Without the scripting API there is nothing to inject with: the content script goes on without regex rules.
    expect(await setup().bg.handle({ type: 'regex/load' }, contentSender())).toEqual({ loaded: false });
  });

  it('refuses every message from another extension', async () => {
    const { bg, db } = setup();
    await expect(bg.handle({ type: 'snapshot/get' }, otherExtension)).rejects.toThrow(/not accepted from an unknown sender/);
    await expect(bg.handle({ type: 'log/report', entries: [logEntry('1')] }, otherExtension)).rejects.toThrow();
    expect(await countLog(db)).toBe(0);
  });

  it('rejects an invalid message with the offending field, and leaves other traffic alone', async () => {
    const { bg, db } = setup();
    const bad = { type: 'log/report', entries: [{ ...logEntry('1'), kind: 'tweet' }] };
    await expect(bg.handle(bad, contentSender())).rejects.toThrow(/^doorman: invalid log\/report: entries\[0\]\.kind: /);
    expect(await countLog(db)).toBe(0);
    expect(bg.handle({ type: 'item/reveal', itemId: '1' }, popupSender)).toBeUndefined();
    expect(bg.handle({ type: 'unheard-of' }, popupSender)).toBeUndefined();
    expect(bg.handle('hello', popupSender)).toBeUndefined();
    expect(bg.handle(null, popupSender)).toBeUndefined();
  });
});

describe('handlers', () => {
  it('snapshot/get answers content scripts and pages with the cached, current snapshot', async () => {
    const { bg, db, local } = setup();
    await saveRule(db, rule('r1'));
    const s = (await bg.handle({ type: 'snapshot/get' }, contentSender())) as Snapshot;
    expect(s.rules.map((r) => r.id)).toEqual(['r1']);
    expect(s.revision).toBe(await currentRevision(db));
    expect((local.data.get(SNAPSHOT_KEY) as Snapshot).revision).toBe(s.revision);
    expect(await bg.handle({ type: 'snapshot/get' }, popupSender)).toEqual(s);
  });

  it('log/report adds new entries once and refreshes overridden accounts\' handles', async () => {
    const { bg, db, tabs } = setup();
    await setBrandOverride(db, { site: 'x', accountId: '42', handle: 'acme' }, 'brand');
    const at = Date.now(); // recent, so the first report's prune keeps them
    const report = (...ids: string[]) => ({ type: 'log/report', entries: ids.map((id) => logEntry(id, { at })) });
    expect(await bg.handle(report('1', '2'), contentSender())).toEqual({ added: 2 });
    expect(await bg.handle(report('2'), contentSender())).toEqual({ added: 0 });
    expect(await countLog(db)).toBe(2);
    expect(tabs.sent).toHaveLength(0);
    // The account with an override was renamed: that reaches snapshots (handles are the fallback match).
    await bg.handle({ type: 'log/report', entries: [logEntry('3', { handle: 'acme_new', at })] }, contentSender());
    expect((await db.accounts.get('x#42'))?.handle).toBe('acme_new');
    expect(tabs.sent.map((m) => m.tabId)).toEqual([1, 2]);
  });

  it('log/report prunes the log to its configured size', async () => {
    const { bg, db } = setup();
    const now = Date.now();
    const entries = Array.from({ length: 120 }, (_, i) => logEntry(`old${i}`, { at: now - 40 * 24 * 3600 * 1000 }));
    await bg.handle({ type: 'log/report', entries }, contentSender());
    // Older than the default 30 days: pruned on the first report (no prune has run yet).
    expect(await countLog(db)).toBe(0);
  });

  it('follows/learn persists, caches the new snapshot and sends tabs only the delta, when something changed', async () => {
    const { bg, db, local, tabs } = setup([{ id: 1 }, { id: 2 }, { id: 3 }], new Set([2]));
    await bg.ready();
    const learn = { type: 'follows/learn', site: 'x', source: 'page', follows: [{ accountId: '7', handle: 'friend', following: true }] };
    expect(await bg.handle(learn, contentSender())).toEqual({ changed: 1 });
    expect(await countFollows(db)).toBe(1);
    const cached = local.data.get(SNAPSHOT_KEY) as Snapshot;
    expect(cached.follows.map((f) => f.accountId)).toEqual(['7']);
    // Tab 2 has no content script: skipped quietly, the others got the snapshot.
    expect(tabs.sent.map((m) => m.tabId)).toEqual([1, 3]);
    // Tabs get the accounts that changed against the revision they were learned on, not the whole snapshot.
    expect(tabs.sent[0]?.message).toEqual({
      type: 'follows/changed',
      delta: { site: 'x', base: cached.revision - 1, revision: cached.revision, add: [{ accountId: '7', handle: 'friend' }], remove: [] },
    });
    expect(tabs.queries).toEqual([{ url: MATCHES }]);

    expect(await bg.handle(learn, contentSender())).toEqual({ changed: 0 });
    expect(tabs.sent).toHaveLength(2);
  });

  it('data/changed rebuilds, caches and pushes the snapshot, answering with its revision', async () => {
    const { bg, db, local, tabs } = setup();
    await bg.ready();
    await saveRule(db, rule('from-options')); // the options page writes directly…
    const answer = (await bg.handle({ type: 'data/changed' }, optionsSender)) as { revision: number };
    expect(answer.revision).toBe(await currentRevision(db));
    const cached = local.data.get(SNAPSHOT_KEY) as Snapshot;
    expect(cached.revision).toBe(answer.revision);
    expect(cached.rules.map((r) => r.id)).toEqual(['from-options']);
    expect(tabs.sent.map((m) => m.tabId)).toEqual([1, 2]);
  });

  it('data/changed still pushes to tabs when the cache write fails', async () => {
    const { bg, db, local, tabs } = setup();
    await bg.ready();
    await saveRule(db, rule('r'));
    local.failWrites = new Error('quota');
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await bg.handle({ type: 'data/changed' }, popupSender);
    } finally {
      console.error = quiet;
    }
    expect((local.data.get(SNAPSHOT_KEY) as Snapshot).rules).toEqual([]);
    expect((tabs.sent[0]?.message as { snapshot: Snapshot }).snapshot.rules.map((r) => r.id)).toEqual(['r']);
  });

  it('health/report stores per-tab health in the session area; tab/health reads it back', async () => {
    const { bg, session } = setup();
    expect(await bg.handle({ type: 'health/report', health: health() }, contentSender(5))).toEqual({ ok: true });
    expect(session.data.get(healthKey(5))).toEqual(health());
    expect(await bg.handle({ type: 'tab/health', tabId: 5 }, popupSender)).toEqual(health());
    expect(await bg.handle({ type: 'tab/health', tabId: 6 }, popupSender)).toBeNull();
  });

  it('survives a worker restart: a new background instance reads the same health and snapshot', async () => {
    const first = setup();
    await first.bg.handle({ type: 'health/report', health: health({ status: 'degraded', detail: 'no items' }) }, contentSender(5));
    await first.bg.handle({ type: 'data/changed' }, popupSender);
    const restarted = createBackground({
      db: first.db, runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, local: first.local, session: first.session,
      tabs: first.tabs, contentMatches: MATCHES,
    });
    expect(await restarted.handle({ type: 'tab/health', tabId: 5 }, popupSender)).toMatchObject({ status: 'degraded' });
    const writes = first.local.writes;
    await restarted.ready();
    expect(first.local.writes).toBe(writes); // the cache was current: not rewritten
  });
});

describe('tab lifecycle', () => {
  it('forgets a tab\'s health when the tab closes', async () => {
    const { bg, session } = setup();
    await bg.handle({ type: 'health/report', health: health() }, contentSender(5));
    await bg.tabRemoved(5);
    expect(session.data.has(healthKey(5))).toBe(false);
  });

  it('forgets it when the tab leaves the site, keeps it for navigation within the site', async () => {
    const { bg, session } = setup();
    await bg.handle({ type: 'health/report', health: health() }, contentSender(5));
    await bg.tabUpdated(5, { status: 'complete' });
    await bg.tabUpdated(5, { url: 'https://x.com/notifications' });
    await bg.tabUpdated(5, { status: 'loading' }, { url: 'https://x.com/home' });
    expect(session.data.has(healthKey(5))).toBe(true);
    // Leaving for a site Doorman has no access to: the URL is hidden from it.
    await bg.tabUpdated(5, { status: 'loading' }, {});
    expect(session.data.has(healthKey(5))).toBe(false);

    await bg.handle({ type: 'health/report', health: health() }, contentSender(5));
    await bg.tabUpdated(5, { url: 'https://example.com/' });
    expect(session.data.has(healthKey(5))).toBe(false);
  });
});

describe('ready', () => {
  it('opens the database and warms the cache once, retrying after a failure', async () => {
    const { bg, local } = setup();
    local.failWrites = null;
    const s1 = await bg.ready();
    const s2 = await bg.ready();
    expect(s1).toBe(s2);
    expect(local.data.has(SNAPSHOT_KEY)).toBe(true);

    const broken = setup();
    broken.db.close();
    let attempts = 0;
    const realOpen = broken.db.open.bind(broken.db);
    broken.db.open = (() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('blocked')) : realOpen();
    }) as typeof broken.db.open;
    await expect(broken.bg.ready()).rejects.toThrow('blocked');
    await expect(broken.bg.ready()).resolves.toMatchObject({ revision: 0 });
    expect(attempts).toBe(2);
  });
});

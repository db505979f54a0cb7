// The service worker. Listeners are registered synchronously at top level so events that wake the
// worker are delivered; handlers await one readiness promise inside. No state lives here that a
// restart could lose: the database, storage.local (snapshot) and storage.session (tab health) hold it.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { getDb } from '../db/database';
import { createBackground, senderKind } from './handlers';
import { onInstalledNotice } from './first-run';
import { keepMenus, menuClicked, retitleShown, type ContextMenuDeps, type MenuKeeper, type MenusLike } from './context-menu';
import { reinjectContentScripts, type ScriptingLike } from './reinject';
import { createServerRegistry, type ServerRegistry, type ServerScripting } from './servers';
import { isServerHost, listServers, saveServers } from '../db/servers';
import { mastodon } from '../sites/mastodon/site';
import regexEngineFile from '../content/regex-engine?script&iife';
import { createToolbar } from './toolbar';
import { createCommands } from './commands';
import { SYNC_STATE_KEY, createSync, type SyncArea } from './sync';
import { syncEnabled } from '../db/sync-state';
import { HEADER_PREFIX } from '../db/sync-chunks';

// Extension CSP forbids eval: tell zod up front instead of letting it probe with new Function.
z.config({ jitless: true });

function contentMatches(manifest: browser.Manifest.WebExtensionManifest): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches))];
}

const manifest = browser.runtime.getManifest();
/**
 * Tabs that may hold a content script: the manifest's matches plus the Mastodon servers the user
 * added. The publisher reads this array on every push, so the server registry updates it in place.
 */
const matches = contentMatches(manifest);
const fixedMatches = [...matches];

/** The built Mastodon scripts, as the manifest names them for its fixed servers (MAIN reader, then content). */
function mastodonFiles(): { pageWorld: string; content: string } | null {
  const probe = `https://${mastodon.hosts[0]}/*`;
  const entries = (manifest.content_scripts ?? []).filter((cs) => cs.matches.includes(probe));
  const pageWorld = entries.find((cs) => (cs as { world?: string }).world === 'MAIN')?.js?.[0];
  const content = entries.find((cs) => (cs as { world?: string }).world !== 'MAIN')?.js?.[0];
  return pageWorld && content ? { pageWorld, content } : null;
}

const db = getDb();
/** The context menu's entries (set up below); rebuilt when the added servers change. */
let menuKeeper: MenuKeeper | null = null;
const scripting = (browser as { scripting?: ServerScripting }).scripting;
const files = mastodonFiles();
const servers: ServerRegistry | undefined = scripting?.registerContentScripts && files ? createServerRegistry({
  scripting,
  permissions: browser.permissions,
  tabs: browser.tabs,
  store: { list: () => listServers(db), save: (hosts) => saveServers(db, hosts) },
  files,
  fixedHosts: fixedMatches.map((m) => m.replace(/^https:\/\//, '').replace(/\/\*$/, '')),
  isHost: isServerHost,
  onChange(hosts) {
    matches.splice(0, matches.length, ...fixedMatches, ...hosts.map((h) => `https://${h}/*`));
    // The menu's documentUrlPatterns follow: a server added now gets it without a restart.
    menuKeeper?.rebuild().catch(logFailure('rebuilding the context menu'));
  },
}) : undefined;

const background = createBackground({
  db,
  runtimeId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  local: browser.storage.local,
  session: browser.storage.session,
  tabs: browser.tabs,
  contentMatches: matches,
  ...(servers ? { servers } : {}),
  toolbar: createToolbar(browser.action, (key, subs) => browser.i18n.getMessage(key, subs)),
  injectRegexEngine: async ({ tabId, frameId }) => {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [regexEngineFile] });
  },
});

// Settings and lists follow the browser profile (sync.ts): a sync a moment after each change here,
// soon after a change arrives from another device, and once at startup.
const sync = createSync({
  db,
  sync: browser.storage.sync as SyncArea,
  local: browser.storage.local,
  applied: () => background.dataChanged(),
});
let syncTimer: ReturnType<typeof setTimeout> | undefined;
const scheduleSync = (delayMs: number) => {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(() => {
    sync.run().then((o) => {
      if (o.problem) console.warn(`doorman: sync: ${o.problem.message}`);
    }, (e: unknown) => console.error('doorman: sync failed:', e));
  }, delayMs);
};
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && Object.keys(changes).some((k) => k.startsWith(HEADER_PREFIX))) scheduleSync(1_000);
  // The user switched sync on (options or first-run page).
  const state = changes[SYNC_STATE_KEY];
  if (area === 'local' && state && syncEnabled(state.newValue) && !syncEnabled(state.oldValue)) scheduleSync(0);
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const reply = background.handle(message, sender);
  if ((message as { type?: unknown } | null)?.type === 'data/changed') void reply?.then(() => scheduleSync(2_000), () => undefined);
  return reply;
});

const logFailure = (what: string) => (e: unknown) => console.error(`doorman: ${what} failed:`, e);

/** Firefox's menus API beyond contextMenus: the open menu's event and its redraw. */
interface FirefoxMenus {
  onShown?: { addListener(l: (info: { menuIds: (string | number)[]; frameId?: number }, tab?: { id?: number }) => void): void };
  refresh?(): Promise<void>;
}

// The context menu on posts (context-menu.ts). Its writes end in the same rebuild and push as a page's.
const contextMenus = (browser as { contextMenus?: MenusLike & { onClicked: typeof browser.contextMenus.onClicked } }).contextMenus;
const extensionSender = { id: browser.runtime.id, url: browser.runtime.getURL('') };
const menuDeps: ContextMenuDeps | null = contextMenus ? {
  menus: contextMenus,
  db,
  askFrame: (tabId, frameId) => browser.tabs.sendMessage(tabId, { type: 'item/context' }, { frameId }),
  changed: async () => background.handle({ type: 'data/changed' }, extensionSender),
  documentUrlPatterns: () => [...matches],
  message: (key, sub) => browser.i18n.getMessage(key, sub === undefined ? undefined : [sub]),
} : null;
const keeper = menuDeps ? keepMenus(menuDeps) : null;
menuKeeper = keeper;
if (contextMenus && menuDeps && keeper) {
  contextMenus.onClicked.addListener((info, tab) => {
    menuClicked(menuDeps, info, tab).catch(logFailure('a context menu action'));
  });
  browser.runtime.onStartup.addListener(() => {
    keeper.rebuild().catch(logFailure('creating the context menu'));
  });
  // Firefox: retitle the menu while it is open (Chromium has no onShown; there the titles come from `menu/target`).
  const firefoxMenus = (browser as { menus?: FirefoxMenus }).menus;
  if (firefoxMenus?.onShown && firefoxMenus.refresh) {
    const refresh = firefoxMenus.refresh.bind(firefoxMenus);
    firefoxMenus.onShown.addListener((info, tab) => {
      retitleShown(menuDeps, keeper, info, tab, refresh).catch(logFailure('retitling the context menu'));
    });
  }
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    const m = message as { type?: unknown; handle?: unknown } | null;
    if (m?.type !== 'menu/target' || typeof m.handle !== 'string' || m.handle.length > 320) return undefined;
    if (senderKind(sender, { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') }) !== 'content') return undefined;
    return keeper.retitle(m.handle).then(() => ({ ok: true as const }), () => ({ ok: true as const }));
  });
}

// Pages open during an install or update get the new content scripts now, not on their next load.
browser.runtime.onInstalled.addListener(({ reason, previousVersion }) => {
  keeper?.rebuild().catch(logFailure('creating the context menu'));
  // The first-run page once on install; after an update with visible changes, a note in the popup.
  onInstalledNotice({ reason, ...(previousVersion ? { previousVersion } : {}) }, {
    openTab: (path) => browser.tabs.create({ url: browser.runtime.getURL(path) }),
    local: browser.storage.local,
    version: manifest.version,
  }).catch(logFailure('the install notice'));
  if (reason !== 'install' && reason !== 'update') return;
  reinjectContentScripts({
    contentScripts: browser.runtime.getManifest().content_scripts ?? [],
    tabs: browser.tabs,
    scripting: (browser as { scripting?: ScriptingLike }).scripting,
    ping: (tabId) => browser.tabs.sendMessage(tabId, { type: 'content/ping' }).then(() => true, () => false),
  }).catch(logFailure('injecting content scripts into open tabs'));
});

browser.tabs.onRemoved.addListener((tabId) => {
  background.tabRemoved(tabId).catch(logFailure('clearing tab health'));
});
browser.tabs.onUpdated.addListener((tabId, change, tab) => {
  background.tabUpdated(tabId, change, tab).catch(logFailure('updating tab health'));
});

const commands = createCommands({
  db,
  session: browser.storage.session,
  activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  dataChanged: async () => {
    await background.dataChanged();
    scheduleSync(2_000);
  },
});
const runCommand = (command: string, tab?: browser.Tabs.Tab) => commands.run(command, tab);
browser.commands.onCommand.addListener((command: string, tab?: browser.Tabs.Tab) => {
  runCommand(command, tab).catch(logFailure(`the ${command} command`));
});
// The same entry point for end-to-end tests, which cannot press a shortcut in a headless browser:
// they call it in the worker (tests/e2e/toolbar.e2e.ts). It does nothing a shortcut could not.
(globalThis as { doormanRunCommand?: typeof runCommand }).doormanRunCommand = runCommand;

// Added servers: scripts in line with the stored list and the permissions still granted (a user may
// have taken one back in the browser's settings), and their tabs among those the publisher reaches.
servers?.reconcile().catch(logFailure('registering added Mastodon servers'));

// Warm up now rather than on the first message: open the database, bring the snapshot cache current.
background.ready().then(() => scheduleSync(0), logFailure('startup'));

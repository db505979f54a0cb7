// The service worker. Listeners are registered synchronously at top level so events that wake the
// worker are delivered; handlers await one readiness promise inside. No state lives here that a
// restart could lose: the database, storage.local (snapshot) and storage.session (tab health) hold it.
import browser from 'webextension-polyfill';
import { z } from 'zod';
import { getDb } from '../db/database';
import { createBackground } from './handlers';
import { reinjectContentScripts, type ScriptingLike } from './reinject';
import regexEngineFile from '../content/regex-engine?script&iife';

// Extension CSP forbids eval: tell zod up front instead of letting it probe with new Function.
z.config({ jitless: true });

function contentMatches(manifest: browser.Manifest.WebExtensionManifest): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.matches))];
}

const background = createBackground({
  db: getDb(),
  runtimeId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  local: browser.storage.local,
  session: browser.storage.session,
  tabs: browser.tabs,
  contentMatches: contentMatches(browser.runtime.getManifest()),
  injectRegexEngine: async ({ tabId, frameId }) => {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [regexEngineFile] });
  },
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  background.handle(message, sender),
);

const logFailure = (what: string) => (e: unknown) => console.error(`doorman: ${what} failed:`, e);

// Pages open during an install or update get the new content scripts now, not on their next load.
browser.runtime.onInstalled.addListener(({ reason }) => {
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

// Warm up now rather than on the first message: open the database, bring the snapshot cache current.
background.ready().catch(logFailure('startup'));

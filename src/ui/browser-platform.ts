// The Platform on top of the real extension APIs.
import { asProblem, problem } from '../core/problem';
import browser from 'webextension-polyfill';
import { notifyChanged } from '../db';
import type { StorageFault, TabHealth } from '../shared/messages';
import { send, sendToTab } from '../shared/runtime';
import { SECTION_REQUEST_KEY, type ActiveTab, type Platform } from './platform';
import { isMastodonPage } from '../sites/mastodon/markers';

/** `?tab=<id>` lets the popup be opened as a page about a given tab (end-to-end tests, debugging). */
function tabFromQuery(): number | null {
  const raw = new URLSearchParams(globalThis.location?.search ?? '').get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

function isHealth(v: unknown): v is TabHealth {
  if (typeof v !== 'object' || v === null) return false;
  const h = v as Partial<Record<keyof TabHealth, unknown>>;
  return typeof h.site === 'string' && typeof h.status === 'string' && typeof h.detail === 'string' &&
    typeof h.url === 'string' && typeof h.seen === 'number' && typeof h.counts === 'object' && h.counts !== null;
}

const FAULT_WHATS: ReadonlySet<unknown> = new Set(['log', 'follows', 'open']);
const FAULT_KINDS: ReadonlySet<unknown> = new Set(['quota', 'blocked', 'error']);

function isFault(v: unknown): v is StorageFault {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<Record<keyof StorageFault, unknown>>;
  return FAULT_WHATS.has(f.what) && FAULT_KINDS.has(f.kind) && typeof f.detail === 'string' &&
    typeof f.at === 'number' && typeof f.lost === 'number';
}

export const browserPlatform: Platform = {
  async activeTab(): Promise<ActiveTab | null> {
    const wanted = tabFromQuery();
    if (wanted !== null) {
      const tab = await browser.tabs.get(wanted).catch(() => null);
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
  },

  async tabHealth(tabId) {
    // The background validated this when the content script reported it; only check its shape here
    // (the zod schema would pull the rule schemas, and RE2 with them, into the popup).
    const health: unknown = await send({ type: 'tab/health', tabId });
    return isHealth(health) ? health : null;
  },

  async storageFaults() {
    const faults: unknown = await send({ type: 'storage/faults' });
    return Array.isArray(faults) ? faults.filter(isFault) : [];
  },

  async revealItem(tabId, itemId) {
    try {
      return (await sendToTab(tabId, { type: 'item/reveal', itemId }))?.revealed === true;
    } catch {
      return false; // no content script in that tab (not a supported site, or not loaded yet)
    }
  },

  async openOptions(section) {
    // openOptionsPage() focuses an open options tab but cannot pass it a hash; the page reads the
    // wanted section from localStorage (shared by the extension's pages) and listens for changes.
    if (section) localStorage.setItem(SECTION_REQUEST_KEY, section);
    await browser.runtime.openOptionsPage();
  },

  async notifyChanged() {
    await notifyChanged();
  },

  async requestHostPermission(pattern) {
    // permissions.request resolves true at once, without a prompt, when the permission is already held.
    return browser.permissions.request({ origins: [pattern] });
  },

  fetch(url, init) {
    return globalThis.fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  },

  servers: {
    async list() {
      const r = (await send({ type: 'servers/list' })) as { hosts?: unknown } | undefined;
      return hostList(r?.hosts);
    },
    async add(raw) {
      const host = raw.trim().toLowerCase();
      // First thing in the click's task: the prompt needs the user gesture.
      const granted = await browser.permissions.request({ origins: [`https://${host}/*`] }).catch(() => false);
      if (!granted) return { ok: false, hosts: await this.list(), denied: true };
      const r = (await send({ type: 'servers/add', host })) as { ok?: unknown; hosts?: unknown; problem?: unknown } | undefined;
      const hosts = hostList(r?.hosts);
      return r?.ok === true ? { ok: true, hosts } : { ok: false, hosts, problem: asProblem(r?.problem) ?? problem('serverNoPermission', host) };
    },
    async remove(host) {
      const r = (await send({ type: 'servers/remove', host })) as { hosts?: unknown } | undefined;
      return hostList(r?.hosts);
    },
    async probe(tabId) {
      // activeTab (granted by the toolbar click) lets the extension run this one check in the tab.
      const results = await browser.scripting.executeScript({ target: { tabId }, func: isMastodonPage }).catch(() => []);
      return results[0]?.result === true;
    },
  },
};

function hostList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((h): h is string => typeof h === 'string').slice(0, 100) : [];
}

// Firefox smoke test: Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, installs the
// Firefox build (dist-firefox/, `npm run build:firefox`) as a temporary add-on and filters the x.com
// replica: the ad in the thread hidden, the unsolicited brand reply collapsed, no page errors; and
// the background (an event page here) at work: the toolbar badge counts what the page filtered, sync
// stays off until it is switched on and then runs through storage.sync, and the reveal-all command
// (run through the background's own entry point, as tests/e2e/toolbar.e2e.ts does in Chromium: a
// headless browser cannot press a shortcut) shows the collapsed reply. Then a second site, the
// Mastodon replica on mastodon.social: the unsolicited brand reply collapsed, the friend's post shown.
//
// Firefox has no --host-resolver-rules. Every request goes through a small HTTP CONNECT proxy in this
// file (network.proxy.* prefs) that tunnels the replica hosts to the local HTTPS server and refuses
// anything else, so the pages see the real origins (https://x.com) and nothing leaves the machine.
// The replica's self-signed certificate is accepted through the session's acceptInsecureCerts.
// `npm test` builds dist-firefox in its lint step (npm run lint) before the e2e step runs this file.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startReplicaServer, type ReplicaServer } from './harness';
import { HOME } from './replica/mastodon/data';
import { PATHS, SCENARIO } from './replica/x/data';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST = join(REPO_ROOT, 'dist-firefox');
const ADDON_ID = 'doorman@doorman.invalid';
/** The add-on's moz-extension:// host, fixed by a pref so the test can open its pages. */
const ADDON_UUID = 'd00a3a11-0000-4000-8000-00000000d00a';

interface Proxy {
  port: number;
  /** Hosts asked for that are not replicas (refused). */
  refused: string[];
  close(): Promise<void>;
}

/** A CONNECT-only proxy: replica hosts go to the replica server, everything else gets a 403. */
async function startProxy(server: ReplicaServer): Promise<Proxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((req, res) => {
    refused.push(req.headers.host ?? req.url ?? '');
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const host = (req.url ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!server.hosts.includes(host)) {
      refused.push(host);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(server.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    refused,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      proxy.close(() => resolve());
    }),
  };
}

/** Prefs for a quiet, test-only profile whose every connection goes through the proxy. */
function firefoxPrefs(proxyPort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    // A temporary add-on gets its host permissions without the install prompt a user would see.
    'extensions.originControls.grantByDefault': true,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
}

let server: ReplicaServer;
let proxy: Proxy;
let browser: Browser;
let profile: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`no Firefox build at ${DIST} (run npm run build:firefox)`);
  server = await startReplicaServer();
  proxy = await startProxy(server);
  profile = mkdtempSync(join(tmpdir(), 'doorman-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    extraPrefsFirefox: firefoxPrefs(proxy.port),
    defaultViewport: { width: 1280, height: 900 },
    // Lets the session open the add-on's own pages (moz-extension://), which BiDi refuses otherwise.
    args: ['--remote-allow-system-access'],
  });
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await proxy?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Doorman's mark on the timeline cell holding the post: 'collapse', 'hide', 'show', or null/'missing'. */
async function markOf(page: Page, handle: string, id: string): Promise<string | null> {
  return page.evaluate((h, i) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const cell = link?.closest('[data-testid="cellInnerDiv"]');
    return cell ? cell.getAttribute('data-doorman') : 'missing';
  }, handle, id);
}

describe('Doorman in Firefox ESR', () => {
  it('installs as a temporary add-on', async () => {
    const id = await browser.installExtension(DIST);
    expect(id).toBe(ADDON_ID);
  });

  it('hides the ad and collapses the brand reply on the x.com thread, with no page errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });

    const response = await page.goto(`https://x.com${PATHS.thread}`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('article[data-testid="tweet"]');

    const ad = SCENARIO.threadAd;
    const brand = SCENARIO.unsolicitedBrandReply;
    await expect.poll(() => markOf(page, ad.handle, ad.tweetId), { timeout: 20_000 }).toBe('hide');
    await expect.poll(() => markOf(page, brand.handle, brand.tweetId), { timeout: 20_000 }).toBe('collapse');
    const placeholder = await page.evaluate((h, i) => {
      const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
      return link?.closest('[data-testid="cellInnerDiv"]')?.querySelector('.doorman-placeholder')?.textContent ?? '';
    }, brand.handle, brand.tweetId);
    expect(placeholder).toContain(`@${brand.handle}`);

    expect(errors).toEqual([]);
    expect(server.errors).toEqual([]);

    // The background (an event page in Firefox) badges the tab with what it filtered.
    const filtered = await page.evaluate(() =>
      new Set([...document.querySelectorAll('[data-doorman="collapse"], [data-doorman="hide"]')].map((e) => e.getAttribute('data-doorman-item'))).size);
    const popup = await openPopup();
    const badge = async () => popup.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: FirefoxApi }).browser;
      const tab = (await ext.tabs.query({ url: 'https://x.com/*' }))[0];
      return tab?.id === undefined ? null : await ext.action.getBadgeText({ tabId: tab.id });
    });
    await expect.poll(badge, { timeout: 10_000 }).toBe(String(filtered));
    await popup.close();
  });

  it('syncs only once switched on, then storage.sync holds the settings', async () => {
    const popup = await openPopup();
    const read = async () => popup.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: FirefoxApi }).browser;
      const state = (await ext.storage.local.get('doorman:sync'))['doorman:sync'] as { lastSyncAt?: number } | undefined;
      const keys = Object.keys(await ext.storage.sync.get(null)).filter((k) => k.startsWith('ds:'));
      return { synced: typeof state?.lastSyncAt === 'number', keys: keys.includes('ds:settings') };
    });
    // The startup sync has long run by now (the thread above took seconds): off, it sent nothing.
    expect(await read()).toEqual({ synced: false, keys: false });
    // What the switch (options, first run) writes: the user's choice.
    await popup.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: FirefoxApi }).browser;
      await ext.storage.local.set({ 'doorman:sync': { enabled: true, chosen: true } });
    });
    await expect.poll(read, { timeout: 10_000 }).toEqual({ synced: true, keys: true });
    await popup.close();
  });

  it('the reveal-all command, through the background page, shows the collapsed reply', async () => {
    const [page] = (await browser.pages()).filter((p) => p.url().startsWith('https://x.com/'));
    if (!page) throw new Error('the thread page is gone');
    const brand = SCENARIO.unsolicitedBrandReply;
    const revealed = () => page.evaluate((h, i) => {
      const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
      return link?.closest('[data-doorman="collapse"]')?.hasAttribute('data-doorman-revealed') ?? false;
    }, brand.handle, brand.tweetId);
    expect(await revealed()).toBe(false);
    const popup = await openPopup();
    await popup.evaluate(async () => {
      const ext = (globalThis as unknown as { browser: FirefoxApi }).browser;
      const tab = (await ext.tabs.query({ url: 'https://x.com/*' }))[0];
      const bg = (await ext.runtime.getBackgroundPage()) as unknown as { doormanRunCommand(c: string, t: unknown): Promise<unknown> };
      await bg.doormanRunCommand('reveal-all', tab);
    });
    await expect.poll(revealed, { timeout: 10_000 }).toBe(true);
    await popup.close();
    await page.close();
  });

  it('Mastodon (mastodon.social replica): the brand reply collapses, the friend shows', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    await page.goto('https://mastodon.social/home');
    await page.waitForSelector('body[data-replica-ready]');
    const stateOf = (id: string) => page.evaluate((i) => document.querySelector(`.status[data-id="${i}"]`)?.closest('[data-doorman]')?.getAttribute('data-doorman') ?? 'none', id);
    for (const post of HOME.filter((p) => p.by !== 'goodco')) {
      await expect.poll(() => stateOf(post.id), { timeout: 20_000 }).toBe(post.expect === 'collapsed' ? 'collapse' : 'show');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The popup as a page: an extension page whose `browser` global reaches the add-on's API. */
async function openPopup(): Promise<Page> {
  const popup = await browser.newPage();
  // Firefox never reports this extension page's load over BiDi: go, then wait for its document.
  await popup.goto(`moz-extension://${ADDON_UUID}/src/popup/index.html`, { timeout: 5_000 }).catch(() => undefined);
  await popup.waitForFunction(() => document.readyState === 'complete', { timeout: 10_000 });
  return popup;
}

/** The parts of Firefox's extension API the check above uses, in an extension page. */
interface FirefoxApi {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    sync: { get(keys: null): Promise<Record<string, unknown>> };
  };
  runtime: { getBackgroundPage(): Promise<unknown> };
}

// The context menu on the x.com replica, end to end: a real right-click (playwright's mouse, so the
// page gets a real `contextmenu` event) on an item, then the menu choice. Headless Chromium draws
// no native menu to click, so the choice is made the way the browser makes it: the service worker's
// contextMenus.onClicked event is dispatched there with the menu item's id and the tab. Each of the
// three entries changes what the page shows, through the same stores the popup writes. Last, on a
// Mastodon server added at run time (social.example): the menu's entries are rebuilt for its pages
// (their documentUrlPatterns, as the worker hands them to the browser, include it) and a choice there
// works.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PATHS, SCENARIO } from './replica/x/data';
import { readStore, tabIdFor } from './support/extension';
import { doormanSuite } from './support/suite';

const suite = doormanSuite();

// Chromium's extension API in the service worker, only as much as the test uses.
declare const chrome: {
  tabs: { get(id: number): Promise<unknown> };
  contextMenus: {
    onClicked: { dispatch(info: unknown, tab: unknown): void };
    create(props: { id: string; documentUrlPatterns?: string[] }, done?: () => void): unknown;
  };
};

/** The cell (X's cellInnerDiv) holding the post, by its permalink. */
const cellOf = (handle: string, id: string) =>
  `[data-testid="cellInnerDiv"]:has(a[href="/${handle}/status/${id}"] time)`;

function markOf(page: Page, handle: string, id: string): Promise<string> {
  return page.evaluate((sel) => document.querySelector(sel)?.getAttribute('data-doorman') ?? 'missing', cellOf(handle, id));
}

async function openThread(): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.goto(`https://x.com${PATHS.thread}`);
  await page.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
  await page.waitForTimeout(1_500); // the replica re-renders once; verdicts settle
  return page;
}

/** Right-clicks the item (its placeholder when collapsed), then chooses `menuItemId` for that tab. */
async function choose(page: Page, handle: string, id: string, menuItemId: string): Promise<void> {
  const cell = page.locator(cellOf(handle, id));
  const collapsed = (await markOf(page, handle, id)) === 'collapse';
  await (collapsed ? cell.locator('.doorman-placeholder .doorman-reason') : cell.locator('article [data-testid="tweetText"]')).click({ button: 'right' });
  const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
  const worker = await suite.browser.serviceWorker();
  await worker.evaluate(async ({ tabId, menuItemId, pageUrl }) => {
    const tab = await chrome.tabs.get(tabId);
    chrome.contextMenus.onClicked.dispatch({ menuItemId, frameId: 0, pageUrl, editable: false }, tab);
  }, { tabId, menuItemId, pageUrl: page.url() });
}

describe('context menu on a post (x.com replica)', () => {
  it('"Always allow @author" on a collapsed brand reply: it shows, and the allowlist holds its author by id', async () => {
    const page = await openThread();
    const c = SCENARIO.allowlistCandidateReply;
    expect(await markOf(page, c.handle, c.tweetId)).toBe('collapse');
    await choose(page, c.handle, c.tweetId, 'doorman-allow');
    await expect.poll(() => markOf(page, c.handle, c.tweetId), { timeout: 10_000 }).toBe('show');
    const allow = await readStore<{ site: string; accountId: string; handle: string }>(suite.browser, 'allowlist');
    expect(allow).toEqual(expect.arrayContaining([expect.objectContaining({ site: 'x', accountId: c.authorId, handle: c.handle })]));
    await page.close();
  });

  it('"Not a brand" on a collapsed affiliate reply: it shows (override not-brand)', async () => {
    const page = await openThread();
    const c = SCENARIO.affiliateReply;
    expect(await markOf(page, c.handle, c.tweetId)).toBe('collapse');
    await choose(page, c.handle, c.tweetId, 'doorman-not-brand');
    await expect.poll(() => markOf(page, c.handle, c.tweetId), { timeout: 10_000 }).toBe('show');
    const accounts = await readStore<{ site: string; accountId: string; brand?: string }>(suite.browser, 'accounts');
    expect(accounts.find((a) => a.accountId === c.authorId)?.brand).toBe('not-brand');
    await page.close();
  });

  it('"Treat @author as a brand" on a shown stranger reply: it collapses', async () => {
    const page = await openThread();
    const c = SCENARIO.strangerReply;
    expect(await markOf(page, c.handle, c.tweetId)).toBe('show');
    await choose(page, c.handle, c.tweetId, 'doorman-brand');
    await expect.poll(() => markOf(page, c.handle, c.tweetId), { timeout: 10_000 }).toBe('collapse');
    const reason = await page.locator(`${cellOf(c.handle, c.tweetId)} .doorman-reason`).textContent();
    expect(reason).toContain(`@${c.handle}`);
    await page.close();
  });

  it('a right-click outside any item makes a choice do nothing', async () => {
    const page = await openThread();
    const before = await readStore(suite.browser, 'allowlist');
    await page.locator('[data-testid="sidebarColumn"] footer').click({ button: 'right' });
    const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
    const worker = await suite.browser.serviceWorker();
    await worker.evaluate(async (id) => {
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'doorman-allow', frameId: 0, editable: false }, await chrome.tabs.get(id));
    }, tabId);
    await page.waitForTimeout(500);
    expect(await readStore(suite.browser, 'allowlist')).toEqual(before);
    await page.close();
  });
});

describe('context menu on a Mastodon server added at run time (social.example)', () => {
  const HOST = 'social.example';
  /** The mark on the status's nearest marked ancestor. */
  const markOfStatus = (page: Page, id: string) => page.evaluate((i) =>
    document.querySelector(`.status[data-id="${i}"]`)?.closest('[data-doorman]')?.getAttribute('data-doorman') ?? 'none', id);

  it('the menu covers the new server\'s pages, and "Always allow" there shows the brand reply', async () => {
    const worker = await suite.browser.serviceWorker();
    // Record the patterns each entry is created with (the call goes through to the browser unchanged).
    await worker.evaluate(() => {
      const g = globalThis as unknown as { menuPatterns: Record<string, string[]> };
      g.menuPatterns = {};
      const create = chrome.contextMenus.create.bind(chrome.contextMenus);
      chrome.contextMenus.create = (props, done) => {
        g.menuPatterns[props.id] = props.documentUrlPatterns ?? [];
        return create(props, done);
      };
    });
    // Headless Chromium shows no permission prompt: the host is granted as on chrome://extensions
    // (mastodon.e2e.ts does the same), then the options page's own Add button adds the server.
    const ext = await suite.browser.newPage();
    await ext.goto('chrome://extensions/');
    await ext.evaluate(async ([id, origin]) => {
      const dev = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
      await dev.addHostPermission(id!, origin!);
    }, [suite.browser.extensionId, `https://${HOST}/*`]);
    await ext.close();
    const options = await suite.browser.openExtensionPage('src/options/index.html#sites');
    await options.locator('#server-host').fill(HOST);
    await options.getByRole('button', { name: 'Add server' }).click();
    await options.locator('.servers__host', { hasText: HOST }).waitFor();
    await options.close();

    const patterns = () => worker.evaluate(() => (globalThis as unknown as { menuPatterns: Record<string, string[]> }).menuPatterns);
    await expect.poll(async () => Object.values(await patterns()).filter((p) => p.includes(`https://${HOST}/*`)).length).toBe(3);
    expect(Object.keys(await patterns()).sort()).toEqual(['doorman-allow', 'doorman-brand', 'doorman-not-brand']);

    const page = await suite.browser.newPage();
    await page.goto(`https://${HOST}/home`);
    await page.locator('body[data-replica-ready]').waitFor({ state: 'attached' });
    await expect.poll(() => markOfStatus(page, '1002'), { timeout: 10_000 }).toBe('collapse');
    await page.locator('.status[data-id="1002"]').locator('xpath=ancestor::*[@data-doorman][1]').locator('.doorman-placeholder .doorman-reason').click({ button: 'right' });
    const tabId = await tabIdFor(suite.browser, `https://${HOST}/*`);
    await worker.evaluate(async ({ tabId, pageUrl }) => {
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'doorman-allow', frameId: 0, pageUrl, editable: false }, await chrome.tabs.get(tabId));
    }, { tabId, pageUrl: page.url() });
    await expect.poll(() => markOfStatus(page, '1002'), { timeout: 10_000 }).toBe('show');
    const allow = await readStore<{ site: string; handle: string }>(suite.browser, 'allowlist');
    expect(allow).toEqual(expect.arrayContaining([expect.objectContaining({ site: 'mastodon', handle: expect.stringContaining('acme') })]));
    await page.close();
  });
});


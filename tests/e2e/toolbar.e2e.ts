// The toolbar button and the keyboard commands in Chromium, on the x.com replica: the badge shows as
// many items as the page filtered, the title says what Doorman does there, and the two commands pause
// (and resume) the site and reveal every collapsed item.
//
// A headless browser cannot press an extension shortcut, so the tests run the command the way the
// commands.onCommand listener does: through the service worker's doormanRunCommand (main.ts), called
// with playwright's worker.evaluate and the tab the browser would pass.
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { PATHS, SCENARIO } from './replica/x/data';
import { doormanSuite } from './support/suite';

const suite = doormanSuite({}, { closePagesAfterEach: true });

// The worker-side globals these tests use: Chromium's extension API and Doorman's command entry point.
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number; url?: string }[]> };
  action: {
    getBadgeText(d: { tabId: number }): Promise<string>;
    getTitle(d: { tabId: number }): Promise<string>;
  };
};
declare const doormanRunCommand: (command: string, tab?: { id?: number; url?: string }) => Promise<unknown>;

interface Button { badge: string; title: string }

async function buttonOf(worker: Worker, url: string): Promise<Button> {
  return worker.evaluate(async (href) => {
    const tab = (await chrome.tabs.query({ url: 'https://x.com/*' })).find((t) => t.url === href);
    if (tab?.id === undefined) throw new Error(`no tab at ${href}`);
    return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  }, url);
}

async function runCommand(worker: Worker, command: string, url: string): Promise<unknown> {
  return worker.evaluate(async ([name, href]) => {
    const tab = (await chrome.tabs.query({ url: 'https://x.com/*' })).find((t) => t.url === href);
    return doormanRunCommand(name, tab);
  }, [command, url] as const);
}

/** Items Doorman filtered on the page (collapsed or hidden), counted once per item id. */
async function filteredOnPage(page: Page): Promise<{ collapsed: number; hidden: number; revealed: number }> {
  return page.evaluate(() => {
    const ids = (sel: string) => new Set([...document.querySelectorAll(sel)].map((e) => e.getAttribute('data-doorman-item'))).size;
    return {
      collapsed: ids('[data-doorman="collapse"]'),
      hidden: ids('[data-doorman="hide"]'),
      revealed: ids('[data-doorman="collapse"][data-doorman-revealed]'),
    };
  });
}

async function open(path: string): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.goto(`https://x.com${path}`);
  await page.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
  return page;
}

describe('the toolbar button and the keyboard commands (Chromium)', () => {
  it('badges the number of items the page filtered, and says so in the title', async () => {
    const worker = await suite.browser.serviceWorker();
    const page = await open(PATHS.thread);
    const errors = pageErrors(page);
    // The page re-renders its first cells after load; wait until the marks stop changing.
    await page.waitForTimeout(1_200);
    const onPage = await filteredOnPage(page);
    const total = onPage.collapsed + onPage.hidden;
    console.log(`thread: ${onPage.collapsed} collapsed, ${onPage.hidden} hidden`);
    expect(onPage.collapsed).toBeGreaterThan(0);
    expect(onPage.hidden).toBeGreaterThan(0);
    await expect.poll(async () => (await buttonOf(worker, page.url())).badge, { timeout: 10_000 }).toBe(String(total));
    expect((await buttonOf(worker, page.url())).title).toBe(`Doorman: ${total} filtered on this X page`);
    expect(errors.errors).toEqual([]);
  });

  it('"reveal all" shows every collapsed item and leaves hidden ads hidden', async () => {
    const worker = await suite.browser.serviceWorker();
    const page = await open(PATHS.thread);
    const brand = SCENARIO.unsolicitedBrandReply;
    await page.locator(`a[href="/${brand.handle}/status/${brand.tweetId}"] time`).waitFor({ state: 'attached' });
    await expect.poll(async () => (await filteredOnPage(page)).collapsed, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await filteredOnPage(page);
    expect(before.revealed).toBe(0);
    const outcome = await runCommand(worker, 'reveal-all', page.url());
    expect(outcome).toEqual({ done: 'revealed', count: before.collapsed });
    const after = await filteredOnPage(page);
    expect(after.revealed).toBe(before.collapsed);
    expect(after.hidden).toBe(before.hidden);
    // The brand reply is on screen again, its placeholder offering to collapse it.
    const article = page.locator('article', { has: page.locator(`a[href="/${brand.handle}/status/${brand.tweetId}"] time`) });
    expect(await article.isVisible()).toBe(true);
  });

  it('"pause" stops Doorman on the site (marks gone, grey button, no count); pressed again it resumes', async () => {
    const worker = await suite.browser.serviceWorker();
    const page = await open(PATHS.thread);
    await expect.poll(async () => (await filteredOnPage(page)).collapsed, { timeout: 10_000 }).toBeGreaterThan(0);

    expect(await runCommand(worker, 'toggle-site', page.url())).toEqual({ done: 'paused', site: 'x' });
    await expect.poll(async () => {
      const f = await filteredOnPage(page);
      return f.collapsed + f.hidden;
    }, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => buttonOf(worker, page.url()), { timeout: 10_000 }).toEqual({ badge: '', title: 'Doorman is paused on X' });

    expect(await runCommand(worker, 'toggle-site', page.url())).toEqual({ done: 'resumed', site: 'x' });
    await expect.poll(async () => (await filteredOnPage(page)).collapsed, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await buttonOf(worker, page.url())).badge, { timeout: 10_000 }).not.toBe('');
  });
});

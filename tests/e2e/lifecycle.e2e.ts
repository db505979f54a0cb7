// The content script's lifecycle in real Chromium on the x.com replica: pausing the site in the
// options page stops it (nothing marked, later items untouched) and resuming filters again; an
// extension update under an open tab hands the page to the new instance with no duplicate
// placeholders and no errors, and the new instance (with rules only it knows) filters new items,
// logs them, and answers the popup's "Show on page".
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { PATHS, SCENARIO } from './replica/x/data';
import { readLog, tabIdFor } from './support/extension';
import { bumpVersion, reloadExtension, updatableSetup } from './support/update';
import { doormanSuite } from './support/suite';

/** A copy of dist/ this file updates and a profile with developer mode on, made as the suite starts. */
let setup: { dist: string; userDataDir: string } | undefined;
const suite = doormanSuite(() => (setup = updatableSetup()), {
  closePagesAfterEach: true,
  afterClose: () => { if (setup) rmSync(dirname(setup.dist), { recursive: true, force: true }); },
});

const ARTICLE = 'article[data-testid="tweet"]';

async function openAndSettle(page: Page, path: string): Promise<void> {
  await page.goto(`https://x.com${path}`);
  await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(900);
}

/** What is marked on the page: cells by mark, placeholders, and the most placeholders any one cell has. */
function marks(page: Page) {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
    return {
      marked: document.querySelectorAll('[data-doorman]').length,
      hidden: document.querySelectorAll('[data-doorman="hide"]').length,
      collapsed: document.querySelectorAll('[data-doorman="collapse"]').length,
      placeholders: document.querySelectorAll('.doorman-placeholder').length,
      maxPerCell: Math.max(0, ...cells.map((c) => c.querySelectorAll('.doorman-placeholder').length)),
      articles: document.querySelectorAll('article[data-testid="tweet"]').length,
    };
  });
}

async function cellMark(page: Page, handle: string, id: string): Promise<{ mark: string; reason: string }> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const cell = link?.closest('[data-testid="cellInnerDiv"]');
    return { mark: cell?.getAttribute('data-doorman') ?? (cell ? 'none' : 'missing'), reason: cell?.querySelector('.doorman-reason')?.textContent ?? '' };
  }, [handle, id] as const);
}

/** Scrolls the page's own infinite timeline until it holds at least `n` posts. */
async function scrollUntil(page: Page, n: number): Promise<number> {
  let loaded = 0;
  for (let round = 0; round < 100 && loaded < n; round++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(60);
    loaded = await page.locator(ARTICLE).count();
  }
  return loaded;
}

async function setSiteEnabled(enabled: boolean): Promise<void> {
  const options = await suite.browser.openExtensionPage('src/options/index.html#sites');
  await options.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  const toggle = options.locator('button[role="switch"][data-name="site-x"]');
  if ((await toggle.getAttribute('aria-checked')) !== String(enabled)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe(String(enabled));
  await options.close();
}

const pat = SCENARIO.strangerReply;

async function importMutePat(): Promise<void> {
  const file = {
    format: 'doorman-rules', version: 1, allowlist: [],
    rules: [{ id: 'mute-pat', name: 'Mute Pat', enabled: true, sites: ['x'], when: { type: 'handle', handles: [`@${pat.handle}`] }, then: { class: 'interruption', action: 'collapse' } }],
  };
  const options = await suite.browser.openExtensionPage('src/options/index.html#data');
  await options.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  await options.locator('input[type="file"]').nth(1).setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText(/Imported/).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await options.waitForTimeout(300);
  await options.close();
}

describe('pausing and resuming the site', () => {
  it('pausing stops the observer and clears every mark; items inserted later stay untouched; resuming filters again', async () => {
    const page = await suite.browser.newPage();
    const errors = pageErrors(page);
    await openAndSettle(page, PATHS.home);
    const before = await marks(page);
    expect(before.hidden).toBeGreaterThanOrEqual(1);

    await setSiteEnabled(false);
    await expect.poll(async () => (await marks(page)).marked).toBe(0);
    expect((await marks(page)).placeholders).toBe(0);
    // The page's own infinite scroll inserts new items: none is touched while paused.
    const loaded = await scrollUntil(page, before.articles + 30);
    expect(loaded).toBeGreaterThan(before.articles);
    await page.waitForTimeout(300);
    expect(await marks(page)).toMatchObject({ marked: 0, placeholders: 0 });

    await setSiteEnabled(true);
    // Resumed: everything on the page now is decided again, including what arrived while paused.
    await expect.poll(async () => (await marks(page)).marked).toBe(loaded);
    const resumed = await marks(page);
    expect(resumed.hidden).toBeGreaterThan(before.hidden);
    expect(resumed.maxPerCell).toBe(1);
    const more = await scrollUntil(page, loaded + 20);
    await expect.poll(async () => (await marks(page)).marked).toBe(more);
    expect(errors.errors).toEqual([]);
  });
});

describe('an extension update under an open tab', () => {
  it('the new instance takes the page over: same verdicts, no duplicate placeholders, no errors, its rules decide new items', async () => {
    const page = await suite.browser.newPage();
    const errors = pageErrors(page);
    await openAndSettle(page, PATHS.thread);
    const before = await marks(page);
    // Brand replies are collapsed on facts from the page's API responses, which the page will not send again.
    expect(before.collapsed).toBeGreaterThanOrEqual(2);
    // Tag the old instance's placeholders (from the page's world) to see them replaced.
    await page.evaluate(() => document.querySelectorAll('.doorman-placeholder').forEach((p) => p.setAttribute('data-e2e-old', '')));

    const version = bumpVersion(setup!.dist); // made in the suite's beforeAll
    await reloadExtension(suite.browser, version);
    // The new content script, injected by the new worker, retires the orphan and re-marks in place.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-e2e-old]').length), { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => (await marks(page)).placeholders).toBe(before.placeholders);
    const after = await marks(page);
    expect(after).toMatchObject({ marked: before.marked, hidden: before.hidden, collapsed: before.collapsed, maxPerCell: 1 });

    // The page keeps working: its own in-app navigation and infinite scroll, every new item decided.
    await page.locator('nav a[href="/home"]').first().click();
    await page.waitForURL('**/home');
    await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
    const loaded = await scrollUntil(page, 60);
    expect(loaded).toBeGreaterThanOrEqual(60);
    await expect.poll(async () => (await marks(page)).marked).toBe(loaded);
    // A rule only the new instance knows decides the items the next navigation inserts.
    await importMutePat();
    await page.locator('nav a[href="/notifications"]').first().click();
    await page.waitForURL('**/notifications');
    await expect.poll(() => cellMark(page, pat.handle, pat.tweetId)).toEqual({ mark: 'collapse', reason: 'Collapsed by your rule “Mute Pat”' });
    expect((await marks(page)).maxPerCell).toBe(1);

    // What the new instance filters is logged…
    // (as data: the sentence id and its parameters, worded wherever it is shown)
    await expect.poll(async () => (await readLog(suite.browser)).filter((e) => e.itemId === pat.tweetId).map((e) => e.why), { timeout: 10_000 })
      .toEqual([{ say: 'rule', rule: 'Mute Pat', action: 'collapse' }]);
    // …and the popup's "Show on page" reaches it (the new instance answers; the orphan is gone).
    const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
    const popup = await suite.browser.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    const popupErrors = pageErrors(popup);
    await popup.locator('.recent__item', { hasText: `@${pat.handle}` }).first().getByRole('button', { name: 'Show on page' }).click();
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('Shown on the page');
    await expect.poll(() => page.evaluate(([h, i]) => {
      const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
      return ((link?.closest('article') as HTMLElement | null)?.offsetHeight ?? 0) > 0;
    }, [pat.handle, pat.tweetId] as const)).toBe(true);
    expect((await marks(page)).maxPerCell).toBe(1);
    expect(popupErrors.errors).toEqual([]);
    await popup.close();
    expect(errors.errors).toEqual([]);
  });
});

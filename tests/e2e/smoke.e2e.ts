// Smoke: the built extension loads into Chromium, the x.com replica is reached over HTTPS through
// the host mapping, the home timeline renders from X-shaped XHR responses, infinite scroll
// appends more, and neither the page nor the replica reports an error. Filtering itself is
// asserted elsewhere (the lead's tests use this harness and the scenario in replica/x/data.ts).
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { PAGING, PATHS } from './replica/x/data';
import { doormanSuite } from './support/suite';

const suite = doormanSuite();

const ARTICLES = '[data-testid="primaryColumn"] article[data-testid="tweet"]';

describe('Doorman on the x.com replica', () => {
  it('starts the extension service worker', async () => {
    expect(suite.browser.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await suite.browser.serviceWorker();
    expect(worker.url()).toContain(`chrome-extension://${suite.browser.extensionId}/`);
  });

  it('renders the home timeline over HTTPS from XHR, appends on scroll, and logs no errors', async () => {
    const page = await suite.browser.newPage();
    const errors = pageErrors(page);
    const xhrs: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'xhr') xhrs.push(new URL(r.url()).pathname); });

    const response = await page.goto(`https://x.com${PATHS.home}`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe('https://x.com/home');
    expect(await page.evaluate(() => location.protocol)).toBe('https:');

    // The first page: ten entries, one of them a two-post conversation module.
    await page.locator(ARTICLES).nth(PAGING.homePageSize).waitFor({ state: 'attached' });
    const first = await page.locator(ARTICLES).count();
    expect(first).toBe(PAGING.homePageSize + 1);
    expect(xhrs.filter((p) => p.endsWith('/HomeTimeline'))).toHaveLength(1);

    // Scrolling to the bottom fetches the next cursor page and appends its cells.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.locator(ARTICLES).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(first + PAGING.homePageSize);
    expect(suite.server.apiCalls('HomeTimeline').length).toBeGreaterThanOrEqual(2);
    expect(suite.server.apiCalls('HomeTimeline').every((r) => r.status === 200)).toBe(true);

    // Let late work (the extension's batches, the page's live counters) run before judging.
    await page.waitForTimeout(1_000);
    expect(errors.errors).toEqual([]);
    expect(suite.server.errors).toEqual([]);
    await page.close();
  });

  it('relaunches on the same profile with the same extension', async () => {
    const id = suite.browser.extensionId;
    const profile = suite.browser.userDataDir;
    await suite.browser.closeAndReopen();
    expect(suite.browser.extensionId).toBe(id);
    expect(suite.browser.userDataDir).toBe(profile);
    const page = await suite.browser.newPage();
    await page.goto(`https://x.com${PATHS.home}`);
    await page.locator(ARTICLES).first().waitFor();
    await page.close();
  });
});

// Smoke: the built extension loads into Chromium, the x.com replica is reached over HTTPS through
// the host mapping, the home timeline renders from X-shaped XHR responses, infinite scroll
// appends more, and neither the page nor the replica reports an error. Filtering itself is
// asserted elsewhere (the lead's tests use this harness and the scenario in replica/x/data.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDoorman, pageErrors, startReplicaServer, type DoormanBrowser, type ReplicaServer } from './harness';
import { PAGING, PATHS } from './replica/x/data';

let server: ReplicaServer;
let browser: DoormanBrowser;

beforeAll(async () => {
  server = await startReplicaServer();
  browser = await launchDoorman({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ARTICLES = '[data-testid="primaryColumn"] article[data-testid="tweet"]';

describe('Doorman on the x.com replica', () => {
  it('starts the extension service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await browser.serviceWorker();
    expect(worker.url()).toContain(`chrome-extension://${browser.extensionId}/`);
  });

  it('renders the home timeline over HTTPS from XHR, appends on scroll, and logs no errors', async () => {
    const page = await browser.newPage();
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
    expect(server.apiCalls('HomeTimeline').length).toBeGreaterThanOrEqual(2);
    expect(server.apiCalls('HomeTimeline').every((r) => r.status === 200)).toBe(true);

    // Let late work (the extension's batches, the page's live counters) run before judging.
    await page.waitForTimeout(1_000);
    expect(errors.errors).toEqual([]);
    expect(server.errors).toEqual([]);
    await page.close();
  });

  it('relaunches on the same profile with the same extension', async () => {
    const id = browser.extensionId;
    const profile = browser.userDataDir;
    await browser.closeAndReopen();
    expect(browser.extensionId).toBe(id);
    expect(browser.userDataDir).toBe(profile);
    const page = await browser.newPage();
    await page.goto(`https://x.com${PATHS.home}`);
    await page.locator(ARTICLES).first().waitFor();
    await page.close();
  });
});

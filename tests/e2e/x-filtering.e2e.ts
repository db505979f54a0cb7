// Doorman end to end on the x.com replica: the built dist/ in Chromium, the replica's real markup
// and real API shapes over XHR. Checks what a user would see, item by item.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { HOME_PAGE_2_AD, PATHS, SCENARIO, type Expected, type ReplicaPage } from './replica/x/data';
import { readLog, readStore, tabHealth } from './support/extension';
import { doormanSuite } from './support/suite';

// A failed test must not leave its tab behind for the next one to find.
const suite = doormanSuite({}, { closePagesAfterEach: true });

const ARTICLE = 'article[data-testid="tweet"]';

/** What Doorman did to the cell holding the post with this id: 'shown' | 'collapsed' | 'hidden' | 'unmarked'. */
async function stateOf(page: Page, handle: string, id: string): Promise<string> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const cell = link?.closest('[data-testid="cellInnerDiv"]');
    if (!cell) return 'missing';
    const mark = cell.getAttribute('data-doorman');
    return mark === 'collapse' ? 'collapsed' : mark === 'hide' ? 'hidden' : mark === 'show' ? 'shown' : `unmarked:${mark}`;
  }, [handle, id] as const);
}

async function placeholderText(page: Page, handle: string, id: string): Promise<string> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    return link?.closest('[data-testid="cellInnerDiv"]')?.querySelector('.doorman-placeholder')?.textContent ?? '';
  }, [handle, id] as const);
}

/** Whether the post is laid out and visible to a person (not display:none, has height). */
async function isVisible(page: Page, handle: string, id: string): Promise<boolean> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const article = link?.closest('article') as HTMLElement | undefined;
    return !!article && article.offsetHeight > 0 && getComputedStyle(article).visibility !== 'hidden';
  }, [handle, id] as const);
}

const EXPECT: Record<Expected, string> = { shown: 'shown', collapsed: 'collapsed', hidden: 'hidden' };

async function openAndSettle(page: Page, path: string): Promise<void> {
  await page.goto(`https://x.com${path}`);
  await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
  // The page re-renders its first cells ~600 ms after load; let that and Doorman's batches settle.
  await page.waitForTimeout(900);
}

function casesOn(where: ReplicaPage) {
  return Object.entries(SCENARIO).filter(([, c]) => (c.pages as readonly string[]).includes(where));
}

describe('Doorman on the x.com replica (Balanced, defaults)', () => {
  for (const where of ['thread', 'mentions', 'notifications', 'home'] as const) {
    it(`decides every scenario item on ${where} as expected, with no page errors`, async () => {
      const page = await suite.browser.newPage();
      const errors = pageErrors(page);
      await openAndSettle(page, PATHS[where]);
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const [key, c] of casesOn(where)) {
        got[key] = await stateOf(page, c.handle, c.tweetId);
        want[key] = EXPECT[c.balanced];
      }
      expect(got).toEqual(want);
      for (const [, c] of casesOn(where)) {
        expect(await isVisible(page, c.handle, c.tweetId)).toBe(c.balanced === 'shown');
      }
      expect(errors.errors).toEqual([]);
      await page.close();
    });
  }

  it('states the reason on the placeholder', async () => {
    const page = await suite.browser.newPage();
    await openAndSettle(page, PATHS.thread);
    const acme = SCENARIO.unsolicitedBrandReply;
    expect(await placeholderText(page, acme.handle, acme.tweetId)).toMatch(
      /Reply under your post from @acmecorp, a brand you don't follow \(verified organisation, .*\)/,
    );
    const sam = SCENARIO.affiliateReply;
    expect(await placeholderText(page, sam.handle, sam.tweetId)).toContain('affiliated with an organisation');
    await openAndSettle(page, PATHS.mentions);
    const mega = SCENARIO.brandMention;
    expect(await placeholderText(page, mega.handle, mega.tweetId)).toMatch(/^Doorman.*Mention from @shopmegamart, a brand you don't follow/);
    await page.close();
  });

  it('"Show" reveals that item alone, by mouse and by keyboard', async () => {
    const page = await suite.browser.newPage();
    await openAndSettle(page, PATHS.thread);
    const acme = SCENARIO.unsolicitedBrandReply;
    const sam = SCENARIO.affiliateReply;
    const cell = page.locator('[data-testid="cellInnerDiv"]', { has: page.locator(`a[href="/${acme.handle}/status/${acme.tweetId}"] time`) });
    const button = cell.getByRole('button', { name: 'Show' });
    await button.click();
    expect(await isVisible(page, acme.handle, acme.tweetId)).toBe(true);
    expect(page.url()).toContain(PATHS.thread); // the click did not open the post
    expect(await isVisible(page, sam.handle, sam.tweetId)).toBe(false);
    // Collapse again with the keyboard: the same button, now saying "Collapse".
    const toggle = cell.locator('.doorman-placeholder button');
    expect(await toggle.textContent()).toBe('Collapse');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await isVisible(page, acme.handle, acme.tweetId)).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(page.url()).toContain(PATHS.thread); // Enter did not reach the page's "open post" shortcut
    await page.close();
  });

  it("j/k skip collapsed and hidden items (the site's own shortcuts)", async () => {
    const page = await suite.browser.newPage();
    const errors = pageErrors(page);
    await openAndSettle(page, PATHS.thread);
    const focusedIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('j');
      focusedIds.push(await page.evaluate(() => {
        const a = document.activeElement?.closest('article');
        return a?.querySelector('a[href*="/status/"] time')?.closest('a')?.getAttribute('href') ?? '';
      }));
    }
    const hiddenIds = [SCENARIO.unsolicitedBrandReply.tweetId, SCENARIO.affiliateReply.tweetId, SCENARIO.threadAd.tweetId];
    expect(focusedIds.filter((h) => h !== '').length).toBeGreaterThan(3);
    for (const id of hiddenIds) expect(focusedIds.some((h) => h.endsWith(`/${id}`))).toBe(false);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('keeps every verdict right across in-app navigation and 500+ items of infinite scroll', async () => {
    const page = await suite.browser.newPage();
    const errors = pageErrors(page);
    await openAndSettle(page, PATHS.notifications);
    // In-app navigation (history.pushState), as X does: Home from the nav bar.
    await page.locator('nav a[href="/home"]').first().click();
    await page.waitForURL('**/home');
    await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
    const before = suite.server.apiCalls('HomeTimeline').length;
    let loaded = 0;
    for (let round = 0; round < 200 && loaded < 520; round++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(60);
      loaded = await page.locator(ARTICLE).count();
    }
    expect(loaded).toBeGreaterThanOrEqual(520);
    await page.waitForTimeout(500);
    const verdicts = await page.evaluate(() => [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => {
      const cell = a.closest('[data-testid="cellInnerDiv"]');
      const ad = !!a.closest('[data-testid="placementTracking"]');
      return { ad, mark: cell?.getAttribute('data-doorman') ?? null };
    }));
    const ads = verdicts.filter((v) => v.ad);
    expect(ads.length).toBeGreaterThanOrEqual(10);
    expect(ads.every((v) => v.mark === 'hide')).toBe(true);
    expect(verdicts.filter((v) => !v.ad).every((v) => v.mark === 'show')).toBe(true);
    expect(await stateOf(page, HOME_PAGE_2_AD.handle, HOME_PAGE_2_AD.tweetId)).toBe('hidden');
    // Collapsing keeps the page's height, so scrolling fetched about one page per scroll, no flood.
    const fetched = suite.server.apiCalls('HomeTimeline').length - before;
    expect(fetched).toBeLessThanOrEqual(Math.ceil(loaded / 10) + 3);
    expect(errors.errors).toEqual([]);
    expect(suite.server.errors).toEqual([]);
    await page.close();
  });

  it('logs exactly the filtered items, once each', async () => {
    const page = await suite.browser.newPage();
    await openAndSettle(page, PATHS.thread);
    await page.reload(); // the same items again must not be logged twice
    await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
    await page.waitForTimeout(2_500); // the content script flushes its batch after 1 s
    const log = await readLog(suite.browser);
    const ids = log.map((e) => `${e.site}:${e.itemId}`);
    expect(new Set(ids).size).toBe(ids.length);
    const threadFiltered = [SCENARIO.unsolicitedBrandReply, SCENARIO.affiliateReply, SCENARIO.allowlistCandidateReply, SCENARIO.threadAd];
    for (const c of threadFiltered) expect(ids).toContain(`x:${c.tweetId}`);
    const threadShown = [SCENARIO.followedReply, SCENARIO.strangerReply, SCENARIO.paidBadgeStrangerReply];
    for (const c of threadShown) expect(ids).not.toContain(`x:${c.tweetId}`);
    const acme = log.find((e) => e.itemId === SCENARIO.unsolicitedBrandReply.tweetId)!;
    expect(acme).toMatchObject({ handle: 'acmecorp', action: 'collapse', reasonCode: 'brand-reply', kind: 'reply', context: 'thread', authorId: SCENARIO.unsolicitedBrandReply.authorId });
    const ad = log.find((e) => e.itemId === SCENARIO.threadAd.tweetId)!;
    expect(ad).toMatchObject({ action: 'hide', reasonCode: 'ad' });
    await page.close();
  });

  it('reports health to the popup: working, with counts by reason', async () => {
    const page = await suite.browser.newPage();
    await openAndSettle(page, PATHS.thread);
    await page.waitForTimeout(500);
    const health = await tabHealth(suite.browser, page.url());
    expect(health).toMatchObject({ site: 'x', status: 'working' });
    expect(health?.counts['brand-reply']).toBeGreaterThanOrEqual(2);
    expect(health?.counts.ad).toBe(1);
    await page.close();
  });

  for (const variant of ['drift', 'drift-text'] as const) {
    it(`with changed markup (${variant}) leaves every item visible and reports "degraded"`, async () => {
      const page = await suite.browser.newPage();
      const errors = pageErrors(page);
      await page.goto(`https://x.com${PATHS.thread}?variant=${variant}`);
      await page.locator('article').first().waitFor({ state: 'attached' });
      await page.waitForTimeout(2_500); // drift is judged 1.5 s after the page settles
      const marked = await page.evaluate(() => document.querySelectorAll('[data-doorman="collapse"],[data-doorman="hide"],[data-doorman="pending"]').length);
      expect(marked).toBe(0);
      const invisible = await page.evaluate(() => [...document.querySelectorAll('[data-testid="primaryColumn"] article')]
        .filter((a) => (a as HTMLElement).offsetHeight === 0).length);
      expect(invisible).toBe(0);
      const health = await tabHealth(suite.browser, page.url());
      expect(health?.status).toBe('degraded');
      expect(health?.detail.length).toBeGreaterThan(10);
      expect(errors.errors).toEqual([]);
      await page.goto(`https://x.com${PATHS.thread}?variant=normal`);
      await page.close();
    });
  }

  it('learns follows from the page into the follow graph', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`https://x.com${PATHS.following}`);
    await page.locator('[data-testid="UserCell"]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(3_000); // follows are batched for 2 s
    const follows = await readStore<{ site: string; handle: string; source: string }>(suite.browser, 'follows');
    expect(follows.some((f) => f.site === 'x' && f.handle === SCENARIO.followedReply.handle)).toBe(true);
    expect(follows.some((f) => f.source === 'following-list')).toBe(true);
    expect(follows.some((f) => f.handle === SCENARIO.unsolicitedBrandReply.handle)).toBe(false);
    await page.close();
  });
});

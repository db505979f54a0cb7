// Doorman end to end on the www.linkedin.com replica: the built dist/ in Chromium, the app's Voyager
// calls read through fetch (each response held open `lag` ms after its JSON, so the DOM comes before
// the facts), the signed-in member from the <code> block the initial HTML embeds. Checks what a user
// would see item by item — Promoted and "Promoted by" updates hidden, company pages the user doesn't
// follow collapsed with their reason, connections' and followed posts shown, an allowlisted company
// shown, the network's suggestions and the platform's recommendations labelled, a Sponsored message
// hidden, only ads hidden on a company's own page — that no interruption is ever painted (Element
// Timing), that no page error happens, and that follows are learned from the user's own lists.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import {
  ALLOWLIST, COMPANY_FEED, CONVERSATIONS, HOME_FEED, LEARNED, NOTIFICATIONS, PATHS, urnOf, type Expected,
} from './replica/linkedin/data';
import { importAllowlist, readLog, readStore } from './support/extension';
import { instrumentPaint, paintReport } from './support/paint';
import { doormanSuite } from './support/suite';

const suite = doormanSuite({}, { closePagesAfterEach: true });

beforeAll(async () => {
  // Good Coffee is a company the user lets in: imported in the options page as a user would.
  await importAllowlist(suite.browser, ALLOWLIST);
});

const ITEM = 'div.feed-shared-update-v2[data-urn], article.nt-card, li.msg-conversation-listitem';

/** What Doorman did to the item whose text has this key. */
function stateOf(page: Page, key: string): Promise<string> {
  return page.evaluate(([sel, k]) => {
    const root = document.querySelector(`[elementtiming="${k}"]`)?.closest(sel);
    if (!root) return 'missing';
    const mark = root.getAttribute('data-doorman');
    return mark === 'collapse' ? 'collapsed' : mark === 'hide' ? 'hidden' : mark === 'label' ? 'labelled' : mark === 'show' ? 'shown' : `unmarked:${String(mark)}`;
  }, [ITEM, key] as const);
}

const reasonOf = (page: Page, key: string): Promise<string> =>
  page.evaluate(([sel, k]) => document.querySelector(`[elementtiming="${k}"]`)?.closest(sel)?.querySelector('.doorman-reason')?.textContent ?? '', [ITEM, key] as const);

async function openAndSettle(page: Page, path: string): Promise<void> {
  await page.goto(`https://www.linkedin.com${path}`);
  await page.locator(ITEM).first().waitFor({ state: 'attached' });
  // The page's Voyager response read to its end (its facts delivered), then a frame or two.
  await page.waitForFunction(() => (window as unknown as { __voyagerDone: number }).__voyagerDone >= 1);
  await page.waitForTimeout(300);
}

const CASES: Record<keyof typeof PATHS, Array<{ key: string; expect: Expected }>> = {
  home: HOME_FEED.map((u) => ({ key: u.key, expect: u.expect.home! })),
  company: COMPANY_FEED.map((u) => ({ key: u.key, expect: u.expect.company! })),
  notifications: NOTIFICATIONS.map((n) => ({ key: n.key, expect: n.expect })),
  messaging: CONVERSATIONS.map((c) => ({ key: c.key, expect: c.expect })),
};

describe('Doorman on the www.linkedin.com replica (Balanced, defaults, Good Coffee Co. allowed)', () => {
  for (const where of ['home', 'company', 'notifications', 'messaging'] as const) {
    it(`decides every item on ${where} as expected, paints no interruption, leaves nothing pending, no page errors`, async () => {
      const page = await suite.browser.newPage();
      await instrumentPaint(page);
      const errors = pageErrors(page);
      await openAndSettle(page, PATHS[where]);
      const got: Record<string, string> = {};
      const want: Record<string, Expected> = {};
      for (const c of CASES[where]) {
        got[c.key] = await stateOf(page, c.key);
        want[c.key] = c.expect;
      }
      expect(got).toEqual(want);
      const report = await paintReport(page, ITEM);
      process.stdout.write(`[linkedin ${where}] ${JSON.stringify(report)}\n`);
      expect(report.interruptions).toBe(Object.values(want).filter((w) => w === 'collapsed' || w === 'hidden').length);
      expect(report.interruptionsPainted).toBe(0);
      expect(report.painted).toBeGreaterThan(0);
      expect(report.stillPending).toBe(0);
      expect(errors.errors).toEqual([]);
    });
  }

  it('says why: company pages you do not follow, ads and who paid, the network and the platform', async () => {
    const page = await suite.browser.newPage();
    await openAndSettle(page, PATHS.home);
    expect(await reasonOf(page, 'acmeLiked')).toBe("Update from Acme Outlet, a company page you don't follow");
    expect(await reasonOf(page, 'nilsPromo')).toBe('Hidden: ad promoted by @nils-berg');
    expect(await reasonOf(page, 'acmeAd')).toBe('Hidden: ad promoted by @company/acme-outlet');
    expect(await reasonOf(page, 'hanaSuggested')).toBe("Suggested by your network: someone you know reacted or commented, but you don't follow Hana Ito");
    expect(await reasonOf(page, 'jobs')).toBe('Recommended by LinkedIn, not by anyone you follow');
    await expect.poll(async () => (await readLog(suite.browser)).filter((e) => e.site === 'linkedin').map((e) => e.handle))
      .toEqual(expect.arrayContaining(['company/acme-outlet', 'nils-berg']));
    const log = (await readLog(suite.browser)).filter((e) => e.site === 'linkedin');
    // Connections, followed members and pages, the allowed company: never in the filtered log.
    expect(log.some((e) => ['sam-rivera', 'pat-kim', 'company/goodcoffee', 'company/dailynews'].includes(e.handle))).toBe(false);
  });

  it('learns follows from the connections and Following pages the user visits', async () => {
    const page = await suite.browser.newPage();
    await page.goto('https://www.linkedin.com/mynetwork/invite-connect/connections/');
    await page.locator('.mn-connection-card').first().waitFor({ state: 'attached' });
    // The list's facts trail its cards (the replica holds each response open): let them all arrive.
    await page.waitForLoadState('networkidle');
    await page.goto('https://www.linkedin.com/mynetwork/network-manager/people-follow/following/');
    await page.locator('.mn-connection-card').first().waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    await page.goto('about:blank'); // leaving the page sends what the learner queued
    const want = [LEARNED.connection, ...LEARNED.followed].map(urnOf).sort();
    await expect.poll(async () => {
      const rows = await readStore<{ site: string; accountId: string; source: string }>(suite.browser, 'follows');
      return rows.filter((r) => r.site === 'linkedin' && r.source === 'following-list').map((r) => r.accountId).sort();
    }, { timeout: 15_000 }).toEqual(expect.arrayContaining(want));
  });
});

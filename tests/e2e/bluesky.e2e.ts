// Doorman end to end on the bsky.app replica: the built dist/ in Chromium, the app's XRPC calls to
// the user's PDS (another origin) read through fetch, and the DOM of each response rendered before
// Doorman's reader has its facts (the replica holds each response open `lag` ms after the JSON).
// Checks what a user would see, item by item, that no interruption is ever painted (Element Timing),
// and that nothing waits for facts past Doorman's deadline.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { ALLOWLIST, HOME_FEED, PATHS, POSTS, PEOPLE, postByKey, type Expected, type ReplicaPage } from './replica/bluesky/data';
import { importAllowlist, readLog } from './support/extension';
import { instrumentPaint, paintReport } from './support/paint';
import { doormanSuite } from './support/suite';

const suite = doormanSuite({}, { closePagesAfterEach: true });

beforeAll(async () => {
  // Good Coffee is a brand the user lets in: imported in the options page as a user would.
  await importAllowlist(suite.browser, ALLOWLIST);
});


const ITEM = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';

/** What Doorman did to the item whose text has this record key. */
async function stateOf(page: Page, rkey: string): Promise<string> {
  return page.evaluate(([sel, k]) => {
    const root = document.querySelector(`[elementtiming="${k}"]`)?.closest(sel);
    if (!root) return 'missing';
    const mark = root.getAttribute('data-doorman');
    return mark === 'collapse' ? 'collapsed' : mark === 'hide' ? 'hidden' : mark === 'show' ? 'shown' : `unmarked:${String(mark)}`;
  }, [ITEM, rkey] as const);
}

async function reasonOf(page: Page, rkey: string): Promise<string> {
  return page.evaluate(([sel, k]) =>
    document.querySelector(`[elementtiming="${k}"]`)?.closest(sel)?.querySelector('.doorman-reason')?.textContent ?? '', [ITEM, rkey] as const);
}

async function openAndSettle(page: Page, path: string): Promise<void> {
  await page.goto(`https://bsky.app${path}`);
  await page.locator(ITEM).first().waitFor({ state: 'attached' });
  // Every XRPC response the page read to its end (its facts delivered), then a frame or two.
  await page.waitForFunction(() => (window as unknown as { __xrpcDone: number }).__xrpcDone >= 2);
  await page.waitForTimeout(300);
}

const casesOn = (where: ReplicaPage) => POSTS.filter((p) => p.expect[where] !== undefined);

describe('Doorman on the bsky.app replica (Balanced, defaults, @goodcoffee.com allowed)', () => {
  for (const where of ['home', 'thread', 'notifications', 'search', 'profile'] as const) {
    it(`decides every scenario item on ${where} as expected, paints no interruption, leaves nothing pending`, async () => {
      const page = await suite.browser.newPage();
      await instrumentPaint(page);
      const errors = pageErrors(page);
      await openAndSettle(page, PATHS[where]);
      const got: Record<string, string> = {};
      const want: Record<string, Expected> = {};
      for (const p of casesOn(where)) {
        got[p.key] = await stateOf(page, p.rkey);
        want[p.key] = p.expect[where]!;
      }
      expect(got).toEqual(want);
      const report = await paintReport(page, ITEM);
      process.stdout.write(`[bsky ${where}] ${JSON.stringify(report)}\n`);
      expect(report.interruptionsPainted).toBe(0);
      expect(report.painted).toBeGreaterThan(0);
      // None waits still. (Whether items waited at all depends on the race, which a loaded machine can
      // turn round; the late-facts test below makes it certain.)
      expect(report.stillPending).toBe(0);
      expect(errors.errors).toEqual([]);
    });
  }

  it('says why: brand replies under your post and brand mentions, with their signals', async () => {
    const page = await suite.browser.newPage();
    await openAndSettle(page, PATHS.thread);
    expect(await reasonOf(page, postByKey('acmeReply').rkey))
      .toMatch(/^Reply under your post from @acme-outlet\.com, a brand you don't follow \(.*domain handle.*\)$/);
    // Pat, who is no brand, replying in the thread the viewer started is an interaction: shown.
    expect(await stateOf(page, postByKey('patReply').rkey)).toBe('shown');
    await openAndSettle(page, PATHS.notifications);
    expect(await reasonOf(page, postByKey('acmeMention').rkey)).toMatch(/^Mention from @acme-outlet\.com, a brand you don't follow/);
    // A labeler (an automated account) you don't follow, mentioning you: Balanced counts it as a brand signal.
    expect(await reasonOf(page, postByKey('botMention').rkey)).toMatch(/^Mention from @alerts\.example\.net, a brand you don't follow \(automated account/);
    expect(await reasonOf(page, postByKey('megaQuote').rkey)).toMatch(/^Quote from @megacorp\.com/);
    await expect.poll(async () => (await readLog(suite.browser)).filter((e) => e.site === 'bsky').map((e) => e.handle).sort())
      .toEqual(expect.arrayContaining(['acme-outlet.com', 'alerts.example.net', 'megacorp.com']));
    const log = (await readLog(suite.browser)).filter((e) => e.site === 'bsky');
    expect(log.some((e) => e.handle === PEOPLE.good.handle || e.handle === PEOPLE.pat.handle || e.handle === PEOPLE.sam.handle)).toBe(false);
  });

  it('facts later than the deadline: items are decided without them (shown), then re-decided when they come', async () => {
    const page = await suite.browser.newPage();
    await instrumentPaint(page);
    const reply = postByKey('acmeHomeReply').rkey;
    await page.goto('https://bsky.app/?lag=5000');
    await page.locator(ITEM).first().waitFor({ state: 'attached' });
    // Nothing pending any more, while no response has ended yet: released by the deadline alone.
    await page.waitForFunction(() => document.querySelector('[data-doorman]') !== null && document.querySelector('[data-doorman="pending"]') === null);
    expect(await page.evaluate(() => (window as unknown as { __xrpcDone: number }).__xrpcDone)).toBe(0);
    expect(await stateOf(page, reply)).toBe('shown'); // unknown follow state fails open
    await page.waitForFunction(() => (window as unknown as { __xrpcDone: number }).__xrpcDone >= 2, undefined, { timeout: 15_000 });
    await expect.poll(() => stateOf(page, reply)).toBe('collapsed');
    const report = await paintReport(page, ITEM);
    process.stdout.write(`[bsky late facts] ${JSON.stringify(report)}\n`);
    // They did wait: the DOM was there 5 s before the facts, and every post but the repost (whose
    // verdict no fact can change) waited once.
    expect(report.everPending).toBe(HOME_FEED.filter((k) => postByKey(k).repostedBy === undefined).length);
    expect(report.stillPending).toBe(0);
  });
});

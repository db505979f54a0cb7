// The x.com replica itself, without Doorman: its API speaks X's shapes, its markup is X's where
// adapters look, and it behaves like the host page Doorman must not break (SPA navigation,
// infinite scroll, j/k over visible posts only, cells re-rendered in place, no errors). The lean
// replica (lean/) renders the same post markup, plainly, for benchmarks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDoorman, pageErrors, startReplicaServer, type DoormanBrowser, type ErrorCollector, type ReplicaServer } from '../harness';
import { leanId, leanKind, leanTimeline } from './lean/data';
import { CAPTURED_THREAD, IDS, PAGING, PATHS, REPOST, SCENARIO, USERS, type ScenarioCase } from './x/data';
import { notificationsResponse } from './x/notifications';
import { GRAPHQL_OPERATIONS } from './x/timelines';

let server: ReplicaServer;
let browser: DoormanBrowser;
let page: Page;
let errors: ErrorCollector;

beforeAll(async () => {
  server = await startReplicaServer();
  browser = await launchDoorman({ server, dist: null });
  page = await browser.newPage();
  errors = pageErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ARTICLE = 'article[data-testid="tweet"]';
const open = async (path: string, waitFor = ARTICLE) => {
  await page.goto(`https://x.com${path}`);
  await page.locator(waitFor).first().waitFor();
};
const articleOf = (c: Pick<ScenarioCase, 'handle' | 'tweetId'>) =>
  page.locator(ARTICLE, { has: page.locator(`a[href="/${c.handle}/status/${c.tweetId}"] time`) });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking test JSON

describe('replica API shapes', () => {
  const now = Date.now();
  const entriesOf = (j: Json) => (j.data.home.home_timeline_urt.instructions as Json[]).find((i) => i.type === 'TimelineAddEntries')!.entries as Json[];

  it('serves HomeTimeline pages with promoted entries and both user schemas', () => {
    const first = entriesOf(GRAPHQL_OPERATIONS.HomeTimeline!({}, now));
    const ad = first.find((e) => String(e.entryId).startsWith('promoted-tweet-'))!;
    expect(ad.content.itemContent.promotedMetadata.advertiser_results.result.rest_id).toBe(SCENARIO.homeAd.authorId);
    const alice = first.find((e) => e.entryId === `tweet-${IDS.alicePost}`)!.content.itemContent.tweet_results.result.core.user_results.result;
    expect(alice.core.screen_name).toBe(USERS.alice.handle);
    expect(alice.relationship_perspectives.following).toBe(true);
    expect(alice.legacy).toBeUndefined();
    const bottom = first.find((e) => e.content.cursorType === 'Bottom')!.content.value as string;
    const second = entriesOf(GRAPHQL_OPERATIONS.HomeTimeline!({ cursor: bottom }, now));
    const someone = second.find((e) => e.content.itemContent?.tweet_results?.result?.core)!.content.itemContent.tweet_results.result.core.user_results.result;
    expect(someone.legacy.screen_name).toMatch(/\w+/);
    expect(someone.core).toBeUndefined();
    expect(second.some((e) => e.content.itemContent?.tweet_results?.result?.__typename === 'TweetWithVisibilityResults')).toBe(true);
  });

  it('builds the viewer thread with a wrapped brand reply, a Business brand and an affiliate', () => {
    const j = GRAPHQL_OPERATIONS.TweetDetail!({ focalTweetId: IDS.viewerPost }, now);
    const text = JSON.stringify(j);
    expect(text).toContain('"TweetWithVisibilityResults"');
    expect(text).toContain('"verified_type":"Business"');
    expect(text).toContain('"userLabelType":"BusinessLabel"');
    expect(text).toContain(`"in_reply_to_status_id_str":"${IDS.viewerPost}"`);
    expect(text).toContain('"promotedMetadata"');
  });

  it('serves the real captured TweetDetail with injected cases', () => {
    const text = JSON.stringify(GRAPHQL_OPERATIONS.TweetDetail!({ focalTweetId: CAPTURED_THREAD.focalId }, now));
    expect(text).toContain('"screen_name":"XDevelopers"');
    expect(text).toContain(`"rest_id":"${CAPTURED_THREAD.injectedBrandReplyId}"`);
    expect(text).toMatch(/"TweetWithVisibilityResults","tweet":\{[^]*?"rest_id":"1649263296434806785"/);
  });

  it('serves REST v2 notifications with flat users and tweet / notification entries', () => {
    const j = notificationsResponse('all', null, now) as Json;
    expect(j.globalObjects.users[USERS.acme.id]).toMatchObject({ screen_name: 'acmecorp', following: false, ext_verified_type: 'Business', ext_profile_image_shape: 'Square' });
    const entries = j.timeline.instructions.find((i: Json) => i.addEntries).addEntries.entries as Json[];
    expect(entries.some((e) => e.content.item?.content.tweet?.id === IDS.acmeReply)).toBe(true);
    expect(entries.some((e) => e.content.item?.content.notification)).toBe(true);
    expect(entries.some((e) => e.content.operation?.cursor.cursorType === 'Bottom')).toBe(true);
  });

  it('pages the viewer\'s Following list', () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const j = GRAPHQL_OPERATIONS.Following!({ userId: USERS.viewer.id, ...(cursor ? { cursor } : {}) }, now) as Json;
      const entries = j.data.user.result.timeline.timeline.instructions.find((x: Json) => x.type === 'TimelineAddEntries').entries as Json[];
      ids.push(...entries.filter((e) => e.content.itemContent).map((e) => e.content.itemContent.user_results.result.rest_id as string));
      cursor = entries.find((e) => e.content.cursorType === 'Bottom')?.content.value;
      if (!cursor) break;
    }
    expect(ids).toContain(USERS.alice.id);
    expect(ids.length).toBeGreaterThan(PAGING.followingPageSize * 2);
    expect(ids).not.toContain(USERS.acme.id);
  });
});

describe('replica pages', () => {
  it('renders the home scenario in X markup', async () => {
    await open(PATHS.home);
    for (const c of Object.values(SCENARIO).filter((s) => s.pages.includes('home'))) {
      await expect.poll(() => articleOf(c).count(), { message: c.why }).toBe(1);
    }
    const shape = await page.evaluate(({ ad, video, repost }) => {
      const byId = (id: string) => [...document.querySelectorAll('article[data-testid="tweet"]')].find((a) => a.querySelector(`a[href$="/status/${id}"] time`))!;
      const adEl = byId(ad);
      const videoEl = byId(video);
      const repostEl = byId(repost);
      const cellPath = [...document.querySelectorAll('article[data-testid="tweet"]')].every((a) => a.closest('[data-testid="cellInnerDiv"]') && a.closest('[data-testid="primaryColumn"]'));
      return {
        cellPath,
        adAncestor: Boolean(adEl.closest('[data-testid="placementTracking"]')),
        adLabel: adEl.textContent!.includes('Ad'),
        videoAncestor: Boolean(videoEl.closest('[data-testid="placementTracking"]')),
        videoInside: Boolean(videoEl.querySelector('[data-testid="placementTracking"] [data-testid="videoPlayer"]')),
        repostContext: repostEl.querySelector('[data-testid="socialContext"]')?.textContent,
        badges: document.querySelectorAll('svg[data-testid="icon-verified"]').length,
      };
    }, { ad: SCENARIO.homeAd.tweetId, video: SCENARIO.videoPost.tweetId, repost: REPOST.originalId });
    expect(shape).toMatchObject({ cellPath: true, adAncestor: true, adLabel: true, videoAncestor: false, videoInside: true, repostContext: REPOST.socialContext });
    expect(shape.badges).toBeGreaterThan(3);
    const quote = articleOf(SCENARIO.followedQuoteOfViewer);
    expect(await quote.locator('[data-testid="User-Name"]').count()).toBe(2);
  });

  it('renders the thread, notifications and mentions scenarios', async () => {
    for (const [path, where] of [[PATHS.thread, 'thread'], [PATHS.notifications, 'notifications'], [PATHS.mentions, 'mentions']] as const) {
      await open(path);
      for (const c of Object.values(SCENARIO).filter((s) => s.pages.includes(where))) {
        await expect.poll(() => articleOf(c).count(), { message: `${where}: ${c.why}` }).toBe(1);
      }
    }
    await open(PATHS.notifications, '[data-testid="notification"]');
    expect(await page.locator('[data-testid="notification"]').count()).toBeGreaterThanOrEqual(3);
    await open(PATHS.capturedThread);
    await expect.poll(() => page.locator(ARTICLE).count()).toBeGreaterThan(30);
  });

  it('navigates in-app without reloading the document', async () => {
    await open(PATHS.home);
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });
    await page.click('a[data-testid="AppTabBar_Notifications_Link"]');
    await page.waitForURL('https://x.com/notifications');
    await page.locator('[data-testid="notification"]').first().waitFor();
    await page.click('a[role="tab"][href="/notifications/mentions"]');
    await page.waitForURL('https://x.com/notifications/mentions');
    await articleOf(SCENARIO.brandMention).waitFor();
    await page.goBack();
    await page.waitForURL('https://x.com/notifications');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('moves j/k focus over visible posts only', async () => {
    await open(PATHS.home);
    // Hide the second post's cell the way an extension would, then walk with j and k.
    const ids = await page.evaluate(() => {
      const arts = [...document.querySelectorAll('article[data-testid="tweet"]')];
      (arts[1]!.closest('[data-testid="cellInnerDiv"]') as HTMLElement).style.display = 'none';
      return arts.slice(0, 3).map((a) => a.querySelector('a[href*="/status/"] time')!.closest('a')!.getAttribute('href'));
    });
    const focused = () => page.evaluate(() => document.activeElement?.closest('article')?.querySelector('a[href*="/status/"] time')?.closest('a')?.getAttribute('href'));
    await page.keyboard.press('j');
    expect(await focused()).toBe(ids[0]);
    await page.keyboard.press('j');
    expect(await focused()).toBe(ids[2]);
    await page.keyboard.press('k');
    expect(await focused()).toBe(ids[0]);
  });

  it('re-renders a cell in place when a post is liked', async () => {
    await open(PATHS.home);
    const article = articleOf(SCENARIO.followedPost);
    const before = await article.elementHandle();
    const calls = server.apiCalls('FavoriteTweet').length;
    await article.locator('[data-testid="like"]').click();
    await articleOf(SCENARIO.followedPost).locator('[data-testid="unlike"]').waitFor();
    expect(await before!.evaluate((el) => el.isConnected)).toBe(false);
    await expect.poll(() => server.apiCalls('FavoriteTweet').length).toBe(calls + 1);
    expect(await page.evaluate((id) => (window as unknown as { __replica: { rerender(id: string): number } }).__replica.rerender(id), SCENARIO.followedPost.tweetId)).toBe(1);
  });

  it('loads every Following page by scrolling', async () => {
    await open(PATHS.following, '[data-testid="UserCell"]');
    for (let i = 0; i < 6; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(200);
    }
    expect(await page.locator('[data-testid="primaryColumn"] [data-testid="UserCell"]').count()).toBe(53);
  });

  it('serves renamed test ids in the drift variants until reset', async () => {
    await open(`${PATHS.home}?variant=drift`, 'article[data-testid="post"]');
    expect(await page.locator(ARTICLE).count()).toBe(0);
    await open(PATHS.thread, 'article[data-testid="post"]');
    await open(`${PATHS.home}?variant=drift-text`, ARTICLE);
    expect(await page.locator('[data-testid="tweetText"]').count()).toBe(0);
    expect(await page.locator('[data-testid="postText"]').count()).toBeGreaterThan(0);
    await open(`${PATHS.home}?variant=normal`, '[data-testid="tweetText"]');
  });

  it('logged no page errors and no replica errors', () => {
    expect(errors.errors).toEqual([]);
    expect(server.errors).toEqual([]);
  });
});

describe('lean replica', () => {
  const lean = (query: string) => `https://x.com/home?lean=1&${query}`;
  const leanCalls = () => server.requests.filter((r) => r.op === 'HomeTimeline' && r.search.includes('lean')).length;

  it('serves an endless HomeTimeline: ads, replies and brand replies at fixed places, both user schemas', () => {
    const now = Date.now();
    const entries = (j: Json) => (j.data.home.home_timeline_urt.instructions as Json[])[0]!.entries as Json[];
    const first = entries(leanTimeline({ count: 20 }, now));
    const items = first.filter((e) => e.content.entryType === 'TimelineTimelineItem');
    expect(items).toHaveLength(20);
    items.forEach((e, n) => {
      const ic = e.content.itemContent;
      expect(Boolean(ic.promotedMetadata), `item ${n}`).toBe(leanKind(n) === 'ad');
      const legacy = ic.tweet_results.result.legacy;
      expect(Boolean(legacy.in_reply_to_screen_name), `item ${n}`).toBe(leanKind(n) === 'reply' || leanKind(n) === 'brand-reply');
      expect(ic.tweet_results.result.rest_id).toBe(leanId(n));
    });
    const brand = items[7]!.content.itemContent.tweet_results.result.core.user_results.result;
    expect(brand.relationship_perspectives.following).toBe(false);
    const bottom = first.find((e) => e.content.cursorType === 'Bottom')!.content.value as string;
    const second = entries(leanTimeline({ count: 5, cursor: bottom }, now));
    const next = second.filter((e) => e.content.entryType === 'TimelineTimelineItem');
    expect(next.map((e) => e.content.itemContent.tweet_results.result.rest_id)).toEqual([20, 21, 22, 23, 24].map(leanId));
    expect(next[0]!.content.itemContent.tweet_results.result.core.user_results.result.legacy.screen_name).toMatch(/\w+/);
  });

  it('renders N items in X markup, every one kept in the DOM, then more on demand', async () => {
    const calls = leanCalls();
    await page.goto(lean('items=60'));
    await page.locator('html[data-lean-loaded="60"]').waitFor({ state: 'attached' });
    const shape = await page.evaluate(() => {
      const arts = [...document.querySelectorAll('article[data-testid="tweet"]')];
      const permalink = (a: Element) => a.querySelector('a[href*="/status/"] time')?.closest('a')?.getAttribute('href') ?? '';
      return {
        articles: arts.length,
        inCells: arts.every((a) => a.closest('[data-testid="cellInnerDiv"]')?.closest('[data-testid="primaryColumn"]')),
        cellPath: arts.every((a) => {
          const above = a.closest('[data-testid="placementTracking"]') ?? a;
          return above.parentElement?.parentElement?.parentElement?.matches('[data-testid="cellInnerDiv"]');
        }),
        authorFirst: arts.every((a) => {
          const links = [...a.querySelectorAll('[data-testid="User-Name"] a[href]')].map((l) => l.getAttribute('href'));
          const handle = links[0] ?? '';
          return /^\/\w+$/.test(handle) && links[1] === handle && permalink(a).startsWith(`${handle}/status/`);
        }),
        timed: arts.every((a) => a.querySelector('[data-testid="tweetText"][elementtiming^="post-"]')),
        ads: arts.filter((a) => a.closest('[data-testid="placementTracking"]') && [...a.querySelectorAll('span')].some((s) => s.textContent === 'Ad')).length,
        replies: arts.filter((a) => /^Replying to @\w+$/.test(a.querySelector('.rt')?.textContent ?? '')).map((a) => a.querySelector('[data-testid="User-Name"] a')!.getAttribute('href')),
        ids: arts.map(permalink).map((h) => h.split('/').pop()),
      };
    });
    expect(shape).toMatchObject({ articles: 60, inCells: true, cellPath: true, authorFirst: true, timed: true, ads: 6 });
    expect(shape.ids).toEqual(Array.from({ length: 60 }, (_, n) => leanId(n)));
    // Per ten items: a reply between friends (slot 5) and a brand's reply (slot 7).
    expect(shape.replies).toHaveLength(12);
    expect(shape.replies.filter((h) => ['/acmecorp', '/shopmegamart', '/goodbrand', '/sam_at_acme'].includes(h ?? ''))).toHaveLength(6);
    expect(leanCalls() - calls).toBe(3); // pages of 20
    expect(await page.evaluate(() => (window as unknown as { __lean: { load(n: number): Promise<number> } }).__lean.load(25))).toBe(85);
    expect(await page.locator('article[data-testid="tweet"]').count()).toBe(85);
    expect(leanCalls() - calls).toBe(5); // 20 + 5
  });

  it('loads by infinite scroll in scroll mode, up to the count', async () => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(lean('items=200&mode=scroll'));
    await page.locator('article[data-testid="tweet"]').first().waitFor();
    await page.waitForTimeout(300);
    const first = await page.locator('article[data-testid="tweet"]').count();
    expect(first).toBeLessThan(200);
    for (let i = 0; i < 100 && (await page.locator('html[data-lean-loaded]').count()) === 0; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(50);
    }
    expect(await page.locator('html').getAttribute('data-lean-loaded')).toBe('200');
    expect(await page.locator('article[data-testid="tweet"]').count()).toBe(200);
  });

  it('logged no page errors and no replica errors', () => {
    expect(errors.errors).toEqual([]);
    expect(server.errors).toEqual([]);
  });
});

// The X adapter on hand-made replicas (tests/fixtures/x): threads, ads, notifications, drift — alone
// and combined with facts from the real TweetDetail capture and hand-made API responses.
import { afterEach, describe, expect, it } from 'vitest';
import { FeedItem } from '../../../../src/core/model';
import { isParseFailure } from '../../../../src/content/adapter';
import { FactStore } from '../../../../src/content/fact-store';
import { xAdapter } from '../../../../src/sites/x/adapter';
import { xPageFacts } from '../../../../src/sites/x/page-facts';
import { hashText } from '../../../../src/sites/x/post-dom';
import { PROFILE_NAV_LINK, TWEET } from '../../../../src/sites/x/selectors';
import { envFor, loadPage, parseAll, readCapture, readFixture } from './helpers';

const THREAD_URL = 'https://x.com/XDevelopers/status/1649191520250245121';
const pages: Array<ReturnType<typeof loadPage>> = [];
const open = (fixture: string, url: string) => {
  const page = loadPage(readFixture(fixture), url);
  pages.push(page);
  return page.doc;
};
afterEach(async () => {
  for (const p of pages.splice(0)) await p.win.happyDOM.close();
});

const factsFrom = (...responses: unknown[]) => {
  const store = new FactStore();
  for (const r of responses) store.merge(xPageFacts(r));
  return store;
};
const tweetDetail = () => JSON.parse(readCapture('x-api-tweetdetail.json')) as unknown;
const byId = (items: FeedItem[], id: string) => items.find((i) => i.id === id);

describe('a thread page', () => {
  it('without facts: the focal post, its author\'s continuation, and replies below it', () => {
    const doc = open('thread.html', THREAD_URL);
    const { items, failures } = parseAll(doc, envFor(THREAD_URL));
    expect(failures).toEqual([]);
    expect(items.map((i) => [i.author.handle, i.id, i.kind, i.context])).toEqual([
      ['xdevelopers', '1649191520250245121', 'post', 'thread'],
      ['xdevelopers', '1649191521323995138', 'post', 'thread'],
      ['ashevat', '1649263296434806785', 'reply', 'thread'],
      ['_andrewlyons', '1649197403352727555', 'reply', 'thread'],
    ]);
    expect(items.every((i) => !i.inOwnThread && i.author.followed === 'unknown')).toBe(true);
    for (const i of items) expect(() => FeedItem.parse(i)).not.toThrow();
  });

  it('reads the real domains behind t.co links (visible text or title), not X\'s own links', () => {
    const doc = open('thread.html', THREAD_URL);
    const reply = byId(parseAll(doc, envFor(THREAD_URL)).items, '1649263296434806785');
    expect(reply?.linkDomains).toEqual(['example.org', 'docs.x.com']);
    expect(reply?.text).toMatch(/^@TwitterDev What data makes you think/);
  });

  it('with TweetDetail facts: a Business-verified author becomes verified organization with orgProfile', () => {
    const doc = open('thread.html', THREAD_URL);
    const { items } = parseAll(doc, envFor(THREAD_URL, factsFrom(tweetDetail())));
    const focal = byId(items, '1649191520250245121');
    expect(focal?.author).toMatchObject({
      id: '2244994945', handle: 'xdevelopers', displayName: 'Developers', followed: true, followsYou: false,
      verified: 'organization', orgProfile: true, bot: false,
    });
    expect(focal?.author.accountAgeDays).toBeGreaterThan(4000); // created December 2013
    expect(byId(items, '1649197403352727555')?.author).toMatchObject({
      id: '266718403', verified: 'paid', followed: false, orgProfile: false,
    });
    expect(byId(items, '1649263296434806785')?.author).toMatchObject({ id: '108209516', verified: 'none', followed: false });
    for (const i of items) expect(() => FeedItem.parse(i)).not.toThrow();
  });

  it('when the focal post has scrolled out of the DOM, the API decides reply vs. self-thread', () => {
    const doc = open('thread.html', THREAD_URL);
    doc.querySelector(TWEET)?.remove();
    const { items } = parseAll(doc, envFor(THREAD_URL, factsFrom(tweetDetail())));
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ['1649191521323995138', 'post'], // XDevelopers replying to XDevelopers
      ['1649263296434806785', 'reply'],
      ['1649197403352727555', 'reply'],
    ]);
  });

  it('inOwnThread from facts: replies to the viewer, and replies in a conversation the viewer started', () => {
    const doc = open('thread.html', THREAD_URL);
    const facts = factsFrom(tweetDetail());
    facts.merge({ site: 'x', viewerId: '2244994945', accounts: [], items: [] });
    const { items } = parseAll(doc, envFor(THREAD_URL, facts));
    expect(items.map((i) => [i.id, i.inOwnThread])).toEqual([
      ['1649191520250245121', false], // the viewer's own posts are not "in" their thread as replies
      ['1649191521323995138', false],
      ['1649263296434806785', true],
      ['1649197403352727555', true],
    ]);
  });

  it('inOwnThread from the DOM alone: the viewer\'s post is the first on the page', () => {
    const doc = open('thread.html', THREAD_URL);
    doc.querySelector(PROFILE_NAV_LINK)?.setAttribute('href', '/XDevelopers');
    const { items } = parseAll(doc, envFor(THREAD_URL));
    expect(items.filter((i) => i.inOwnThread).map((i) => i.author.handle)).toEqual(['ashevat', '_andrewlyons']);
  });
});

describe('ads, reposts and look-alikes on the home timeline', () => {
  const HOME = 'https://x.com/home';

  it('tells ads from posts whose video sits in placementTracking', () => {
    const doc = open('promoted.html', HOME);
    const { items, failures } = parseAll(doc, envFor(HOME));
    expect(failures).toEqual([]);
    const acmeText = 'Spring sale: 20% off everything with code SPRING20 https://shop.acme.example/spring…';
    expect(items.map((i) => [i.author.handle, i.id, i.kind, i.promoted])).toEqual([
      ['acmecorp', `ad-acmecorp-${hashText(acmeText)}`, 'ad', true],
      ['jane_doe', '1900000000000000001', 'post', false],
      ['brandx', '1900000000000000003', 'ad', true],
      ['original_author', '1900000000000000004', 'repost', false],
      ['ad_person', '1900000000000000005', 'post', false],
      ['quiet_brand', '1900000000000000006', 'post', false],
    ]);
    const ad = items[0]!;
    expect(ad.text).toBe(acmeText);
    expect(ad.linkDomains).toEqual(['shop.acme.example']);
    expect(ad.permalink).toBe('https://x.com/acmecorp');
    expect(items[4]?.author.displayName).toBe('Ad');
    expect(items[1]?.text).toBe('Look at this plasma 🔥'); // emoji are images with alt text
    for (const i of items) expect(() => FeedItem.parse(i)).not.toThrow();
  });

  it('an ad known only from the API is an ad', () => {
    const doc = open('promoted.html', HOME);
    const facts = new FactStore();
    facts.merge({ site: 'x', accounts: [], items: [{ id: '1900000000000000006', authorId: '77', promoted: true }] });
    expect(byId(parseAll(doc, envFor(HOME, facts)).items, '1900000000000000006')).toMatchObject({ kind: 'ad', promoted: true });
  });
});

describe('the notifications page', () => {
  const NOTIFS = 'https://x.com/notifications';

  it('like and follow groups are notifications; notices from X are skipped; mentions and replies are read', () => {
    const doc = open('notifications.html', NOTIFS);
    const { items, failures, skipped } = parseAll(doc, envFor(NOTIFS));
    expect(failures).toEqual([]);
    expect(skipped).toBe(1); // "There was a login to your account"
    expect(items.map((i) => [i.author.handle, i.kind, i.inOwnThread])).toEqual([
      ['old_pal', 'notification', false],
      ['dave_new', 'notification', false],
      ['brandco', 'mention', false],
      ['brandco', 'reply', true],
      ['old_pal', 'post', false],
    ]);
    const like = items[0]!;
    expect(like.id).toMatch(/^notification-[0-9a-z]+$/);
    expect(like.author.displayName).toBe('Old Pal'); // not the avatar link's initials
    expect(items[1]?.author.displayName).toBe('Dave');
    expect(like.text).toContain('and 3 others liked your post');
    expect(like.context).toBe('notifications');
    for (const i of items) expect(() => FeedItem.parse(i)).not.toThrow();
  });

  it('notification ids are stable across re-renders', () => {
    const a = parseAll(open('notifications.html', NOTIFS), envFor(NOTIFS)).items.map((i) => i.id);
    const b = parseAll(open('notifications.html', NOTIFS), envFor(NOTIFS)).items.map((i) => i.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('on /notifications/mentions every post is a mention (replies stay replies)', () => {
    const url = 'https://x.com/notifications/mentions';
    const { items } = parseAll(open('notifications.html', url), envFor(url));
    expect(items.filter((i) => i.kind !== 'notification').map((i) => [i.id, i.kind])).toEqual([
      ['3004', 'mention'], ['3001', 'reply'], ['3003', 'mention'],
    ]);
  });

  it('with REST v2 notification facts: the brand\'s badge, follow state and reply target', () => {
    const facts = factsFrom(JSON.parse(readFixture('notifications-all.json')) as unknown);
    facts.merge({ site: 'x', viewerId: '1000', accounts: [], items: [] });
    const { items } = parseAll(open('notifications.html', NOTIFS), envFor(NOTIFS, facts));
    const reply = byId(items, '3001');
    expect(reply).toMatchObject({ kind: 'reply', inOwnThread: true });
    expect(reply?.author).toMatchObject({ id: '2001', followed: false, verified: 'organization' });
    expect(items[0]?.author).toMatchObject({ handle: 'old_pal', id: '2002', followed: true, followsYou: true });
  });
});

describe('broken items and drift', () => {
  const HOME = 'https://x.com/home';
  const page = (body: string) => {
    const p = loadPage(`<!DOCTYPE html><html><body><main role="main"><div data-testid="primaryColumn">${body}</div></main></body></html>`, HOME);
    pages.push(p);
    return p.doc;
  };

  it('an article without its User-Name link or permalink is a parse failure', () => {
    const doc = page(`
      <article data-testid="tweet"><div data-testid="User-Name"><span>Nameless</span></div></article>
      <article data-testid="tweet"><div data-testid="User-Name"><a href="/someone">Someone</a></div><div data-testid="tweetText">hi</div></article>`);
    const results = [...doc.querySelectorAll(TWEET)].map((el) => xAdapter.parse(el, envFor(HOME)));
    expect(results.every((r) => isParseFailure(r))).toBe(true);
    expect(results.map((r) => (isParseFailure(r) ? r.failure : ''))).toEqual([
      'post without a User-Name profile link',
      'post without a timestamped /status/ permalink',
    ]);
  });

  it('carousel previews and non-item roots are not items', () => {
    const doc = page(`<div data-testid="ScrollSnap-List"><article data-testid="tweet"><div data-testid="User-Name"><a href="/x1">X</a></div></article></div><div id="other"></div>`);
    expect(xAdapter.parse(doc.querySelector(TWEET)!, envFor(HOME))).toBeNull();
    expect(xAdapter.parse(doc.getElementById('other')!, envFor(HOME))).toBeNull();
  });

  it('renamed test ids: articles are on screen but none matches', () => {
    const doc = open('drifted.html', HOME);
    expect(parseAll(doc, envFor(HOME)).items).toEqual([]);
    expect(xAdapter.detectDrift(doc, 0)).toMatch(/X shows 3 posts but none matches article\[data-testid="tweet"\]/);
  });

  it('no articles and no primary column: timestamped permalinks still give it away', () => {
    const doc = open('drifted-no-articles.html', HOME);
    expect(xAdapter.detectDrift(doc, 0)).toMatch(/3 timestamped posts/);
  });

  it('quiet on healthy pages, empty pages and pages that already parsed items', () => {
    expect(xAdapter.detectDrift(open('notifications.html', 'https://x.com/notifications'), 0)).toBeNull();
    expect(xAdapter.detectDrift(open('thread.html', THREAD_URL), 4)).toBeNull();
    expect(xAdapter.detectDrift(page('<div>Settings</div>'), 0)).toBeNull();
    expect(xAdapter.detectDrift(open('drifted.html', HOME), 2)).toBeNull();
  });
});

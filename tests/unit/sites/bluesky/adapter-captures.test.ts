// The Bluesky adapter on real bsky.app captures (the Discover feed, a profile with reposts): every
// item reads, with the author the test id names, its permalink, text, quotes and link domains.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedItem } from '../../../../src/core/model';
import { FactStore } from '../../../../src/content/fact-store';
import { bskyAdapter } from '../../../../src/sites/bluesky/adapter';
import { envFor, loadPage, parseAll, readCapture } from './helpers';

// Heavy for a unit test: each test reads the 51-post Discover capture in happy-dom.
// Its slowest test took 6.4 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const pages: Array<ReturnType<typeof loadPage>> = [];
const open = (name: string, url: string) => {
  const page = loadPage(readCapture(name), url);
  pages.push(page);
  return page.doc;
};
afterEach(async () => {
  for (const p of pages.splice(0)) await p.win.happyDOM.close();
});

describe('the Discover feed capture', () => {
  const URL_ = 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/feed/whats-hot';

  it('reads all 51 posts, none a failure, each valid and attributed to its test id', () => {
    const doc = open('bsky-discover-feed.html', URL_);
    const env = envFor(URL_);
    expect(env.context).toBe('home');
    const { items, failures, skipped } = parseAll(doc, env);
    expect(failures).toEqual([]);
    expect(skipped).toBe(0);
    expect(items).toHaveLength(51);
    for (const i of items) {
      expect(() => FeedItem.parse(i)).not.toThrow();
      expect(i.id).toMatch(new RegExp(`^at://${i.author.handle.replace(/\./g, '\\.')}/app\\.bsky\\.feed\\.post/[a-z0-9]{13}$`));
      expect(i.author.followed).toBe('unknown');
    }
    const first = items[0]!;
    expect(first).toMatchObject({
      site: 'bsky', kind: 'post', context: 'home',
      permalink: 'https://bsky.app/profile/karaswisher.bsky.social/post/3lmfprgbei22n',
      author: { handle: 'karaswisher.bsky.social', displayName: 'Kara Swisher' },
    });
    expect(first.text).toMatch(/^I heart @brooke/);
  });

  it('tells quotes from posts and reads the quoting author, not the quoted one', () => {
    const doc = open('bsky-discover-feed.html', URL_);
    const { items } = parseAll(doc, envFor(URL_));
    const scalzi = items.find((i) => i.permalink.endsWith('/3lmfnxiid222r'));
    expect(scalzi).toMatchObject({ kind: 'quote', author: { handle: 'scalzi.com', displayName: 'John Scalzi' }, text: 'Spoiler: It is absolutely market manipulation' });
    expect(items.filter((i) => i.kind === 'quote').length).toBeGreaterThanOrEqual(4);
    expect(items.filter((i) => i.kind === 'post').length).toBeGreaterThan(30);
  });

  it('reads link domains from the real hrefs, not hashtags or profile links', () => {
    const doc = open('bsky-discover-feed.html', URL_);
    const { items } = parseAll(doc, envFor(URL_));
    expect(items.find((i) => i.author.handle === 'npr.org')?.linkDomains).toEqual(['npr.org']);
    expect(items.find((i) => i.permalink.endsWith('/3lmfuwv3h422l'))?.linkDomains).toEqual(['weratedogs.com']);
    expect(items.find((i) => i.author.handle === 'billmontei.bsky.social')?.linkDomains).toEqual([]);
  });

  it('reports no drift on the capture, and drift when the test ids are renamed', () => {
    const doc = open('bsky-discover-feed.html', URL_);
    expect(bskyAdapter.detectDrift(doc, 51)).toBeNull();
    for (const el of doc.querySelectorAll('[data-testid^="feedItem-by-"]')) el.setAttribute('data-testid', 'postCard');
    expect(bskyAdapter.detectDrift(doc, 0)).toMatch(/Bluesky shows \d+ timestamped posts/);
  });
});

describe('the profile capture', () => {
  const URL_ = 'https://bsky.app/profile/kpitzen.io';

  it('is a seek context whose reposts read as reposts, by the original author', () => {
    const doc = open('bsky-profile.html', URL_);
    const env = envFor(URL_);
    expect(env.context).toBe('profile');
    const { items, failures } = parseAll(doc, env);
    expect(failures).toEqual([]);
    expect(items.map((i) => [i.author.handle, i.kind])).toEqual([
      ['nytimes.com', 'repost'], ['mommunism.bsky.social', 'repost'], ['molly.wiki', 'repost'], ['molly.wiki', 'repost'], ['molly.wiki', 'repost'],
    ]);
    expect(items[0]?.linkDomains).toEqual(['nyti.ms']);
    // A seek page never waits for facts: only ads are hidden there.
    for (const i of items) expect(bskyAdapter.awaitsFacts?.(i, env)).toBe(false);
  });
});

describe('facts for a feed post', () => {
  it('a post without its facts awaits them; once its author and item facts arrive it no longer does', () => {
    const URL_ = 'https://bsky.app/';
    const doc = open('bsky-discover-feed.html', URL_);
    const facts = new FactStore();
    const env = envFor(URL_, facts);
    const el = doc.querySelector('[data-testid="feedItem-by-karaswisher.bsky.social"]')!;
    const before = bskyAdapter.parse(el, env) as FeedItem;
    expect(bskyAdapter.awaitsFacts?.(before, env)).toBe(true);
    const did = 'did:plc:dwaduijo6ngdgzmir5vovzrh';
    facts.merge({
      site: 'bsky',
      accounts: [{ id: did, handle: 'karaswisher.bsky.social', followed: true, followsYou: false }],
      items: [{ id: `at://${did}/app.bsky.feed.post/3lmfprgbei22n`, authorId: did }],
    });
    const after = bskyAdapter.parse(el, envFor(URL_, facts)) as FeedItem;
    expect(after.author).toMatchObject({ id: did, followed: true, followsYou: false });
    // Once the DID is known the item is named by it, as its item facts are.
    expect(after.id).toBe(`at://${did}/app.bsky.feed.post/3lmfprgbei22n`);
    expect(bskyAdapter.awaitsFacts?.(after, envFor(URL_, facts))).toBe(false);
  });
});

// The Bluesky adapter on thread and notifications pages, in the markup the replica renders (the
// captures hold no such page; see tests/e2e/replica/bluesky/app.js), with facts read from the replica's
// XRPC responses: replies below the focal post, a thread the viewer started, mentions, quotes, rows.
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../../src/core/model';
import { FactStore } from '../../../../src/content/fact-store';
import { bskyAdapter } from '../../../../src/sites/bluesky/adapter';
import { bskyPageFacts } from '../../../../src/sites/bluesky/page-facts';
import { PATHS, PEOPLE, notifications, postByKey, postThread, timeline, type PersonKey } from '../../../e2e/replica/bluesky/data';
import { compileSnapshot } from '../../../../src/core/compile';
import { emptySnapshot } from '../../../../src/core/empty-snapshot';
import { FeedController } from '../../../../src/content/controller';
import { ATTR, ensureStylesheet } from '../../../../src/content/styles';
import { envFor, loadPage, parseAll } from './helpers';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const pages: Array<ReturnType<typeof loadPage>> = [];
afterEach(async () => {
  for (const p of pages.splice(0)) await p.win.happyDOM.close();
});

/** One post as the replica (after the captures) renders it. */
function post(key: string, opts: { testid?: string; focal?: boolean; quoteOf?: PersonKey } = {}): string {
  const p = postByKey(key);
  const a = PEOPLE[p.by];
  const stamp = opts.focal ? '<div dir="auto">January 10, 2026 at 11:00 AM</div>'
    : `<a href="/profile/${a.handle}/post/${p.rkey}" aria-label="January 10, 2026" data-tooltip="January 10, 2026" role="link">1h</a>`;
  const text = p.text.replace(/@([a-z0-9.-]+\.[a-z]+)/g, '<a href="/profile/$1" role="link">@$1</a>');
  const quote = opts.quoteOf ? `<div aria-label="Post by ${PEOPLE[opts.quoteOf].handle}" role="link"><a href="/profile/${PEOPLE[opts.quoteOf].handle}" aria-label="View profile">${PEOPLE[opts.quoteOf].displayName}</a><a href="/profile/${PEOPLE[opts.quoteOf].handle}/post/${postByKey('root').rkey}" data-tooltip="x">2h</a><div dir="auto">quoted</div></div>` : '';
  return `<div role="link" data-testid="${opts.testid ?? 'feedItem-by-'}${a.handle}">
    <a href="/profile/${a.handle}" aria-label="${a.displayName}'s avatar"><div data-testid="userAvatarImage"></div></a>
    <div><a href="/profile/${a.handle}" aria-label="View profile"><span>\u202a${a.displayName}\u202c</span></a><a href="/profile/${a.handle}" aria-label="View profile"><span>&nbsp;\u202a@${a.handle}\u202c</span></a>${stamp}</div>
    <div data-testid="contentHider-post"><div data-testid="postText">${text}</div>${quote}</div></div>`;
}

const row = (who: PersonKey, words: string) =>
  `<div role="link" data-testid="feedItem-by-${PEOPLE[who].handle}"><a href="/profile/${PEOPLE[who].handle}" aria-label="avatar"></a><div><a href="/profile/${PEOPLE[who].handle}">${PEOPLE[who].displayName}</a> ${words}</div></div>`;

const byKey = (items: FeedItem[], key: string) => items.find((i) => i.permalink.endsWith(`/post/${postByKey(key).rkey}`));

describe('the thread the viewer started', () => {
  const URL_ = `https://bsky.app${PATHS.thread}`;
  const html = [post('root', { testid: 'postThreadItem-by-', focal: true }),
    ...['samReply', 'patToSam', 'acmeReply', 'patReply', 'goodReply'].map((k) => post(k, { testid: 'postThreadItem-by-' }))].join('');

  it('with the thread\'s facts: the focal post, then replies, every one in the viewer\'s own thread', () => {
    const page = loadPage(html, URL_);
    pages.push(page);
    const facts = new FactStore();
    facts.merge(bskyPageFacts(postThread(NOW)));
    const env = envFor(URL_, facts);
    expect(env.context).toBe('thread');
    const { items, failures } = parseAll(page.doc, env);
    expect(failures).toEqual([]);
    expect(items.map((i) => [i.author.handle, i.kind, i.inOwnThread])).toEqual([
      ['morgan.bsky.social', 'post', false],
      ['sam.bsky.social', 'reply', true],
      ['pat.bsky.social', 'reply', true],
      ['acme-outlet.com', 'reply', true],
      ['pat.bsky.social', 'reply', true],
      ['goodcoffee.com', 'reply', true],
    ]);
    expect(byKey(items, 'acmeReply')?.author).toMatchObject({ id: PEOPLE.acme.did, followed: false });
    expect(byKey(items, 'samReply')?.author).toMatchObject({ followed: true, followsYou: true });
    for (const i of items) expect(bskyAdapter.awaitsFacts?.(i, env)).toBe(false);
  });

  it('before the facts: the same kinds from the page alone, every reply awaiting its facts', () => {
    const page = loadPage(html, URL_);
    pages.push(page);
    const env = envFor(URL_);
    const { items } = parseAll(page.doc, env);
    expect(items.map((i) => i.kind)).toEqual(['post', 'reply', 'reply', 'reply', 'reply', 'reply']);
    expect(items.every((i) => i.author.followed === 'unknown' && bskyAdapter.awaitsFacts?.(i, env) === true)).toBe(true);
  });
});

describe('notifications', () => {
  const URL_ = 'https://bsky.app/notifications';
  const html = [row('sam', 'liked your post'), row('pat', 'followed you'), post('samReply'), post('acmeReply'), post('botMention'),
    post('acmeMention'), post('megaQuote', { quoteOf: 'viewer' }), post('samMention')].join('');

  it('rows are notification groups; replies to the viewer, mentions and quotes read as such', () => {
    const page = loadPage(html, URL_);
    pages.push(page);
    const facts = new FactStore();
    facts.merge(bskyPageFacts(notifications(NOW)));
    // The viewer's DID comes from their follow records; the notifications name the posts by it.
    expect(facts.viewerId).toBe(PEOPLE.viewer.did);
    const env = envFor(URL_, facts);
    const { items, failures } = parseAll(page.doc, env);
    expect(failures).toEqual([]);
    expect(items.map((i) => [i.author.handle, i.kind])).toEqual([
      ['sam.bsky.social', 'notification'], ['pat.bsky.social', 'notification'],
      ['sam.bsky.social', 'reply'], ['acme-outlet.com', 'reply'], ['alerts.example.net', 'mention'],
      ['acme-outlet.com', 'mention'], ['megacorp.com', 'quote'], ['sam.bsky.social', 'mention'],
    ]);
    expect(items.find((i) => i.author.handle === 'alerts.example.net')?.author.bot).toBe(true);
    expect(bskyAdapter.awaitsFacts?.(items[0]!, env)).toBe(false);
  });
});

describe('in the controller', () => {
  it('a new post by an author whose facts are known waits only for its own item facts, not for the deadline', () => {
    const URL_ = 'https://bsky.app/';
    const page = loadPage('<div id="feed"></div>', URL_);
    pages.push(page);
    const doc = page.doc;
    ensureStylesheet(doc);
    const facts = new FactStore();
    const timers: (() => void)[] = [];
    const controller = new FeedController(bskyAdapter, facts, doc, { filtered: () => undefined, changed: () => undefined }, null, {
      now: () => 0, setTimeout: (run) => timers.push(run), clearTimeout: () => undefined,
    });
    controller.setRuleset(compileSnapshot(emptySnapshot()));
    // An earlier page told Doorman who @acme-outlet.com is; this reply of theirs is new.
    facts.merge({ site: 'bsky', accounts: [{ id: PEOPLE.acme.did, handle: PEOPLE.acme.handle, followed: false, followsYou: false }], items: [] });
    const feed = doc.getElementById('feed')!;
    feed.innerHTML = post('acmeHomeReply');
    controller.scan([feed]);
    const root = feed.firstElementChild!;
    expect(root.getAttribute(ATTR)).toBe('pending');
    const all = bskyPageFacts({ feed: [{ post: { uri: `at://${PEOPLE.acme.did}/app.bsky.feed.post/${postByKey('acmeHomeReply').rkey}`, author: { did: PEOPLE.acme.did, handle: PEOPLE.acme.handle, viewer: {} }, record: { text: 'x', reply: { parent: { uri: `at://${PEOPLE.sam.did}/app.bsky.feed.post/${postByKey('samPost').rkey}` }, root: { uri: `at://${PEOPLE.sam.did}/app.bsky.feed.post/${postByKey('samPost').rkey}` } } } } }] });
    const changed = facts.merge(all);
    expect(changed.accountIds.size).toBe(0); // nothing new about the author…
    controller.reclassifyAccounts(changed.accountIds, new Set(), changed.itemIds);
    // …yet the item facts find the item: a reply from a brand, collapsed without waiting for the deadline.
    expect(root.getAttribute(ATTR)).toBe('collapse');
    expect(controller.awaitingFacts).toBe(0);
  });
});

describe('an awaited post is read once (refresh)', () => {
  const URL_ = 'https://bsky.app/';
  const HOME_KEYS = ['samPost', 'acmeHomeReply', 'patPost'] as const;

  it('deciding again from the read gives the item a fresh parse gives, once the facts are in', () => {
    const page = loadPage(`<div id="feed">${HOME_KEYS.map((k) => post(k)).join('')}</div>`, URL_);
    pages.push(page);
    const facts = new FactStore();
    const els = [...page.doc.querySelectorAll('[data-testid^="feedItem-by-"]')];
    const reads = els.map((el) => bskyAdapter.parse(el, envFor(URL_, facts)) as FeedItem);
    expect(reads.every((i) => bskyAdapter.awaitsFacts?.(i, envFor(URL_, facts)) === true)).toBe(true);
    facts.merge(bskyPageFacts(timeline(Date.now())));
    els.forEach((el, n) => {
      const refreshed = bskyAdapter.refresh?.(el, reads[n]!, envFor(URL_, facts));
      expect(refreshed).toEqual(bskyAdapter.parse(el, envFor(URL_, facts)));
    });
    expect((bskyAdapter.refresh?.(els[1]!, reads[1]!, envFor(URL_, facts)) as FeedItem).kind).toBe('reply');
  });

  it('in the controller: each awaited post read once, decided again when its facts come', () => {
    const page = loadPage('<div id="feed"></div>', URL_);
    pages.push(page);
    const doc = page.doc;
    ensureStylesheet(doc);
    const facts = new FactStore();
    let parses = 0;
    const counting = { ...bskyAdapter, parse: (el: Element, env: Parameters<typeof bskyAdapter.parse>[1]) => (parses++, bskyAdapter.parse(el, env)) };
    const controller = new FeedController(counting, facts, doc, { filtered: () => undefined, changed: () => undefined }, null, {
      now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined,
    });
    controller.setRuleset(compileSnapshot(emptySnapshot()));
    const feed = doc.getElementById('feed')!;
    feed.innerHTML = HOME_KEYS.map((k) => post(k)).join('');
    controller.scan([feed]);
    expect(controller.awaitingFacts).toBe(HOME_KEYS.length);
    // As the content script hands them over (session.ts): the changed accounts by id and by handle.
    const delivered = bskyPageFacts(timeline(Date.now()));
    const changed = facts.merge(delivered);
    const handles = new Set(delivered.accounts.filter((a) => changed.accountIds.has(a.id)).map((a) => a.handle.toLowerCase()));
    controller.reclassifyAccounts(changed.accountIds, handles, changed.itemIds);
    expect(controller.awaitingFacts).toBe(0);
    expect(parses).toBe(HOME_KEYS.length);
    const marks = [...feed.children].map((el) => el.getAttribute(ATTR));
    expect(marks).toEqual(['show', 'collapse', 'show']);
  });
});

// The Mastodon adapter on markup as mastodon/mastodon's components render it (helpers.ts), with the
// facts the page-world reader would have collected from the captures.
import { describe, expect, it } from 'vitest';
import { isParseFailure } from '../../../../src/content/adapter';
import { FactStore } from '../../../../src/content/fact-store';
import { mastodonAdapter } from '../../../../src/sites/mastodon/adapter';
import { appPage, cellHtml, envFor, loadPage, parseAll, readCapture, statusHtml } from './helpers';
import { MastodonIds, mastodonPageFacts } from '../../../../src/sites/mastodon/page-facts';

const VIEWER = 'me@mastodon.social';

function store(): FactStore {
  const facts = new FactStore();
  facts.merge({
    site: 'mastodon', viewerId: VIEWER, items: [],
    accounts: [
      { id: 'friend@mas.to', handle: 'friend@mas.to', followed: true },
      { id: 'acme@brands.example', handle: 'acme@brands.example', followed: false, bot: false },
    ],
  });
  return facts;
}

describe('Mastodon routes', () => {
  it('tells home, notifications, threads and the seek contexts apart; the requests screen is "other"', () => {
    const ctx = (p: string) => mastodonAdapter.contextFor(new URL(`https://mastodon.social${p}`));
    expect(['/', '/home', '/deck/home'].map(ctx)).toEqual(['home', 'home', 'home']);
    expect(ctx('/notifications')).toBe('notifications');
    expect(ctx('/notifications/requests')).toBe('other');
    expect(ctx('/@alice/1234')).toBe('thread');
    expect(ctx('/@alice@mas.to/1234')).toBe('thread');
    expect(['/@alice', '/@alice/with_replies'].map(ctx)).toEqual(['profile', 'profile']);
    expect(['/search', '/explore', '/tags/cats', '/public/local'].map(ctx)).toEqual(['search', 'search', 'search', 'search']);
    expect(ctx('/lists/5')).toBe('list');
  });
});

describe('the Mastodon adapter', () => {
  it('home: a post, a boost, and a reply, authors by address with their facts', () => {
    const body = [
      cellHtml({ id: '10', acct: 'friend@mas.to', name: 'Friend', html: '<p>see <a href="https://news.example/a">news.example/a</a> <span class="h-card"><a href="https://mas.to/@bob" class="u-url mention">@<span>bob</span></a></span> <a href="https://mastodon.social/tags/x" class="mention hashtag">#x</a></p>' }),
      cellHtml({ id: '11', cellId: '99', acct: 'friend@mas.to' }),
      cellHtml({ id: '12', acct: 'acme@brands.example', classes: 'status-reply' }),
      cellHtml({ id: '13', acct: 'localuser', html: `<p><span class="h-card"><a href="https://mastodon.social/@me" class="u-url mention">@<span>me</span></a></span> hi</p>` }),
    ].join('');
    const { doc } = loadPage(appPage(body), 'https://mastodon.social/home');
    const { items, failures } = parseAll(doc, envFor('https://mastodon.social/home', store()));
    expect(failures).toEqual([]);
    expect(items.map((i) => [i.id, i.kind, i.author.handle])).toEqual([
      ['10', 'post', 'friend@mas.to'], ['11', 'repost', 'friend@mas.to'], ['12', 'reply', 'acme@brands.example'], ['13', 'mention', 'localuser@mastodon.social'],
    ]);
    expect(items[0]).toMatchObject({ linkDomains: ['news.example'], text: 'see news.example/a @bob #x', promoted: false, permalink: 'https://mastodon.social/@friend@mas.to/10' });
    expect(items[0]?.author).toMatchObject({ id: 'friend@mas.to', displayName: 'Friend', followed: true });
    expect(items[2]?.author.followed).toBe(false);
    expect(items[3]?.author.followed).toBe('unknown');
    expect(items[3]?.permalink).toBe('https://mastodon.social/@localuser/13');
    expect(mastodonAdapter.markTarget(doc.querySelector('.status[data-id="12"]')!)).toBe(doc.querySelector('article[data-id="12"]'));
  });

  it('thread: replies below the focal post by others are replies; in the viewer\'s own thread they are theirs', () => {
    const thread = (focalAuthor: string) => `<div class="scrollable">
      <div class="focusable detailed-status__wrapper"><div class="detailed-status"><a class="detailed-status__display-name" href="/@${focalAuthor}"><span class="display-name__account">@${focalAuthor}</span></a></div></div>
      ${statusHtml({ id: '101', acct: 'acme@brands.example', classes: 'status-reply status--in-thread' })}
      ${statusHtml({ id: '102', acct: focalAuthor, classes: 'status-reply status--in-thread' })}
    </div>`;
    const other = loadPage(appPage(thread('friend@mas.to')), 'https://mastodon.social/@friend@mas.to/100');
    const a = parseAll(other.doc, envFor('https://mastodon.social/@friend@mas.to/100', store())).items;
    expect(a.map((i) => [i.id, i.kind, i.inOwnThread])).toEqual([['101', 'reply', false], ['102', 'post', false]]);
    const own = loadPage(appPage(thread('me')), 'https://mastodon.social/@me/100');
    const b = parseAll(own.doc, envFor('https://mastodon.social/@me/100', store())).items;
    expect(b.map((i) => [i.id, i.kind, i.inOwnThread])).toEqual([['101', 'reply', true], ['102', 'post', false]]);
  });

  it('thread facts from the real context capture: replies to the viewer count as their thread', () => {
    const ids = new MastodonIds('mastodon.social');
    const facts = new FactStore();
    const ctx = readCapture('mastodon-api-context.json') as { descendants: { id: string; account: { acct: string }; in_reply_to_account_id: string }[] };
    facts.merge(mastodonPageFacts(ctx, { api: 'context', requestPath: '/api/v1/statuses/1/context', ids }));
    // The first reply that answers someone else (a self-reply continues its author's own thread).
    const root = ctx.descendants.find((d) => facts.item(d.id)?.inReplyToAuthorId !== facts.item(d.id)?.authorId)!;
    const target = facts.item(root.id)!.inReplyToAuthorId!;
    facts.viewerId = target; // the viewer is whom the first reply answers
    const { doc } = loadPage(appPage(statusHtml({ id: root.id, acct: root.account.acct, classes: 'status-reply' })), 'https://mastodon.social/home');
    const [item] = parseAll(doc, envFor('https://mastodon.social/home', facts)).items;
    expect(item?.author.handle).not.toBe(target);
    expect(item?.inOwnThread).toBe(true);
  });

  it('notifications (4.3 grouped markup): a mention is the status inside it; other groups name their first account', () => {
    const body = `
      <div class="notification-ungrouped focusable notification-ungrouped--mention" role="button"><div class="notification-ungrouped__header">mentioned you</div>${statusHtml({ id: '20', acct: 'acme@brands.example' })}</div>
      <div class="notification-ungrouped focusable notification-ungrouped--status" role="button">${statusHtml({ id: '21', acct: 'friend@mas.to' })}</div>
      <div class="notification-group notification-group--favourite focusable"><div class="notification-group__main"><a href="/@friend@mas.to" title="friend"><bdi>Friend</bdi></a> favourited your post<div class="notification-group__embedded-status">mine</div></div></div>
      <div class="notification-group notification-group--moderation_warning">a warning</div>`;
    const { doc } = loadPage(appPage(body), 'https://mastodon.social/notifications');
    const { items, failures, skipped } = parseAll(doc, envFor('https://mastodon.social/notifications', store()));
    expect(failures).toEqual([]);
    expect(skipped).toBe(1);
    expect(items.map((i) => [i.id.startsWith('notification-') ? 'group' : i.id, i.kind, i.author.handle])).toEqual([
      ['20', 'mention', 'acme@brands.example'], ['21', 'post', 'friend@mas.to'], ['group', 'notification', 'friend@mas.to'],
    ]);
    expect(mastodonAdapter.markTarget(doc.querySelector('.status[data-id="20"]')!)).toBe(doc.querySelector('.notification-ungrouped--mention'));
  });

  it('notifications (older markup): a bare status is a mention; a favourite\'s copy of your post is no item', () => {
    const body = `${statusHtml({ id: '30', acct: 'acme@brands.example' })}
      <div class="notification notification-favourite focusable"><div class="notification__message"><a class="notification__display-name" href="/@friend@mas.to">Friend</a> favourited your post</div>${statusHtml({ id: '31', acct: 'me', classes: 'muted' })}</div>`;
    const { doc } = loadPage(appPage(body), 'https://mastodon.social/notifications');
    const { items } = parseAll(doc, envFor('https://mastodon.social/notifications', store()));
    expect(items.map((i) => [i.kind, i.author.handle])).toEqual([['mention', 'acme@brands.example'], ['notification', 'friend@mas.to']]);
  });

  it('leaves the notification requests screen alone', () => {
    const { doc } = loadPage(appPage(statusHtml({ id: '40', acct: 'acme@brands.example' })), 'https://mastodon.social/notifications/requests/7');
    expect(parseAll(doc, envFor('https://mastodon.social/notifications/requests/7', store())).items).toEqual([]);
  });

  it('a post without an author link is a parse failure; cells with no status read as drift', () => {
    const broken = loadPage(appPage('<div class="status" data-id="50"><p>?</p></div>'), 'https://mastodon.social/home');
    const r = mastodonAdapter.parse(broken.doc.querySelector('.status')!, envFor('https://mastodon.social/home'));
    expect(r !== null && isParseFailure(r)).toBe(true);
    const drifted = loadPage(appPage('<article data-id="1"><div class="post"></div></article><article data-id="2"></article>'), 'https://mastodon.social/home');
    expect(mastodonAdapter.detectDrift(drifted.doc, 0)).toMatch(/none matches/);
    expect(mastodonAdapter.detectDrift(broken.doc, 1)).toBeNull();
  });
});

describe('Mastodon items that arrive before their facts (awaitsFacts)', () => {
  const body = [
    cellHtml({ id: '20', acct: 'acme@brands.example', classes: 'status-reply' }),
    cellHtml({ id: '21', cellId: '98', acct: 'friend@mas.to' }),
  ].join('');

  it('waits while the status or its author is not in the facts yet, on home and in a thread', () => {
    for (const where of ['https://mastodon.social/home', 'https://mastodon.social/@friend@mas.to/5']) {
      const { doc } = loadPage(appPage(body), where);
      const env = envFor(where, new FactStore());
      const { items } = parseAll(doc, env);
      const reply = items.find((i) => i.id === '20')!;
      expect(mastodonAdapter.awaitsFacts?.(reply, env), where).toBe(true);
      // A boost's verdict turns on no fact of the boosted status: it never waits.
      expect(mastodonAdapter.awaitsFacts?.(items.find((i) => i.id === '21')!, env), where).toBe(false);
    }
  });

  it('stops waiting once the response that carried the status is read, follow state or not', () => {
    const facts = new FactStore();
    const { doc } = loadPage(appPage(body), 'https://mastodon.social/home');
    const env = envFor('https://mastodon.social/home', facts);
    const before = parseAll(doc, env).items.find((i) => i.id === '20')!;
    expect(mastodonAdapter.awaitsFacts?.(before, env)).toBe(true);
    // The status and its author, as the home timeline's response gives them: no relationship in it.
    facts.merge({ site: 'mastodon', items: [{ id: '20', authorId: 'acme@brands.example' }], accounts: [{ id: 'acme@brands.example', handle: 'acme@brands.example', bot: false }] });
    const after = parseAll(doc, envFor('https://mastodon.social/home', facts)).items.find((i) => i.id === '20')!;
    expect(after.author.followed).toBe('unknown');
    expect(mastodonAdapter.awaitsFacts?.(after, envFor('https://mastodon.social/home', facts))).toBe(false);
  });

  it('never waits where the user went looking, nor for notification groups', () => {
    const search = 'https://mastodon.social/search';
    const { doc } = loadPage(appPage(body), search);
    const env = envFor(search, new FactStore());
    for (const i of parseAll(doc, env).items) expect(mastodonAdapter.awaitsFacts?.(i, env)).toBe(false);
    const group = `<article data-id="favourite-1"><div class="notification-group notification-group--favourite"><a href="/@dana@town.example">Dana</a> favorited your post</div></article>`;
    const n = loadPage(appPage(group), 'https://mastodon.social/notifications');
    const nEnv = envFor('https://mastodon.social/notifications', new FactStore());
    const items = parseAll(n.doc, nEnv).items;
    expect(items.map((i) => i.kind)).toEqual(['notification']);
    expect(mastodonAdapter.awaitsFacts?.(items[0]!, nEnv)).toBe(false);
  });
});

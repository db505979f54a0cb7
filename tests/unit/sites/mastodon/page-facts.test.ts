// The Mastodon API captures → page facts: accounts keyed by address, follow state from relationships,
// verified profile links, bots, reply targets resolved across the response, the viewer by `meta.me`.
import { describe, expect, it } from 'vitest';
import { checkPageFacts } from '../../../../src/shared/facts-check';
import { MastodonIds, mastodonPageFacts } from '../../../../src/sites/mastodon/page-facts';
import type { MastodonApi } from '../../../../src/sites/mastodon/routes';
import { readCapture } from './helpers';

interface Status { id: string; in_reply_to_id: string | null; account: { id: string; acct: string }; in_reply_to_account_id: string | null }

const read = (api: MastodonApi, name: string, ids = new MastodonIds('mastodon.social'), viewerServerId?: string, requestPath = '/api/v1/x') =>
  mastodonPageFacts(readCapture(name), { api, requestPath, ids, viewerServerId });

describe('Mastodon page facts from the real captures', () => {
  it('home timeline: 13 statuses by 2 local accounts, keyed by address, passing the content script\'s check', () => {
    const f = read('home', 'mastodon-api-home-timeline.json');
    expect(f.items).toHaveLength(13);
    expect(f.accounts.map((a) => a.id).sort()).toEqual(['admin@mastodon.social', 'mastodonpy_test@mastodon.social']);
    const john = f.accounts.find((a) => a.id === 'mastodonpy_test@mastodon.social');
    expect(john).toMatchObject({ handle: 'mastodonpy_test@mastodon.social', displayName: 'John Lennon', bot: false });
    expect(john?.createdAt).toBe(Date.parse('2026-08-01T00:00:00.000Z'));
    expect(john?.verified).toBeUndefined(); // its two fields have verified_at: null
    expect(f.items.find((i) => i.id === '117020593473214477')?.authorId).toBe('mastodonpy_test@mastodon.social');
    expect(checkPageFacts(f, 'mastodon')).toEqual(f);
  });

  it('context (mastodon.social): 59 replies from 50 accounts, every reply target resolved, verified links read', () => {
    const ctx = readCapture('mastodon-api-context.json') as { descendants: Status[] };
    const focal = ctx.descendants[0]!.in_reply_to_id!;
    const f = read('context', 'mastodon-api-context.json', undefined, undefined, `/api/v1/statuses/${focal}/context`);
    expect(f.items).toHaveLength(59);
    expect(f.accounts).toHaveLength(50);
    expect(f.accounts.filter((a) => a.id.endsWith('@mastodon.social')).length).toBeGreaterThanOrEqual(10); // local accounts got the domain
    expect(f.items.every((i) => i.inReplyToAuthorId !== undefined && i.inReplyToAuthorId.includes('@'))).toBe(true);
    expect(f.items.every((i) => i.conversationId === focal)).toBe(true); // no ancestors: the focal post is the root
    expect(f.accounts.filter((a) => a.verified === 'domain')).toHaveLength(12);
    expect(f.accounts.find((a) => a.id === 'austinkocher@mastodon.social')?.verified).toBe('domain');
    expect(checkPageFacts(f, 'mastodon')).toEqual(f);
  });

  it('grouped notifications (v2): accounts listed apart from the groups, full and partial', () => {
    const full = read('grouped', 'mastodon-api-v2-notifications-grouped-full.json');
    expect(full.accounts.map((a) => a.id)).toEqual(['admin@mastodon.social']);
    expect(full.items).toHaveLength(5);
    expect(full.items.every((i) => i.authorId === 'admin@mastodon.social')).toBe(true);
    const partial = read('grouped', 'mastodon-api-v2-notifications-grouped-partial.json');
    expect(partial.accounts.map((a) => a.id)).toEqual(expect.arrayContaining(['admin@mastodon.social', 'mastodonpy_test_2@mastodon.social']));
    expect(partial.accounts.find((a) => a.id === 'admin@mastodon.social')?.bot).toBe(false); // from the partial account
  });

  it('ungrouped notifications (v1): the notifying accounts', () => {
    const f = read('notifications', 'mastodon-api-v1-notifications.json');
    expect(f.accounts.map((a) => a.id).sort()).toEqual(['admin2@mastodon.social', 'mastodonpy_test@mastodon.social', 'mastodonpy_test_2@mastodon.social']);
  });

  it('relationships: follow state for accounts the page has shown, nothing for an id it never showed', () => {
    const ids = new MastodonIds('mastodon.social');
    expect(read('relationships', 'mastodon-api-relationships.json', ids).accounts).toEqual([]);
    ids.remember('117020457910412882', 'bob@mas.to');
    expect(read('relationships', 'mastodon-api-relationships.json', ids).accounts).toEqual([
      { id: 'bob@mas.to', handle: 'bob@mas.to', followed: false, followsYou: false },
    ]);
    const following = mastodonPageFacts([{ id: '117020457910412882', following: true, followed_by: true }], { api: 'relationships', requestPath: '', ids });
    expect(following.accounts[0]).toMatchObject({ followed: true, followsYou: true });
  });

  it("the viewer by meta.me, once an account with that id was seen; their own following list marks follows", () => {
    const ids = new MastodonIds('mastodon.social');
    const home = read('home', 'mastodon-api-home-timeline.json', ids, '117020565966271181');
    expect(home.viewerId).toBe('mastodonpy_test@mastodon.social');
    const list = [{ id: '5', acct: 'carol@mas.to' }, { id: '6', acct: 'dave' }];
    const own = mastodonPageFacts(list, { api: 'following', requestPath: '/api/v1/accounts/117020565966271181/following', ids, viewerServerId: '117020565966271181' });
    expect(own.followingList).toBe(true);
    expect(own.accounts.map((a) => [a.id, a.followed])).toEqual([['carol@mas.to', true], ['dave@mastodon.social', true]]);
    const theirs = mastodonPageFacts(list, { api: 'following', requestPath: '/api/v1/accounts/42/following', ids, viewerServerId: '117020565966271181' });
    expect(theirs.followingList).toBeUndefined();
    expect(theirs.accounts.every((a) => a.followed === undefined)).toBe(true);
  });

  it('never throws on hostile input, and drops accounts no address fits', () => {
    const ids = new MastodonIds('mastodon.social');
    for (const bad of [null, 42, 'x', {}, [null, 1, 'a'], { ancestors: 'no' }, [{ id: '1', account: { acct: 'a b' } }]]) {
      const f = mastodonPageFacts(bad, { api: 'context', requestPath: '', ids });
      expect(f.accounts).toEqual([]);
    }
    const bot = mastodonPageFacts([{ id: '7', account: { id: '8', acct: 'news@bots.example', bot: true, group: true } }], { api: 'home', requestPath: '', ids });
    expect(bot.accounts[0]).toMatchObject({ id: 'news@bots.example', bot: true });
    expect(bot.accounts[0]).not.toHaveProperty('orgProfile'); // a group is a community, not an organisation
  });
});

// page-facts: X API JSON → PageFacts, on the real TweetDetail capture (2025–26 schema), hand-made
// responses in the older `legacy` schema and REST v2, and hostile input that must not throw.
import { describe, expect, it } from 'vitest';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS, PageFacts, type AccountFact } from '../../../../src/shared/facts';
import { isEmptyFacts } from '../../../../src/page-world/install';
import { viewerIdFromCookie, xPageFacts } from '../../../../src/sites/x/page-facts';
import { parseXDate } from '../../../../src/sites/x/api-user';
import { readCapture, readFixture } from './helpers';

const json = (text: string): unknown => JSON.parse(text);
const byHandle = (accounts: AccountFact[], handle: string) => accounts.find((a) => a.handle === handle);

describe('xPageFacts on the x-api-tweetdetail.json capture (2025–26 schema)', () => {
  const facts = xPageFacts(json(readCapture('x-api-tweetdetail.json')));

  it('is valid PageFacts and finds every account and post', () => {
    expect(PageFacts.safeParse(facts).success).toBe(true);
    expect(facts.site).toBe('x');
    expect(facts.accounts).toHaveLength(31); // 37 user objects, 31 distinct accounts
    expect(facts.items).toHaveLength(37); // the focal post and 36 replies
    expect(facts.viewerId).toBeUndefined(); // TweetDetail does not say who is looking
    expect(facts.followingList).toBeUndefined();
  });

  it('reads the Business-verified author', () => {
    expect(byHandle(facts.accounts, 'XDevelopers')).toEqual({
      id: '2244994945',
      handle: 'XDevelopers',
      displayName: 'Developers',
      followed: true,
      followsYou: false,
      verified: 'organization', // verification.verified_type "Business" beats is_blue_verified and the affiliate label
      orgProfile: true, // professional_type Business, square avatar
      createdAt: Date.UTC(2013, 11, 14, 4, 35, 55),
    });
  });

  it('reads follow state, badges and profile kinds for everyone', () => {
    const { accounts } = facts;
    expect(accounts.filter((a) => a.followed === true).map((a) => a.handle)).toEqual(['XDevelopers']);
    expect(accounts.every((a) => a.followed !== undefined && a.followsYou === false)).toBe(true);
    expect(accounts.filter((a) => a.verified === 'paid')).toHaveLength(6);
    expect(accounts.filter((a) => a.verified === 'none')).toHaveLength(24);
    expect(byHandle(accounts, '_andrewlyons')?.verified).toBe('paid');
    expect(accounts.filter((a) => a.orgProfile).map((a) => a.handle).sort())
      .toEqual(['Allinmylove3162', 'BirdflowIO', 'Ma3kitagu', 'XDevelopers']);
    expect(accounts.every((a) => typeof a.createdAt === 'number' && a.bot === undefined)).toBe(true);
  });

  it('reads posts: author, conversation and whom each replies to', () => {
    const item = (id: string) => facts.items.find((i) => i.id === id);
    expect(item('1649191520250245121')).toEqual({
      id: '1649191520250245121', authorId: '2244994945', conversationId: '1649191520250245121',
    });
    // The author's own continuation, and a reply from someone else.
    expect(item('1649191521323995138')).toMatchObject({ authorId: '2244994945', inReplyToAuthorId: '2244994945' });
    expect(item('1649263296434806785')).toMatchObject({ authorId: '108209516', inReplyToAuthorId: '2244994945' });
    expect(facts.items.every((i) => i.conversationId === '1649191520250245121')).toBe(true);
    expect(facts.items.filter((i) => i.inReplyToAuthorId !== undefined)).toHaveLength(36);
    expect(facts.items.some((i) => i.promoted)).toBe(false);
  });
});

describe('xPageFacts on the older legacy schema (HomeTimeline)', () => {
  const facts = xPageFacts(json(readFixture('home-timeline-legacy.json')));
  const account = (id: string) => facts.accounts.find((a) => a.id === id);
  const item = (id: string) => facts.items.find((i) => i.id === id);

  it('is valid and complete', () => {
    expect(PageFacts.safeParse(facts).success).toBe(true);
    expect(facts.accounts.map((a) => a.id)).toEqual(['101', '102', '103', '104', '105', '106']);
    expect(facts.items.map((i) => i.id)).toEqual(['5001', '5002', '5003', '5004', '5005', '5006']);
  });

  it('reads legacy follow flags; X leaves false ones out of a full legacy user', () => {
    expect(account('101')).toMatchObject({ handle: 'friend_person', followed: true, followsYou: true, verified: 'none' });
    expect(account('103')).toMatchObject({ followed: false, followsYou: false });
    expect(account('104')).toMatchObject({ handle: 'stranger_x', followed: false, followsYou: true });
  });

  it('a stub without a screen_name says nothing about follow state', () => {
    const facts = xPageFacts({ __typename: 'User', rest_id: '9', legacy: { name: 'Stub' } });
    expect(facts.accounts).toEqual([{ id: '9', handle: '', displayName: 'Stub' }]);
  });

  it('maps badge kinds by strength: government, organisation, affiliate, paid', () => {
    expect(account('103')?.verified).toBe('government');
    expect(account('102')).toMatchObject({ handle: 'AcmeCorp', verified: 'organization', orgProfile: true });
    expect(account('105')).toMatchObject({ handle: 'AcmeSupport', verified: 'affiliate' });
    expect(account('104')?.verified).toBe('paid');
    expect(account('106')).toMatchObject({ bot: true, handle: 'weather_bot' });
    expect(account('106')?.verified).toBeUndefined(); // nothing said about a badge either way
  });

  it('keeps the handle when a later stub (the ad\'s advertiser reference) repeats the account', () => {
    expect(account('102')?.handle).toBe('AcmeCorp');
  });

  it('parses creation dates with their UTC offset', () => {
    expect(account('101')?.createdAt).toBe(Date.UTC(2009, 3, 21, 6, 49, 15));
    expect(account('103')?.createdAt).toBe(Date.UTC(2015, 2, 4, 17, 0, 0));
  });

  it('marks promoted entries, unwraps TweetWithVisibilityResults, finds quotes in modules', () => {
    expect(item('5002')).toMatchObject({ authorId: '102', promoted: true });
    expect(item('5001')?.promoted).toBeUndefined();
    expect(item('5003')).toEqual({ id: '5003', authorId: '103', inReplyToAuthorId: '1000', conversationId: '4000' });
    expect(item('5005')).toMatchObject({ authorId: '105' });
    expect(item('5006')).toMatchObject({ authorId: '106', inReplyToAuthorId: '104', conversationId: '5004' });
  });
});

describe('xPageFacts on other responses', () => {
  it('reads REST v2 notifications (globalObjects) and their promoted entries', () => {
    const facts = xPageFacts(json(readFixture('notifications-all.json')));
    expect(PageFacts.safeParse(facts).success).toBe(true);
    // The web app asks for ext_* fields: ext_verified_type, ext_profile_image_shape, ext.highlightedLabel.
    expect(facts.accounts).toEqual([
      { id: '2001', handle: 'brandco', displayName: 'Brand Co', followed: false, followsYou: false,
        verified: 'organization', orgProfile: true, createdAt: Date.UTC(2012, 0, 2, 10) },
      { id: '2002', handle: 'old_pal', displayName: 'Old Pal', followed: true, followsYou: true,
        verified: 'none', orgProfile: false, createdAt: Date.UTC(2008, 5, 5, 8, 30) },
      { id: '2003', handle: 'brandco_help', displayName: 'Brand Co Support', followsYou: false, // following: null
        verified: 'affiliate', orgProfile: false, createdAt: Date.UTC(2020, 2, 3, 3, 3, 3) },
    ]);
    expect(facts.items).toEqual([
      { id: '3001', authorId: '2001', inReplyToAuthorId: '1000', conversationId: '2999' },
      { id: '3002', authorId: '2001', conversationId: '3002', promoted: true },
    ]);
  });

  it('finds the viewer and drops their meaningless relationship to themself', () => {
    const facts = xPageFacts(json(readFixture('viewer.json')));
    expect(facts.viewerId).toBe('1000');
    expect(facts.accounts).toEqual([
      { id: '1000', handle: 'me_viewer', displayName: 'Me', verified: 'none', createdAt: Date.UTC(2013, 6, 1, 12) },
    ]);
    expect(xPageFacts({}, { viewerId: '1000' }).viewerId).toBe('1000');
    expect(xPageFacts({}, { viewerId: 'not-an-id' }).viewerId).toBeUndefined();
  });

  it('the viewer\'s own Following list: followingList, and every listed account followed', () => {
    const facts = xPageFacts(json(readFixture('following.json')), { ownFollowingList: true });
    expect(PageFacts.safeParse(facts).success).toBe(true);
    expect(facts.followingList).toBe(true);
    expect(facts.accounts.map((a) => [a.handle, a.followed])).toEqual([['pal_one', true], ['coffee_co', true]]);
    expect(facts.accounts[1]).toMatchObject({ verified: 'organization', orgProfile: true });
  });

  it('someone else\'s Following list: only the relationship flags (present object, absent flag = false)', () => {
    const facts = xPageFacts(json(readFixture('following.json')));
    expect(facts.followingList).toBeUndefined();
    expect(facts.accounts.map((a) => [a.handle, a.followed, a.followsYou])).toEqual([
      ['pal_one', true, true], ['coffee_co', false, false],
    ]);
  });

  it('a newer-schema user without relationship_perspectives has unknown follow state', () => {
    const facts = xPageFacts({ __typename: 'User', rest_id: '7', core: { screen_name: 'a' } });
    expect(facts.accounts).toEqual([{ id: '7', handle: 'a' }]);
  });

  it('isEmptyFacts', () => {
    expect(isEmptyFacts(xPageFacts({ data: {} }))).toBe(true);
    expect(isEmptyFacts(xPageFacts(json(readFixture('viewer.json'))))).toBe(false);
  });
});

describe('xPageFacts on hostile input', () => {
  const valid = (data: unknown) => {
    const facts = xPageFacts(data);
    expect(PageFacts.safeParse(facts).success).toBe(true);
    return facts;
  };

  it('primitives, null, arrays of junk', () => {
    for (const v of [null, undefined, 0, 'x', true, [], [null, 1, 'a', [[]]], { __typename: 'User' }]) {
      expect(valid(v).accounts).toEqual([]);
    }
  });

  it('wrong types in every field', () => {
    const facts = valid({
      a: { __typename: 'User', rest_id: 42, core: { screen_name: 'n' } },
      b: { __typename: 'User', rest_id: '43', core: { screen_name: { x: 1 }, name: ['n'], created_at: 12 },
        relationship_perspectives: { following: 'yes' }, verification: { verified_type: 7 }, is_blue_verified: 'true',
        profile_image_shape: null, professional: 'Business', affiliates_highlighted_label: { label: 'BusinessLabel' } },
      c: { __typename: 'Tweet', rest_id: '12abc', legacy: {} },
      d: { __typename: 'Tweet', rest_id: '44', core: { user_results: { result: { rest_id: {} } } },
        legacy: { in_reply_to_user_id_str: 5, conversation_id_str: ['1'], user_id_str: null } },
      e: { __typename: 'TweetWithVisibilityResults', tweet: 'nope' },
      f: { promotedMetadata: {}, tweet_results: { result: null } },
      g: { globalObjects: { users: [1, 2], tweets: 'x' } },
      h: { viewer: { user_results: { result: { rest_id: 'me' } } } },
    });
    expect(facts.accounts).toEqual([{ id: '43', handle: '', followed: false, followsYou: false }]);
    expect(facts.items).toEqual([{ id: '44', authorId: '' }]);
    expect(facts.viewerId).toBeUndefined();
  });

  it('over-long strings are clipped to the schema limits', () => {
    const facts = valid({ __typename: 'User', rest_id: '1', core: { screen_name: 'h'.repeat(5000), name: 'n'.repeat(5000) } });
    expect(facts.accounts[0]?.handle).toHaveLength(320);
    expect(facts.accounts[0]?.displayName).toHaveLength(200);
  });

  it('deep nesting (100 000 levels) neither throws nor recurses', () => {
    let deep: unknown = { __typename: 'User', rest_id: '1', core: { screen_name: 'bottom' } };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    const facts = valid([{ __typename: 'User', rest_id: '2', core: { screen_name: 'top' } }, deep]);
    expect(facts.accounts.map((a) => a.handle)).toEqual(['top']); // the bottom is beyond the depth limit
  });

  it('cycles (from a caller other than JSON.parse) terminate', () => {
    const a: Record<string, unknown> = { __typename: 'User', rest_id: '3', core: { screen_name: 'loop' } };
    a.self = a;
    a.list = [a, a, a];
    expect(valid(a).accounts).toHaveLength(1);
  });

  it('huge arrays are cut off by the node budget, quickly', () => {
    const huge = new Array<unknown>(3_000_000).fill({ k: 1 });
    const start = Date.now();
    valid({ data: huge });
    expect(Date.now() - start).toBeLessThan(3_000);
  });

  it('caps accounts and items at the schema maxima', () => {
    const users = Array.from({ length: MAX_FACT_ACCOUNTS + 500 }, (_, i) => ({
      __typename: 'Tweet', rest_id: String(10_000 + i),
      core: { user_results: { result: { __typename: 'User', rest_id: String(i + 1), core: { screen_name: `u${i}` } } } },
    }));
    const tweets = Array.from({ length: MAX_FACT_ITEMS + 500 }, (_, i) => ({ __typename: 'Tweet', rest_id: String(900_000 + i) }));
    const facts = valid({ users, tweets });
    expect(facts.accounts).toHaveLength(MAX_FACT_ACCOUNTS);
    expect(facts.items).toHaveLength(MAX_FACT_ITEMS);
  });

  it('getters that throw do not escape', () => {
    const evil = { get __typename(): string { throw new Error('boom'); } };
    expect(() => xPageFacts({ a: evil })).not.toThrow();
  });
});

describe('small readers', () => {
  it('parseXDate', () => {
    expect(parseXDate('Sat Dec 14 04:35:55 +0000 2013')).toBe(Date.UTC(2013, 11, 14, 4, 35, 55));
    expect(parseXDate('Sat Dec 14 04:35:55 +0130 2013')).toBe(Date.UTC(2013, 11, 14, 3, 5, 55));
    expect(parseXDate('2020-01-02T03:04:05.000Z')).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(parseXDate('Sat Foo 14 04:35:55 +0000 2013')).toBeUndefined();
    expect(parseXDate('yesterday')).toBeUndefined();
    expect(parseXDate(undefined)).toBeUndefined();
  });

  it('viewerIdFromCookie reads only twid', () => {
    expect(viewerIdFromCookie('guest_id=v1%3A1; twid=u%3D1234567890; ct0=abc')).toBe('1234567890');
    expect(viewerIdFromCookie('twid="u=42"')).toBe('42');
    expect(viewerIdFromCookie('xtwid=u%3D1; lang=en')).toBeUndefined();
    expect(viewerIdFromCookie('')).toBeUndefined();
  });
});

// X's URL space: page contexts, status ids, API operations, and whose Following list a response is.
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../../src/sites/x/adapter';
import {
  contextFor, graphqlUserId, handleFromPath, isMentionsPage, isOwnFollowingList, statusIdFromPath, xApiOperation,
} from '../../../../src/sites/x/routes';

describe('contextFor', () => {
  it.each([
    ['/home', 'home'],
    ['/', 'home'],
    ['/notifications', 'notifications'],
    ['/notifications/mentions', 'notifications'],
    ['/notifications/verified', 'notifications'],
    ['/XDevelopers/status/1649191520250245121', 'thread'],
    ['/XDevelopers/status/1649191520250245121/photo/1', 'thread'],
    ['/i/web/status/1649191520250245121', 'thread'],
    ['/search?q=doorman&src=typed_query', 'search'],
    ['/explore', 'search'],
    ['/explore/tabs/for-you', 'search'],
    ['/hashtag/typescript', 'search'],
    ['/i/lists/1234567890', 'list'],
    ['/i/communities/1234567890', 'list'],
    ['/XDevelopers', 'profile'],
    ['/XDevelopers/with_replies', 'profile'],
    ['/XDevelopers/media', 'profile'],
    ['/XDevelopers/following', 'other'],
    ['/messages', 'other'],
    ['/settings/account', 'other'],
    ['/i/bookmarks', 'other'],
    ['/compose/post', 'other'],
  ] as const)('%s → %s', (path, context) => {
    expect(contextFor(new URL(path, 'https://x.com'))).toBe(context);
    expect(xAdapter.contextFor(new URL(path, 'https://twitter.com'))).toBe(context);
  });
});

describe('path readers', () => {
  it('handleFromPath', () => {
    expect(handleFromPath('/XDevelopers')).toBe('xdevelopers');
    expect(handleFromPath('/_andrewlyons/status/1')).toBe('_andrewlyons');
    expect(handleFromPath('/home')).toBeNull();
    expect(handleFromPath('/i/lists/1')).toBeNull();
    expect(handleFromPath('/not-a-handle')).toBeNull();
    expect(handleFromPath('https://x.com/someone')).toBeNull(); // paths only
  });

  it('statusIdFromPath', () => {
    expect(statusIdFromPath('/a/status/123')).toBe('123');
    expect(statusIdFromPath('/a/status/123/analytics')).toBe('123');
    expect(statusIdFromPath('/a/status/12x')).toBeNull();
    expect(statusIdFromPath('/a/statuses/123')).toBeNull();
  });

  it('isMentionsPage', () => {
    expect(isMentionsPage(new URL('https://x.com/notifications/mentions'))).toBe(true);
    expect(isMentionsPage(new URL('https://x.com/notifications'))).toBe(false);
  });
});

describe('xApiOperation (by path, on any host)', () => {
  it.each([
    ['/i/api/graphql/abc-DEF_123/HomeTimeline', 'HomeTimeline'],
    ['/i/api/graphql/abc/HomeLatestTimeline', 'HomeLatestTimeline'],
    ['/i/api/graphql/abc/TweetDetail', 'TweetDetail'],
    ['/i/api/graphql/abc/Following', 'Following'],
    ['/graphql/abc/UserTweets', 'UserTweets'],
    ['/i/api/2/notifications/all.json', 'notifications/all'],
    ['/i/api/2/notifications/mentions.json', 'notifications/mentions'],
  ])('%s → %s', (path, op) => {
    expect(xApiOperation(path)).toBe(op);
  });

  it.each(['/i/api/1.1/account/settings.json', '/i/api/graphql/abc', '/home', '/i/api/graphql/abc/Home/extra', '/i/api/2/badge_count/badge_count.json'])(
    '%s → null', (path) => {
      expect(xApiOperation(path)).toBeNull();
    });
});

describe('isOwnFollowingList', () => {
  const following = (vars: object) =>
    new URL(`https://x.com/i/api/graphql/q/Following?variables=${encodeURIComponent(JSON.stringify(vars))}&features=%7B%7D`);

  it('reads userId from the variables parameter', () => {
    expect(graphqlUserId(following({ userId: '1000', count: 20 }))).toBe('1000');
    expect(graphqlUserId(new URL('https://x.com/i/api/graphql/q/Following?variables=nope'))).toBeUndefined();
    expect(graphqlUserId(following({ userId: 1000 }))).toBeUndefined();
  });

  it('the request names the viewer', () => {
    const base = { operation: 'Following', pagePath: '/someone/following' };
    expect(isOwnFollowingList({ ...base, requestUrl: following({ userId: '1000' }), viewerId: '1000' })).toBe(true);
    expect(isOwnFollowingList({ ...base, requestUrl: following({ userId: '2000' }), viewerId: '1000' })).toBe(false);
  });

  it('else the page is /<viewer>/following', () => {
    const requestUrl = following({ userId: '1000' });
    expect(isOwnFollowingList({ operation: 'Following', requestUrl, pagePath: '/Me_Viewer/following', viewerHandle: 'me_viewer' })).toBe(true);
    expect(isOwnFollowingList({ operation: 'Following', requestUrl, pagePath: '/other/following', viewerHandle: 'me_viewer' })).toBe(false);
    expect(isOwnFollowingList({ operation: 'Following', requestUrl, pagePath: '/me_viewer/following' })).toBe(false);
  });

  it('only for the Following operation', () => {
    expect(isOwnFollowingList({ operation: 'Followers', requestUrl: following({ userId: '1' }), pagePath: '/me/following', viewerId: '1' })).toBe(false);
  });
});

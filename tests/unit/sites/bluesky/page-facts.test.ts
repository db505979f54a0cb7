// Bluesky XRPC responses → facts, on the real captures (tests/fixtures/bluesky): follow state from
// `viewer.following` / `viewer.followedBy`, the viewer's DID from their follow records, reply parents
// and thread roots, verification, labelers, the viewer's own Following list, and the account syntax.
import { describe, expect, it } from 'vitest';
import { PageFacts } from '../../../../src/shared/facts';
import { checkPageFacts } from '../../../../src/shared/facts-check';
import { bskyPageFacts, readProfile } from '../../../../src/sites/bluesky/page-facts';
import { bskyPageReader } from '../../../../src/sites/bluesky/page-reader';
import { readJson } from './helpers';

const VIEWER_THREAD = 'did:plc:iijrtk7ocored6zuziwmqq3c';
const VIEWER_NOTIFS = 'did:plc:5c2r73erhng4bszmxlfdtscf';

describe('getPostThread (real capture)', () => {
  const facts = bskyPageFacts(readJson('bsky-api-getpostthread.json'));

  it('passes the schema and the site syntax unchanged', () => {
    expect(PageFacts.safeParse(facts).success).toBe(true);
    expect(checkPageFacts(facts, 'bsky')).toEqual(facts);
  });

  it('every author once, with follow state where the viewer object says it', () => {
    expect(facts.accounts).toHaveLength(31);
    expect(facts.accounts.filter((a) => a.followed === true)).toHaveLength(11);
    expect(facts.accounts.filter((a) => a.followsYou === true)).toHaveLength(8);
    expect(facts.accounts.every((a) => a.followed !== undefined && a.id.startsWith('did:plc:'))).toBe(true);
    expect(facts.accounts.find((a) => a.handle === 'skeet.computer')).toMatchObject({ id: 'did:plc:iuk433sj23ncu2oo2pfnw7fw', followed: true, followsYou: true });
    expect(facts.accounts.find((a) => a.handle === 'junlper.bsky.social')).toMatchObject({ followed: false, followsYou: false });
  });

  it('the viewer is the repository of their follow records', () => {
    expect(facts.viewerId).toBe(VIEWER_THREAD);
  });

  it('every post, with whom it replies to and the thread root', () => {
    expect(facts.items).toHaveLength(58);
    const focal = facts.items.find((i) => i.id === 'at://did:plc:iuk433sj23ncu2oo2pfnw7fw/app.bsky.feed.post/3jujgsslyxt2h');
    expect(focal).toEqual({
      id: 'at://did:plc:iuk433sj23ncu2oo2pfnw7fw/app.bsky.feed.post/3jujgsslyxt2h',
      authorId: 'did:plc:iuk433sj23ncu2oo2pfnw7fw',
      inReplyToAuthorId: 'did:plc:mf5dzzqkp7fnmby6blfeljwj',
      conversationId: 'at://did:plc:nx3kofpg4oxmkonqr6su5lw4/app.bsky.feed.post/3juhgsu4tpi2e',
    });
    // The root itself is above the ancestors the response holds; every post names it as the conversation.
    expect(new Set(facts.items.map((i) => i.conversationId))).toEqual(new Set(['at://did:plc:nx3kofpg4oxmkonqr6su5lw4/app.bsky.feed.post/3juhgsu4tpi2e']));
    expect(facts.items.every((i) => i.inReplyToAuthorId?.startsWith('did:plc:'))).toBe(true);
    // A post that replies to nothing is its own conversation.
    const top = bskyPageFacts({ feed: [{ post: { uri: `at://${VIEWER_THREAD}/app.bsky.feed.post/3k`, author: { did: VIEWER_THREAD, handle: 'a.example' }, record: { text: 'hi' } } }] });
    expect(top.items).toEqual([{ id: `at://${VIEWER_THREAD}/app.bsky.feed.post/3k`, authorId: VIEWER_THREAD, conversationId: `at://${VIEWER_THREAD}/app.bsky.feed.post/3k` }]);
  });
});

describe('listNotifications (real capture)', () => {
  const facts = bskyPageFacts(readJson('bsky-api-listnotifications.json'));

  it('facts for the posts behind mentions and quotes, none for likes and follows', () => {
    expect(checkPageFacts(facts, 'bsky')).toEqual(facts);
    expect(facts.viewerId).toBe(VIEWER_NOTIFS);
    expect(facts.items).toHaveLength(18); // 11 mentions + 7 quotes
    expect(facts.items.every((i) => i.id.includes('/app.bsky.feed.post/'))).toBe(true);
    const followed = facts.accounts.find((a) => a.handle === 'chriskenny.bsky.social');
    expect(followed).toMatchObject({ followed: true, followsYou: true });
    expect(facts.accounts.find((a) => a.handle === 'organizers.science')).toMatchObject({ followed: false, followsYou: true });
  });
});

describe('getFollows (real capture)', () => {
  const data = readJson('bsky-api-getfollows.json');

  it("the viewer's own Following list: every member followed, followingList set", () => {
    const facts = bskyPageFacts(data, { followsList: true });
    expect(facts.viewerId).toBe(VIEWER_THREAD);
    expect(facts.followingList).toBe(true);
    expect(facts.accounts.filter((a) => a.followed === true)).toHaveLength(50);
  });

  it("someone else's list says nothing about whom the viewer follows", () => {
    const facts = bskyPageFacts(data, { followsList: true, viewerId: 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa' });
    expect(facts.followingList).toBeUndefined();
    expect(facts.viewerId).toBe('did:plc:aaaaaaaaaaaaaaaaaaaaaaaa');
  });
});

describe('one profile view', () => {
  const did = 'did:plc:wpe35pganb6d4pg4ekmfy6u5';

  it('verification: a trusted verifier is an organisation, a verified account is platform-verified', () => {
    expect(readProfile({ did, handle: 'nytimes.com', verification: { verifiedStatus: 'valid', trustedVerifierStatus: 'valid' } })?.verified).toBe('organization');
    expect(readProfile({ did, handle: 'a.example', verification: { verifiedStatus: 'valid', trustedVerifierStatus: 'none' } })?.verified).toBe('platform');
    expect(readProfile({ did, handle: 'a.example', verification: { verifiedStatus: 'none', trustedVerifierStatus: 'none' } })?.verified).toBe('none');
    expect(readProfile({ did, handle: 'a.example' })?.verified).toBeUndefined();
  });

  it('labelers and self-labelled bots are automated; another labeler\'s label is not a self-label', () => {
    expect(readProfile({ did, handle: 'mod.example', associated: { labeler: true } })?.bot).toBe(true);
    expect(readProfile({ did, handle: 'b.example', labels: [{ src: did, uri: did, val: 'bot' }] })?.bot).toBe(true);
    expect(readProfile({ did, handle: 'b.example', labels: [{ src: 'did:plc:ar7c4by46qjdydhdevvrndac', uri: did, val: 'bot' }] })?.bot).toBeUndefined();
  });

  it('no viewer object: follow state unknown; handle.invalid is no handle; creation time read', () => {
    expect(readProfile({ did, handle: 'Handle.Invalid' })).toEqual({ id: did, handle: '' });
    expect(readProfile({ did, handle: 'A.Example', createdAt: '2023-08-03T05:59:12.927Z' })).toEqual({ id: did, handle: 'a.example', createdAt: Date.parse('2023-08-03T05:59:12.927Z') });
    expect(readProfile({ did: 'not-a-did', handle: 'a.example' })).toBeNull();
  });

  it('a handle no Bluesky account could have is dropped by the site syntax, the DID kept', () => {
    const facts = bskyPageFacts({ profiles: [{ did, handle: 'no_dots', viewer: { following: 'at://did:plc:iijrtk7ocored6zuziwmqq3c/app.bsky.graph.follow/1' } }] });
    expect(checkPageFacts(facts, 'bsky')?.accounts).toEqual([{ id: did, handle: '', followed: true, followsYou: false }]);
  });
});

describe('which responses are read', () => {
  const read = (u: string) => bskyPageReader.shouldRead(new URL(u));

  it('app.bsky.* reads on any https origin (the PDS, a self-hosted one, the AppView); nothing else', () => {
    expect(read('https://morel.us-east.host.bsky.network/xrpc/app.bsky.feed.getTimeline?limit=30')).toBe(true);
    expect(read('https://pds.example.org/xrpc/app.bsky.notification.listNotifications')).toBe(true);
    expect(read('https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fx')).toBe(true);
    expect(read('https://bsky.social/xrpc/app.bsky.graph.getFollows?actor=a.example')).toBe(true);
    expect(read('http://pds.example.org/xrpc/app.bsky.feed.getTimeline')).toBe(false);
    expect(read('https://bsky.social/xrpc/com.atproto.server.refreshSession')).toBe(false);
    expect(read('https://bsky.social/xrpc/app.bsky.actor.getPreferences')).toBe(false);
    expect(read('https://bsky.app/profile/a.example')).toBe(false);
  });
});

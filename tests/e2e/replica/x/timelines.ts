// The GraphQL operations the replica answers, each in the response shape X's web app receives:
// HomeTimeline / HomeLatestTimeline, TweetDetail, Following, UserByScreenName, UserTweets,
// SearchTimeline, FavoriteTweet / UnfavoriteTweet. Pages are cut by a `cursor` variable.
import { capturedThreadResponse, isCapturedThread } from './capture';
import { IDS, PAGING, USERS, VIEWER_ID, type XTweet, type XUser } from './data';
import { FRIENDS, homeFiller, namedTweets, profileFiller, threadReplyFiller, tweetById, userByHandle, userById } from './filler';
import { cursorEntry, decodeCursor, encodeCursor, moduleEntry, sortIndexes, tweetEntry, userEntry, type BuildCtx, type UserSchema } from './graphql';

type Json = Record<string, unknown>;
export type Variables = Record<string, unknown>;

const must = (id: string): XTweet => {
  const t = tweetById(id);
  if (!t) throw new Error(`replica data: unknown post ${id}`);
  return t;
};
/** Even pages use the 2025–26 user schema, odd pages the older `legacy` one: adapters must read both. */
const schemaForPage = (page: number): UserSchema => (page % 2 === 0 ? 'new' : 'legacy');
const cursorOf = (v: Variables) => (typeof v.cursor === 'string' ? v.cursor : undefined);

export function homeTimeline(v: Variables, now: number, feed = 'home'): Json {
  const page = decodeCursor(cursorOf(v), feed);
  const ctx: BuildCtx = { now, schema: schemaForPage(page) };
  const sort = sortIndexes(1910000000000000000n - BigInt(page * 100));
  const entries: Json[] = [];
  if (page === 0) {
    const t = (id: string) => entries.push(tweetEntry(must(id), ctx, sort));
    t(IDS.alicePost);
    t(IDS.danaVideo);
    t(IDS.adHome);
    entries.push(moduleEntry('home-conversation', [must(IDS.carolPost), must(IDS.bobReplyToCarol)], ctx, sort));
    t(IDS.carolRepostOfPat);
    t(IDS.aliceQuote);
    t(IDS.acmeOwnPost);
    t(IDS.metroPost);
    t(IDS.patPost2);
    t(IDS.viewerPost);
  } else {
    for (let slot = 0; slot < PAGING.homePageSize; slot++) {
      const post = page === 1 && slot === 4 ? must(IDS.adHomePage2) : homeFiller(page, slot);
      entries.push(tweetEntry(post, ctx, sort));
    }
  }
  entries.push(cursorEntry('Top', encodeCursor(`${feed}-top`, page), sort));
  const last = page >= PAGING.homePages - 1;
  if (!last) entries.push(cursorEntry('Bottom', encodeCursor(feed, page + 1), sort));
  const instructions: Json[] = [{ type: 'TimelineAddEntries', entries }];
  if (last) instructions.push({ type: 'TimelineTerminateTimeline', direction: 'Bottom' });
  return { data: { home: { home_timeline_urt: { instructions, metadata: { scribeConfig: { page: feed === 'home' ? 'for_you' : 'following' } }, responseObjects: { feedbackActions: [] } } } } };
}

/** The chain of posts replying to `root` by the same conversation (self-replies under a reply). */
function replyChain(root: XTweet, replies: readonly XTweet[]): XTweet[] {
  const chain = [root];
  for (let next = replies.find((r) => r.replyTo === root.id); next && chain.length < 5; next = replies.find((r) => r.replyTo === chain[chain.length - 1]?.id)) chain.push(next);
  return chain;
}

export function tweetDetail(v: Variables, now: number): Json {
  const focalId = String(v.focalTweetId ?? '');
  if (isCapturedThread(focalId)) return capturedThreadResponse(cursorOf(v), now);
  const focal = tweetById(focalId);
  if (!focal) return { data: {}, errors: [{ message: '_Missing: No status found with that ID.', code: 144, kind: 'NonFatal', name: 'GenericError' }] };
  const feed = `detail-${focal.id}`;
  const page = decodeCursor(cursorOf(v), feed);
  const ctx: BuildCtx = { now, schema: schemaForPage(page) };
  const sort = sortIndexes(1920000000000000000n - BigInt(page * 100));
  const entries: Json[] = [];
  const hasMorePages = focal.id === IDS.viewerPost;
  if (page === 0) {
    const ancestors: XTweet[] = [];
    for (let p = focal.replyTo ? tweetById(focal.replyTo) : undefined; p && ancestors.length < 5; p = p.replyTo ? tweetById(p.replyTo) : undefined) ancestors.unshift(p);
    for (const a of ancestors) entries.push(tweetEntry(a, ctx, sort));
    entries.push(tweetEntry(focal, ctx, sort));
    const all = namedTweets();
    const direct = all.filter((t) => t.replyTo === focal.id);
    direct.forEach((r, i) => {
      if (focal.id === IDS.viewerPost && i === 4) entries.push(tweetEntry(must(IDS.adThread), ctx, sort));
      entries.push(moduleEntry('conversationthread', replyChain(r, all), ctx, sort));
    });
  } else {
    for (let slot = 0; slot < 10; slot++) entries.push(moduleEntry('conversationthread', [threadReplyFiller(page, slot)], ctx, sort));
  }
  const instructions: Json[] = page === 0 ? [{ type: 'TimelineClearCache' }] : [];
  if (hasMorePages && page < PAGING.threadReplyPages - 1) entries.push(cursorEntry('Bottom', encodeCursor(feed, page + 1), sort));
  instructions.push({ type: 'TimelineAddEntries', entries });
  if (page === 0) instructions.push({ type: 'TimelineTerminateTimeline', direction: 'Top' });
  return { data: { threaded_conversation_with_injections_v2: { instructions } } };
}

const FOLLOWED_BY_VIEWER: readonly XUser[] = [USERS.alice, USERS.bob, USERS.carol, USERS.dana, USERS.metro, ...FRIENDS];

/** Accounts `userId` follows. Only the viewer's own list says whom the viewer follows. */
export function followingOf(userId: string): readonly XUser[] {
  if (userId === VIEWER_ID) return FOLLOWED_BY_VIEWER;
  return [USERS.pat, USERS.alice, USERS.blueGuy, USERS.megamart, ...FRIENDS.slice(0, 8)];
}

export function following(v: Variables, now: number): Json {
  const userId = String(v.userId ?? '');
  const feed = `following-${userId}`;
  const page = decodeCursor(cursorOf(v), feed);
  const list = followingOf(userId);
  const ctx: BuildCtx = { now, schema: 'legacy' };
  const sort = sortIndexes(1930000000000000000n - BigInt(page * 100));
  const size = PAGING.followingPageSize;
  const entries: Json[] = list.slice(page * size, (page + 1) * size).map((u) => userEntry(u, ctx, sort));
  if ((page + 1) * size < list.length) entries.push(cursorEntry('Bottom', encodeCursor(feed, page + 1), sort));
  entries.push(cursorEntry('Top', encodeCursor(`${feed}-top`, page), sort));
  const instructions: Json[] = [...(page === 0 ? [{ type: 'TimelineClearCache' }] : []), { type: 'TimelineAddEntries', entries }];
  return { data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions } } } } } };
}

export function userByScreenName(v: Variables, now: number): Json {
  const u = userByHandle(String(v.screen_name ?? ''));
  return u ? { data: { user: { result: userResultFor(u, now) } } } : { data: {} };
}
const userResultFor = (u: XUser, now: number) => {
  const sort = sortIndexes();
  const entry = userEntry(u, { now, schema: 'new' }, sort) as { content: { itemContent: { user_results: { result: Json } } } };
  return entry.content.itemContent.user_results.result;
};

const PINNED: Readonly<Record<string, string>> = { [USERS.acme.id]: IDS.acmePinned };

export function userTweets(v: Variables, now: number): Json {
  const u = userById(String(v.userId ?? ''));
  if (!u) return { data: { user: {} } };
  const ctx: BuildCtx = { now, schema: 'new' };
  const sort = sortIndexes(1940000000000000000n);
  const pinnedId = PINNED[u.id];
  const own = namedTweets().filter((t) => t.authorId === u.id && !t.replyTo && t.id !== pinnedId && !isPromoted(t.id));
  const posts = own.length >= 3 ? own : [...own, ...[0, 1, 2, 3, 4].map((i) => profileFiller(u, i))];
  const entries = posts.map((t) => tweetEntry(t, ctx, sort));
  entries.splice(Math.min(2, entries.length), 0, tweetEntry(must(IDS.adHome), ctx, sort));
  const instructions: Json[] = [{ type: 'TimelineClearCache' }];
  if (pinnedId) instructions.push({ type: 'TimelinePinEntry', entry: tweetEntry(must(pinnedId), ctx, sort, { socialContext: { type: 'TimelineGeneralContext', contextType: 'Pin', text: 'Pinned' } }) });
  instructions.push({ type: 'TimelineAddEntries', entries });
  return { data: { user: { result: { __typename: 'User', timeline: { timeline: { instructions, metadata: { scribeConfig: { page: 'profileBest' } } } } } } } };
}
const isPromoted = (id: string) => id === IDS.adHome || id === IDS.adHomePage2 || id === IDS.adThread;

export function searchTimeline(v: Variables, now: number): Json {
  const q = String(v.rawQuery ?? '').trim().toLowerCase();
  const ctx: BuildCtx = { now, schema: 'legacy' };
  const sort = sortIndexes(1950000000000000000n);
  const hits = q === '' ? [] : namedTweets().filter((t) => {
    if (t.retweetOf || isPromoted(t.id)) return false;
    const a = userById(t.authorId);
    return t.text.toLowerCase().includes(q) || a?.handle.toLowerCase().includes(q) || a?.name.toLowerCase().includes(q);
  });
  const entries = hits.map((t) => tweetEntry(t, ctx, sort));
  if (entries.length > 0) entries.splice(1, 0, tweetEntry(must(IDS.adThread), ctx, sort));
  return { data: { search_by_raw_query: { search_timeline: { timeline: { instructions: [{ type: 'TimelineAddEntries', entries }] } } } } };
}

/** GraphQL operation name → handler. Unknown operations get X's "not found" error. */
export const GRAPHQL_OPERATIONS: Readonly<Record<string, (v: Variables, now: number) => Json>> = {
  HomeTimeline: (v, now) => homeTimeline(v, now, 'home'),
  HomeLatestTimeline: (v, now) => homeTimeline(v, now, 'latest'),
  TweetDetail: tweetDetail,
  Following: following,
  UserByScreenName: userByScreenName,
  UserTweets: userTweets,
  SearchTimeline: searchTimeline,
  FavoriteTweet: () => ({ data: { favorite_tweet: 'Done' } }),
  UnfavoriteTweet: () => ({ data: { unfavorite_tweet: 'Done' } }),
};

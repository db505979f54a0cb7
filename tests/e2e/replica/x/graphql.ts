// Builders for X's GraphQL objects from the replica's records, in the shapes the real web app
// receives (see shared/SITES.md and tests/fixtures/x/x-api-tweetdetail.json):
// - users in the 2025–26 schema (`core.screen_name`, `relationship_perspectives`, `verification`,
//   no `legacy`) or the older one (`legacy.screen_name`, `legacy.following` …, where X omits
//   `following` / `followed_by` when they are false);
// - tweets with `core.user_results.result`, `legacy.full_text` and entities, optionally wrapped as
//   TweetWithVisibilityResults; timeline entries, conversation modules, promoted entries, cursors.
import { PROMOTED_IDS, type XTweet, type XUser } from './data';
import { tweetById, userByHandle, userById } from './filler';
import { twitterDate, userResult, type BuildCtx } from './users';

export { twitterDate, userResult, type BuildCtx, type UserSchema } from './users';

/** A deterministic short code (t.co paths, impression ids). */
export function shortCode(seed: string, length = 10): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    h ^= seed.charCodeAt(i % Math.max(1, seed.length)) + i;
    h = Math.imul(h, 16777619) >>> 0;
    out += abc[h % abc.length];
  }
  return out;
}

const cpLen = (s: string) => [...s].length;

interface TweetText {
  full_text: string;
  display_text_range: [number, number];
  entities: Record<string, unknown>;
  extended_entities?: Record<string, unknown>;
}

/** full_text with the reply prefix, t.co links and media link, and the entities X sends with it. */
function tweetText(t: XTweet, author: XUser, replyHandle: string | undefined): TweetText {
  const prefix = replyHandle && !t.text.toLowerCase().startsWith(`@${replyHandle.toLowerCase()}`) ? `@${replyHandle} ` : '';
  const urls: Record<string, unknown>[] = [];
  let body = '';
  let rest = t.text;
  let k = 0;
  for (let m = /https?:\/\/\S+/.exec(rest); m; m = /https?:\/\/\S+/.exec(rest)) {
    const before = rest.slice(0, m.index);
    const tco = `https://t.co/${shortCode(`${t.id}:${k++}`)}`;
    const start = cpLen(prefix + body + before);
    const bare = m[0].replace(/^https?:\/\//, '');
    urls.push({ display_url: bare.length > 26 ? `${bare.slice(0, 25)}…` : bare, expanded_url: m[0], url: tco, indices: [start, start + tco.length] });
    body += before + tco;
    rest = rest.slice(m.index + m[0].length);
  }
  body += rest;
  let full = prefix + body;
  const shownEnd = cpLen(full);
  const mentions: Record<string, unknown>[] = [];
  for (const m of full.matchAll(/@(\w{1,15})/g)) {
    const u = userByHandle(m[1] ?? '');
    if (!u) continue;
    const start = cpLen(full.slice(0, m.index));
    mentions.push({ id_str: u.id, name: u.name, screen_name: u.handle, indices: [start, start + cpLen(m[0])] });
  }
  const entities: Record<string, unknown> = { hashtags: [], symbols: [], timestamps: [], urls, user_mentions: mentions };
  let extended: Record<string, unknown> | undefined;
  if (t.media) {
    const tco = `https://t.co/${shortCode(`${t.id}:media`)}`;
    const start = cpLen(full) + 1;
    full += ` ${tco}`;
    const video = t.media === 'video';
    const media = [{
      display_url: `pic.x.com/${shortCode(t.id, 10)}`,
      expanded_url: `https://x.com/${author.handle}/status/${t.id}/${video ? 'video' : 'photo'}/1`,
      id_str: `${t.id.slice(0, 17)}01`,
      indices: [start, start + tco.length],
      media_key: `${video ? 13 : 3}_${t.id.slice(0, 17)}01`,
      media_url_https: video ? `https://pbs.twimg.com/amplify_video_thumb/${t.id}/img/thumb.jpg` : `https://pbs.twimg.com/media/${shortCode(t.id, 15)}.jpg`,
      type: video ? 'video' : 'photo',
      url: tco,
      original_info: { height: 720, width: 1280, focus_rects: [] },
      sizes: { large: { h: 720, w: 1280, resize: 'fit' }, medium: { h: 675, w: 1200, resize: 'fit' }, small: { h: 383, w: 680, resize: 'fit' }, thumb: { h: 150, w: 150, resize: 'crop' } },
      ...(video ? { video_info: { aspect_ratio: [16, 9], duration_millis: 31_000, variants: [{ bitrate: 832_000, content_type: 'video/mp4', url: `https://video.twimg.com/amplify_video/${t.id}/vid/avc1/640x360/clip.mp4` }] } } : {}),
    }];
    entities.media = media;
    extended = { media };
  }
  return { full_text: full, display_text_range: [cpLen(prefix), shownEnd], entities, ...(extended ? { extended_entities: extended } : {}) };
}

/** The conversation root of a post: walk up its replies. */
function conversationId(t: XTweet): string {
  let cur = t;
  for (let i = 0; i < 20 && cur.replyTo; i++) {
    const parent = tweetById(cur.replyTo);
    if (!parent) return cur.replyTo;
    cur = parent;
  }
  return cur.id;
}

export function tweetResult(t: XTweet, ctx: BuildCtx, depth = 0): Record<string, unknown> {
  const author = userById(t.authorId);
  if (!author) throw new Error(`replica data: no user ${t.authorId} for post ${t.id}`);
  const parent = t.replyTo ? tweetById(t.replyTo) : undefined;
  const parentUser = parent ? userById(parent.authorId) : t.replyToUser ? { id: t.replyToUser.id, handle: t.replyToUser.handle } : undefined;
  const retweeted = t.retweetOf ? tweetById(t.retweetOf) : undefined;
  const quoted = t.quoteOf && depth === 0 ? tweetById(t.quoteOf) : undefined;
  const text = retweeted
    ? (() => { const o = userById(retweeted.authorId); const f = `RT @${o?.handle ?? 'unknown'}: ${retweeted.text}`; return { full_text: f, display_text_range: [0, cpLen(f)] as [number, number], entities: { hashtags: [], symbols: [], timestamps: [], urls: [], user_mentions: [] } }; })()
    : tweetText(t, author, parentUser?.handle);
  const created = ctx.now - t.minutesAgo * 60_000;
  const likes = t.likes ?? 0;
  const result: Record<string, unknown> = {
    __typename: 'Tweet',
    rest_id: t.id,
    core: { user_results: { result: userResult(author, ctx) } },
    edit_control: { edit_tweet_ids: [t.id], editable_until_msecs: String(created + 3_600_000), edits_remaining: '5', is_edit_eligible: false },
    is_translatable: false,
    views: t.views ? { count: String(t.views), state: 'EnabledWithCount' } : { state: 'Enabled' },
    source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
    legacy: {
      bookmark_count: Math.floor(likes / 10),
      bookmarked: false,
      created_at: twitterDate(created),
      conversation_id_str: conversationId(t),
      ...text,
      favorite_count: likes,
      favorited: false,
      id_str: t.id,
      is_quote_status: Boolean(quoted),
      lang: 'en',
      quote_count: 0,
      reply_count: Math.floor(likes / 7),
      retweet_count: Math.floor(likes / 4),
      retweeted: false,
      user_id_str: author.id,
      ...(parentUser && t.replyTo ? { in_reply_to_screen_name: parentUser.handle, in_reply_to_status_id_str: t.replyTo, in_reply_to_user_id_str: parentUser.id } : {}),
      ...(quoted ? { quoted_status_id_str: quoted.id, quoted_status_permalink: { url: `https://t.co/${shortCode(quoted.id)}`, expanded: `https://twitter.com/${userById(quoted.authorId)?.handle ?? 'i'}/status/${quoted.id}`, display: `x.com/i/status/${quoted.id}` } } : {}),
      ...(retweeted ? { retweeted_status_result: { result: tweetResult(retweeted, ctx, depth + 1) } } : {}),
    },
    ...(quoted ? { quoted_status_result: { result: tweetResult(quoted, ctx, depth + 1) } } : {}),
  };
  if (t.limitedVisibility) {
    return { __typename: 'TweetWithVisibilityResults', tweet: { ...result, __typename: undefined }, limitedActionResults: { limited_actions: [{ action: 'Reply', prompt: { __typename: 'CtaLimitedActionPrompt', cta_type: 'SeeConversation', headline: { text: 'Who can reply?', entities: [] }, subtext: { text: 'People the author mentioned can reply', entities: [] } } }] } };
  }
  return result;
}

const clientEventInfo = (component: string) => ({ component, element: 'tweet', details: { timelinesDetails: { injectionType: 'RankedOrganicTweet', controllerData: 'DAACDAABDAABCgABAAAAAAAAAAAKAAkAAAAAAAAAAAAAAA==' } } });

function tweetItemContent(t: XTweet, ctx: BuildCtx, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const content: Record<string, unknown> = { itemType: 'TimelineTweet', __typename: 'TimelineTweet', tweet_results: { result: tweetResult(t, ctx) }, tweetDisplayType: 'Tweet', ...extra };
  if (PROMOTED_IDS.has(t.id) || t.promoted === true) {
    const advertiser = userById(t.authorId);
    content.promotedMetadata = {
      advertiser_results: { result: advertiser ? userResult(advertiser, ctx) : {} },
      adMetadataContainer: { renderLegacyWebsiteCard: false },
      disclosureType: 'NoDisclosure',
      experimentValues: [{ key: 'website_card_variant', value: '0' }],
      impressionId: shortCode(`imp:${t.id}`, 16),
      impressionString: shortCode(`imp:${t.id}`, 16),
      clickTrackingInfo: { urlParams: [{ key: 'twclid', value: shortCode(`click:${t.id}`, 20) }] },
    };
  }
  return content;
}

export type SortIndex = () => string;
/** Descending sortIndex values, like X's (newest first). */
export function sortIndexes(start = 1910000000000000000n): SortIndex {
  let n = start;
  return () => String(n--);
}

export function tweetEntry(t: XTweet, ctx: BuildCtx, sort: SortIndex, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const promoted = PROMOTED_IDS.has(t.id) || t.promoted === true;
  return {
    entryId: promoted ? `promoted-tweet-${t.id}-${shortCode(t.id, 16).toLowerCase()}` : `tweet-${t.id}`,
    sortIndex: sort(),
    content: { entryType: 'TimelineTimelineItem', __typename: 'TimelineTimelineItem', itemContent: tweetItemContent(t, ctx, extra), clientEventInfo: clientEventInfo(promoted ? 'suggest_promoted' : 'for_you') },
  };
}

/** A conversation module: `home-conversation-…` on the home timeline, `conversationthread-…` in TweetDetail. */
export function moduleEntry(prefix: 'home-conversation' | 'conversationthread', tweets: readonly XTweet[], ctx: BuildCtx, sort: SortIndex): Record<string, unknown> {
  const first = tweets[0]?.id ?? '0';
  return {
    entryId: `${prefix}-${first}`,
    sortIndex: sort(),
    content: {
      entryType: 'TimelineTimelineModule',
      __typename: 'TimelineTimelineModule',
      displayType: 'VerticalConversation',
      items: tweets.map((t) => ({ entryId: `${prefix}-${first}-tweet-${t.id}`, item: { itemContent: tweetItemContent(t, ctx), clientEventInfo: clientEventInfo('tweet') } })),
      metadata: { conversationMetadata: { allTweetIds: tweets.map((t) => t.id), enableDeduplication: true } },
      clientEventInfo: clientEventInfo('tweet'),
    },
  };
}

export function cursorEntry(kind: 'Top' | 'Bottom', value: string, sort: SortIndex): Record<string, unknown> {
  const sortIndex = sort();
  return { entryId: `cursor-${kind.toLowerCase()}-${sortIndex}`, sortIndex, content: { entryType: 'TimelineTimelineCursor', __typename: 'TimelineTimelineCursor', value, cursorType: kind } };
}

export function userEntry(u: XUser, ctx: BuildCtx, sort: SortIndex): Record<string, unknown> {
  return {
    entryId: `user-${u.id}`,
    sortIndex: sort(),
    content: { entryType: 'TimelineTimelineItem', __typename: 'TimelineTimelineItem', itemContent: { itemType: 'TimelineUser', __typename: 'TimelineUser', user_results: { result: userResult(u, ctx) }, userDisplayType: 'User' }, clientEventInfo: { component: 'FollowingSgs', element: 'user' } },
  };
}

/** Opaque-looking cursor values that decode to "<feed>:<page>". */
export const encodeCursor = (feed: string, page: number): string => `DAAB${Buffer.from(`${feed}:${page}`).toString('base64url')}`;
export function decodeCursor(value: string | undefined | null, feed: string): number {
  if (!value?.startsWith('DAAB')) return 0;
  const [f, p] = Buffer.from(value.slice(4), 'base64url').toString().split(':');
  const n = Number(p);
  return f === feed && Number.isInteger(n) && n >= 0 ? n : 0;
}

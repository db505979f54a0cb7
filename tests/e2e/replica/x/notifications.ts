// Notifications in X's REST v2 shape (the one SITES.md documents and most readers parse):
// GET /i/api/2/notifications/all.json and /i/api/2/notifications/mentions.json?cursor=…
//   { globalObjects: { users: {id: flat user}, tweets: {id: flat tweet}, notifications: {id: …} },
//     timeline: { id, instructions: [ {clearCache}, {addEntries: {entries}}, … ] } }
// An entry is `content.item.content.notification` (likes, follows, reposts: a
// [data-testid="notification"] cell) or `content.item.content.tweet` (mentions and replies: an
// ordinary tweet article); cursors are `content.operation.cursor`. Users are flat, legacy-style
// (`screen_name`, `following`, `followed_by`, `ext_is_blue_verified`, `ext_verified_type`,
// `ext_profile_image_shape`, `ext.highlightedLabel`), as requested by X's include_ext_* params.
import { IDS, PAGING, USERS, type XTweet, type XUser } from './data';
import { FRIENDS, mentionFiller, tweetById, userById, userByHandle } from './filler';
import { decodeCursor, encodeCursor, shortCode, tweetResult, twitterDate, type BuildCtx } from './graphql';

type Json = Record<string, unknown>;

interface NotificationSpec { kind: 'like' | 'follow' | 'retweet'; from: readonly XUser[]; target?: string; minutesAgo: number }
type Row = { tweet: string } | { notification: NotificationSpec };

const ICONS = { like: 'heart_icon', follow: 'person_icon', retweet: 'retweet_icon' } as const;

function message(n: NotificationSpec): string {
  const who = n.from.length > 1 ? `${n.from[0]?.name} and ${n.from.length - 1} others` : (n.from[0]?.name ?? 'Someone');
  return n.kind === 'like' ? `${who} liked your post` : n.kind === 'retweet' ? `${who} reposted your post` : `${who} followed you`;
}

export function restUser(u: XUser, now: number): Json {
  const org = u.affiliateOf ? userByHandle(u.affiliateOf) : undefined;
  return {
    id_str: u.id,
    name: u.name,
    screen_name: u.handle,
    location: '',
    description: u.bio,
    url: null,
    entities: { description: { urls: [] } },
    protected: false,
    followers_count: u.followers,
    friends_count: 300,
    listed_count: 3,
    created_at: twitterDate(now - u.ageDays * 86_400_000),
    favourites_count: 1200,
    verified: false,
    statuses_count: 420,
    media_count: 12,
    profile_image_url_https: `https://pbs.twimg.com/profile_images/${u.id}/avatar_normal.jpg`,
    default_profile: false,
    default_profile_image: false,
    can_dm: u.followsYou,
    can_media_tag: true,
    following: u.followed,
    followed_by: u.followsYou,
    follow_request_sent: false,
    notifications: false,
    muting: false,
    blocking: false,
    blocked_by: false,
    business_profile_state: u.professional === 'Business' ? 'active' : 'none',
    ext_is_blue_verified: u.verification !== 'none',
    ...(u.verification === 'Business' || u.verification === 'Government' ? { ext_verified_type: u.verification } : {}),
    ext_profile_image_shape: u.shape,
    ext: { highlightedLabel: { r: { ok: org ? { label: { description: org.name, badge: { url: `https://pbs.twimg.com/profile_images/${org.id}/badge_bigger.jpg` }, url: { url: `https://twitter.com/${org.handle}`, urlType: 'DeepLink' }, userLabelType: 'BusinessLabel', userLabelDisplayType: 'Badge' } } : {} }, ttl: -1 } },
    require_some_consent: false,
  };
}

/** A flat REST tweet: the GraphQL `legacy` object plus ids. */
function restTweet(t: XTweet, ctx: BuildCtx): Json {
  const r = tweetResult(t, ctx) as { legacy?: Json; tweet?: { legacy?: Json } };
  const legacy = r.legacy ?? r.tweet?.legacy ?? {};
  return { ...legacy, id_str: t.id, user_id_str: t.authorId, source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>', truncated: false };
}

function page0(kind: 'all' | 'mentions'): Row[] {
  const U = USERS;
  const mentions: Row[] = [IDS.megaMention, IDS.acmeReply, IDS.aliceReply, IDS.goodbrandMention, IDS.patReply, IDS.samReply, IDS.blueGuyReply].map((tweet) => ({ tweet }));
  if (kind === 'mentions') return mentions;
  return [
    { notification: { kind: 'like', from: [U.alice], target: IDS.viewerPost, minutesAgo: 3 } },
    { tweet: IDS.acmeReply },
    { tweet: IDS.megaMention },
    { notification: { kind: 'follow', from: [U.pat], minutesAgo: 33 } },
    { tweet: IDS.aliceReply },
    { tweet: IDS.goodbrandMention },
    { tweet: IDS.patReply },
    { notification: { kind: 'retweet', from: [U.bob], target: IDS.viewerPost, minutesAgo: 60 } },
    { tweet: IDS.samReply },
    { tweet: IDS.blueGuyReply },
    { notification: { kind: 'like', from: [U.dana, ...FRIENDS.slice(0, 3)], target: IDS.viewerOlderPost, minutesAgo: 600 } },
  ];
}

function laterPage(kind: 'all' | 'mentions', page: number): Row[] {
  const rows: Row[] = [];
  for (let slot = 0; slot < 10; slot++) {
    if (kind === 'all' && slot % 2 === 1) {
      const friend = FRIENDS[(page * 5 + slot) % FRIENDS.length] ?? USERS.alice;
      rows.push({ notification: { kind: slot % 4 === 1 ? 'like' : 'follow', from: [friend], target: IDS.viewerOlderPost, minutesAgo: 700 + page * 300 + slot * 20 } });
    } else {
      rows.push({ tweet: mentionFiller(page, slot).id });
    }
  }
  return rows;
}

export function notificationsResponse(kind: 'all' | 'mentions', cursor: string | null, now: number): Json {
  const feed = `notifications-${kind}`;
  const page = decodeCursor(cursor, feed);
  const ctx: BuildCtx = { now, schema: 'legacy' };
  const users: Record<string, Json> = {};
  const tweets: Record<string, Json> = {};
  const notifications: Record<string, Json> = {};
  const addUser = (u: XUser | undefined) => { if (u) users[u.id] = restUser(u, now); };
  const addTweet = (t: XTweet | undefined) => {
    if (!t) return;
    tweets[t.id] = restTweet(t, ctx);
    addUser(userById(t.authorId));
    const parent = t.replyTo ? tweetById(t.replyTo) : undefined;
    if (parent && !tweets[parent.id]) { tweets[parent.id] = restTweet(parent, ctx); addUser(userById(parent.authorId)); }
  };
  addUser(USERS.viewer);
  let sortIndex = 1990000000000n - BigInt(page * 100);
  const entries: Json[] = [];
  for (const row of page === 0 ? page0(kind) : laterPage(kind, page)) {
    const si = String(sortIndex--);
    if ('tweet' in row) {
      const t = tweetById(row.tweet);
      addTweet(t);
      const element = t?.replyTo ? 'user_replied_to_your_tweet' : 'user_mentioned_you';
      entries.push({ entryId: `notification-${shortCode(`t:${row.tweet}`, 22)}`, sortIndex: si, content: { item: { content: { tweet: { id: row.tweet, displayType: 'Tweet' } }, clientEventInfo: { component: 'urt', element, details: { notificationDetails: { impressionId: shortCode(`i:${row.tweet}`, 16), metadata: 'CgA' } } } } } });
    } else {
      const n = row.notification;
      const id = shortCode(`n:${page}:${n.kind}:${n.from.map((u) => u.id).join(',')}:${n.target ?? ''}`, 22);
      n.from.forEach(addUser);
      if (n.target) addTweet(tweetById(n.target));
      const text = message(n);
      const first = n.from[0];
      notifications[id] = {
        id,
        timestampMs: String(now - n.minutesAgo * 60_000),
        icon: { id: ICONS[n.kind] },
        message: { text, entities: first ? [{ fromIndex: 0, toIndex: [...first.name].length, ref: { user: { id: first.id } }, format: 'Strong' }] : [], rtl: false },
        template: { aggregateUserActionsV1: { targetObjects: n.target ? [{ tweet: { id: n.target } }] : [], fromUsers: n.from.map((u) => ({ user: { id: u.id } })) } },
      };
      const url = n.kind === 'follow' ? `https://x.com/i/timeline?page=follows` : `https://x.com/${USERS.viewer.handle}/status/${n.target ?? ''}`;
      entries.push({ entryId: `notification-${id}`, sortIndex: si, content: { item: { content: { notification: { id, url: { urlType: 'ExternalUrl', url }, fromUsers: n.from.map((u) => u.id) } }, clientEventInfo: { component: 'urt', element: n.kind === 'follow' ? 'follow_from_recommended_user' : n.kind === 'like' ? 'user_liked_multiple_tweets' : 'user_retweeted_your_tweet', details: { notificationDetails: { impressionId: shortCode(`i:${id}`, 16), metadata: 'CgA' } } } } } });
    }
  }
  entries.unshift({ entryId: `cursor-top-${sortIndex + 1000n}`, sortIndex: String(sortIndex + 1000n), content: { operation: { cursor: { value: encodeCursor(`${feed}-top`, page), cursorType: 'Top' } } } });
  if (page < PAGING.notificationPages - 1) entries.push({ entryId: `cursor-bottom-${sortIndex}`, sortIndex: String(sortIndex), content: { operation: { cursor: { value: encodeCursor(feed, page + 1), cursorType: 'Bottom' } } } });
  return {
    globalObjects: { users, tweets, notifications, moments: {}, cards: {}, places: {}, media: {}, broadcasts: {}, topics: {}, lists: {} },
    timeline: { id: kind === 'all' ? 'AAAAABbbtYkAAAAAA' : 'AAAAABbbtYkAAAABB', instructions: [...(page === 0 ? [{ clearCache: {} }] : []), { addEntries: { entries } }, ...(page === 0 ? [{ clearEntriesUnreadState: {} }, { markEntriesUnreadGreaterThanSortIndex: { sortIndex: String(1990000000000n - 3n) } }] : [])] },
  };
}

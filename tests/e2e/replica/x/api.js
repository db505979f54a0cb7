// The replica's network layer. Like X's web app it talks to the API with XMLHttpRequest
// (responseType "", JSON read from responseText), GraphQL under /i/api/graphql/<queryId>/<Operation>
// and REST v2 for notifications, and normalises both user schemas into plain records.

const QUERY_IDS = {
  HomeTimeline: 'c-CzHF1LboFilMpsx4ZCrQ',
  HomeLatestTimeline: 'BKB7oi212Fi7kQtCBGE4zA',
  TweetDetail: 'xd_EMdYvB9hfZsZ6Idri0w',
  Following: '7FEKOPNAvxWASt6v9gfCXw',
  UserByScreenName: 'xmU6X_CKVnQ5lSrCbAmJsg',
  UserTweets: 'Y9WM4Id6UcGFE8Z-hbnixw',
  SearchTimeline: 'flaR-PUMshxFWZWPNpq4zA',
  FavoriteTweet: 'lI07N6Otwv1PhnEgXILM7A',
  UnfavoriteTweet: 'ZYKSe-w7KEslx3JhSIk5LA',
};
const FEATURES = { rweb_video_screen_enabled: false, responsive_web_graphql_timeline_navigation_enabled: true, view_counts_everywhere_api_enabled: true };
// The public web-app bearer token shape; the replica does not check it.
const BEARER = 'AAAAAAAAAAAAAAAAAAAAANRILgAAAAAAnNwIzUejRCOuH5E6I8xnZz4puTs%3D1Zv7ttfk8LF81IUq16cHjhLTvJu4FA33AGWWjCpTnA';

/** Sends one request and resolves with the parsed JSON body. */
export function xhrJson(method, url, body) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    xhr.withCredentials = true;
    xhr.setRequestHeader('authorization', `Bearer ${BEARER}`);
    xhr.setRequestHeader('x-twitter-active-user', 'yes');
    xhr.setRequestHeader('x-twitter-auth-type', 'OAuth2Session');
    xhr.setRequestHeader('x-twitter-client-language', document.documentElement.lang || 'en');
    if (body !== undefined) xhr.setRequestHeader('content-type', 'application/json');
    xhr.onreadystatechange = () => {
      if (xhr.readyState !== 4) return;
      if (xhr.status >= 200 && xhr.status < 300) {
        try { resolve(JSON.parse(xhr.responseText)); } catch (e) { reject(e); }
      } else if (xhr.status === 0) {
        reject(new Error('network'));
      } else {
        reject(new Error(`HTTP ${xhr.status}`));
      }
    };
    xhr.send(body === undefined ? null : JSON.stringify(body));
  });
}

/** GraphQL call: GET with variables in the query string, or POST with a JSON body (HomeTimeline, mutations). */
export function graphql(op, variables, method = 'GET') {
  const path = `/i/api/graphql/${QUERY_IDS[op]}/${op}`;
  if (method === 'POST') return xhrJson('POST', path, { variables, features: FEATURES, queryId: QUERY_IDS[op] });
  const qs = `variables=${encodeURIComponent(JSON.stringify(variables))}&features=${encodeURIComponent(JSON.stringify(FEATURES))}`;
  return xhrJson('GET', `${path}?${qs}`);
}

export function notifications(kind, cursor) {
  const params = new URLSearchParams({
    include_profile_interstitial_type: '1', include_blocking: '1', include_blocked_by: '1', include_followed_by: '1',
    include_ext_is_blue_verified: '1', include_ext_verified_type: '1', include_ext_profile_image_shape: '1',
    skip_status: '1', cards_platform: 'Web-12', include_entities: 'true', tweet_mode: 'extended', count: '20',
    ext: 'mediaStats,highlightedLabel,hasNftAvatar,voiceInfo,superFollowMetadata,unmentionInfo,editControl',
  });
  if (cursor) params.set('cursor', cursor);
  return xhrJson('GET', `/i/api/2/notifications/${kind}.json?${params}`);
}

// ---- normalisation -------------------------------------------------------------------------

/** Everything the app has seen, by id (X keeps a similar entity cache). */
export const cache = { users: new Map(), tweets: new Map() };

function verificationOf(isBlue, type) {
  if (type === 'Business' || type === 'Government') return type;
  return isBlue ? 'blue' : 'none';
}

/** A GraphQL User result in either schema → a plain user record. */
export function readUser(r) {
  if (!r || r.__typename !== 'User') return null;
  const legacy = r.legacy || {};
  const core = r.core || {};
  const label = r.affiliates_highlighted_label && r.affiliates_highlighted_label.label;
  const u = {
    id: r.rest_id,
    handle: core.screen_name || legacy.screen_name,
    name: core.name || legacy.name,
    bio: (r.profile_bio && r.profile_bio.description) || legacy.description || '',
    verification: verificationOf(r.is_blue_verified, (r.verification && r.verification.verified_type) || legacy.verified_type),
    shape: r.profile_image_shape || 'Circle',
    affiliate: label ? { name: label.description, href: new URL(label.url.url).pathname } : null,
    following: r.relationship_perspectives ? Boolean(r.relationship_perspectives.following) : Boolean(legacy.following),
    followsYou: r.relationship_perspectives ? Boolean(r.relationship_perspectives.followed_by) : Boolean(legacy.followed_by),
    followers: (r.relationship_counts && r.relationship_counts.followers) || legacy.followers_count || 0,
    followingCount: (r.relationship_counts && r.relationship_counts.following) || legacy.friends_count || 0,
  };
  cache.users.set(u.id, u);
  return u;
}

/** A REST v2 (globalObjects) user → the same record. */
export function readRestUser(r) {
  const label = r.ext && r.ext.highlightedLabel && r.ext.highlightedLabel.r && r.ext.highlightedLabel.r.ok && r.ext.highlightedLabel.r.ok.label;
  const u = {
    id: r.id_str, handle: r.screen_name, name: r.name, bio: r.description || '',
    verification: verificationOf(r.ext_is_blue_verified, r.ext_verified_type),
    shape: r.ext_profile_image_shape || 'Circle',
    affiliate: label ? { name: label.description, href: new URL(label.url.url).pathname } : null,
    following: Boolean(r.following), followsYou: Boolean(r.followed_by), followers: r.followers_count || 0, followingCount: r.friends_count || 0,
  };
  cache.users.set(u.id, u);
  return u;
}

function tweetFromLegacy(id, legacy, userId, extra) {
  const media = ((legacy.extended_entities || legacy.entities || {}).media || [])[0];
  const t = {
    id, userId,
    fullText: legacy.full_text || '',
    range: legacy.display_text_range || [0, [...(legacy.full_text || '')].length],
    urls: (legacy.entities && legacy.entities.urls) || [],
    mentions: (legacy.entities && legacy.entities.user_mentions) || [],
    media: media ? media.type : null,
    createdAt: Date.parse(legacy.created_at),
    replyToHandle: legacy.in_reply_to_screen_name || null,
    replyToId: legacy.in_reply_to_status_id_str || null,
    counts: { replies: legacy.reply_count || 0, retweets: legacy.retweet_count || 0, likes: legacy.favorite_count || 0, bookmarks: legacy.bookmark_count || 0 },
    liked: Boolean(legacy.favorited),
    views: null, quotedId: null, retweetedId: null,
    ...extra,
  };
  cache.tweets.set(id, t);
  return t;
}

/** A GraphQL tweet result (possibly TweetWithVisibilityResults) → a plain tweet record. */
export function readTweet(r) {
  if (!r) return null;
  if (r.__typename === 'TweetWithVisibilityResults') r = r.tweet;
  if (!r || !r.legacy || !r.core) return null;
  const author = readUser(r.core.user_results && r.core.user_results.result);
  if (!author) return null;
  const quoted = r.quoted_status_result ? readTweet(r.quoted_status_result.result) : null;
  const rt = r.legacy.retweeted_status_result ? readTweet(r.legacy.retweeted_status_result.result) : null;
  return tweetFromLegacy(r.rest_id, r.legacy, author.id, {
    views: r.views && r.views.count ? Number(r.views.count) : null,
    quotedId: quoted ? quoted.id : null,
    retweetedId: rt ? rt.id : null,
  });
}

function readItemContent(ic) {
  if (!ic) return null;
  if (ic.itemType === 'TimelineTweet') {
    const t = readTweet(ic.tweet_results && ic.tweet_results.result);
    if (!t) return null;
    const pinned = ic.socialContext && ic.socialContext.contextType === 'Pin';
    return { type: 'tweet', id: t.id, promoted: Boolean(ic.promotedMetadata), pinned };
  }
  if (ic.itemType === 'TimelineUser') {
    const u = readUser(ic.user_results && ic.user_results.result);
    return u ? { type: 'user', id: u.id } : null;
  }
  return null;
}

/** GraphQL timeline instructions → { items: [{type, id, promoted, pinned, module}], bottom }. */
export function readInstructions(instructions) {
  const out = { items: [], bottom: null };
  for (const ins of instructions || []) {
    if (ins.type === 'TimelinePinEntry' && ins.entry) {
      const item = readItemContent(ins.entry.content.itemContent);
      if (item) out.items.unshift(item);
    }
    if (ins.type !== 'TimelineAddEntries') continue;
    for (const e of ins.entries || []) {
      const c = e.content || {};
      if (c.entryType === 'TimelineTimelineCursor') {
        if (c.cursorType === 'Bottom') out.bottom = c.value;
      } else if (c.entryType === 'TimelineTimelineItem') {
        const item = readItemContent(c.itemContent);
        if (item) out.items.push(item);
      } else if (c.entryType === 'TimelineTimelineModule') {
        const members = (c.items || []).map((i) => readItemContent(i.item && i.item.itemContent)).filter(Boolean);
        members.forEach((m, i) => { m.module = members.length > 1 ? (i === members.length - 1 ? 'last' : i === 0 ? 'first' : 'middle') : null; out.items.push(m); });
      }
    }
  }
  return out;
}

/** REST v2 notifications → { items: [{type:'tweet'|'notification', …}], bottom }. */
export function readNotifications(json) {
  const g = json.globalObjects || {};
  for (const u of Object.values(g.users || {})) readRestUser(u);
  for (const t of Object.values(g.tweets || {})) tweetFromLegacy(t.id_str, t, t.user_id_str, {});
  const out = { items: [], bottom: null };
  for (const ins of (json.timeline && json.timeline.instructions) || []) {
    for (const e of (ins.addEntries && ins.addEntries.entries) || []) {
      const c = e.content || {};
      if (c.operation && c.operation.cursor) {
        if (c.operation.cursor.cursorType === 'Bottom') out.bottom = c.operation.cursor.value;
        continue;
      }
      const inner = c.item && c.item.content;
      if (inner && inner.tweet && cache.tweets.has(inner.tweet.id)) out.items.push({ type: 'tweet', id: inner.tweet.id, promoted: false });
      else if (inner && inner.notification) {
        const n = (g.notifications || {})[inner.notification.id];
        if (n) out.items.push({ type: 'notification', id: n.id, notification: n });
      }
    }
  }
  return out;
}

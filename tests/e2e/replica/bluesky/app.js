// The bsky.app replica's single-page app: fetches the app.bsky XRPC methods from the user's PDS
// (another origin, as bsky.app does) and renders what they return with the markup the real captures
// show (tests/fixtures/bluesky): `feedItem-by-<handle>` rows, `postThreadItem-by-<handle>` on a thread,
// profile links with `aria-label="View profile"`, the timestamp link with `data-tooltip`, the text
// in `data-testid="postText"`, a quoted post as `div[role="link"][aria-label="Post by <handle>"]`,
// "Reposted by" lines. Each post's text carries `elementtiming` (its record key) so tests can tell
// whether the browser ever painted it. Plain browser JavaScript, served as it is; how it reads
// responses and pages on is ../loader.js, shared with the other replicas.
import { pageWhileNearBottom, readJsonEarly } from '/_replica/loader.js';

const session = window.__SESSION__;
const params = new URLSearchParams(location.search);
const lag = params.get('lag');

/** Counters the tests read: XRPC responses whose stream the page read to its end. */
window.__xrpcDone = 0;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const el = (html) => {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
};
const rkeyOf = (uri) => uri.split('/').pop();
const isoLabel = (iso) => new Date(iso).toLocaleString('en-US', { month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/**
 * GET an XRPC method from the PDS. Like the app, it parses as soon as the body is complete JSON and
 * renders at once; it then drains the rest of the stream (the server holds it open `lag` ms).
 */
function xrpc(method, query = {}) {
  return xrpcQuery(method, new URLSearchParams(query));
}

async function xrpcQuery(method, query) {
  const url = new URL(`/xrpc/${method}`, session.pdsUrl);
  url.search = query.toString();
  if (lag !== null) url.searchParams.set('lag', lag);
  const res = await fetch(url, { mode: 'cors', credentials: 'omit' });
  return readJsonEarly(res, () => window.__xrpcDone++);
}

function avatarLink(a) {
  return `<div><a href="/profile/${esc(a.handle)}" aria-label="${esc(a.displayName)}'s avatar" aria-pressed="false" role="link" data-no-underline="1" tabindex="0"><div class="avi"><div data-testid="userAvatarImage" class="avi-img"><img alt="" draggable="false" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div></div></a></div>`;
}

function nameLinks(a) {
  return `<div dir="auto" class="names"><a href="/profile/${esc(a.handle)}" aria-label="View profile" role="link" data-no-underline="1"><span class="name">\u202a${esc(a.displayName)}\u202c</span></a><a href="/profile/${esc(a.handle)}" aria-label="View profile" role="link" data-no-underline="1"><span class="handle">&nbsp;\u202a@${esc(a.handle)}\u202c</span></a></div>`;
}

/** The post text with its mentions as profile links, as the app renders facets. */
function richText(text) {
  return esc(text).replace(/@([a-z0-9.-]+\.[a-z]+)/g, (m, h) => `<a href="/profile/${h}" role="link" data-no-underline="1">@${h}</a>`);
}

function quoteBlock(view) {
  const r = view.record;
  if (!r || !r.author) return '';
  return `<div aria-label="Post by ${esc(r.author.handle)}" role="link" tabindex="0" class="quote"><div class="row">${avatarLink(r.author)}${nameLinks(r.author)}<div dir="auto">·</div><a href="/profile/${esc(r.author.handle)}/post/${esc(rkeyOf(r.uri))}" dir="auto" aria-label="${esc(isoLabel(r.indexedAt))}" role="link" data-tooltip="${esc(isoLabel(r.indexedAt))}" data-no-underline="1">1h</a></div><div dir="auto" data-word-wrap="1">${esc(r.value.text)}</div></div>`;
}

function externalCard(view) {
  const e = view.external;
  return `<div class="card"><a href="${esc(e.uri)}" rel="noopener noreferrer" target="_blank" role="link" data-no-underline="1">${esc(new URL(e.uri).hostname)}<div>${esc(e.title)}</div></a></div>`;
}

const controls = (p) => `<div class="controls"><button aria-label="Reply (${p.replyCount} replies)" role="button" data-testid="replyBtn" type="button">↩ ${p.replyCount}</button><button aria-label="Repost or quote post" role="button" type="button"><span data-testid="repostCount">${p.repostCount}</span></button><button aria-label="Like (${p.likeCount} likes)" role="button" data-testid="likeBtn" type="button"><span data-testid="likeCount">${p.likeCount}</span></button><button aria-label="Open post options menu" data-testid="postDropdownBtn" type="button">…</button></div>`;

/**
 * One post. `testid`: feedItem-by (feeds, notifications) or postThreadItem-by (threads). A thread's
 * focal post shows its full date as text and no link to itself (as social-app's PostThreadItem does).
 */
function postEl(p, { testid = 'feedItem-by-', reason = null, focal = false } = {}) {
  const a = p.author;
  const rkey = rkeyOf(p.uri);
  const date = isoLabel(p.indexedAt);
  const stamp = focal
    ? `<div dir="auto" class="focal-date">${esc(date)}</div>`
    : `<a href="/profile/${esc(a.handle)}/post/${esc(rkey)}" dir="auto" aria-label="${esc(date)}" role="link" data-tooltip="${esc(date)}" data-no-underline="1">1h</a>`;
  const repost = reason && reason.$type === 'app.bsky.feed.defs#reasonRepost'
    ? `<div aria-label="Reposted by ${esc(reason.by.displayName)}" role="link" tabindex="0" class="context">⟲ <div dir="auto">Reposted by <a href="/profile/${esc(reason.by.handle)}" role="link"><span>${esc(reason.by.displayName)}</span></a></div></div>`
    : '';
  let embed = '';
  if (p.embed && p.embed.$type === 'app.bsky.embed.record#view') embed = quoteBlock(p.embed);
  if (p.embed && p.embed.$type === 'app.bsky.embed.external#view') embed = externalCard(p.embed);
  return el(`<div role="link" tabindex="0" data-testid="${testid}${esc(a.handle)}" class="item${focal ? ' focal' : ''}">
    ${repost}
    <div class="row">${avatarLink(a)}<div class="body">
      <div class="head">${nameLinks(a)}<div dir="auto">·</div>${stamp}</div>
      <div data-testid="contentHider-post"><div dir="auto" data-word-wrap="1" data-testid="postText" elementtiming="${esc(rkey)}">${richText(p.record.text)}</div>${embed}</div>
      ${controls(p)}
    </div></div></div>`);
}

/** A like / repost / follow row: `feedItem-by-<first author>`, the action in words, no post of the author's own. */
function notificationRow(n) {
  const a = n.author;
  const words = n.reason === 'like' ? 'liked your post' : n.reason === 'repost' ? 'reposted your post' : 'followed you';
  return el(`<div role="link" tabindex="0" data-testid="feedItem-by-${esc(a.handle)}" class="item notification">
    <div class="row">${avatarLink(a)}<div class="body"><div dir="auto"><a href="/profile/${esc(a.handle)}" role="link"><span>${esc(a.displayName)}</span></a> ${words}</div></div></div></div>`);
}

function nav() {
  const v = session;
  return `<nav class="nav" role="navigation"><a href="/" aria-label="Home" role="link">Home</a><a href="/search" aria-label="Search" role="link">Search</a><a href="/notifications" aria-label="Notifications" role="link">Notifications</a><a href="/profile/${esc(v.handle)}" aria-label="Profile" role="link">Profile</a></nav>`;
}

function screen(testid, listTestid) {
  const root = document.getElementById('root');
  root.replaceChildren(el(`<div class="app">${nav()}<main data-testid="${testid}"><div data-testid="${listTestid}-flatlist" class="list"></div></main></div>`));
  return root.querySelector('.list');
}

async function feedScreen(method, query, testid) {
  const list = screen(testid, testid === 'HomeScreen' ? 'customFeedPage-feed' : 'postsFeed');
  const render = (data) => {
    const posts = data.feed || data.posts.map((post) => ({ post }));
    for (const item of posts) list.append(postEl(item.post, { reason: item.reason || null }));
  };
  const data = await xrpc(method, query);
  render(data);
  // `?items=N` (the benchmarks): the home feed pages on by cursor whenever the bottom comes near.
  const total = params.get('items');
  if (method !== 'app.bsky.feed.getTimeline' || total === null) return;
  let cursor = data.cursor;
  pageWhileNearBottom(() => Boolean(cursor), async () => {
    const next = await xrpc(method, { ...query, cursor, total });
    cursor = next.cursor;
    render(next);
  });
}

async function threadScreen(handle, rkey) {
  const list = screen('postThreadScreen', 'postThreadScreen');
  const data = await xrpc('app.bsky.feed.getPostThread', { uri: `at://${handle}/app.bsky.feed.post/${rkey}`, depth: '6', parentHeight: '80' });
  const walk = (node, focal) => {
    list.append(postEl(node.post, { testid: 'postThreadItem-by-', focal }));
    for (const r of node.replies || []) walk(r, false);
  };
  walk(data.thread, true);
}

async function notificationsScreen() {
  const list = screen('notificationsScreen', 'notifsFeed');
  const data = await xrpc('app.bsky.notification.listNotifications', { limit: '40' });
  // Replies, mentions and quotes render as posts: the app fetches their post views (with embeds).
  const grouped = (n) => n.reason === 'like' || n.reason === 'repost' || n.reason === 'follow';
  const uris = data.notifications.filter((n) => !grouped(n)).map((n) => n.uri);
  const posts = new Map();
  if (uris.length > 0) {
    const query = new URLSearchParams();
    for (const u of uris) query.append('uris', u);
    for (const p of (await xrpcQuery('app.bsky.feed.getPosts', query)).posts) posts.set(p.uri, p);
  }
  for (const n of data.notifications) {
    if (grouped(n)) list.append(notificationRow(n));
    else if (posts.has(n.uri)) list.append(postEl(posts.get(n.uri)));
  }
}

async function route() {
  const path = location.pathname;
  // The app asks for the signed-in user's profile first (its own view of the session).
  void xrpc('app.bsky.actor.getProfile', { actor: session.did });
  const thread = /^\/profile\/([^/]+)\/post\/([^/]+)$/.exec(path);
  if (thread) return threadScreen(thread[1], thread[2]);
  if (path === '/notifications') return notificationsScreen();
  if (path === '/search') return feedScreen('app.bsky.feed.searchPosts', { q: params.get('q') || '' }, 'searchScreen');
  const profile = /^\/profile\/([^/]+)$/.exec(path);
  if (profile) return feedScreen('app.bsky.feed.getAuthorFeed', { actor: profile[1], filter: 'posts_with_replies' }, 'profileScreen');
  const total = params.get('items');
  return feedScreen('app.bsky.feed.getTimeline', total === null ? { limit: '30' } : { limit: '30', total }, 'HomeScreen');
}

document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href^="/"]');
  if (!a || e.defaultPrevented) return;
  e.preventDefault();
  history.pushState(null, '', a.getAttribute('href'));
  void route();
});
window.addEventListener('popstate', () => void route());
void route();

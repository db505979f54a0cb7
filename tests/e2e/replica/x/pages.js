// The replica's pages. Each renders its header into the primary column and starts a feed that
// loads from the API the way X does (operation names, variables, response paths).
import { cache, graphql, notifications, readInstructions, readNotifications, readUser } from './api.js';
import { createFeed } from './feed.js';
import { icon } from './icons.js';
import { ui } from './strings.js';
import { avatar, badge, el, esc, fmt, followButton, notificationCellContent, tweetCellContent, userCellContent } from './render.js';

const TWEET_VARS = { includePromotedContent: true, withQuickPromoteEligibilityTweetFields: true, withVoice: true, withCommunity: true };

function tweetSpec(item, opts) {
  const t = cache.tweets.get(item.id);
  const shownId = t && t.retweetedId ? t.retweetedId : item.id;
  const classes = item.module === 'first' || item.module === 'middle' || opts.classes === 'in-thread' ? 'in-thread' : '';
  return { build: () => tweetCellContent(item.id, { ...opts, promoted: item.promoted, module: opts.module || item.module }), info: { tweetId: shownId }, classes };
}

const header = (title, sub = '', back = false) =>
  el(`<div class="sticky-head"><h2 role="heading">${back ? `<a class="back" href="/home" role="button" aria-label="Back" data-testid="app-bar-back">${icon('back')}</a>` : ''}<span>${esc(title)}${sub ? `<span class="sub">${esc(sub)}</span>` : ''}</span></h2></div>`);

const tabs = (list) => el(`<div class="tabs" role="tablist">${list.map(([label, href, sel]) => `<a href="${href}" role="tab" aria-selected="${sel}"><span>${label}</span></a>`).join('')}</div>`);

const notFound = (text = "Hmm...this page doesn't exist. Try searching for something else.") => el(`<div class="empty"><strong>Nothing here</strong>${esc(text)}</div>`);

export function home(ctx) {
  document.title = 'Home / X';
  const head = el('<div class="sticky-head"><div class="tabs" role="tablist"><div role="tab" tabindex="0" aria-selected="true" class="tabbtn"><span>For you</span></div><div role="tab" tabindex="0" aria-selected="false" class="tabbtn"><span>Following</span></div></div></div>');
  head.querySelectorAll('[role=tab]').forEach((t) => Object.assign(t.style, { flex: '1', height: '53px', display: 'flex', alignItems: 'center', justifyContent: 'center', cursor: 'pointer' }));
  const composer = el(`<div class="composer">${avatar(ctx.viewer, 40)}<div class="box"><div class="placeholder" data-testid="tweetTextarea_0">${esc(ui('whatsHappening'))}</div><div class="bar"><span style="display:flex;gap:12px">${icon('image')}${icon('gif')}${icon('smile')}</span><button class="send" data-testid="tweetButtonInline" disabled>Post</button></div></div></div>`);
  const body = el('<div></div>');
  ctx.root.append(head, composer, body);
  let feed;
  const start = (op) => {
    feed?.stop();
    body.replaceChildren();
    const token = {};
    ctx.localToken = token;
    feed = createFeed({
      container: body,
      label: 'Your Home Timeline',
      isStale: () => ctx.isStale() || ctx.localToken !== token,
      load: (cursor) => graphql(op, { count: 20, ...(cursor ? { cursor } : {}), includePromotedContent: true, latestControlAvailable: true, requestContext: 'launch', withCommunity: true }, 'POST')
        .then((j) => readInstructions(j.data.home.home_timeline_urt.instructions)),
      renderItem: (item) => [tweetSpec(item, { replying: !item.module || item.module === 'first' })],
    });
  };
  head.addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (!tab || tab.getAttribute('aria-selected') === 'true') return;
    head.querySelectorAll('[role=tab]').forEach((t) => t.setAttribute('aria-selected', String(t === tab)));
    start(tab.textContent.trim() === 'Following' ? 'HomeLatestTimeline' : 'HomeTimeline');
  });
  start('HomeTimeline');
}

export function thread(ctx, handle, id) {
  document.title = 'Post / X';
  ctx.root.append(header('Post', '', true));
  const body = el('<div></div>');
  ctx.root.append(body);
  let seenFocal = false;
  createFeed({
    container: body,
    label: 'Conversation',
    isStale: ctx.isStale,
    emptyTitle: "Hmm...this page doesn't exist.",
    emptyText: 'Try searching for something else.',
    load: (cursor) => graphql('TweetDetail', { focalTweetId: id, ...(cursor ? { cursor } : {}), referrer: 'home', with_rux_injections: false, rankingMode: 'Relevance', ...TWEET_VARS, withBirdwatchNotes: true })
      .then((j) => readInstructions(j.data && j.data.threaded_conversation_with_injections_v2 ? j.data.threaded_conversation_with_injections_v2.instructions : [])),
    renderItem: (item) => {
      if (item.id === id && !seenFocal) {
        seenFocal = true;
        const t = cache.tweets.get(id);
        const a = t && cache.users.get(t.userId);
        if (a) document.title = `${a.name} on X: "${[...t.fullText].slice(t.range[0], t.range[1]).join('')}" / X`;
        const reply = { build: () => el(`<div class="reply-box">${avatar(ctx.viewer, 40)}<span>Post your reply</span><button class="send" disabled>Reply</button></div>`), info: {}, classes: '' };
        return [tweetSpec(item, { focal: true, replying: true }), reply];
      }
      return [tweetSpec(item, seenFocal ? {} : { module: 'first', classes: 'in-thread' })];
    },
  });
}

export function notificationsPage(ctx, kind) {
  document.title = kind === 'mentions' ? 'Mentions / X' : 'Notifications / X';
  const head = header('Notifications');
  head.append(tabs([['All', '/notifications', kind === 'all'], ['Verified', '/notifications/verified', kind === 'verified'], ['Mentions', '/notifications/mentions', kind === 'mentions']]));
  ctx.root.append(head);
  const body = el('<div></div>');
  ctx.root.append(body);
  if (kind === 'verified') {
    body.append(el('<div class="empty"><strong>Nothing to see here — yet</strong>Likes, mentions, reposts, and a whole lot more — when it comes from a verified account, you’ll find it here.</div>'));
    return;
  }
  createFeed({
    container: body,
    label: kind === 'mentions' ? 'Mentions' : 'Notifications',
    isStale: ctx.isStale,
    load: (cursor) => notifications(kind, cursor).then(readNotifications),
    renderItem: (item) => {
      if (item.type === 'tweet') return [tweetSpec(item, { replying: true })];
      const n = item.notification;
      const agg = n.template.aggregateUserActionsV1;
      const target = agg.targetObjects[0] && cache.tweets.get(agg.targetObjects[0].tweet.id);
      const from = cache.users.get(agg.fromUsers[0] && agg.fromUsers[0].user.id);
      const href = target ? `/${cache.users.get(target.userId).handle}/status/${target.id}` : from ? `/${from.handle}` : '/notifications';
      return [{ build: () => notificationCellContent(n), info: { href }, classes: '' }];
    },
  });
}

async function lookup(ctx, handle) {
  const j = await graphql('UserByScreenName', { screen_name: handle, withSafetyModeUserFields: true });
  return j.data && j.data.user ? readUser(j.data.user.result) : null;
}

export async function profile(ctx, handle) {
  document.title = `@${handle} / X`;
  const head = header(handle, '', true);
  ctx.root.append(head);
  const u = await lookup(ctx, handle).catch(() => null);
  if (ctx.isStale()) return;
  if (!u) { ctx.root.append(notFound("This account doesn't exist")); return; }
  document.title = `${u.name} (@${u.handle}) / X`;
  head.querySelector('h2 > span').innerHTML = `${esc(u.name)}<span class="sub">${fmt(420)} posts</span>`;
  const isViewer = u.id === ctx.viewer.id;
  ctx.root.append(el(`<div><div class="banner" style="background:linear-gradient(120deg,#333639,#16181c)"></div><div class="profile-head"><div class="big-avatar${u.shape === 'Square' ? ' square' : ''}">${avatar(u, 133)}</div><div class="actions">${isViewer ? '<button class="pill following" data-testid="editProfileButton">Edit profile</button>' : followButton(u)}</div><div data-testid="UserName"><div class="name"><span>${esc(u.name)}</span>${badge(u)}</div><div class="handle">@${esc(u.handle)}${u.followsYou ? ' <span data-testid="userFollowIndicator">Follows you</span>' : ''}</div></div><div class="bio" data-testid="UserDescription">${esc(u.bio)}</div><div class="meta"><a href="/${esc(u.handle)}/following" role="link"><b>${fmt(u.followingCount) || 0}</b> Following</a><a href="/${esc(u.handle)}/verified_followers" role="link"><b>${fmt(u.followers) || 0}</b> Followers</a></div></div></div>`));
  ctx.root.append(tabs([['Posts', `/${u.handle}`, true], ['Replies', `/${u.handle}/with_replies`, false], ['Media', `/${u.handle}/media`, false]]));
  const body = el('<div></div>');
  ctx.root.append(body);
  createFeed({
    container: body,
    label: `${u.name}’s posts`,
    isStale: ctx.isStale,
    load: () => graphql('UserTweets', { userId: u.id, count: 20, ...TWEET_VARS }).then((j) => ({ ...readInstructions(j.data.user.result.timeline.timeline.instructions), bottom: null })),
    renderItem: (item) => [tweetSpec(item, { replying: true, ...(item.pinned ? { context: { text: 'Pinned', icon: 'pin' } } : {}) })],
  });
}

export async function followingPage(ctx, handle) {
  document.title = `People followed by @${handle} / X`;
  const head = header(handle, `@${handle}`, true);
  head.append(tabs([['Verified Followers', `/${handle}/verified_followers`, false], ['Followers', `/${handle}/followers`, false], ['Following', `/${handle}/following`, true]]));
  ctx.root.append(head);
  const u = await lookup(ctx, handle).catch(() => null);
  if (ctx.isStale()) return;
  if (!u) { ctx.root.append(notFound("This account doesn't exist")); return; }
  head.querySelector('h2 > span').innerHTML = `${esc(u.name)}<span class="sub">@${esc(u.handle)}</span>`;
  const body = el('<div></div>');
  ctx.root.append(body);
  createFeed({
    container: body,
    label: 'Following',
    isStale: ctx.isStale,
    load: (cursor) => graphql('Following', { userId: u.id, count: 20, ...(cursor ? { cursor } : {}), includePromotedContent: false }).then((j) => readInstructions(j.data.user.result.timeline.timeline.instructions)),
    renderItem: (item) => (item.type === 'user' ? [{ build: () => userCellContent(item.id), info: { userId: item.id, href: `/${cache.users.get(item.id).handle}` }, classes: '' }] : []),
  });
}

export function search(ctx, q) {
  document.title = q ? `${q} - Search / X` : 'Explore / X';
  const head = el(`<div class="sticky-head"><div class="search" style="padding:6px 16px"><label>${icon('explore')}<input data-testid="SearchBox_Search_Input" aria-label="Search query" placeholder="Search" value="${esc(q)}" enterkeyhint="search"></label></div></div>`);
  head.append(tabs([['Top', `/search?q=${encodeURIComponent(q)}`, true], ['Latest', `/search?q=${encodeURIComponent(q)}&f=live`, false], ['People', `/search?q=${encodeURIComponent(q)}&f=user`, false]]));
  ctx.root.append(head);
  const body = el('<div></div>');
  ctx.root.append(body);
  if (!q) { body.append(el('<div class="empty"><strong>Explore</strong>Search for people, posts and topics.</div>')); return; }
  createFeed({
    container: body,
    label: `Search timeline for ${esc(q)}`,
    isStale: ctx.isStale,
    emptyTitle: `No results for "${esc(q)}"`,
    load: () => graphql('SearchTimeline', { rawQuery: q, count: 20, querySource: 'typed_query', product: 'Top' })
      .then((j) => ({ ...readInstructions(j.data.search_by_raw_query.search_timeline.timeline.instructions), bottom: null })),
    renderItem: (item) => [tweetSpec(item, { replying: true })],
  });
}

export function notFoundPage(ctx) {
  document.title = 'Page not found / X';
  ctx.root.append(header('', '', true), notFound());
}

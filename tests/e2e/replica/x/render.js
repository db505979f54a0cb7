// Markup builders. Structure and data-testids follow x.com (tests/fixtures/x/x-home.html): a cell
// `div[data-testid=cellInnerDiv] > div > div > article[data-testid=tweet]`, the author in
// `[data-testid=User-Name]`, the permalink `a[href=/<handle>/status/<id>]` around a <time>,
// `[data-testid=tweetText]` with emoji as <img alt>, `svg[data-testid=icon-verified]` for every
// badge kind, an ancestor `[data-testid=placementTracking]` plus an "Ad" label for promoted posts,
// and the same test id around video players inside ordinary posts. A quoted post follows the hidden
// "Quote" label X puts before it. Labels are in the page's language (strings.js).
import { cache } from './api.js';
import { ICONS, icon } from './icons.js';
import { ui } from './strings.js';

const variant = (document.querySelector('meta[name="replica-variant"]') || {}).content || 'normal';
/**
 * Test ids, renamed in the drift variants: "drift" renames the post itself (nothing matches
 * article[data-testid="tweet"] any more); "drift-text" keeps the article but renames its parts.
 */
export const TID = {
  tweet: variant === 'drift' ? 'post' : 'tweet',
  userName: variant === 'normal' ? 'User-Name' : 'UserNames',
  tweetText: variant === 'normal' ? 'tweetText' : 'postText',
  cell: 'cellInnerDiv',
};
export const VARIANT = variant;

export const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

/** Parses markup into one element. */
export function el(html) {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function shortTime(ms) {
  const s = Math.max(0, (Date.now() - ms) / 1000);
  if (s < 60) return `${Math.floor(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  const d = new Date(ms);
  return `${MONTHS[d.getMonth()]} ${d.getDate()}`;
}
function ago(ms) {
  const m = Math.round((Date.now() - ms) / 60000);
  return m < 60 ? `${m} minutes ago` : m < 1440 ? `${Math.round(m / 60)} hours ago` : new Date(ms).toDateString();
}
export const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}K` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}K` : n ? String(n) : '');

const initials = (name) => esc(([...String(name || '?').replace(/[^\p{L}\p{N}]/gu, '')][0] || '?').toUpperCase());
const colorOf = (u) => `hsl(${[...(u.handle || 'x')].reduce((h, c) => (h * 31 + c.codePointAt(0)) % 360, 7)} 65% 45%)`;

export function avatar(u, size = 40, link = true) {
  const inner = link
    ? `<a href="/${esc(u.handle)}" aria-hidden="true" role="link" tabindex="-1" style="background-color:${colorOf(u)}">${initials(u.name)}</a>`
    : `<div class="fill" style="background-color:${colorOf(u)}">${initials(u.name)}</div>`;
  return `<div class="avatar${u.shape === 'Square' ? ' square' : ''}" data-testid="UserAvatar-Container-${esc(u.handle)}" style="width:${size}px;height:${size}px;font-size:${Math.round(size * 0.42)}px">${inner}</div>`;
}

const BADGE_CLASS = { blue: 'blue', Business: 'gold', Government: 'grey' };
export function badge(u) {
  if (!u.verification || u.verification === 'none') return '';
  return `<span class="badge"><svg viewBox="0 0 22 22" aria-label="Verified account" role="img" class="vb ${BADGE_CLASS[u.verification]}" data-testid="icon-verified"><g><path fill-rule="evenodd" d="${ICONS.verified}"></path></g></svg></span>`;
}
const affiliate = (u) => (u.affiliate ? `<a href="${esc(u.affiliate.href)}" role="link" title="${esc(u.affiliate.name)}"><span class="aff" style="background:${colorOf({ handle: u.affiliate.href.slice(1) })}"></span></a>` : '');

/** Tweet text from full_text: hide the reply prefix, turn t.co links and @mentions into links, emoji into <img>. */
export function richText(t) {
  const cps = [...t.fullText];
  const [from, to] = t.range;
  const marks = [];
  for (const u of t.urls) marks.push({ at: u.indices[0], end: u.indices[1], html: `<a dir="ltr" href="${esc(u.url)}" rel="noopener noreferrer nofollow" target="_blank" role="link"><span aria-hidden="true" class="proto">${esc((u.expanded_url.match(/^https?:\/\//) || [''])[0])}</span>${esc(u.display_url.replace(/…$/, ''))}<span aria-hidden="true">${u.display_url.endsWith('…') ? '…' : ''}</span></a>` });
  for (const m of t.mentions) marks.push({ at: m.indices[0], end: m.indices[1], html: `<div class="mention" style="display:inline"><span><a dir="ltr" href="/${esc(m.screen_name)}" role="link">@${esc(m.screen_name)}</a></span></div>` });
  marks.sort((a, b) => a.at - b.at);
  let html = '';
  let i = from;
  const plain = (s) => s && (html += `<span>${emoji(esc(s))}</span>`);
  for (const m of marks) {
    if (m.at < i || m.at >= to) continue;
    plain(cps.slice(i, m.at).join(''));
    html += m.html;
    i = m.end;
  }
  plain(cps.slice(i, to).join(''));
  return html;
}
function emoji(s) {
  return s.replace(/\p{Extended_Pictographic}\uFE0F?/gu, (e) => {
    const cp = e.codePointAt(0).toString(16);
    return `<img alt="${e}" class="emoji" draggable="false" src="/_replica/emoji/${cp}.svg">`;
  });
}

function media(t, author) {
  if (!t.media) return '';
  if (t.media === 'video' || t.media === 'animated_gif') {
    return `<div class="t-media"><div class="media-box" data-testid="tweetPhoto"><div class="fill" data-testid="placementTracking"><div class="fill" data-testid="videoPlayer"><div class="fill" data-testid="videoComponent"><video aria-label="Embedded video" playsinline preload="none" tabindex="-1"></video></div><div class="play"><span>${icon('play')}</span></div><div class="dur">0:31</div></div></div></div></div>`;
  }
  return `<div class="t-media"><a href="/${esc(author.handle)}/status/${t.id}/photo/1" role="link"><div class="media-box" data-testid="tweetPhoto" style="background:linear-gradient(135deg, ${colorOf(author)}, #16181c)"><div class="fill" aria-label="Image" role="img"></div></div></a></div>`;
}

function quote(id) {
  const q = cache.tweets.get(id);
  const a = q && cache.users.get(q.userId);
  if (!q || !a) return '';
  return `<div class="sr-only" dir="ltr"><span>${esc(ui('quote'))}</span></div><div class="quote" role="link" tabindex="0"><div class="q-head"><div data-testid="Tweet-User-Avatar">${avatar(a, 20, false)}</div><div data-testid="${TID.userName}" class="user-name"><div class="un-name"><span>${esc(a.name)}</span>${badge(a)}</div><div class="un-meta"><span>@${esc(a.handle)}</span><span aria-hidden="true">·</span><time datetime="${new Date(q.createdAt).toISOString()}">${shortTime(q.createdAt)}</time></div></div></div><div data-testid="${TID.tweetText}" class="tweet-text" lang="en" dir="auto">${richText(q)}</div></div>`;
}

function actions(t, focal) {
  const c = t.counts;
  const liked = t.liked;
  const views = t.views ? fmt(t.views) : '';
  const count = (n) => `<span data-testid="app-text-transition-container"><span>${fmt(n)}</span></span>`;
  return `<div role="group" class="t-actions" aria-label="${c.replies} replies, ${c.retweets} reposts, ${c.likes} likes${t.views ? `, ${t.views} views` : ''}">`
    + `<button type="button" data-testid="reply" aria-label="${c.replies} Replies. Reply">${icon('reply')}${count(c.replies)}</button>`
    + `<button type="button" data-testid="retweet" aria-label="${c.retweets} reposts. Repost">${icon('retweet')}${count(c.retweets)}</button>`
    + `<button type="button" data-testid="${liked ? 'unlike' : 'like'}" aria-label="${c.likes} Likes. ${liked ? 'Liked' : 'Like'}">${icon(liked ? 'liked' : 'like')}${count(c.likes)}</button>`
    + (focal ? '' : `<a href="/${t.id}/analytics" aria-label="${views} views. View post analytics" role="link">${icon('views')}${count(t.views || 0)}</a>`)
    + `<button type="button" data-testid="bookmark" aria-label="Bookmark">${icon('bookmark')}</button></div>`;
}

/**
 * The children of one timeline cell for a tweet. opts: promoted, module ('first'|'middle'|'last'),
 * focal, replying (show "Replying to"), context ({text, href, icon}).
 */
export function tweetCellContent(id, opts = {}) {
  const shown = cache.tweets.get(id);
  const rt = shown && shown.retweetedId ? cache.tweets.get(shown.retweetedId) : null;
  const t = rt || shown;
  const a = t && cache.users.get(t.userId);
  if (!t || !a) return el('<div><div></div></div>');
  let context = opts.context || null;
  if (rt) {
    const by = cache.users.get(shown.userId);
    context = { text: `${by.name} reposted`, href: `/${by.handle}`, icon: 'retweet' };
  }
  const iso = new Date(t.createdAt).toISOString();
  const permalink = `/${esc(a.handle)}/status/${t.id}`;
  const ctx = context ? `<div class="t-context"><div class="icon">${icon(context.icon)}</div><div>${context.href ? `<a href="${esc(context.href)}" dir="ltr" role="link"><span data-testid="socialContext">${esc(context.text)}</span></a>` : `<span data-testid="socialContext">${esc(context.text)}</span>`}</div></div>` : '';
  const userName = `<div data-testid="${TID.userName}" class="user-name"><div class="un-name"><a href="/${esc(a.handle)}" role="link"><span>${esc(a.name)}</span>${badge(a)}</a>${affiliate(a)}</div><div class="un-meta"><a href="/${esc(a.handle)}" role="link" tabindex="-1"><span>@${esc(a.handle)}</span></a>${opts.focal ? '' : `<span aria-hidden="true">·</span><a href="${permalink}" dir="ltr" aria-label="${ago(t.createdAt)}" role="link"><time datetime="${iso}">${shortTime(t.createdAt)}</time></a>`}</div></div>`;
  const right = `<div class="t-header-right">${opts.promoted ? `<span class="ad">${esc(ui('ad'))}</span>` : ''}<button type="button" aria-label="More" aria-haspopup="menu" data-testid="caret">${icon('more')}</button></div>`;
  const replying = opts.replying && t.replyToHandle ? `<div class="t-replying">Replying to <a href="/${esc(t.replyToHandle)}" role="link">@${esc(t.replyToHandle)}</a></div>` : '';
  // elementtiming (not in X's markup) lets the benchmark see which posts were ever painted.
  const text = `<div data-testid="${TID.tweetText}" class="tweet-text" lang="en" dir="auto" elementtiming="post-${t.id}">${richText(t)}</div>`;
  let body;
  if (opts.focal) {
    const d = new Date(t.createdAt);
    const when = `${d.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })} · ${MONTHS[d.getMonth()]} ${d.getDate()}, ${d.getFullYear()}`;
    body = `<div class="f-head"><div data-testid="Tweet-User-Avatar">${avatar(a, 40)}</div><div style="flex:1;min-width:0">${userName}</div>${right}</div>${replying}${text}${media(t, a)}${t.quotedId ? quote(t.quotedId) : ''}<div class="f-time"><a href="${permalink}" role="link" aria-label="${ago(t.createdAt)}"><time datetime="${iso}">${esc(when)}</time></a>${t.views ? ` · <strong>${fmt(t.views)}</strong> Views` : ''}</div>${actions(t, true)}`;
  } else {
    const line = opts.module === 'first' || opts.module === 'middle' ? '<div class="line"></div>' : '';
    body = `<div class="t-row"><div class="t-avatar-col"><div data-testid="Tweet-User-Avatar">${avatar(a, 40)}</div>${line}</div><div class="t-main"><div class="t-header">${userName}${right}</div>${replying}${text}${media(t, a)}${t.quotedId ? quote(t.quotedId) : ''}${actions(t, false)}</div></div>`;
  }
  const article = `<article aria-labelledby="id__${t.id}" role="article" tabindex="${opts.focal ? -1 : 0}" data-testid="${TID.tweet}" class="tweet${opts.focal ? ' focal' : ''}"><div>${ctx}${body}</div></article>`;
  const inner = opts.promoted ? `<div data-testid="placementTracking">${article}</div>` : article;
  return el(`<div class="css-175oi2r r-1adg3ll r-1ny4l3l"><div class="css-175oi2r">${inner}</div></div>`);
}

/** A whole cell; `state` is kept on the element so the app can re-render its children later. */
export function cell(content, classes = '') {
  const c = el(`<div data-testid="${TID.cell}" class="css-175oi2r ${classes}"></div>`);
  c.append(content);
  return c;
}

const N_ICON = { heart_icon: ['like', 'liked'], person_icon: ['follow', 'person'], retweet_icon: ['retweet', 'retweet'] };
export function notificationCellContent(n) {
  const [cls, ic] = N_ICON[n.icon.id] || ['follow', 'bell'];
  const from = n.template.aggregateUserActionsV1.fromUsers.map((f) => cache.users.get(f.user.id)).filter(Boolean);
  const targetId = (n.template.aggregateUserActionsV1.targetObjects[0] || { tweet: {} }).tweet.id;
  const target = targetId ? cache.tweets.get(targetId) : null;
  const first = from[0];
  const rest = esc(n.message.text.slice(first ? first.name.length : 0));
  const text = first ? `<a href="/${esc(first.handle)}" role="link"><span class="strong">${esc(first.name)}</span></a>${rest}` : esc(n.message.text);
  return el(`<div class="css-175oi2r"><div class="css-175oi2r"><article data-testid="notification" role="article" tabindex="0" class="notif"><div class="n-icon ${cls}">${icon(ic)}</div><div class="n-main"><div class="n-avatars">${from.slice(0, 6).map((u) => avatar(u, 32)).join('')}</div><div class="n-text"><span>${text}</span></div>${target ? `<div class="n-target">${richText(target)}</div>` : ''}</div></article></div></div>`);
}

export function followButton(u) {
  return u.following
    ? `<button type="button" class="pill following" data-testid="${u.id}-unfollow" aria-label="Following @${esc(u.handle)}"><span>Following</span></button>`
    : `<button type="button" class="pill follow" data-testid="${u.id}-follow" aria-label="Follow @${esc(u.handle)}"><span>Follow</span></button>`;
}

export function userCellContent(id, tag = 'div') {
  const u = cache.users.get(id);
  return el(`<div class="css-175oi2r"><div class="css-175oi2r"><${tag} data-testid="UserCell" role="${tag === 'li' ? 'listitem' : 'button'}" tabindex="0">${avatar(u, 40)}<div class="uc-main"><div class="uc-head"><div><div class="un-name"><a href="/${esc(u.handle)}" role="link"><span>${esc(u.name)}</span>${badge(u)}</a></div><div class="handle"><a href="/${esc(u.handle)}" role="link" tabindex="-1"><span>@${esc(u.handle)}</span></a>${u.followsYou ? '<span data-testid="userFollowIndicator">Follows you</span>' : ''}</div></div>${followButton(u)}</div>${u.bio ? `<div class="uc-bio">${emoji(esc(u.bio))}</div>` : ''}</div></${tag}></div></div>`);
}

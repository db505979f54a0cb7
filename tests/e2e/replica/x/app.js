// The x.com replica's single-page app: layout, in-app navigation (history.pushState), clicks,
// likes and follows that re-render their cell, and X's j/k keyboard navigation. Plain browser
// JavaScript modules, served as they are; tests/e2e/replica/x/site.ts serves them.
import { cache, xhrJson, graphql } from './api.js';
import { cellInfo, rerender } from './feed.js';
import { icon } from './icons.js';
import { followingPage, home, notFoundPage, notificationsPage, profile, search, thread } from './pages.js';
import { TID, VARIANT, avatar, el, esc, followButton, userCellContent } from './render.js';
import { ui } from './strings.js';

const state = window.__INITIAL_STATE__ || {};
const viewerId = state.session && state.session.user_id;
const vu = (state.entities && state.entities.users && state.entities.users.entities[viewerId]) || {};
const viewer = { id: viewerId, handle: vu.screen_name, name: vu.name, shape: 'Circle', verification: 'none' };
cache.users.set(viewer.id, { ...viewer, bio: vu.description || '', followers: vu.followers_count || 0, followingCount: vu.friends_count || 0, following: false, followsYou: false, affiliate: null });

const NAV = [
  [ui('home'), '/home', 'home', 'AppTabBar_Home_Link'],
  ['Explore', '/explore', 'explore', 'AppTabBar_Explore_Link'],
  ['Notifications', '/notifications', 'bell', 'AppTabBar_Notifications_Link'],
  ['Messages', '/messages', 'mail', 'AppTabBar_DirectMessage_Link'],
  ['Profile', `/${viewer.handle}`, 'person', 'AppTabBar_Profile_Link'],
];

const TRENDS = [['Trending in Technology', '#WebExtensions', '12.4K posts'], ['Sports · Trending', 'Rollerblading', '3,210 posts'], ['Trending', 'Spring Sale', '48.1K posts']];

function layout() {
  const root = document.getElementById('react-root');
  root.replaceChildren(el(`<div class="app">
    <header role="banner"><nav class="nav" role="navigation" aria-label="Primary">
      <a class="logo" href="/home" aria-label="X" role="link">${icon('logo')}</a>
      ${NAV.map(([label, href, ic, tid]) => `<a class="tab" href="${href}" data-testid="${tid}" aria-label="${label}" role="link">${icon(ic)}<span>${label}</span></a>`).join('')}
      <button class="post-btn" data-testid="SideNav_NewTweet_Button" type="button">Post</button>
      <button class="account" data-testid="SideNav_AccountSwitcher_Button" type="button" aria-label="Account menu">${avatar(viewer, 40, false)}<span class="who"><b>${esc(viewer.name)}</b><span style="color:var(--muted)">@${esc(viewer.handle)}</span></span></button>
    </nav></header>
    <main role="main"><div class="primary" data-testid="primaryColumn"></div>
      <div class="sidebar" data-testid="sidebarColumn">
        <div class="search"><label>${icon('explore')}<input data-testid="SearchBox_Search_Input" aria-label="Search query" placeholder="Search" enterkeyhint="search"></label></div>
        <div class="card"><h2>What’s happening</h2>
          <div data-testid="placementTracking"><a class="trend" href="/search?q=CloudHQ" data-testid="trend" role="link"><div class="k">Promoted by CloudHQ</div><div class="t">#ShipFaster</div></a></div>
          ${TRENDS.map(([k, t, n]) => `<a class="trend" href="/search?q=${encodeURIComponent(t)}" data-testid="trend" role="link"><div class="k">${k}</div><div class="t">${t}</div><div class="k">${n}</div></a>`).join('')}
        </div>
        <div class="card who-to-follow" style="display:none"><h2>Who to follow</h2><ul role="list"></ul></div>
        <footer>Doorman test replica of x.com · no real data</footer>
      </div></main></div>`));
}

let navToken = {};
function route() {
  const token = (navToken = {});
  const primary = document.querySelector('[data-testid="primaryColumn"]');
  primary.replaceChildren();
  window.scrollTo(0, 0);
  const ctx = { root: primary, viewer, isStale: () => navToken !== token };
  const path = location.pathname.replace(/\/+$/, '') || '/home';
  const parts = path.split('/').filter(Boolean);
  document.querySelectorAll('.nav a.tab').forEach((a) => a.classList.toggle('active', a.getAttribute('href') === path || (path.startsWith('/notifications') && a.getAttribute('href') === '/notifications')));
  if (path === '/home') home(ctx);
  else if (path === '/notifications') notificationsPage(ctx, 'all');
  else if (path === '/notifications/mentions') notificationsPage(ctx, 'mentions');
  else if (path === '/notifications/verified') notificationsPage(ctx, 'verified');
  else if (path === '/search') search(ctx, new URLSearchParams(location.search).get('q') || '');
  else if (path === '/explore') search(ctx, '');
  else if (parts.length === 3 && parts[1] === 'status' && /^\d+$/.test(parts[2])) thread(ctx, parts[0], parts[2]);
  else if (parts.length === 2 && parts[1] === 'following') void followingPage(ctx, parts[0]);
  else if (parts.length === 1 && !['messages', 'i', 'settings', 'compose'].includes(parts[0])) void profile(ctx, parts[0]);
  else notFoundPage(ctx);
  setTimeout(fillWhoToFollow, 1500);
}

function fillWhoToFollow() {
  const card = document.querySelector('.who-to-follow');
  const list = card && card.querySelector('ul');
  if (!list || list.children.length > 0) return;
  const picks = [...cache.users.values()].filter((u) => !u.following && u.id !== viewer.id).slice(0, 3);
  if (picks.length === 0) return;
  for (const u of picks) list.append(userCellContent(u.id, 'li').querySelector('li'));
  card.style.display = '';
}

export function navigate(href) {
  const url = new URL(href, location.origin);
  if (url.origin !== location.origin) return;
  if (url.pathname + url.search !== location.pathname + location.search) history.pushState({}, '', url.pathname + url.search);
  route();
}

const permalinkOf = (article) => {
  const time = article && article.querySelector('a[href*="/status/"] time');
  return time ? time.closest('a').getAttribute('href') : null;
};

function toggleLike(button) {
  const c = button.closest(`[data-testid="${TID.cell}"]`);
  const info = c && cellInfo.get(c);
  const t = info && cache.tweets.get(info.tweetId);
  if (!t) return;
  t.liked = !t.liked;
  t.counts.likes += t.liked ? 1 : -1;
  rerender(c);
  graphql(t.liked ? 'FavoriteTweet' : 'UnfavoriteTweet', { tweet_id: t.id }, 'POST').catch(() => undefined);
}

function toggleFollow(button) {
  const m = /^(\d+)-(follow|unfollow)$/.exec(button.dataset.testid || '');
  const u = m && cache.users.get(m[1]);
  if (!u) return;
  u.following = m[2] === 'follow';
  const c = button.closest(`[data-testid="${TID.cell}"]`);
  if (c && cellInfo.get(c)) rerender(c);
  else button.replaceWith(el(followButton(u)));
  xhrJson('POST', `/i/api/1.1/friendships/${u.following ? 'create' : 'destroy'}.json`, { user_id: u.id }).catch(() => undefined);
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const target = e.target;
  const like = target.closest('[data-testid="like"], [data-testid="unlike"]');
  if (like) { e.preventDefault(); toggleLike(like); return; }
  const follow = target.closest('button[data-testid$="-follow"], button[data-testid$="-unfollow"]');
  if (follow) { e.preventDefault(); e.stopPropagation(); toggleFollow(follow); return; }
  const a = target.closest('a[href]');
  if (a) {
    const href = a.getAttribute('href');
    e.preventDefault();
    // Outbound links would leave the replica (it has no internet): X opens them in a new tab.
    if (href.startsWith('/')) navigate(href);
    return;
  }
  if (target.closest('button, input, video, [role="button"]:not([data-testid="UserCell"])')) return;
  const quote = target.closest('.quote');
  const c = target.closest(`[data-testid="${TID.cell}"]`);
  const info = c && cellInfo.get(c);
  if (quote && info) {
    const q = cache.tweets.get(cache.tweets.get(info.tweetId).quotedId);
    if (q) navigate(`/${cache.users.get(q.userId).handle}/status/${q.id}`);
    return;
  }
  const article = target.closest('article[role="article"]');
  const href = (article && !article.classList.contains('focal') && permalinkOf(article)) || (info && info.href);
  if (href && (article || target.closest('[data-testid="UserCell"]'))) navigate(href);
});

document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (t.matches && t.matches('input[data-testid="SearchBox_Search_Input"]') && e.key === 'Enter') {
    navigate(`/search?q=${encodeURIComponent(t.value.trim())}`);
    return;
  }
  if (e.metaKey || e.ctrlKey || e.altKey || (t.closest && t.closest('input, textarea, [contenteditable="true"]'))) return;
  if (e.key === 'j' || e.key === 'k') { e.preventDefault(); moveFocus(e.key === 'j' ? 1 : -1); }
  else if (e.key === 'l') { const a = focusedArticle(); const b = a && a.querySelector('[data-testid="like"], [data-testid="unlike"]'); if (b) toggleLike(b); }
  else if (e.key === 'Enter') { const a = focusedArticle(); const href = a && permalinkOf(a); if (href && !a.classList.contains('focal')) navigate(href); }
});

let lastFocused = null;
function focusedArticle() {
  const active = document.activeElement && document.activeElement.closest && document.activeElement.closest('article[role="article"]');
  return active || (lastFocused && lastFocused.isConnected ? lastFocused : null);
}

/** j/k: the next/previous article in DOM order that is actually visible (offsetHeight > 0), as on X. */
function moveFocus(dir) {
  const articles = [...document.querySelectorAll('[data-testid="primaryColumn"] article[role="article"]')];
  const visible = (a) => a.offsetHeight > 0;
  const current = focusedArticle();
  let i = current ? articles.indexOf(current) : -1;
  let next = null;
  if (i === -1) {
    next = articles.find((a) => visible(a) && a.getBoundingClientRect().bottom > 60) || null;
  } else {
    for (i += dir; i >= 0 && i < articles.length; i += dir) if (visible(articles[i])) { next = articles[i]; break; }
  }
  if (!next) return;
  lastFocused = next;
  next.focus({ preventScroll: true });
  const top = next.getBoundingClientRect().top + window.scrollY - 60;
  window.scrollTo(0, Math.max(0, top));
}

window.addEventListener('popstate', route);

/** Hooks for tests (page world): re-render cells as X would on a state change, or navigate. */
window.__replica = {
  variant: VARIANT,
  navigate,
  rerender(tweetId) {
    let n = 0;
    for (const c of document.querySelectorAll(`[data-testid="${TID.cell}"]`)) {
      const info = cellInfo.get(c);
      if (info && info.tweetId === tweetId) { rerender(c); n++; }
    }
    return n;
  },
};

/**
 * X's three themes (Settings → Display → Background): `?theme=light|dim|dark` on the first URL, or
 * X's own `night_mode` cookie (0 light, 1 dim, 2 lights out). Like X, the script paints the body's
 * background inline (rgb(255,255,255) / rgb(21,32,43) / rgb(0,0,0)); the rest follows the palette.
 */
const THEMES = {
  light: { bg: 'rgb(255, 255, 255)', text: '#0f1419', muted: '#536471', line: '#eff3f4', hover: 'rgba(0, 0, 0, 0.03)', card: '#f7f9f9', head: 'rgba(255, 255, 255, 0.85)' },
  dim: { bg: 'rgb(21, 32, 43)', text: '#f7f9f9', muted: '#8b98a5', line: '#38444d', hover: 'rgba(255, 255, 255, 0.03)', card: '#1e2732', head: 'rgba(21, 32, 43, 0.75)' },
  dark: { bg: 'rgb(0, 0, 0)', text: '#e7e9ea', muted: '#71767b', line: '#2f3336', hover: 'rgba(231, 233, 234, 0.03)', card: '#16181c', head: 'rgba(0, 0, 0, 0.65)' },
};
function applyTheme() {
  const asked = new URLSearchParams(location.search).get('theme');
  const cookie = /(?:^|;\s*)night_mode=(\d)/.exec(document.cookie);
  const name = asked in THEMES ? asked : cookie ? ['light', 'dim', 'dark'][Number(cookie[1])] || 'dark' : 'dark';
  const t = THEMES[name];
  const root = document.documentElement.style;
  for (const k of ['text', 'muted', 'line', 'hover', 'card', 'head']) root.setProperty(`--${k}`, t[k]);
  root.setProperty('--bg', t.bg);
  document.body.style.backgroundColor = t.bg;
  document.body.dataset.theme = name;
}

applyTheme();
layout();
route();

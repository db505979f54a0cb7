// The Mastodon replica's web app: boots from script#initial-state (as Mastodon's does), fetches the
// API by XMLHttpRequest with the bearer token (axios does the same), and renders the markup of
// mastodon/mastodon's components: the timeline's article[data-id] cells around status.jsx's
// .status__wrapper > .status[data-id] (a.status__display-name, .display-name__account,
// .status__content), the thread's .detailed-status, and 4.3's grouped notifications
// (.notification-ungrouped--mention wrapping a status, .notification-group--favourite).
//
// Replica-only page parameters: `?items=N` (the benchmarks) makes the home timeline infinite: pages of
// 20 by the Link header's `max_id` whenever the bottom comes within 800 px, as the app's own
// expandHomeTimeline does, relationships asked for each page's authors before it renders (the
// replica's stand-in for the follow state Doorman learns). `?lag=N` (the late-facts e2e) makes the app
// read the API by fetch, parsing each body as soon as it is complete, while the server holds the
// response open N ms: the DOM comes before Doorman's facts. In that mode it asks for no relationships,
// as Mastodon's own app does not for timelines, threads and mentions (only for follow notifications).
// Each post's paragraphs carry `elementtiming` (its status id) so tests can tell whether it was painted.
// How it reads fetched responses and pages on is ../loader.js, shared with the other replicas.
import { pageWhileNearBottom, readJsonEarly } from '/_replica/loader.js';

const state = JSON.parse(document.getElementById('initial-state').textContent);
const token = state.meta.access_token;
const root = document.getElementById('mastodon');

const params = new URLSearchParams(location.search);
/** API responses read to their end (lag mode): tests wait on it to know every fact was delivered. */
window.__apiDone = 0;
const lag = params.get('lag');

/** GET an API path: the data and the next page's address from the Link header (or null). */
function getPage(path) {
  if (lag !== null) return fetchPage(path);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', path);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = () => (xhr.status === 200
      ? resolve({ data: JSON.parse(xhr.responseText), next: nextOf(xhr.getResponseHeader('link')) })
      : reject(new Error(`${path}: ${xhr.status}`)));
    xhr.onerror = () => reject(new Error(`${path}: network`));
    xhr.send();
  });
}

const get = (path) => getPage(path).then((p) => p.data);
const nextOf = (link) => /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;

/** By fetch, parsed as soon as the body is complete (the response itself ends `lag` ms later). */
async function fetchPage(path) {
  const url = new URL(path, location.origin);
  url.searchParams.set('lag', lag);
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return { data: await readJsonEarly(res, () => window.__apiDone++), next: nextOf(res.headers.get('link')) };
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function displayName(account, cls) {
  return `<a href="/@${esc(account.acct)}" data-id="${esc(account.id)}" class="${cls}" data-hover-card-account="${esc(account.id)}">
    <div class="status__avatar"><div class="account__avatar" style="width:46px;height:46px"></div></div>
    <span class="display-name"><bdi><strong class="display-name__html">${esc(account.display_name)}</strong></bdi>
    <span class="display-name__account">@${esc(account.acct)}</span></span></a>`;
}

/** Element Timing reports text by the element its text nodes sit in: the content's own paragraphs. */
const timed = (html, id) => html.replace(/<p>/g, `<p elementtiming="${esc(id)}">`);

function statusHtml(s, extra = '') {
  const classes = ['status', `status-${s.visibility}`, s.in_reply_to_id ? 'status-reply' : '', extra].filter(Boolean).join(' ');
  return `<div class="status__wrapper status__wrapper-${s.visibility} focusable" tabindex="0">
  <div class="${classes}" data-id="${esc(s.id)}">
    <div class="status__info">
      <a href="/@${esc(s.account.acct)}/${esc(s.id)}" class="status__relative-time"><span class="status__visibility-icon"></span><time datetime="${esc(s.created_at)}">1h</time></a>
      ${displayName(s.account, 'status__display-name')}
    </div>
    <div class="status__content status__content--with-action" tabindex="0"><div class="status__content__text status__content__text--visible translate" lang="${esc(s.language)}">${timed(s.content, s.id)}</div></div>
    <div class="status__action-bar"><button type="button" class="status__action-bar__button">Reply</button></div>
  </div>
</div>`;
}

const cell = (s, i, n) => `<article data-id="${esc(s.id)}" aria-posinset="${i + 1}" aria-setsize="${n}" tabindex="-1">${statusHtml(s)}</article>`;

function column(title, html) {
  root.innerHTML = `<div class="ui"><div class="columns-area columns-area--mobile"><div class="column" role="region" aria-label="${esc(title)}">
  <div class="column-header"><h1>${esc(title)}</h1></div><div class="scrollable item-list" role="feed">${html}</div></div></div></div>`;
}

async function relationships(accounts) {
  if (lag !== null) return;
  const ids = [...new Set(accounts.map((a) => a.id))].filter((id) => id !== state.meta.me);
  if (ids.length > 0) await get(`/api/v1/accounts/relationships?${ids.map((id) => `id[]=${encodeURIComponent(id)}`).join('&')}`);
}

async function home() {
  const items = params.get('items');
  const first = await getPage(items === null ? '/api/v1/timelines/home' : `/api/v1/timelines/home?items=${encodeURIComponent(items)}&limit=20`);
  await relationships(first.data.map((s) => s.account));
  column('Home', first.data.map((s, i) => cell(s, i, first.data.length)).join(''));
  if (items === null) return;
  const list = root.querySelector('.item-list');
  let next = first.next;
  let count = first.data.length;
  pageWhileNearBottom(() => next !== null, async () => {
    const page = await getPage(new URL(next).pathname + new URL(next).search);
    await relationships(page.data.map((s) => s.account));
    list.insertAdjacentHTML('beforeend', page.data.map((s, i) => cell(s, count + i, -1)).join(''));
    count += page.data.length;
    next = page.next;
  });
}

async function thread(id) {
  const [focal, context] = await Promise.all([get(`/api/v1/statuses/${id}`), get(`/api/v1/statuses/${id}/context`)]);
  await relationships([...context.ancestors, ...context.descendants].map((s) => s.account));
  const detailed = `<div class="focusable detailed-status__wrapper detailed-status__wrapper-${focal.visibility}" tabindex="0">
    <div class="detailed-status">${displayName(focal.account, 'detailed-status__display-name')}
    <div class="status__content"><div class="status__content__text status__content__text--visible translate">${timed(focal.content, focal.id)}</div></div></div></div>`;
  column('Post', [...context.ancestors.map((s) => statusHtml(s, 'status--in-thread')), detailed, ...context.descendants.map((s) => statusHtml(s, 'status--in-thread'))].join(''));
}

async function notifications() {
  const data = await get('/api/v2/notifications');
  await relationships(data.accounts);
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const statuses = new Map(data.statuses.map((s) => [s.id, s]));
  const html = data.notification_groups.map((g, i) => {
    const s = statuses.get(g.status_id);
    let inner;
    if (g.type === 'mention') {
      inner = `<div role="button" class="notification-ungrouped focusable notification-ungrouped--mention" tabindex="0">
        <div class="notification-ungrouped__header"><div class="notification-ungrouped__header__icon"></div>Mention</div>${statusHtml(s)}</div>`;
    } else {
      const who = g.sample_account_ids.map((id) => accounts.get(id));
      inner = `<div role="button" class="notification-group focusable notification-group--${esc(g.type)}" tabindex="0">
        <div class="notification-group__icon"></div><div class="notification-group__main"><div class="notification-group__main__header">
        <div class="notification-group__avatar-group">${who.map((a) => `<a href="/@${esc(a.acct)}" class="account__avatar" title="@${esc(a.acct)}" data-hover-card-account="${esc(a.id)}"></a>`).join('')}</div>
        <div class="notification-group__main__header__label"><a href="/@${esc(who[0].acct)}" data-hover-card-account="${esc(who[0].id)}"><bdi><strong>${esc(who[0].display_name)}</strong></bdi></a> favorited your post</div></div>
        <div class="notification-group__embedded-status"><div class="notification-group__embedded-status__content">${s ? s.content : ''}</div></div></div></div>`;
    }
    return `<article data-id="${esc(g.group_key)}" aria-posinset="${i + 1}" tabindex="-1">${inner}</article>`;
  }).join('');
  column('Notifications', html);
}

async function search(q) {
  const data = await get(`/api/v2/search?q=${encodeURIComponent(q)}&resolve=true`);
  column('Search', data.statuses.map((s, i) => cell(s, i, data.statuses.length)).join(''));
}

async function profile(acct) {
  const who = await get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
  const statuses = await get(`/api/v1/accounts/${who.id}/statuses`);
  column(who.display_name, statuses.map((s, i) => cell(s, i, statuses.length)).join(''));
}

async function route() {
  const path = decodeURIComponent(location.pathname);
  let m;
  if (path === '/home') return home();
  if (path === '/notifications') return notifications();
  if (path === '/search') return search(new URLSearchParams(location.search).get('q') ?? '');
  if ((m = /^\/@([^/]+)\/(\d+)$/.exec(path))) return thread(m[2]);
  if ((m = /^\/@([^/]+)$/.exec(path))) return profile(m[1]);
  column('Not found', '');
}

// Mastodon mounts its React root once the document is parsed.
const start = () => route().then(() => document.body.setAttribute('data-replica-ready', '1'), (e) => {
  document.body.setAttribute('data-replica-error', String(e));
});
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

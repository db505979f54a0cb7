// The www.linkedin.com replica's app: fetches Voyager responses as LinkedIn's web app does
// (/voyager/api/graphql for feeds, the notifications and messaging endpoints), resolves each body's
// `*elements` against its `included[]` entities, and renders them with the markup the real captures
// show (tests/fixtures/linkedin): `div.feed-shared-update-v2[data-urn]` inside a `[data-id]` hotkey
// cell, the actor's links, title, degree marker, description and sub-description ("Promoted",
// "Promoted by <a>"), the Follow button (`aria-pressed="false"`), the header ("Sam Rivera likes this",
// "Jobs recommended for you"), the text in `.update-components-text`. Notification cards
// (`article.nt-card`) and conversations (`li.msg-conversation-listitem`, the `.msg-conversation-card__pill`
// badge) follow what public LinkedIn tools read; no capture of those pages exists. Each item's text
// carries `elementtiming` (its key) so tests can tell whether the browser ever painted it. How it
// reads responses and pages on is ../loader.js, shared with the other replicas.
import { pageWhileNearBottom, readJsonEarly } from '/_replica/loader.js';

const params = new URLSearchParams(location.search);
const lag = params.get('lag');
const items = params.get('items');

/** Voyager responses whose stream the page read to its end. */
window.__voyagerDone = 0;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const el = (html) => {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
};
const twice = (s) => `<span aria-hidden="true">${s}</span><span class="visually-hidden">${s}</span>`;

/** GET a Voyager path; parse as soon as the body is whole JSON, then drain the held-open stream. */
async function voyager(path, query = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  if (lag !== null) url.searchParams.set('lag', lag);
  const res = await fetch(url, { credentials: 'include', headers: { accept: 'application/vnd.linkedin.normalized+json+2.1', 'csrf-token': 'ajax:replica' } });
  return readJsonEarly(res, () => window.__voyagerDone++);
}

/** The body's `*elements`, each resolved to its entity in `included`. */
function elementsOf(body) {
  const byUrn = new Map(body.included.map((e) => [e.entityUrn, e]));
  const root = Object.values(body.data.data)[0];
  return { elements: root['*elements'].map((u) => byUrn.get(u)).filter(Boolean), byUrn, paging: root.paging };
}

function followingOf(byUrn, actor) {
  const state = actor.followAction && byUrn.get(actor.followAction['*followingState']);
  return state ? state.following : false;
}

function actorBlock(u, byUrn) {
  const a = u.actor;
  const href = a.navigationContext.actionTarget;
  const name = esc(a.name.text);
  const sub = a.promotedBy
    ? `<span aria-hidden="true">Promoted by<span class="white-space-pre"> </span><a href="${esc(a.promotedBy.url)}"><span><span>${esc(a.promotedBy.name)}</span></span></a></span><span class="visually-hidden">Promoted by ${esc(a.promotedBy.name)}</span>`
    : twice(esc(a.subDescription.accessibilityText === a.subDescription.text ? a.subDescription.text : `${a.subDescription.text.trim()} ${a.subDescription.accessibilityText}`));
  const degree = a.supplementaryActorInfo
    ? `<span class="update-components-actor__supplementary-actor-info t-black--light">${twice(`<span class="white-space-pre"> </span>${esc(a.supplementaryActorInfo.text.trim())}`)}</span>`
    : '';
  const follow = followingOf(byUrn, a)
    ? ''
    : `<button class="follow update-components-actor__follow-button artdeco-button artdeco-button--tertiary" aria-label="Follow ${name}" aria-pressed="false" type="button"><span aria-hidden="true">Follow</span></button>`;
  return `<div class="update-components-actor display-flex"><div class="update-components-actor__container display-flex flex-grow-1">
    <a class="update-components-actor__image relative" aria-label="${name}, graphic." href="${esc(href)}"><span class="avatar"></span></a>
    <div class="update-components-actor__meta">
      <a class="update-components-actor__meta-link" aria-label="View: ${name}" href="${esc(href)}">
        <span class="update-components-actor__title"><span class="t-14 t-bold"><span dir="ltr">${twice(name)}</span></span>${degree}</span>
        <span class="update-components-actor__description t-black--light">${twice(esc(a.description.text))}</span>
      </a>
      <span class="update-components-actor__sub-description t-black--light">${sub}</span>
    </div></div>${follow}</div>`;
}

function headerBlock(u) {
  if (!u.header) return '';
  const text = u.header.text.text;
  const who = u.header.text.attributesV2[0];
  const inner = who
    ? `<span><a href="${esc(new URL(u.header.navigationContext.actionTarget).pathname)}">${esc(text.slice(0, who.length))}</a></span><span class="white-space-pre"> </span>${esc(text.slice(who.length).trim())}`
    : esc(text);
  return `<div class="update-components-header t-12 t-black--light"><div class="update-components-header__text-wrapper"><span class="update-components-header__text-view">${inner}</span></div></div>`;
}

function updateEl(u, byUrn, n) {
  const urn = u.metadata.backendUrn;
  return el(`<div data-id="${esc(urn)}" class="relative" data-finite-scroll-hotkey-item="${n}"><div class="ember-view occludable-update"><div class="full-height" data-view-name="feed-full-update">
    <div class="feed-shared-update-v2 feed-shared-update-v2--minimal-padding full-height relative artdeco-card" role="article" data-urn="${esc(urn)}">
      <div class="feed-shared-update-v2__control-menu-container"><h2 class="visually-hidden">Feed post number ${n}</h2>
      ${headerBlock(u)}
      ${u.actor ? actorBlock(u, byUrn) : ''}
      <div class="feed-shared-inline-show-more-text"><div class="update-components-text relative" dir="ltr"><span class="break-words" elementtiming="${esc(u.key)}">${esc(u.commentary.text.text)}</span></div></div>
      <div class="social-actions"><button type="button">Like</button><button type="button">Comment</button><button type="button">Repost</button></div>
      </div>
    </div></div></div></div>`);
}

function nav() {
  return `<header class="global-nav"><nav><a href="/feed/">Home</a><a href="/mynetwork/">My Network</a><a href="/messaging/">Messaging</a><a href="/notifications/">Notifications</a></nav></header>`;
}

function screen(inner) {
  const root = document.getElementById('root');
  root.replaceChildren(el(`<div class="app">${nav()}<main class="scaffold-layout__main">${inner}</main></div>`));
  return root.querySelector('main');
}

async function feedScreen(queryId, variables, extra = {}) {
  const main = screen('<div class="scaffold-finite-scroll scaffold-finite-scroll--infinite"><div class="scaffold-finite-scroll__content"></div></div>');
  const list = main.querySelector('.scaffold-finite-scroll__content');
  let n = 0;
  const render = (body) => {
    const { elements, byUrn, paging } = elementsOf(body);
    for (const u of elements) list.append(updateEl(u, byUrn, ++n));
    return paging;
  };
  const query = (start) => ({ includeWebMetadata: 'true', variables: variables(start), queryId, ...extra });
  let paging = render(await voyager('/voyager/api/graphql', query(0)));
  // `?items=N` (the benchmarks): the home feed pages on whenever the bottom comes near.
  if (items === null) return;
  const next = () => paging.start + paging.count;
  pageWhileNearBottom(() => next() < paging.total, async () => {
    paging = render(await voyager('/voyager/api/graphql', query(next())));
  });
}

async function notificationsScreen() {
  const main = screen('<section class="nt-card-list"></section>');
  const list = main.querySelector('.nt-card-list');
  const { elements } = elementsOf(await voyager('/voyager/api/voyagerIdentityDashNotificationCards', { decorationId: 'com.linkedin.voyager.dash.deco.identity.notifications.CardsCollection-78', count: '10', q: 'filterVanityName' }));
  for (const c of elements) {
    list.append(el(`<article class="nt-card" data-urn="${esc(c.entityUrn)}"><a class="nt-card__image-link" href="${esc(c.actorUrl)}" aria-label="${esc(c.actorName)}"><span class="avatar"></span></a>
      <div class="nt-card__text"><a class="nt-card__headline" href="/feed/"><span class="nt-card__text--3-line" elementtiming="${esc(c.key)}">${esc(c.headline.text)}</span></a></div></article>`));
  }
}

async function messagingScreen() {
  const main = screen('<ul class="msg-conversations-container__conversations-list list-style-none"></ul>');
  const list = main.querySelector('ul');
  const { elements } = elementsOf(await voyager('/voyager/api/voyagerMessagingGraphQL/graphql', { queryId: 'messengerConversations.0c59c3ac5a6f2bd6a5b7b9c5b6d1a6a3', variables: '(mailboxUrn:urn%3Ali%3Afsd_profile%3Aviewer)' }));
  for (const c of elements) {
    const pill = c.pill ? `<span class="msg-conversation-card__pill t-14 t-black t-bold pr1">${esc(c.pill)}</span>` : '';
    list.append(el(`<li class="msg-conversation-listitem msg-conversations-container__convo-item"><div class="msg-conversation-card">
      <a class="msg-conversation-listitem__link" href="/messaging/thread/${esc(c.backendUrn)}/"><span class="avatar"></span>
      <div class="msg-conversation-card__content--selectable"><h3 class="msg-conversation-listitem__participant-names"><span class="truncate">${esc(c.name)}</span></h3>
      <div class="msg-conversation-card__message-snippet-container"><p class="msg-conversation-card__message-snippet">${pill}<span elementtiming="${esc(c.key)}">${esc(c.snippet)}</span></p></div></div></a></div></li>`));
  }
}

/** The connections and following lists: one card per member or page; nothing Doorman filters. */
async function listScreen(path, query) {
  const main = screen('<ul class="mn-connections list-style-none"></ul>');
  const list = main.querySelector('ul');
  const body = await voyager(path, query);
  for (const e of body.included) {
    if (!/Profile$|Company$/.test(e.$type)) continue;
    const name = e.name ?? `${e.firstName} ${e.lastName}`;
    const href = e.publicIdentifier ? `/in/${e.publicIdentifier}/` : new URL(e.url).pathname;
    list.append(el(`<li class="mn-connection-card artdeco-list"><a class="mn-connection-card__link" href="${esc(href)}"><span class="mn-connection-card__name">${esc(name)}</span></a></li>`));
  }
}

function route() {
  const path = location.pathname;
  const company = /^\/company\/([^/]+)/.exec(path);
  if (company) {
    return feedScreen('voyagerFeedDashOrganizationalPageUpdates.2d4d5e1f1d3a0c54d6bbd5f3c0f6a0b1', (start) => `(companyIdOrUniversalName:${company[1]},moduleKey:ORGANIZATION_MEMBER_FEED_DESKTOP,start:${start},count:10)`);
  }
  if (/^\/notifications\/?/.test(path)) return notificationsScreen();
  if (/^\/messaging\/?/.test(path)) return messagingScreen();
  if (/^\/mynetwork\/invite-connect\/connections\/?$/.test(path)) {
    return listScreen('/voyager/api/relationships/dash/connections', { decorationId: 'com.linkedin.voyager.dash.deco.web.mynetwork.ConnectionListWithProfile-16', count: '40', q: 'search', sortType: 'RECENTLY_ADDED' });
  }
  if (/^\/mynetwork\/network-manager\/people-follow\/following\/?$/.test(path)) {
    return listScreen('/voyager/api/graphql', { variables: '(start:0,count:20,query:(flagshipSearchIntent:MYNETWORK_CURATION_HUB,queryParameters:List((key:resultType,value:List(PEOPLE_FOLLOW)))))', queryId: 'voyagerSearchDashClusters.b0928897b71bd00a5a7291755dcd64f0' });
  }
  return feedScreen('voyagerFeedDashMainFeed.40b6c66c0012911daa13ec1f85c2908c', (start) => `(start:${start},count:10,sortOrder:MEMBER_SETTING)`, items === null ? {} : { items });
}

void route();

// The LinkedIn site adapter: a feed update, a comment, a notification card or a conversation in the
// messaging list → FeedItem. Markup tells who acted (member or page, by the link's path), the degree,
// the ad markers and why the update is there; the Voyager facts (page-facts.ts) confirm the actor's
// type, follow and connection state and sponsorship where the markup is silent.
import type { Author, FeedItem, ItemKind } from '../../core/model';
import { SEEK_CONTEXTS, type SurfacedBy } from '../../core/vocabulary';
import { perBatch, type ParseEnv, type ParseFailure, type SiteAdapter } from '../../content/adapter';
import { authorFrom } from '../../content/fact-author';
import type { FactStore } from '../../content/fact-store';
import {
  hashText, isFirstDegree, isPlatformUrn, readActor, readAdMarks, readHeader, readLinkDomains, readText, readTextElement, scopeOf, shownText,
  type Actor,
} from './post-dom';
import { actorFromHref, contextFor } from './routes';
import {
  COMMENT, COMMENT_ACTOR_LINK, COMMENT_DEGREE, COMMENT_NAME, CONVERSATION, CONVERSATION_NAMES, CONVERSATION_PILL, CONVERSATION_SNIPPET,
  FEED_CELL, FEED_LIST, ITEM_ROOTS, NOTIFICATION, PROMO, UPDATE,
} from './selectors';
import { linkedin } from './site';
import { folded, wordsFor, type Words } from './words';

const URN = /^urn:li:[A-Za-z]{1,40}:[^\s]{1,250}$/;

const wordsOf = (env: ParseEnv, doc: Document): Words => perBatch(env, 'linkedin:words', () => wordsFor(doc.documentElement.lang));

/** The signed-in member's handle, when the facts named them (the /me response). */
function viewerHandle(env: ParseEnv): string | null {
  return perBatch(env, 'linkedin:viewer', () => {
    const id = env.facts.viewerId;
    const handle = id === undefined ? undefined : env.facts.account(id)?.handle;
    return handle ? handle.toLowerCase() : null;
  });
}

/** The Author: facts by handle or id first, the markup's degree and Follow button where the facts are silent. */
function authorOf(actor: Actor, itemFactId: string, facts: FactStore): Author {
  const itemFact = facts.item(itemFactId);
  const author = authorFrom(actor.handle, actor.displayName, itemFact ?? (actor.id === undefined ? undefined : { id: itemFactId, authorId: actor.id }), facts, Date.now());
  if (author.followed === 'unknown') author.followed = actor.followed;
  if (actor.type === 'page') author.orgProfile = true;
  return author;
}

function base(env: ParseEnv, id: string, permalink: string, kind: ItemKind, author: Author, text: string): FeedItem {
  return { site: linkedin.id, id, permalink, kind, context: env.context, author, text, linkDomains: [], inOwnThread: false, promoted: false };
}

/** A feed update: a member's or page's post (promoted or not), or one of the platform's own modules. */
function parseUpdate(el: Element, env: ParseEnv): FeedItem | ParseFailure | null {
  const urn = el.getAttribute('data-urn') ?? '';
  if (!URN.test(urn)) return { failure: `update with an unreadable data-urn "${urn.slice(0, 80)}"` };
  const doc = el.ownerDocument;
  const words = wordsOf(env, doc);
  const origin = env.url.origin;
  const permalink = `${origin}/feed/update/${urn}/`;
  const scope = scopeOf(el);
  const textEl = readTextElement(scope);
  const text = readText(textEl);
  const platform = isPlatformUrn(urn) || el.querySelector(PROMO) !== null;
  const actor = readActor(scope, words, origin);
  if (actor === null) {
    if (!platform) return urn.startsWith('urn:li:activity:') ? { failure: 'update without an actor link to /in/ or /company/' } : null;
    const promo = readText(el.querySelector(PROMO) ?? el).slice(0, 2_000);
    const author: Author = {
      id: '', handle: '', displayName: linkedin.name, followed: 'unknown', followsYou: 'unknown', verified: 'none', bot: false, accountAgeDays: null, orgProfile: false,
    };
    return { ...base(env, urn, permalink, 'post', author, promo), surfacedBy: 'platform' };
  }
  const author = authorOf(actor, urn, env.facts);
  const header = readHeader(scope, words, origin);
  const ad = readAdMarks(scope, words, origin);
  const fact = env.facts.item(urn);
  let surfacedBy: SurfacedBy | undefined;
  if (platform || header.kind === 'platform') surfacedBy = 'platform';
  else if (header.kind === 'network') surfacedBy = 'network';
  const item: FeedItem = {
    ...base(env, urn, permalink, header.kind === 'repost' ? 'repost' : 'post', author, text),
    linkDomains: readLinkDomains(textEl, env.url),
    promoted: ad.promoted || fact?.promoted === true,
    fromPage: actor.type === 'page' || author.id.startsWith('urn:li:fsd_company:'),
  };
  if (surfacedBy !== undefined) item.surfacedBy = surfacedBy;
  return item;
}

/** A comment: a reply to the update it sits under; under the user's own update, in their own thread. */
function parseComment(el: Element, env: ParseEnv): FeedItem | ParseFailure {
  const urn = el.getAttribute('data-id') ?? '';
  const origin = env.url.origin;
  const link = el.querySelector(COMMENT_ACTOR_LINK);
  const ref = link === null ? null : actorFromHref(link.getAttribute('href') ?? '', origin);
  if (ref === null) return { failure: 'comment without an actor link to /in/ or /company/' };
  const degree = folded(el.querySelector(COMMENT_DEGREE)?.textContent ?? '');
  const actor: Actor = {
    ...ref,
    displayName: (el.querySelector(COMMENT_NAME)?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
    followed: isFirstDegree(degree) ? true : 'unknown',
  };
  const textEl = el.querySelector('.comments-comment-item__main-content') ?? el.querySelector('.update-components-text');
  const text = readText(textEl);
  const author = authorOf(actor, urn, env.facts);
  const viewer = viewerHandle(env);
  const update = el.parentElement?.closest(UPDATE) ?? null;
  const updateActor = update === null ? null : readActor(scopeOf(update), wordsOf(env, el.ownerDocument), origin);
  const permalink = update === null ? env.url.href : `${origin}/feed/update/${update.getAttribute('data-urn') ?? ''}/`;
  return {
    ...base(env, urn, permalink, 'reply', author, text),
    linkDomains: readLinkDomains(textEl, env.url),
    inOwnThread: viewer !== null && updateActor?.handle === viewer && ref.handle !== viewer,
    fromPage: ref.type === 'page',
  };
}

/** A notification card: attributed to the member or page its first link names. */
function parseNotification(el: Element, env: ParseEnv): FeedItem | null {
  const origin = env.url.origin;
  let ref = null;
  for (const a of el.querySelectorAll('a[href]')) {
    ref = actorFromHref(a.getAttribute('href') ?? '', origin);
    if (ref !== null) break;
  }
  const text = readText(el).slice(0, 2_000);
  if (ref === null) {
    // LinkedIn's own notices ("Your post has 10 impressions") name nobody: not from anyone to filter.
    return null;
  }
  const actor: Actor = { ...ref, displayName: '', followed: 'unknown' };
  const id = el.getAttribute('data-urn') ?? el.getAttribute('data-id') ?? `notification-${hashText(`${ref.handle}|${text}`)}`;
  return { ...base(env, id.slice(0, 300), `${origin}/notifications/`, 'notification', authorOf(actor, id, env.facts), text), fromPage: ref.type === 'page' };
}

/** A conversation in the messaging list: a message to the user; Sponsored ones are ads. */
function parseConversation(el: Element, env: ParseEnv): FeedItem {
  const origin = env.url.origin;
  const words = wordsOf(env, el.ownerDocument);
  const names = shownText(el.querySelector(CONVERSATION_NAMES)).slice(0, 200);
  const snippet = readText(el.querySelector(CONVERSATION_SNIPPET));
  let ref = null;
  for (const a of el.querySelectorAll('a[href]')) {
    ref = actorFromHref(a.getAttribute('href') ?? '', origin);
    if (ref !== null) break;
  }
  const thread = el.querySelector('a[href*="/messaging/thread/"]')?.getAttribute('href') ?? '';
  const id = thread !== '' ? new URL(thread, origin).pathname : `conversation-${hashText(`${names}|${snippet}`)}`;
  const actor: Actor = { ...(ref ?? { type: 'member' as const, handle: '' }), displayName: names, followed: 'unknown' };
  let promoted = false;
  for (const pill of el.querySelectorAll(CONVERSATION_PILL)) if (words.sponsoredMessage.includes(folded(pill.textContent ?? ''))) promoted = true;
  return {
    ...base(env, id.slice(0, 300), thread !== '' ? new URL(thread, origin).href : `${origin}/messaging/`, 'mention', authorOf(actor, id, env.facts), snippet),
    promoted,
    fromPage: ref?.type === 'page',
  };
}

export const linkedInAdapter: SiteAdapter = {
  site: linkedin.id,
  itemSelector: ITEM_ROOTS,
  contextFor,
  parse(el, env) {
    if (el.matches(UPDATE)) return parseUpdate(el, env);
    if (el.matches(COMMENT)) return parseComment(el, env);
    if (el.matches(CONVERSATION)) return parseConversation(el, env);
    if (el.matches(NOTIFICATION)) return parseNotification(el, env);
    return null;
  },
  markTarget: (el) => el,
  awaitsFacts(item, env) {
    // Only a page's item whose verdict turns on whether the user follows the page, where the markup
    // did not say (no Follow button, no degree marker: notification cards, a followed page's updates).
    if (SEEK_CONTEXTS.has(item.context) || item.promoted || item.fromPage !== true || item.author.followed !== 'unknown') return false;
    return env.facts.accountByHandle(item.author.handle) === undefined;
  },
  detectDrift(doc, parsedCount) {
    if (parsedCount > 0 || doc.querySelector(ITEM_ROOTS) !== null) return null;
    const list = doc.querySelector(FEED_LIST);
    const cells = (list ?? doc).querySelectorAll(`${FEED_CELL} [data-view-name="feed-full-update"]`).length;
    return cells >= 3
      ? `LinkedIn shows ${cells} feed updates but none matches ${UPDATE}: its markup has probably changed.`
      : null;
  },
};

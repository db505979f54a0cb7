// The X site adapter: an `article[data-testid="tweet"]` (or a notification group) → FeedItem, with
// follow state and badge kinds from the API facts the page-world reader collected.
import type { FeedItem, ItemKind } from '../../core/model';
import { perBatch, type ParseEnv, type ParseFailure, type SiteAdapter } from '../../content/adapter';
import { authorFrom } from '../../content/fact-author';
import type { ItemFact } from '../../shared/facts';
import {
  hasQuote, hashText, isPromotedInDom, isRepost, readAnyStatusLink, readAuthor, readLanguage, readLinkDomains, readMentions,
  readPermalink, readReplyingTo, readText, readTextElement, type Permalink,
} from './post-dom';
import { contextFor, handleFromPath, isMentionsPage, statusIdFromPath } from './routes';
import {
  ANY_ARTICLE, AVATAR, CAROUSEL_ID, CELL, CELL_ID, ITEM_ROOTS, MAIN, NOTIFICATION, PRIMARY_COLUMN, STATUS_LINK,
  TIMESTAMP_PERMALINK, TWEET,
} from './selectors';
import { x } from './site';
import { xUiStrings } from './ui-strings';
import { viewerHandle } from './viewer';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

interface Focal {
  id: string;
  article: Element | null;
  authorHandle: string | null;
  /** The focal post is the first post on the page, i.e. the conversation's root is on screen. */
  isFirst: boolean;
}

/** The post a thread page is about (`/<user>/status/<id>`), and where it sits in the page. */
function focalOf(doc: Document, url: URL): Focal | null {
  const id = statusIdFromPath(url.pathname);
  if (id === null) return null;
  const article = doc.querySelector(`a[href$="/status/${id}"] time`)?.closest(TWEET) ?? null;
  return {
    id,
    article,
    authorHandle: article ? (readAuthor(article)?.handle ?? null) : null,
    isFirst: article !== null && doc.querySelector(TWEET) === article,
  };
}

/**
 * Inside a carousel (CAROUSEL) of the same timeline cell: looks no further up than the cell, so the
 * cost is the post's depth in its cell, not in the document.
 */
function inCarousel(article: Element): boolean {
  for (let el = article.parentElement; el !== null; el = el.parentElement) {
    const id = el.getAttribute('data-testid');
    if (id === CAROUSEL_ID) return true;
    if (id === CELL_ID) return false;
  }
  return false;
}

interface Clues {
  id: string;
  authorHandle: string;
  authorId: string;
  fact: ItemFact | undefined;
  replyingTo: string[] | null;
  focal: Focal | null;
  viewer: string | null;
}

/** Below the focal post of a thread page, written by someone other than the focal post's author. */
function isReply(el: Element, c: Clues): boolean {
  if (c.replyingTo !== null) return true;
  const selfReply = c.fact?.inReplyToAuthorId !== undefined && c.fact.inReplyToAuthorId === c.fact.authorId;
  if (c.focal !== null) {
    if (c.id === c.focal.id) return false;
    if (c.focal.article !== null) {
      const below = (c.focal.article.compareDocumentPosition(el) & FOLLOWING) !== 0;
      // The thread's author continuing their own thread is not a reply *to* anyone who opened it.
      return below && !selfReply && c.authorHandle !== c.focal.authorHandle;
    }
  }
  // Elsewhere (or the focal post scrolled out of the DOM): the API says whom it replies to.
  return c.fact?.inReplyToAuthorId !== undefined && !selfReply;
}

/** The item replies to the viewer, or sits in a conversation the viewer started. */
function inOwnThread(el: Element, c: Clues, env: ParseEnv): boolean {
  const viewerId = env.facts.viewerId;
  if (viewerId !== undefined && c.authorId === viewerId) return false;
  if (viewerId !== undefined) {
    if (c.fact?.inReplyToAuthorId === viewerId) return true;
    const conversation = c.fact?.conversationId ?? (c.focal ? env.facts.item(c.focal.id)?.conversationId : undefined);
    const root = conversation === undefined ? undefined : env.facts.item(conversation);
    if (root !== undefined && root.authorId === viewerId) return true;
  }
  if (c.viewer === null || c.authorHandle === c.viewer) return false;
  if (c.replyingTo?.includes(c.viewer)) return true;
  // The viewer's own post opened with nothing above it: it is the root, and everything below is theirs.
  const f = c.focal;
  return f !== null && f.article !== null && f.isFirst && f.authorHandle === c.viewer && c.id !== f.id &&
    (f.article.compareDocumentPosition(el) & FOLLOWING) !== 0;
}

function parseTweet(el: Element, env: ParseEnv): FeedItem | ParseFailure | null {
  // Carousel previews ("Pinned by people you follow") are condensed copies, not feed items.
  if (inCarousel(el)) return null;
  const author = readAuthor(el);
  if (!author) return { failure: 'post without a User-Name profile link' };
  const textEl = readTextElement(el);
  const text = readText(textEl);
  const doc = el.ownerDocument;
  // The page's UI language, once a batch: the words (where any are needed) are that language's.
  const strings = perBatch(env, 'x:strings', () => xUiStrings(doc.documentElement.getAttribute('lang')));
  // The whole post's text, once: two cheap "could this post have X at all?" tests read it.
  const allText = el.textContent ?? '';
  const promotedInDom = isPromotedInDom(el, strings, allText);
  let permalink: Permalink | null = readPermalink(el);
  // Ads show "Ad" where the timestamp would be; any status link of the author's will do, else a stable
  // synthetic id — an ad must never count as a parse failure (that would read as markup drift).
  if (permalink === null && promotedInDom) permalink = readAnyStatusLink(el, author.handle);
  if (permalink === null && !promotedInDom) return { failure: 'post without a timestamped /status/ permalink' };
  const id = permalink?.id ?? `ad-${author.handle}-${hashText(text)}`;
  const origin = env.url.origin;
  const fact = permalink ? env.facts.item(permalink.id) : undefined;
  const feedAuthor = authorFrom(author.handle, author.displayName, fact, env.facts, Date.now());
  const clues: Clues = {
    id,
    authorHandle: author.handle,
    authorId: feedAuthor.id,
    fact,
    replyingTo: readReplyingTo(el, textEl, strings, allText),
    // Page-wide lookups, once a batch: per item they would make each item cost more the longer the page.
    focal: env.context === 'thread' ? perBatch(env, 'x:focal', () => focalOf(doc, env.url)) : null,
    viewer: perBatch(env, 'x:viewer', () => viewerHandle(doc, env.facts)),
  };
  const promoted = promotedInDom || fact?.promoted === true;
  let kind: ItemKind;
  if (promoted) kind = 'ad';
  else if (isRepost(el, author.handle, strings)) kind = 'repost';
  else if (isReply(el, clues)) kind = 'reply';
  else if (env.context === 'notifications' &&
    (isMentionsPage(env.url) || (clues.viewer !== null && readMentions(textEl).includes(clues.viewer)))) kind = 'mention';
  else if (hasQuote(el, strings)) kind = 'quote';
  else kind = 'post';
  const lang = readLanguage(textEl);
  return {
    site: x.id,
    id,
    permalink: permalink ? `${origin}/${permalink.handle}/status/${permalink.id}` : `${origin}/${author.handle}`,
    kind,
    context: env.context,
    author: feedAuthor,
    text,
    linkDomains: readLinkDomains(textEl, env.url),
    inOwnThread: inOwnThread(el, clues, env),
    promoted,
    ...(lang === null ? {} : { lang }),
  };
}

/**
 * The first status link of a notification group as a permalink on the page's own site: a link to
 * another host, a `javascript:` or `data:` URL, or a path naming no status is never offered as the
 * item's link (it is shown in the log and opened from there).
 */
function notificationPermalink(el: Element, base: URL): string | null {
  for (const a of el.querySelectorAll(STATUS_LINK)) {
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    if (url.origin === base.origin && statusIdFromPath(url.pathname) !== null) return url.href.slice(0, 2000);
  }
  return null;
}

/** A like / repost / follow group: attributed to the first account it names. */
function parseNotification(el: Element, env: ParseEnv): FeedItem | null {
  let handle: string | null = null;
  let name = '';
  for (const a of el.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!/^\/[A-Za-z0-9_]{1,50}\/?$/.test(href)) continue;
    const h = handleFromPath(href);
    if (h === null) continue;
    handle ??= h;
    if (h === handle && !name && a.closest(AVATAR) === null && a.getAttribute('aria-hidden') !== 'true') {
      name = (a.textContent ?? '').trim();
    }
  }
  // No account named: a notice from X itself (security, Premium), nothing to classify.
  if (handle === null) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20_000);
  const status = el.querySelector(STATUS_LINK)?.getAttribute('href') ?? null;
  return {
    site: x.id,
    id: `notification-${hashText(`${status ?? ''}|${text}`)}`,
    permalink: notificationPermalink(el, env.url) ?? `${env.url.origin}/${handle}`,
    kind: 'notification',
    context: env.context,
    author: authorFrom(handle, name, undefined, env.facts, Date.now()),
    text,
    linkDomains: [],
    inOwnThread: false,
    promoted: false,
  };
}

export const xAdapter: SiteAdapter = {
  site: x.id,
  itemSelector: ITEM_ROOTS,
  contextFor,
  parse(el, env) {
    if (el.matches(TWEET)) return parseTweet(el, env);
    if (el.matches(NOTIFICATION)) return parseNotification(el, env);
    return null;
  },
  markTarget: (el) => el.closest(CELL) ?? el,
  detectDrift(doc, parsedCount) {
    const column = doc.querySelector(PRIMARY_COLUMN) ?? doc.querySelector(MAIN);
    if (column === null || parsedCount > 0 || column.querySelector(ITEM_ROOTS) !== null) return null;
    // Posts are on screen (articles, or timestamped permalinks) yet none matches the item selector.
    const articles = column.querySelectorAll(ANY_ARTICLE).length;
    if (articles >= 2) {
      return `X shows ${articles} posts but none matches ${TWEET}: its markup has probably changed.`;
    }
    const stamped = column.querySelectorAll(TIMESTAMP_PERMALINK).length;
    if (stamped >= 3) {
      return `X shows ${stamped} timestamped posts but none matches ${TWEET}: its markup has probably changed.`;
    }
    return null;
  },
};

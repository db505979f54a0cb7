// The Bluesky site adapter: a `feedItem-by-<handle>` / `postThreadItem-by-<handle>` root → FeedItem,
// with follow state, verification and reply parents from the XRPC facts the page-world reader
// collected. Those facts are read a task after the app receives them, so a post may be in the DOM
// before its facts: awaitsFacts says so, and the controller keeps it unpainted until they arrive, then
// decides it again from what it read of the element (refresh: readPost once, derivePost per decision).
import type { FeedItem, ItemKind } from '../../core/model';
import { SEEK_CONTEXTS } from '../../core/vocabulary';
import { perBatch, type ParseEnv, type SiteAdapter } from '../../content/adapter';
import { authorFrom } from '../../content/fact-author';
import type { ItemFact } from '../../shared/facts';
import {
  handleFromTestId, hashText, isRepost, quotesIn, readDisplayName, readLinkDomains, readMentions, readPermalink, readText,
  readTextElement, type Permalink,
} from './post-dom';
import { contextFor, didOfUri, postPath, postUri } from './routes';
import { FEED_LIST, ITEM_ROOTS, STAMPED_POST_LINK, THREAD_ITEM } from './selectors';
import { bsky } from './site';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

interface Focal {
  rkey: string;
  root: Element | null;
  handle: string | null;
  /** The focal post is the first post on the page: nothing above it, so it opened the thread. */
  isFirst: boolean;
}

/** The post a thread page is about, and where it sits. */
function focalOf(doc: Document, url: URL): Focal | null {
  const p = postPath(url.pathname);
  if (p === null) return null;
  let root: Element | null = null;
  for (const el of doc.querySelectorAll(THREAD_ITEM)) {
    const handle = handleFromTestId(el);
    if (handle !== null && readPermalink(el, handle, quotesIn(el))?.rkey === p.rkey) {
      root = el;
      break;
    }
  }
  // The focal post shows its date as plain text, with no link to itself (social-app's
  // ThreadItemAnchor.tsx): when no thread item links to the rkey, the first one whose author the URL names is it.
  if (root === null) {
    for (const el of doc.querySelectorAll(THREAD_ITEM)) {
      if (handleFromTestId(el) === p.actor && readPermalink(el, p.actor, quotesIn(el)) === null) {
        root = el;
        break;
      }
    }
  }
  return { rkey: p.rkey, root, handle: root ? handleFromTestId(root) : null, isFirst: root !== null && doc.querySelector(THREAD_ITEM) === root };
}

/** The viewer: their DID from the facts, their handle from the account facts for that DID. */
function viewerOf(env: ParseEnv): { did: string | undefined; handle: string | null } {
  const did = env.facts.viewerId;
  const handle = did === undefined ? undefined : env.facts.account(did)?.handle;
  return { did, handle: handle ? handle.toLowerCase() : null };
}

/** The item fact for a post, found by its DID URI (the DOM names the author by handle; the facts map it to the DID). */
function itemFactOf(env: ParseEnv, handle: string, link: Permalink | null): ItemFact | undefined {
  if (link === null) return undefined;
  const did = link.actor.startsWith('did:') ? link.actor : env.facts.accountByHandle(link.actor)?.id;
  return did === undefined ? undefined : env.facts.item(postUri(did, link.rkey));
}

interface Clues {
  el: Element;
  handle: string;
  authorId: string;
  fact: ItemFact | undefined;
  focal: Focal | null;
  viewer: { did: string | undefined; handle: string | null };
  notifications: boolean;
}

const below = (focal: Focal, el: Element): boolean =>
  focal.root !== null && (focal.root.compareDocumentPosition(el) & FOLLOWING) !== 0;

function isReply(c: Clues, self: boolean): boolean {
  const selfReply = c.fact?.inReplyToAuthorId !== undefined && c.fact.inReplyToAuthorId === c.fact.authorId;
  if (c.focal !== null && c.focal.root !== null) {
    if (c.el === c.focal.root) return false;
    // The thread's author continuing their own thread is not a reply *to* anyone who opened it.
    return below(c.focal, c.el) && !selfReply && c.handle !== c.focal.handle && !self;
  }
  // On the notifications page a mention may sit in a reply to someone else: a reply is one to the viewer.
  if (c.notifications && c.viewer.did !== undefined) return c.fact?.inReplyToAuthorId === c.viewer.did;
  return c.fact?.inReplyToAuthorId !== undefined && !selfReply;
}

/** Replies to the viewer, or sits in a thread the viewer started. */
function inOwnThread(c: Clues): boolean {
  const { did, handle } = c.viewer;
  if ((did !== undefined && c.authorId === did) || (handle !== null && c.handle === handle)) return false;
  if (did !== undefined) {
    if (c.fact?.inReplyToAuthorId === did) return true;
    if (didOfUri(c.fact?.conversationId) === did) return true;
  }
  const f = c.focal;
  return handle !== null && f !== null && f.isFirst && f.handle === handle && c.el !== f.root && below(f, c.el);
}

/** What a post's element says, read once: the rest of its item comes from the facts (derivePost). */
interface PostDom {
  el: Element;
  handle: string;
  link: Permalink | null;
  text: string;
  displayName: string;
  mentions: string[];
  repost: boolean;
  quote: boolean;
  linkDomains: string[];
}

/** The element each item was read from (for refresh: an awaited item is decided again from this). */
const readFrom = new WeakMap<FeedItem, PostDom>();

function readPost(el: Element, handle: string, link: Permalink | null, quotes: readonly Element[], textEl: Element | null, env: ParseEnv): PostDom {
  return {
    el,
    handle,
    link,
    text: readText(textEl),
    displayName: readDisplayName(el, handle, quotes),
    mentions: readMentions(textEl),
    repost: isRepost(el, quotes),
    quote: quotes.length > 0,
    linkDomains: readLinkDomains(el, env.url, quotes),
  };
}

function derivePost(dom: PostDom, env: ParseEnv): FeedItem {
  const { el, handle, link, text, mentions } = dom;
  const fact = itemFactOf(env, handle, link);
  const author = authorFrom(handle, dom.displayName, fact, env.facts, Date.now());
  const doc = el.ownerDocument;
  const clues: Clues = {
    el,
    handle,
    authorId: author.id,
    fact,
    focal: env.context === 'thread' ? perBatch(env, 'bsky:focal', () => focalOf(doc, env.url)) : null,
    viewer: perBatch(env, 'bsky:viewer', () => viewerOf(env)),
    notifications: env.context === 'notifications',
  };
  const self = clues.viewer.handle === handle || (clues.viewer.did !== undefined && author.id === clues.viewer.did);
  let kind: ItemKind;
  if (dom.repost) kind = 'repost';
  else if (isReply(clues, self)) kind = 'reply';
  else if (env.context === 'notifications' && !self && !dom.quote) kind = 'mention';
  else if (env.context !== 'notifications' && clues.viewer.handle !== null && !self && mentions.includes(clues.viewer.handle)) kind = 'mention';
  else if (dom.quote) kind = 'quote';
  else kind = 'post';
  // The post's at:// URI by its author's DID once the facts name it (so item facts, keyed by that URI,
  // find the tracked item when they arrive), by handle until then.
  const authority = link === null ? handle : link.actor.startsWith('did:') ? link.actor : author.id !== '' && link.actor === handle ? author.id : link.actor;
  const id = link === null ? `post-${handle}-${hashText(text)}` : postUri(authority, link.rkey);
  const item: FeedItem = {
    site: bsky.id,
    id,
    permalink: link === null ? `${env.url.origin}/profile/${handle}` : `${env.url.origin}/profile/${link.actor}/post/${link.rkey}`,
    kind,
    context: env.context,
    author,
    text,
    linkDomains: dom.linkDomains,
    inOwnThread: inOwnThread(clues),
    promoted: false,
  };
  readFrom.set(item, dom);
  return item;
}

/** A like / repost / follow row on the notifications page: attributed to the first account it names. */
function parseNotification(el: Element, handle: string, quotes: readonly Element[], env: ParseEnv): FeedItem {
  const text = readText(el).slice(0, 20_000);
  return {
    site: bsky.id,
    id: `notification-${hashText(`${handle}|${text}`)}`,
    permalink: `${env.url.origin}/profile/${handle}`,
    kind: 'notification',
    context: env.context,
    author: authorFrom(handle, readDisplayName(el, handle, quotes), undefined, env.facts, Date.now()),
    text,
    linkDomains: [],
    inOwnThread: false,
    promoted: false,
  };
}

export const bskyAdapter: SiteAdapter = {
  site: bsky.id,
  itemSelector: ITEM_ROOTS,
  contextFor,
  parse(el, env) {
    const handle = handleFromTestId(el);
    if (handle === null) return { failure: `item root with an unreadable test id "${(el.getAttribute('data-testid') ?? '').slice(0, 80)}"` };
    const quotes = quotesIn(el);
    const link = readPermalink(el, handle, quotes);
    const textEl = readTextElement(el, quotes);
    // On the notifications page a row that is not a post of its author's (no permalink of theirs, no
    // text of its own) groups likes, reposts or follows; replies, mentions and quotes render as posts.
    if (env.context === 'notifications' && (link === null || link.actor !== handle) && textEl === null) {
      return parseNotification(el, handle, quotes, env);
    }
    // A feed post without a permalink is a thread's focal post (full date, no link to itself) or drift.
    if (link === null && !el.matches(THREAD_ITEM)) return { failure: 'post without a /profile/<handle>/post/<rkey> permalink' };
    return derivePost(readPost(el, handle, link, quotes, textEl, env), env);
  },
  refresh(el, item, env) {
    // Read from this element (and the page has not moved on): only the facts-derived parts change.
    const dom = readFrom.get(item);
    if (dom === undefined || dom.el !== el || item.context !== env.context) return bskyAdapter.parse(el, env);
    return derivePost(dom, env);
  },
  markTarget: (el) => el,
  awaitsFacts(item, env) {
    // Only where the verdict can turn on them: outside the seek contexts, for posts, whose kind (a
    // reply?) and author (followed? verified?) the facts tell. Notification groups are never filtered.
    if (SEEK_CONTEXTS.has(item.context) || item.kind === 'notification' || item.kind === 'repost') return false;
    if (env.facts.accountByHandle(item.author.handle) === undefined) return true;
    // The permalink as read (derivePost built item.permalink from it); parsed back only for an item read elsewhere.
    const dom = readFrom.get(item);
    const link = dom !== undefined ? dom.link : postPath(new URL(item.permalink).pathname);
    return link !== null && itemFactOf(env, item.author.handle, link) === undefined;
  },
  detectDrift(doc, parsedCount) {
    if (parsedCount > 0 || doc.querySelector(ITEM_ROOTS) !== null) return null;
    const list = doc.querySelector(FEED_LIST);
    const stamped = (list ?? doc).querySelectorAll(STAMPED_POST_LINK).length;
    return stamped >= 3
      ? `Bluesky shows ${stamped} timestamped posts but none matches ${ITEM_ROOTS}: its markup has probably changed.`
      : null;
  },
};

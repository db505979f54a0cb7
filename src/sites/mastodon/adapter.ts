// The Mastodon site adapter: a `.status[data-id]` (or a non-mention notification) → FeedItem, with
// follow state, bot and verified links from the API facts the page-world reader collected. Accounts
// are addresses (`user@domain`, identity.ts) throughout.
//
// Mastodon's own app reads its API by XHR (axios), whose responses the reader sees before the app's
// handlers run, so its statuses are rendered with their facts already in. A status can still reach the
// DOM first: one read by fetch (a client that uses it; the reader gets it a task after the page), or
// one pushed over the streaming API's WebSocket, which the reader does not see. awaitsFacts keeps such
// a status unpainted until its facts arrive or FACTS_DEADLINE_MS passes (src/content/awaiting.ts).
import type { FeedItem, ItemKind } from '../../core/model';
import { SEEK_CONTEXTS } from '../../core/vocabulary';
import { perBatch, type ParseEnv, type ParseFailure, type SiteAdapter } from '../../content/adapter';
import { authorFrom } from '../../content/fact-author';
import type { ItemFact } from '../../shared/facts';
import { addressOf } from './identity';
import { hashText, placementOf, readAuthor, readContent, readLinkDomains, readMentions, readText, type Placement } from './post-dom';
import { acctFromPath, contextFor, isNotificationRequests, statusIdFromPath } from './routes';
import { APP_ROOT, CELL, DETAILED, ITEM_ROOTS, NOTIFICATION_GROUP, OLD_NOTIFICATION, STATUS } from './selectors';
import { mastodon } from './site';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

interface Focal {
  id: string;
  element: Element | null;
  /** From the route (`/@acct/<id>`), else from the focal post's markup. */
  author: string | null;
  /** No post above the focal one: it opened the conversation. */
  isFirst: boolean;
}

function focalOf(doc: Document, url: URL): Focal | null {
  const id = statusIdFromPath(url.pathname);
  if (id === null) return null;
  const element = doc.querySelector(DETAILED);
  const acct = acctFromPath(url.pathname);
  let author = acct === null ? null : addressOf(acct, url.hostname);
  if (author === null && element !== null) author = readAuthorOfDetailed(element, url.hostname);
  const first = doc.querySelector(`${STATUS}, ${DETAILED}`);
  return { id, element, author, isFirst: element !== null && (first === element || (first !== null && element.contains(first))) };
}

function readAuthorOfDetailed(el: Element, host: string): string | null {
  const label = (el.querySelector('.display-name__account')?.textContent ?? '').trim();
  return label === '' ? null : addressOf(label, host);
}

const below = (focal: Focal, el: Element): boolean =>
  focal.element !== null && (focal.element.compareDocumentPosition(el) & FOLLOWING) !== 0;

interface Clues {
  id: string;
  author: string;
  fact: ItemFact | undefined;
  focal: Focal | null;
  viewer: string | undefined;
  placement: Placement;
}

function isReply(el: Element, c: Clues): boolean {
  const selfReply = c.fact?.inReplyToAuthorId !== undefined && c.fact.inReplyToAuthorId === c.author;
  if (selfReply) return false;
  if (c.focal !== null && c.focal.element !== null) {
    if (c.id === c.focal.id) return false;
    // Below the focal post, by someone else: a reply to the conversation the user opened.
    if (below(c.focal, el)) return c.author !== c.focal.author;
    return false; // an ancestor: the conversation above, not a reply to the user
  }
  // status.jsx marks a post with in_reply_to_id `status-reply`; the API's in_reply_to_account_id too.
  return el.classList.contains('status-reply') || c.fact?.inReplyToAuthorId !== undefined;
}

function inOwnThread(el: Element, c: Clues, env: ParseEnv): boolean {
  const viewer = c.viewer;
  if (viewer === undefined || c.author === viewer) return false;
  if (c.fact?.inReplyToAuthorId === viewer) return true;
  const conversation = c.fact?.conversationId;
  if (conversation !== undefined && env.facts.item(conversation)?.authorId === viewer) return true;
  const f = c.focal;
  // The viewer's own post with nothing above it: everything below is in their thread.
  return f !== null && f.isFirst && f.author === viewer && c.id !== f.id && below(f, el);
}

function kindOf(el: Element, c: Clues, env: ParseEnv, mentions: readonly string[]): ItemKind {
  const p = c.placement;
  // A boost: the cell is the boost's own status, the post shown is the boosted one (status.jsx swaps them).
  if (p.cellId !== null && p.cellId !== c.id && env.context !== 'notifications') return 'repost';
  if (isReply(el, c)) return 'reply';
  if (env.context === 'notifications') {
    if (p.notificationType === 'quote') return 'quote';
    if (p.notificationType === null || p.notificationType === 'mention' || p.notificationType === 'direct') return 'mention';
    return 'post'; // `status` / `update`: posts of accounts the user asked to be told about
  }
  if (c.viewer !== undefined && mentions.includes(c.viewer)) return 'mention';
  return 'post';
}

function parseStatus(el: Element, env: ParseEnv): FeedItem | ParseFailure | null {
  // A post quoted inside another post: part of that post, not an item of its own.
  if (el.parentElement?.closest(STATUS) != null) return null;
  const placement = placementOf(el);
  if (placement.inNotificationGroup) return null;
  const id = el.getAttribute('data-id') ?? '';
  if (!/^\d{1,30}$/.test(id)) return { failure: 'status without a numeric data-id' };
  const host = env.url.hostname;
  const author = readAuthor(el, host);
  if (author === null) return { failure: 'status without a status__display-name account link' };
  const content = readContent(el);
  const fact = env.facts.item(id);
  const feedAuthor = authorFrom(author.address, author.displayName, fact, env.facts, Date.now());
  const doc = el.ownerDocument;
  const clues: Clues = {
    id,
    author: author.address,
    fact,
    focal: env.context === 'thread' ? perBatch(env, 'mastodon:focal', () => focalOf(doc, env.url)) : null,
    viewer: env.facts.viewerId,
    placement,
  };
  const mentions = readMentions(content, host);
  const [user = '', domain = ''] = author.address.split('@');
  return {
    site: mastodon.id,
    id,
    permalink: domain === host ? `${env.url.origin}/@${user}/${id}` : `${env.url.origin}/@${author.address}/${id}`,
    kind: kindOf(el, clues, env, mentions),
    context: env.context,
    author: feedAuthor,
    text: readText(content),
    linkDomains: readLinkDomains(content, env.url),
    inOwnThread: inOwnThread(el, clues, env),
    promoted: false, // Mastodon has no ads
  };
}

/** A favourite / boost / follow notification (grouped or older): attributed to the first account it links. */
function parseNotification(el: Element, env: ParseEnv): FeedItem | null {
  // An older mention notification is a bare status; a wrapper that holds one is left to the status.
  if (el.matches(OLD_NOTIFICATION) && el.classList.contains('notification-mention')) return null;
  const host = env.url.hostname;
  let address: string | null = null;
  let name = '';
  for (const a of el.querySelectorAll('a[href]')) {
    let path: string;
    try {
      path = new URL(a.getAttribute('href') ?? '', env.url).pathname;
    } catch {
      continue;
    }
    const acct = acctFromPath(path);
    if (acct === null || statusIdFromPath(path) !== null) continue;
    const found = addressOf(acct, host);
    if (found === null) continue;
    address ??= found;
    if (found === address && name === '') name = (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  }
  // No account named (a moderation warning, an annual report): nothing to classify.
  if (address === null) return null;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20_000);
  return {
    site: mastodon.id,
    id: `notification-${hashText(`${address}|${text}`)}`,
    permalink: `${env.url.origin}/@${address}`,
    kind: 'notification',
    context: env.context,
    author: authorFrom(address, name, undefined, env.facts, Date.now()),
    text,
    linkDomains: [],
    inOwnThread: false,
    promoted: false,
  };
}

export const mastodonAdapter: SiteAdapter = {
  site: mastodon.id,
  itemSelector: ITEM_ROOTS,
  contextFor,
  parse(el, env) {
    // Mastodon's own filtered-notification queue: the user is already sorting it by hand.
    if (isNotificationRequests(env.url.pathname)) return null;
    if (el.matches(STATUS)) return parseStatus(el, env);
    if (el.matches(NOTIFICATION_GROUP) || el.matches(OLD_NOTIFICATION)) return parseNotification(el, env);
    return null;
  },
  markTarget(el) {
    if (el.matches(STATUS)) return placementOf(el).target ?? el;
    const cell = el.parentElement?.closest(CELL);
    return cell !== null && cell !== undefined && cell.querySelectorAll(ITEM_ROOTS).length === 1 ? cell : el;
  },
  awaitsFacts(item, env) {
    // Only where the verdict can turn on them: outside the seek contexts, for statuses (not boosts,
    // not notification groups), while the response that carried the status (its item fact: whom it
    // replies to, its conversation) or its author (bot, verified links, follow state) is not read yet.
    // A relationship the app never asks for is not waited for: follow state it lacks stays unknown.
    if (SEEK_CONTEXTS.has(item.context) || item.kind === 'notification' || item.kind === 'repost') return false;
    return env.facts.item(item.id) === undefined || env.facts.accountByHandle(item.author.handle) === undefined;
  },
  detectDrift(doc, parsedCount) {
    const root = doc.querySelector(APP_ROOT);
    if (root === null || parsedCount > 0 || root.querySelector(ITEM_ROOTS) !== null) return null;
    const cells = root.querySelectorAll(CELL).length;
    return cells >= 2 ? `Mastodon shows ${cells} timeline entries but none matches ${STATUS}: its markup has probably changed.` : null;
  },
};

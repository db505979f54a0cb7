// Reads the pieces of one bsky.app post out of its item root: author, permalink, text, links,
// mentions, repost and quote markers. Each reader skips the quoted post nested inside (its own author
// links, timestamp and text), because the quoted author is not the one writing to you.
import { outsideLinkDomain } from '../../core/domain';
import { MAX_TEXT_CHARS, spokenText } from '../../content/spoken-text';
import { postPath, profilePath } from './routes';
import {
  AVATAR_IMAGE, FEED_ITEM_PREFIX, POST_LINK, POST_TEXT, QUOTE_LABEL_PREFIX, REPOST_LABEL_PREFIX, REPOST_LINE_ICON, THREAD_ITEM_PREFIX,
} from './selectors';
import { bsky } from './site';

const MAX_DOMAINS = 50;
/** Links to Bluesky itself (mentions, tags, other posts) are not link domains. */
const OWN_HOSTS: ReadonlySet<string> = new Set([...bsky.hosts, 'www.bsky.app', 'bsky.social', 'go.bsky.app']);
/** The bidirectional isolates and embedding marks the app wraps names and handles in (seen: U+202A … U+202C). */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A quoted post block, tested by hand (it runs per ancestor): a `div[role="link"]` holding its
 * author's avatar (any language), or labelled "Post by <handle>" (English). Callers never pass the
 * item root itself, the one `div[role="link"]` whose avatar is the post's own.
 */
const isQuoteBlock = (el: Element): boolean =>
  el.tagName === 'DIV' && el.getAttribute('role') === 'link' &&
  ((el.getAttribute('aria-label') ?? '').startsWith(QUOTE_LABEL_PREFIX) || el.querySelector(AVATAR_IMAGE) !== null);

/**
 * The quoted-post blocks inside `root` (not `root` itself), found once per read: every reader below
 * skips what lies in one of them. Most posts quote nothing, so the check is usually free.
 */
export function quotesIn(root: Element): readonly Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('div[role="link"]')) if (el !== root && isQuoteBlock(el)) out.push(el);
  return out;
}

/** The node sits inside one of the quoted posts (as found by quotesIn for its item root). */
export function inQuote(node: Element, quotes: readonly Element[]): boolean {
  for (const q of quotes) if (q.contains(node)) return true;
  return false;
}

function* outsideQuote(root: Element, quotes: readonly Element[], selector: string): Generator<Element> {
  for (const el of root.querySelectorAll(selector)) if (!inQuote(el, quotes)) yield el;
}

/** The author handle the root's test id names (`feedItem-by-<handle>`, `postThreadItem-by-<handle>`), lower-cased. */
export function handleFromTestId(root: Element): string | null {
  const id = root.getAttribute('data-testid') ?? '';
  const prefix = id.startsWith(FEED_ITEM_PREFIX) ? FEED_ITEM_PREFIX : id.startsWith(THREAD_ITEM_PREFIX) ? THREAD_ITEM_PREFIX : null;
  if (prefix === null) return null;
  const handle = id.slice(prefix.length).toLowerCase();
  return bsky.accounts.handle.test(handle) ? handle : null;
}

const clean = (s: string | null): string => (s ?? '').replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();

/** The display name: the first "View profile" link to the author outside a quote whose text is not the @handle. */
export function readDisplayName(root: Element, handle: string, quotes: readonly Element[]): string {
  for (const a of outsideQuote(root, quotes, 'a[href^="/profile/"]')) {
    if (profilePath(a.getAttribute('href') ?? '')?.actor !== handle || a.querySelector('img, [data-testid="userAvatarImage"]')) continue;
    const name = clean(a.textContent);
    if (name !== '' && !name.startsWith('@')) return name.slice(0, 200);
  }
  return '';
}

export interface Permalink {
  /** The handle (or DID) in the link's path: the post's author. */
  actor: string;
  rkey: string;
}

/**
 * The post's own permalink: a `/profile/<actor>/post/<rkey>` link outside the quote, by the item's
 * author. A repost's permalink is the original author's, which is also the test id's handle.
 */
export function readPermalink(root: Element, handle: string, quotes: readonly Element[]): Permalink | null {
  let any: Permalink | null = null;
  for (const a of outsideQuote(root, quotes, POST_LINK)) {
    const p = postPath((a.getAttribute('href') ?? '').split('?')[0] ?? '');
    if (p === null) continue;
    if (p.actor === handle) return p;
    any ??= p;
  }
  return any;
}

export function readTextElement(root: Element, quotes: readonly Element[]): Element | null {
  for (const el of outsideQuote(root, quotes, POST_TEXT)) return el;
  return null;
}

/** The post text as read aloud (inline images by their alt text), whitespace cleaned. */
export function readText(textEl: Element | null): string {
  return clean(spokenText(textEl)).slice(0, MAX_TEXT_CHARS);
}

/**
 * Domains of the post's links, in its text and its link card (seen: an external embed is a plain
 * anchor to the address), not the quoted post's: bsky.app keeps the real address in the href.
 */
export function readLinkDomains(root: Element, base: URL, quotes: readonly Element[]): string[] {
  const out = new Set<string>();
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('/') || inQuote(a, quotes)) continue;
    const host = outsideLinkDomain(href, base, OWN_HOSTS);
    if (host !== null) out.add(host);
    if (out.size >= MAX_DOMAINS) break;
  }
  return [...out];
}

/** Handles @mentioned (as profile links whose text starts with '@') in the post text. */
export function readMentions(textEl: Element | null): string[] {
  if (!textEl) return [];
  const out: string[] = [];
  for (const a of textEl.querySelectorAll('a[href^="/profile/"]')) {
    const p = profilePath(a.getAttribute('href') ?? '');
    if (p !== null && p.section === '' && clean(a.textContent).startsWith('@')) out.push(p.actor);
  }
  return out;
}

/** A "Reposted by <name>" line above the post: by its icon (any language), else its English `aria-label` (seen). */
const REPOST_LINE = `${REPOST_LINE_ICON}, [aria-label^="${REPOST_LABEL_PREFIX}"]`;

export function isRepost(root: Element, quotes: readonly Element[]): boolean {
  for (const el of root.querySelectorAll(REPOST_LINE)) if (!inQuote(el, quotes)) return true;
  return false;
}

export { hashText } from '../../core/text-hash';

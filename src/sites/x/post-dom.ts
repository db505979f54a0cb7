// Reads the pieces of one X post out of its article: author link, permalink, text, links, ad and
// reply markers. Each reader ignores the quoted post nested inside (it has its own User-Name, text
// and time), because the quoted author is not the one replying to you.
import { normalizeDomain } from '../../core/domain';
import { MAX_TEXT_CHARS, spokenText } from '../../content/spoken-text';
import { handleFromPath, statusIdFromPath } from './routes';
import {
  AD_LABELS, PLACEMENT_TRACKING_ID, QUOTE_BLOCK, REPLYING_TO, REPLYING_TO_WORDS, SOCIAL_CONTEXT, STATUS_LINK, TIME, TWEET_TEXT,
  TWEET_TEXT_ID, USER_NAME,
} from './selectors';
import { x } from './site';

// NodeFilter / Node constants, numeric so this also runs where those are not globals.
const SHOW_TEXT = 4;
/** X's own hosts, as declared, plus the www. forms links use: links there are mentions and tags, not link domains. */
const X_HOSTS: ReadonlySet<string> = new Set(x.hosts.flatMap((h) => [h, `www.${h}`]));
const MAX_DOMAINS = 50;

/** QUOTE_BLOCK (`div[role="link"]`) tested without the selector engine: this runs for every ancestor. */
const isQuoteBlock = (el: Element): boolean => el.tagName === 'DIV' && el.getAttribute('role') === 'link';

/**
 * The node sits inside a quoted post of `root` (not counting `root` itself). Walks up to `root` only,
 * never to the top of the document: the cost is the node's depth within the post.
 */
export function inQuote(node: Element, root: Element): boolean {
  for (let el: Element | null = node; el !== null && el !== root; el = el.parentElement) {
    if (isQuoteBlock(el)) return true;
  }
  return false;
}

function firstOutsideQuote(root: Element, selector: string, accept: (el: Element) => boolean = () => true): Element | null {
  // Nearly always the first match is the post's own (a quote comes after it): one lookup, no list.
  const first = root.querySelector(selector);
  if (first === null) return null;
  if (!inQuote(first, root) && accept(first)) return first;
  for (const el of root.querySelectorAll(selector)) if (el !== first && !inQuote(el, root) && accept(el)) return el;
  return null;
}

export interface AuthorLink {
  handle: string;
  displayName: string;
}

/** `[data-testid="User-Name"] a[href]` → `/<screen_name>`; the first link holds the display name. */
export function readAuthor(article: Element): AuthorLink | null {
  const header = firstOutsideQuote(article, USER_NAME);
  if (!header) return null;
  for (const a of header.querySelectorAll('a[href]')) {
    const path = a.getAttribute('href') ?? '';
    if (path.includes('/status/')) continue;
    const handle = handleFromPath(path.split('?')[0] ?? '');
    if (handle === null) continue;
    const name = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    return { handle, displayName: name.startsWith('@') ? '' : name.slice(0, 200) };
  }
  return null;
}

export interface Permalink {
  id: string;
  /** Handle in the permalink's path (the original author for a repost). */
  handle: string;
  element: Element;
}

function statusOf(a: Element): Permalink | null {
  const path = (a.getAttribute('href') ?? '').split('?')[0] ?? '';
  const id = statusIdFromPath(path);
  const handle = handleFromPath(path);
  return id !== null && handle !== null ? { id, handle, element: a } : null;
}

/** The status link that wraps the post's timestamp (not the analytics or photo links, not the quote's). */
export function readPermalink(article: Element): Permalink | null {
  const a = firstOutsideQuote(article, STATUS_LINK, (el) => el.querySelector(TIME) !== null);
  return a ? statusOf(a) : null;
}

/** Any status link of the author's own, for ads, whose header shows "Ad" instead of a timestamp. */
export function readAnyStatusLink(article: Element, handle: string): Permalink | null {
  for (const a of article.querySelectorAll(STATUS_LINK)) {
    if (inQuote(a, article)) continue;
    const p = statusOf(a);
    if (p && p.handle === handle) return p;
  }
  return null;
}

export function readTextElement(article: Element): Element | null {
  return firstOutsideQuote(article, TWEET_TEXT);
}

/** The post text as read aloud (emoji are images with alt text on X), trimmed. */
export function readText(textEl: Element | null): string {
  return spokenText(textEl).trim().slice(0, MAX_TEXT_CHARS);
}

function hostOf(candidate: string): string | null {
  const cleaned = candidate.replace(/[\u2026\s]+/g, '').replace(/\.{3}$/, '');
  if (cleaned === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(cleaned) ? cleaned : `https://${cleaned}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
  } catch {
    return null;
  }
}

function normaliseDomain(host: string): string | null {
  const h = normalizeDomain(host);
  return h.length <= 253 && h.includes('.') && /^[a-z0-9.-]+$/.test(h) ? h : null;
}

/**
 * Domains of the links in the post text. X rewrites every link to https://t.co/…; the real address is
 * in the anchor's title (when set) or its visible text (the expanded URL, possibly cut short with "…").
 * Links to X itself (@mentions, #hashtags, $cashtags) are not link domains.
 */
export function readLinkDomains(textEl: Element | null, base: URL): string[] {
  if (!textEl) return [];
  const out = new Set<string>();
  for (const a of textEl.querySelectorAll('a[href]')) {
    let host: string | null;
    try {
      host = new URL(a.getAttribute('href') ?? '', base).hostname.toLowerCase();
    } catch {
      continue;
    }
    if (X_HOSTS.has(host)) continue;
    if (host === 't.co') host = hostOf(a.getAttribute('title') ?? '') ?? hostOf(a.textContent ?? '');
    const domain = host === null ? null : normaliseDomain(host);
    if (domain !== null && domain !== 't.co') out.add(domain);
    if (out.size >= MAX_DOMAINS) break;
  }
  return [...out];
}

/**
 * An "Ad" / "Promoted" label: a bare text span outside links (display names are links), outside the
 * post text and outside a quoted post, so a person named "Ad" or a post saying "Ad" does not count.
 */
function hasAdLabel(article: Element, text: string): boolean {
  // Cheap prefilter: most posts contain neither word anywhere, and then no span needs reading.
  let mayHave = false;
  for (const label of AD_LABELS) if (text.includes(label)) mayHave = true;
  if (!mayHave) return false;
  for (const span of article.querySelectorAll('span')) {
    if (span.childElementCount !== 0 || !AD_LABELS.has((span.textContent ?? '').trim())) continue;
    if (outsideLinkAndText(span, article) && !inQuote(span, article)) return true;
  }
  return false;
}

/** Not inside a link or the post text, looking no further up than the article. */
function outsideLinkAndText(node: Element, article: Element): boolean {
  for (let el: Element | null = node; el !== null && el !== article; el = el.parentElement) {
    if (el.tagName === 'A' || el.getAttribute('data-testid') === TWEET_TEXT_ID) return false;
  }
  return true;
}

/** How far above the article X puts placementTracking (cell → … → tracking → article): a few levels. */
const MAX_TRACKING_DEPTH = 8;

/**
 * Promoted per the DOM: placementTracking as an *ancestor* of the article, or an ad label. A
 * placementTracking *inside* the article wraps a video player in an ordinary post and means nothing.
 * `text`: the article's textContent, when the caller has it.
 */
export function isPromotedInDom(article: Element, text = article.textContent ?? ''): boolean {
  let el = article.parentElement;
  for (let i = 0; el !== null && i < MAX_TRACKING_DEPTH; i++, el = el.parentElement) {
    if (el.getAttribute('data-testid') === PLACEMENT_TRACKING_ID) return true;
  }
  return hasAdLabel(article, text);
}

export function readSocialContext(article: Element): string {
  return (article.querySelector(SOCIAL_CONTEXT)?.textContent ?? '').trim();
}

/** The article quotes another post: a clickable block inside it with its own User-Name. */
export function hasQuote(article: Element): boolean {
  for (const block of article.querySelectorAll(QUOTE_BLOCK)) if (block.querySelector(USER_NAME)) return true;
  return false;
}

function outsideTweetText(node: Element, article: Element): boolean {
  for (let el: Element | null = node; el !== null && el !== article; el = el.parentElement) {
    if (el.getAttribute('data-testid') === TWEET_TEXT_ID) return false;
  }
  return true;
}

/** Handles on the "Replying to @a @b" line, or null when the post has no such line. */
export function readReplyingTo(article: Element, text = article.textContent ?? ''): string[] | null {
  if (!REPLYING_TO_WORDS.test(text)) return null; // most posts: no walk needed
  const doc = article.ownerDocument;
  const walker = doc.createTreeWalker(article, SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (!REPLYING_TO.test(n.nodeValue ?? '')) continue;
    const line = n.parentElement;
    if (!line || !outsideTweetText(line, article) || inQuote(line, article)) continue;
    const handles: string[] = [];
    for (const a of line.querySelectorAll('a[href]')) {
      const h = handleFromPath(a.getAttribute('href') ?? '');
      if (h !== null) handles.push(h);
    }
    return handles;
  }
  return null;
}

/** Handles @mentioned (as links) in the post text. */
export function readMentions(textEl: Element | null): string[] {
  if (!textEl) return [];
  const out: string[] = [];
  for (const a of textEl.querySelectorAll('a[href^="/"]')) {
    const h = handleFromPath(a.getAttribute('href') ?? '');
    if (h !== null && (a.textContent ?? '').trim().startsWith('@')) out.push(h);
  }
  return out;
}

export { hashText } from '../../core/text-hash';

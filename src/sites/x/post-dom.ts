// Reads the pieces of one X post out of its article: author link, permalink, text, links, ad, repost
// and reply markers. Each reader ignores the quoted post nested inside (it has its own User-Name, text
// and time), because the quoted author is not the one replying to you. Markers are read from markup
// that carries no words first (test ids, structure, icons, links); the page's own UI words
// (ui-strings.ts, chosen by `<html lang>`) only add to that, so a page in any language reads the same.
import { normalizeDomain } from '../../core/domain';
import { MAX_TEXT_CHARS, spokenText } from '../../content/spoken-text';
import { handleFromPath, statusIdFromPath } from './routes';
import {
  AD_CLICK_LINK, CELL_ID, IMPRESSION_PIXEL, NOT_REPOST_ICON_PATHS, PLACEMENT_TRACKING_ID, PROMOTED_ICON, QUOTE_BLOCK, REPOST_ICON_PATHS,
  SOCIAL_CONTEXT, STATUS_LINK, TIME, TWEET_TEXT, TWEET_TEXT_ID, USER_NAME,
} from './selectors';
import { x } from './site';
import type { XUiStrings } from './ui-strings';

// NodeFilter / Node constants, numeric so this also runs where those are not globals.
const SHOW_TEXT = 4;
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const USER_NAME_ID = 'User-Name';
const SOCIAL_CONTEXT_ID = 'socialContext';
/** A link to a profile and nothing more: `/<handle>`. */
const PROFILE_HREF = /^\/[A-Za-z0-9_]{1,50}\/?$/;
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
 * An ad label in the page's language ("Ad", "Promoted", "Promocionado" …): a bare text span outside
 * links (display names are links), outside the post text and outside a quoted post, so a person
 * named "Ad" or a post saying "Ad" does not count.
 */
function hasAdLabel(article: Element, text: string, labels: readonly string[]): boolean {
  // Cheap prefilter: most posts contain none of the words anywhere, and then no span needs reading.
  if (!labels.some((label) => text.includes(label))) return false;
  for (const span of article.querySelectorAll('span')) {
    if (span.childElementCount !== 0 || !labels.includes((span.textContent ?? '').trim())) continue;
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

/** The first match of `selector` in the article that is the post's own (outside a quote and the text). */
function ownMarker(article: Element, selector: string): boolean {
  for (const el of article.querySelectorAll(selector)) if (outsideTweetText(el, article) && !inQuote(el, article)) return true;
  return false;
}

/**
 * Promoted per the DOM, language-free signals first: placementTracking as an *ancestor* of the article
 * (a placementTracking *inside* it wraps a video player in an ordinary post and means nothing), the
 * impression pixels X puts around an ad in its cell, an ad click link (twclid=), the promoted icon;
 * then an ad label in the page's language. `text`: the article's textContent, when the caller has it.
 */
export function isPromotedInDom(article: Element, strings: XUiStrings, text = article.textContent ?? ''): boolean {
  let cell: Element | null = null;
  let el = article.parentElement;
  for (let i = 0; el !== null && i < MAX_TRACKING_DEPTH; i++, el = el.parentElement) {
    const id = el.getAttribute('data-testid');
    if (id === PLACEMENT_TRACKING_ID) return true;
    if (id === CELL_ID) {
      cell = el;
      break;
    }
  }
  if (cell !== null && cell.querySelector(IMPRESSION_PIXEL) !== null) return true;
  if (ownMarker(article, AD_CLICK_LINK) || ownMarker(article, PROMOTED_ICON)) return true;
  return hasAdLabel(article, text, strings.adLabels);
}

/** The post's own socialContext line (a quoted post never has one, but check). */
function socialContextOf(article: Element): Element | null {
  return firstOutsideQuote(article, SOCIAL_CONTEXT);
}

export function readSocialContext(article: Element): string {
  return (socialContextOf(article)?.textContent ?? '').trim();
}

/**
 * The icon drawn in the socialContext line: the first svg path of the nearest ancestor that has one,
 * never climbing as far as the block holding the author's User-Name (its badges are not the line's).
 */
function contextIcon(context: Element, article: Element): string | null {
  for (let el: Element | null = context; el !== null && el !== article; el = el.parentElement) {
    if (el.querySelector(USER_NAME) !== null) return null;
    const path = el.querySelector('svg path');
    if (path !== null) return path.getAttribute('d') ?? '';
  }
  return null;
}

/** The socialContext line's link, when the line is (or sits in) a link: the reposter's profile. */
function contextLink(context: Element, article: Element): Element | null {
  for (let el: Element | null = context; el !== null && el !== article; el = el.parentElement) {
    if (el.tagName === 'A') return el;
  }
  return context.querySelector('a[href]');
}

/**
 * A repost: the socialContext line above the post, read by its icon (the repost arrow; a pin or a
 * community is not a repost), else by its link to a profile other than the post's author (the
 * reposter; "Pinned" links nowhere), else by the page language's repost words where they are known.
 */
export function isRepost(article: Element, authorHandle: string, strings: XUiStrings): boolean {
  const context = socialContextOf(article);
  if (context === null) return false;
  const icon = contextIcon(context, article);
  if (icon !== null) {
    if (REPOST_ICON_PATHS.some((p) => icon.startsWith(p))) return true;
    if (NOT_REPOST_ICON_PATHS.some((p) => icon.startsWith(p))) return false;
  }
  const href = contextLink(context, article)?.getAttribute('href') ?? '';
  if (PROFILE_HREF.test(href)) {
    const by = handleFromPath(href);
    if (by !== null && by !== authorHandle) return true;
  }
  return strings.repostContext?.test(context.textContent ?? '') ?? false;
}

/**
 * The article quotes another post: a clickable block inside it with its own User-Name; or one that
 * cannot be shown (X says so in the page's language, or nests an article for it).
 */
export function hasQuote(article: Element, strings: XUiStrings): boolean {
  const blocks = article.querySelectorAll(QUOTE_BLOCK);
  for (const block of blocks) if (block.querySelector(USER_NAME)) return true;
  if (article.querySelector('article') !== null) return true;
  const unavailable = strings.postUnavailable;
  if (unavailable === '') return false;
  for (const block of blocks) if ((block.textContent ?? '').includes(unavailable)) return true;
  return false;
}

function outsideTweetText(node: Element, article: Element): boolean {
  for (let el: Element | null = node; el !== null && el !== article; el = el.parentElement) {
    if (el.getAttribute('data-testid') === TWEET_TEXT_ID) return false;
  }
  return true;
}

/** Outside the post text, the author's User-Name, the socialContext line and any quoted post. */
function onReplyLine(node: Element, article: Element): boolean {
  for (let el: Element | null = node; el !== null && el !== article; el = el.parentElement) {
    const id = el.getAttribute('data-testid');
    if (id === TWEET_TEXT_ID || id === USER_NAME_ID || id === SOCIAL_CONTEXT_ID || isQuoteBlock(el)) return false;
  }
  return true;
}

/**
 * Handles on the "Replying to @a @b" line, or null when the post has no such line. Read by its links
 * first, in any language: `@handle` links to `/<handle>` above the post text, outside the post text,
 * the author's User-Name, the socialContext line and any quoted post. The English words are a second
 * way in (a line whose links are not `@` links).
 */
export function readReplyingTo(article: Element, textEl: Element | null, strings: XUiStrings, text = article.textContent ?? ''): string[] | null {
  const handles: string[] = [];
  for (const a of article.querySelectorAll('a[href^="/"]')) {
    if (!(a.textContent ?? '').trim().startsWith('@')) continue;
    const href = a.getAttribute('href') ?? '';
    if (!PROFILE_HREF.test(href)) continue;
    if (textEl !== null && (textEl.compareDocumentPosition(a) & PRECEDING) === 0) continue;
    const h = handleFromPath(href);
    if (h !== null && onReplyLine(a, article)) handles.push(h);
  }
  if (handles.length > 0) return handles;
  const words = strings.replyingTo;
  return words === undefined ? null : replyingToByWords(article, text, words);
}

/** The line whose text starts with the "Replying to" words, and the handles it links. */
function replyingToByWords(article: Element, text: string, words: RegExp): string[] | null {
  if (!words.test(text)) return null; // most posts: no walk needed
  const doc = article.ownerDocument;
  const walker = doc.createTreeWalker(article, SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (words.exec((n.nodeValue ?? '').trimStart())?.index !== 0) continue;
    const line = n.parentElement;
    if (!line || !outsideTweetText(line, article) || inQuote(line, article)) continue;
    const found: string[] = [];
    for (const a of line.querySelectorAll('a[href]')) {
      const h = handleFromPath(a.getAttribute('href') ?? '');
      if (h !== null) found.push(h);
    }
    return found;
  }
  return null;
}

/** X's own codes for text in no language: undetermined, none, and its private q?? codes (media, hashtags, mentions only). */
const NO_LANGUAGE = /^(?:und|zxx|q[a-t][a-z])$/i;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

/** The language X detected for the post text (tweetText's `lang`), lower-cased; null when it names none. */
export function readLanguage(textEl: Element | null): string | null {
  const lang = (textEl?.getAttribute('lang') ?? '').trim();
  return lang.length <= 35 && LANGUAGE_TAG.test(lang) && !NO_LANGUAGE.test(lang) ? lang.toLowerCase() : null;
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

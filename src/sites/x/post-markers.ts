// The markers of one X post that decide its kind: promoted (an ad), a repost, a quote, the handles
// it replies to. Each is read first from markup that carries no words (placementTracking, the
// impression pixels, twclid ad links, the promoted and repost icons, `@handle` profile links above
// the text); the page's own UI words (ui-strings.ts, chosen by `<html lang>`) only add to that, so a
// page in any language reads the same.
import { handleFromPath } from './routes';
import {
  AD_CLICK_LINK, CELL_ID, IMPRESSION_PIXEL, NOT_REPOST_ICON_PATHS, PLACEMENT_TRACKING_ID, PROMOTED_ICON, QUOTE_BLOCK, REPOST_ICON_PATHS,
  TWEET_TEXT_ID, USER_NAME,
} from './selectors';
import { inQuote, isQuoteBlock, outsideTweetText, socialContextOf } from './post-scope';
import type { XUiStrings } from './ui-strings';

// NodeFilter / Node constants, numeric so this also runs where those are not globals.
const SHOW_TEXT = 4;
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING
const USER_NAME_ID = 'User-Name';
const SOCIAL_CONTEXT_ID = 'socialContext';
/** A link to a profile and nothing more: `/<handle>`. */
const PROFILE_HREF = /^\/[A-Za-z0-9_]{1,50}\/?$/;

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

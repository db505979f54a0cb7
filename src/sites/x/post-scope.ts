// What inside an X article is the post's own: not the quoted post nested in it (it has its own
// User-Name, text and time, and the quoted author is not the one replying to you), and, where it
// matters, not the post text. Every reader of a post (post-dom.ts, post-markers.ts) looks through
// these, walking up to the article only, never to the top of the document.
import { SOCIAL_CONTEXT, TWEET_TEXT_ID } from './selectors';

/** QUOTE_BLOCK (`div[role="link"]`) tested without the selector engine: this runs for every ancestor. */
export const isQuoteBlock = (el: Element): boolean => el.tagName === 'DIV' && el.getAttribute('role') === 'link';

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

/** The first match of `selector` in `root` that is the post's own (outside a quote) and `accept`s. */
export function firstOutsideQuote(root: Element, selector: string, accept: (el: Element) => boolean = () => true): Element | null {
  // Nearly always the first match is the post's own (a quote comes after it): one lookup, no list.
  const first = root.querySelector(selector);
  if (first === null) return null;
  if (!inQuote(first, root) && accept(first)) return first;
  for (const el of root.querySelectorAll(selector)) if (el !== first && !inQuote(el, root) && accept(el)) return el;
  return null;
}

/** Not inside the post text, looking no further up than the article. */
export function outsideTweetText(node: Element, article: Element): boolean {
  for (let el: Element | null = node; el !== null && el !== article; el = el.parentElement) {
    if (el.getAttribute('data-testid') === TWEET_TEXT_ID) return false;
  }
  return true;
}

/** The post's own socialContext line (a quoted post never has one, but check). */
export function socialContextOf(article: Element): Element | null {
  return firstOutsideQuote(article, SOCIAL_CONTEXT);
}

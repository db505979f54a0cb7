// A post's text as a screen reader would speak it, for every site's adapter: the text nodes plus the
// alt text of inline images (emoji are images on X and Bluesky), capped.

const SHOW_ELEMENT = 1;
const SHOW_TEXT = 4;
const TEXT_NODE = 3;
/** Longer texts are cut: rules and brand words look at the first part only. */
export const MAX_TEXT_CHARS = 20_000;

/** The raw spoken text, at most MAX_TEXT_CHARS (not trimmed: sites normalise whitespace their own way). */
export function spokenText(textEl: Element | null): string {
  if (!textEl) return '';
  let out = '';
  const walker = textEl.ownerDocument.createTreeWalker(textEl, SHOW_ELEMENT | SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null && out.length < MAX_TEXT_CHARS; n = walker.nextNode()) {
    if (n.nodeType === TEXT_NODE) out += n.nodeValue ?? '';
    else if ((n as Element).tagName === 'IMG') out += (n as Element).getAttribute('alt') ?? '';
  }
  return out;
}

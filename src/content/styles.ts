// One injected stylesheet does all hiding, keyed on data attributes: no per-node inline styles,
// nothing for the site's own CSS to fight, and undoing a verdict is removing an attribute.
import { ATTR_OWNER, OWNER, ownedByUs } from './owner';

export const ATTR = 'data-doorman';
export const ATTR_REVEALED = 'data-doorman-revealed';
export const PLACEHOLDER_CLASS = 'doorman-placeholder';
const STYLE_ID = 'doorman-style';

export const STYLESHEET = `
[${ATTR}="pending"]:not([${ATTR_REVEALED}]) { visibility: hidden !important; }
[${ATTR}="hide"]:not([${ATTR_REVEALED}]) { display: none !important; }
[${ATTR}="collapse"]:not([${ATTR_REVEALED}]) > :not(.${PLACEHOLDER_CLASS}) { display: none !important; }
[${ATTR}="show"] > .${PLACEHOLDER_CLASS}, :not([${ATTR}]) > .${PLACEHOLDER_CLASS} { display: none !important; }
.${PLACEHOLDER_CLASS} {
  all: initial;
  box-sizing: border-box; display: flex; align-items: center; gap: 8px; width: 100%;
  padding: 8px 16px; min-height: 36px;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  /* Mid-tones readable on the site's light, dim and dark themes alike (they don't follow the OS setting). */
  color: #71767b; background: rgba(127, 127, 127, 0.08);
  border-bottom: 1px solid rgba(127, 127, 127, 0.25);
}
.${PLACEHOLDER_CLASS} .doorman-reason { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.${PLACEHOLDER_CLASS} .doorman-mark { font-weight: 700; color: #1d9bf0; }
.${PLACEHOLDER_CLASS} button {
  all: initial; cursor: pointer; font: 600 13px/1 system-ui, sans-serif; color: #1d9bf0;
  padding: 6px 12px; border-radius: 999px; border: 1px solid rgba(29, 155, 240, 0.5);
}
.${PLACEHOLDER_CLASS} button:hover { background: rgba(29, 155, 240, 0.12); }
.${PLACEHOLDER_CLASS} button:focus-visible { outline: 2px solid #1d9bf0; outline-offset: 2px; }
[${ATTR_REVEALED}] > .${PLACEHOLDER_CLASS} { background: transparent; border-bottom-style: dashed; }
/* "label" keeps the item visible under its reason: nothing to show or hide. */
[${ATTR}="label"] > .${PLACEHOLDER_CLASS} button { display: none !important; }
`;

/**
 * Inserts the stylesheet (<head> may not exist yet: then on <html>). One left by an older version is
 * taken over and brought up to date rather than kept.
 */
export function ensureStylesheet(doc: Document): void {
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  if (style.textContent !== STYLESHEET) style.textContent = STYLESHEET;
  style.setAttribute(ATTR_OWNER, OWNER);
}

/** Documents this instance has given the stylesheet. */
const styled = new WeakSet<Document>();

/**
 * ensureStylesheet, the first time this instance marks something in the document: not at
 * document_start, where the first DOM write of a fresh script world costs milliseconds the page
 * waits for. The first mark comes in the same task as the verdicts, so still before any paint.
 */
export function styleOnce(doc: Document): void {
  if (styled.has(doc)) return;
  styled.add(doc);
  ensureStylesheet(doc);
}

/** Removes the stylesheet, unless a newer instance has taken it over. */
export function removeStylesheet(doc: Document): void {
  styled.delete(doc);
  const style = doc.getElementById(STYLE_ID);
  if (style && ownedByUs(style)) style.remove();
}

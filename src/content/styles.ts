// One injected stylesheet does all hiding, keyed on data attributes: no per-node inline styles,
// nothing for the site's own CSS to fight, and undoing a verdict is removing an attribute. The
// placeholder's colours follow the page's actual background (light or dark tone), so its text
// keeps WCAG AA contrast on every theme a site offers.
import { ATTR_OWNER, OWNER, ownedByUs } from './owner';

export const ATTR = 'data-doorman';
export const ATTR_REVEALED = 'data-doorman-revealed';
export const PLACEHOLDER_CLASS = 'doorman-placeholder';
const STYLE_ID = 'doorman-style';

/** Whether the page behind the placeholders is light or dark: the placeholder's palette follows it. */
export type Tone = 'light' | 'dark';

/**
 * Each palette is at least 4.5:1 (WCAG AA, 13 px text) against its tone's backgrounds under the
 * placeholder's grey tint: light for white and X's light theme; dark for X's dim (rgb(21,32,43)) and
 * lights out (black), Mastodon's greys (#191b22–#282c37) and Bluesky's dark themes.
 */
const PALETTES: Record<Tone, { text: string; accent: string; ring: string; hover: string }> = {
  light: { text: '#536471', accent: '#1565a8', ring: 'rgba(21, 101, 168, 0.55)', hover: 'rgba(21, 101, 168, 0.1)' },
  dark: { text: '#aab4be', accent: '#4fb2f5', ring: 'rgba(79, 178, 245, 0.55)', hover: 'rgba(79, 178, 245, 0.14)' },
};

export function stylesheet(tone: Tone): string {
  const p = PALETTES[tone];
  return `
[${ATTR}="pending"]:not([${ATTR_REVEALED}]) { visibility: hidden !important; }
[${ATTR}="hide"]:not([${ATTR_REVEALED}]) { display: none !important; }
[${ATTR}="collapse"]:not([${ATTR_REVEALED}]) > :not(.${PLACEHOLDER_CLASS}) { display: none !important; }
[${ATTR}="show"] > .${PLACEHOLDER_CLASS}, :not([${ATTR}]) > .${PLACEHOLDER_CLASS} { display: none !important; }
.${PLACEHOLDER_CLASS} {
  all: initial;
  box-sizing: border-box; display: flex; align-items: center; gap: 8px; width: 100%;
  padding: 8px 16px; min-height: 36px;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: ${p.text}; background: rgba(127, 127, 127, 0.08);
  border-bottom: 1px solid rgba(127, 127, 127, 0.25);
}
.${PLACEHOLDER_CLASS} .doorman-reason { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
/* The whole reason, not only a tooltip: it wraps in full while the placeholder holds the focus or the pointer. */
.${PLACEHOLDER_CLASS}:focus-within .doorman-reason, .${PLACEHOLDER_CLASS}:hover .doorman-reason { white-space: normal; overflow: visible; }
.${PLACEHOLDER_CLASS} .doorman-mark { font-weight: 700; color: ${p.accent}; }
.${PLACEHOLDER_CLASS} button {
  all: initial; cursor: pointer; font: 600 13px/1 system-ui, sans-serif; color: ${p.accent};
  padding: 6px 12px; border-radius: 999px; border: 1px solid ${p.ring};
}
.${PLACEHOLDER_CLASS} button:hover { background: ${p.hover}; }
.${PLACEHOLDER_CLASS} button:focus-visible { outline: 2px solid ${p.accent}; outline-offset: 2px; }
[${ATTR_REVEALED}] > .${PLACEHOLDER_CLASS} { background: transparent; border-bottom-style: dashed; }
/* "label" keeps the item visible under its reason: nothing to show or hide. */
[${ATTR}="label"] > .${PLACEHOLDER_CLASS} button { display: none !important; }
`;
}

/** The stylesheet for a dark page (what an unknown page gets). */
export const STYLESHEET = stylesheet('dark');

/** An opaque-enough computed background colour as [r, g, b], or null for transparent / unreadable. */
function solidColour(css: string): [number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return alpha >= 0.5 ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The tone of what is actually painted behind `el`: the first ancestor (itself included) with a
 * solid background. Past luminance 0.18 dark text has the better contrast, below it light text.
 * Nothing painted: the browser's canvas, white unless the page asked for a dark colour scheme.
 */
export function toneBehind(el: Element): Tone {
  const view = el.ownerDocument.defaultView;
  if (!view) return 'dark';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const rgb = solidColour(view.getComputedStyle(node).backgroundColor);
    if (rgb) return luminance(rgb) > 0.18 ? 'light' : 'dark';
  }
  return /dark/.test(view.getComputedStyle(el.ownerDocument.documentElement).colorScheme) ? 'dark' : 'light';
}

/**
 * Inserts the stylesheet (<head> may not exist yet: then on <html>). One left by an older version is
 * taken over and brought up to date rather than kept.
 */
export function ensureStylesheet(doc: Document, tone: Tone = doc.body ? toneBehind(doc.body) : 'dark'): void {
  let style = doc.getElementById(STYLE_ID);
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  const text = stylesheet(tone);
  if (style.textContent !== text) style.textContent = text;
  style.setAttribute(ATTR_OWNER, OWNER);
}

/** Documents this instance has given the stylesheet, each with the watch on its theme. */
const styled = new WeakMap<Document, MutationObserver | null>();

/** Attributes a site switches its theme with (X: the body's inline background; others: a class or data attribute). */
const THEME_ATTRIBUTES = ['style', 'class', 'data-theme', 'data-color-mode', 'data-color-scheme'];

/** Re-reads the page's tone (behind a marked item when there is one) and swaps the palette if it moved. */
function retone(doc: Document): void {
  const style = doc.getElementById(STYLE_ID);
  if (!style || !ownedByUs(style)) return;
  const sample = doc.querySelector(`.${PLACEHOLDER_CLASS}`)?.parentElement ?? doc.body;
  if (sample) ensureStylesheet(doc, toneBehind(sample));
}

function watchTheme(doc: Document): MutationObserver | null {
  const View = doc.defaultView?.MutationObserver;
  if (!View) return null;
  const observer = new View(() => retone(doc));
  for (const el of [doc.documentElement, doc.body]) if (el) observer.observe(el, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
  return observer;
}

/**
 * ensureStylesheet, the first time this instance marks something in the document: not at
 * document_start, where the first DOM write of a fresh script world costs milliseconds the page
 * waits for. The first mark comes in the same task as the verdicts, so still before any paint. The
 * palette follows what is painted behind that first item, and again whenever the site switches theme.
 */
export function styleOnce(doc: Document, sample?: Element): void {
  if (styled.has(doc)) return;
  ensureStylesheet(doc, toneBehind(sample ?? doc.body ?? doc.documentElement));
  styled.set(doc, watchTheme(doc));
}

/** Removes the stylesheet, unless a newer instance has taken it over. */
export function removeStylesheet(doc: Document): void {
  styled.get(doc)?.disconnect();
  styled.delete(doc);
  const style = doc.getElementById(STYLE_ID);
  if (style && ownedByUs(style)) style.remove();
}

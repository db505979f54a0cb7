// Applies a verdict to an item's element: one data attribute for the stylesheet, plus a one-line
// placeholder (reason + a keyboard-accessible Show button) for collapsed and hidden items, worded in
// the browser's UI language (words.ts).
import type { Verdict } from '../core/model';
import { ATTR_OWNER, OWNER, ownedByUs } from './owner';
import { buttonName, type PlaceholderAction, type PlaceholderSubject } from './placeholder-label';
import { ATTR, ATTR_REVEALED, PLACEHOLDER_CLASS, styleOnce } from './styles';
import { reasonSentence, word, wordsLanguage, type PlaceholderWord } from './words';

const ACTION_WORD: Record<PlaceholderAction, PlaceholderWord> = {
  Show: 'placeholderShow', Hide: 'placeholderHide', Collapse: 'placeholderCollapse',
};

export const ATTR_ITEM = 'data-doorman-item';

/**
 * Placeholders this instance built. One left by an older instance (its script orphaned by an update,
 * its listeners perhaps dead) is replaced, never kept beside ours: one placeholder per item, always.
 */
const own = new WeakSet<Element>();
/** The item each marked element holds, for its button's name ("Show reply from @acme"). */
const subjects = new WeakMap<Element, PlaceholderSubject>();
/** Ids tying each button to its reason (aria-describedby): unique in the page, whatever else runs there. */
const REASON_ID = `doorman-reason-${Math.random().toString(36).slice(2, 8)}-`;
let reasons = 0;

function placeholderOf(target: Element): HTMLElement | null {
  const first = target.firstElementChild as HTMLElement | null;
  // className, not classList: this runs for every verdict, and classList builds a token list each time.
  if (first === null || first.className !== PLACEHOLDER_CLASS) return null;
  if (own.has(first)) return first;
  first.remove();
  return placeholderOf(target);
}

function setRevealed(target: Element, revealed: boolean, known?: HTMLButtonElement): void {
  if (revealed) target.setAttribute(ATTR_REVEALED, '');
  else if (known === undefined || target.hasAttribute(ATTR_REVEALED)) target.removeAttribute(ATTR_REVEALED);
  const button = known ?? placeholderOf(target)?.querySelector('button');
  if (button) {
    const action = revealed ? (target.getAttribute(ATTR) === 'hide' ? 'Hide' : 'Collapse') : 'Show';
    button.textContent = word(ACTION_WORD[action]);
    button.setAttribute('aria-label', buttonName(action, subjects.get(target)));
    button.setAttribute('aria-expanded', String(revealed));
  }
}

/** One placeholder per document, cloned for each item: one cloneNode instead of four elements and their attributes. */
const templates = new WeakMap<Document, { words: string; box: HTMLElement }>();

function templateFor(doc: Document): HTMLElement {
  // Doorman's words are in the browser's language, which need not be the page's.
  const { lang, dir } = wordsLanguage();
  const label = word('placeholderLabel');
  const show = word('placeholderShow');
  const words = `${lang} ${dir} ${label} ${show}`;
  const known = templates.get(doc);
  if (known !== undefined && known.words === words) return known.box;
  const box = doc.createElement('div');
  box.className = PLACEHOLDER_CLASS;
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', label);
  box.lang = lang;
  box.dir = dir;
  const mark = doc.createElement('span');
  mark.className = 'doorman-mark';
  mark.textContent = 'Doorman';
  const reason = doc.createElement('span');
  reason.className = 'doorman-reason';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = show;
  button.setAttribute('aria-expanded', 'false');
  box.append(mark, reason, button);
  templates.set(doc, { words, box });
  return box;
}

interface Placeholder {
  box: HTMLElement;
  reason: HTMLElement;
  button: HTMLButtonElement;
}

function buildPlaceholder(doc: Document, target: Element): Placeholder {
  const box = templateFor(doc).cloneNode(true) as HTMLElement;
  const reason = box.children[1] as HTMLElement;
  const button = box.children[2] as HTMLButtonElement;
  reason.id = `${REASON_ID}${++reasons}`;
  // The screen reader hears the whole reason with the button, however much of it the line shows.
  button.setAttribute('aria-describedby', reason.id);
  button.addEventListener('click', (e) => {
    // The site treats a click anywhere in a cell as "open this post"; this click is ours alone.
    e.preventDefault();
    e.stopPropagation();
    setRevealed(target, !target.hasAttribute(ATTR_REVEALED));
  });
  // Keep Enter/Space and the site's single-key shortcuts from reaching the page while our button has focus.
  button.addEventListener('keydown', (e) => e.stopPropagation());
  own.add(box);
  return { box, reason, button };
}

export function applyVerdict(target: Element, itemId: string, verdict: Verdict, subject?: PlaceholderSubject): void {
  styleOnce(target.ownerDocument, target);
  // Attributes written only when they change: each write is a mutation record for every observer on
  // the page and a style invalidation.
  if (target.getAttribute(ATTR_ITEM) !== itemId) target.setAttribute(ATTR_ITEM, itemId);
  if (target.getAttribute(ATTR_OWNER) !== OWNER) target.setAttribute(ATTR_OWNER, OWNER);
  if (verdict.action === 'show') {
    subjects.delete(target);
    // Only a placeholder (ours or an older instance's) or a reveal has anything to take back.
    if (target.firstElementChild?.className === PLACEHOLDER_CLASS || target.hasAttribute(ATTR_REVEALED)) clearMark(target, false);
    if (target.getAttribute(ATTR) !== 'show') target.setAttribute(ATTR, 'show');
    return;
  }
  // Only what the button's name needs, not the whole item (its text stays out of the page's heap).
  if (subject) subjects.set(target, { kind: subject.kind, author: { handle: subject.author.handle } });
  const previous = target.getAttribute(ATTR);
  target.setAttribute(ATTR, verdict.action);
  const sentence = reasonSentence(verdict.why);
  const box = placeholderOf(target);
  if (!box) {
    // A new placeholder gets its words before it goes in: one insertion, nothing rewritten after.
    const built = buildPlaceholder(target.ownerDocument, target);
    built.reason.textContent = sentence;
    built.box.title = sentence;
    target.insertBefore(built.box, target.firstChild);
    setRevealed(target, target.hasAttribute(ATTR_REVEALED), built.button);
    return;
  }
  const reason = box.querySelector('.doorman-reason');
  if (reason && reason.textContent !== sentence) reason.textContent = sentence;
  if (box.title !== sentence) box.title = sentence;
  const button = box.querySelector('button');
  if (previous !== verdict.action || (button && !button.hasAttribute('aria-label'))) setRevealed(target, target.hasAttribute(ATTR_REVEALED));
}

/** Marks an element as waiting for its verdict (kept invisible, still laid out). */
export function markPending(target: Element): void {
  if (target.hasAttribute(ATTR)) return;
  styleOnce(target.ownerDocument, target);
  target.setAttribute(ATTR, 'pending');
  target.setAttribute(ATTR_OWNER, OWNER);
}

/** A control inside the item to take the focus when its placeholder goes (the item itself if focusable). */
function focusTargetIn(target: Element): HTMLElement | null {
  const candidate = target.matches('[tabindex], a[href], button') ? target : target.querySelector('article[tabindex], [tabindex="0"], a[href], button');
  const view = target.ownerDocument.defaultView;
  return view && candidate instanceof view.HTMLElement ? candidate : null;
}

export function clearMark(target: Element, dropItemId = true): void {
  const box = placeholderOf(target);
  const hadFocus = box !== null && box.contains(target.ownerDocument.activeElement);
  box?.remove();
  // The item was let in while its placeholder held the focus: the focus moves into the item, not to the page's body.
  if (hadFocus) focusTargetIn(target)?.focus({ preventScroll: true });
  target.removeAttribute(ATTR);
  target.removeAttribute(ATTR_REVEALED);
  if (dropItemId) {
    target.removeAttribute(ATTR_ITEM);
    target.removeAttribute(ATTR_OWNER);
  }
}

/** clearMark, unless another instance marked the element since (it owns the page now). */
export function releaseMark(target: Element): void {
  if (ownedByUs(target)) clearMark(target);
}

/** Reveals one item (from the popup's "Show on page"); returns whether it was found. */
export function reveal(doc: Document, itemId: string): boolean {
  let found = false;
  for (const el of doc.querySelectorAll(`[${ATTR_ITEM}]`)) {
    if (el.getAttribute(ATTR_ITEM) !== itemId) continue;
    setRevealed(el, true);
    if (!found) el.scrollIntoView({ block: 'center' });
    found = true;
  }
  return found;
}

/** Reveals every collapsed item on the page (the "reveal all" keyboard command); returns how many. */
export function revealAll(doc: Document): number {
  let revealed = 0;
  for (const el of doc.querySelectorAll(`[${ATTR}="collapse"]:not([${ATTR_REVEALED}])`)) {
    setRevealed(el, true);
    revealed++;
  }
  return revealed;
}

/**
 * Removes every Doorman mark and placeholder in the document: what an older instance left behind when
 * it could not clean up itself (Firefox unloads an updated extension's scripts without a word).
 */
export function sweepMarks(doc: Document): number {
  let removed = 0;
  for (const box of doc.querySelectorAll(`.${PLACEHOLDER_CLASS}`)) {
    box.remove();
    removed++;
  }
  for (const el of doc.querySelectorAll(`[${ATTR}], [${ATTR_REVEALED}], [${ATTR_ITEM}], [${ATTR_OWNER}]`)) {
    el.removeAttribute(ATTR);
    el.removeAttribute(ATTR_OWNER);
    el.removeAttribute(ATTR_REVEALED);
    el.removeAttribute(ATTR_ITEM);
    removed++;
  }
  return removed;
}

// Reads the pieces of one LinkedIn item out of its root: the actor (member or page, by its link's
// path), its degree and follow state, the sub-description's ad markers, the header saying why the
// update is in the feed, the text and its links. Structure first (link paths, aria-pressed, URNs),
// words (words.ts, by the page's language) only where structure cannot tell.
import { outsideLinkDomain } from '../../core/domain';
import { MAX_TEXT_CHARS, spokenText } from '../../content/spoken-text';
import { actorFromHref, type ActorRef } from './routes';
import { ACTOR_LINK, ACTOR_SUB, ACTOR_SUPPLEMENTARY, ACTOR_TITLE, COMMENT, FOLLOW_BUTTON, HEADER_TEXT, TEXT } from './selectors';
import { folded, type Words } from './words';

const MAX_DOMAINS = 50;
/** Links to LinkedIn itself and its shortener are not link domains. */
const OWN_HOSTS: ReadonlySet<string> = new Set(['linkedin.com', 'www.linkedin.com', 'lnkd.in']);
/** A degree marker: "• 1st" (en), "• 1er" (fr), "• 1." (de) — a 1 after the bullet, not followed by a digit. */
const FIRST_DEGREE = /•\s*1(?!\d)/;
/** URNs of the platform's own modules: job recommendations, courses, in-app promotions (seen: inAppPromotion, aggregate of jobPostings). */
const PLATFORM_URN = /^urn:li:(?:inAppPromotion:|lyndaCourse:|aggregate:\(urn:li:jobPosting:|jobPosting:)/;

export const isPlatformUrn = (urn: string): boolean => PLATFORM_URN.test(urn);

/** The element's visible text once: LinkedIn writes most labels twice (`aria-hidden` and `visually-hidden`). */
export function shownText(el: Element | null): string {
  if (el === null) return '';
  const shown = el.querySelector(':scope [aria-hidden="true"]');
  return (shown ?? el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * Where an item's own parts are: within `root`, but not inside a comment nested in it (an update's
 * comments have their own actors and text). Found once per item; most updates show no comments, and
 * then each part is one querySelector.
 */
export interface Scope {
  root: Element;
  /** The root sits inside a comment (and is not one): nothing in it is its own. */
  insideComment: boolean;
  comments: readonly Element[];
}

export function scopeOf(root: Element): Scope {
  if (root.matches(COMMENT)) return { root, insideComment: false, comments: [] };
  return { root, insideComment: root.parentElement?.closest(COMMENT) != null, comments: [...root.querySelectorAll(COMMENT)] };
}

function own(scope: Scope, selector: string): Element | null {
  if (scope.insideComment) return null;
  if (scope.comments.length === 0) return scope.root.querySelector(selector);
  for (const el of scope.root.querySelectorAll(selector)) {
    if (!scope.comments.some((c) => c.contains(el))) return el;
  }
  return null;
}

export interface Actor extends ActorRef {
  displayName: string;
  /** From the markup alone: true for a 1st-degree connection or a followed account, false beside a Follow button, else unknown. */
  followed: boolean | 'unknown';
}

/** The update's actor: the first actor link outside its comments (a reshare's inner actor comes after the outer one). */
export function readActor(scope: Scope, words: Words, base: string): Actor | null {
  const link = own(scope, ACTOR_LINK);
  const ref = link === null ? null : actorFromHref(link.getAttribute('href') ?? '', base);
  if (ref === null) return null;
  const title = own(scope, ACTOR_TITLE);
  const nameEl = title?.querySelector(':scope > span [aria-hidden="true"], :scope > span') ?? null;
  const displayName = (nameEl === null ? shownText(title) : shownText(nameEl)).slice(0, 200);
  const marker = folded(shownText(own(scope, ACTOR_SUPPLEMENTARY))).replace(/^•\s*/, '');
  let followed: boolean | 'unknown' = 'unknown';
  if (FIRST_DEGREE.test(`• ${marker}`) || words.following.includes(marker)) followed = true;
  else {
    const button = own(scope, FOLLOW_BUTTON);
    const pressed = button?.getAttribute('aria-pressed');
    if (pressed === 'false') followed = false;
    else if (pressed === 'true') followed = true;
  }
  return { ...ref, displayName, followed };
}

export interface AdMarks {
  promoted: boolean;
  /** The paying company's page, for "Promoted by <Company>" on a member's post. */
  by?: string;
}

/** "Promoted" (a company's ad) or "Promoted by <Company>" (a member's post a company paid for) under the actor. */
export function readAdMarks(scope: Scope, words: Words, base: string): AdMarks {
  const sub = own(scope, ACTOR_SUB);
  if (sub === null) return { promoted: false };
  // Structure: the sub-description of a paid-for post links to the paying page; a dated one links nowhere.
  for (const a of sub.querySelectorAll('a[href]')) {
    const ref = actorFromHref(a.getAttribute('href') ?? '', base);
    if (ref?.type === 'page') return { promoted: true, by: ref.handle };
  }
  return { promoted: words.promoted.includes(folded(shownText(sub))) };
}

export type Header = { kind: 'none' } | { kind: 'network' } | { kind: 'repost' } | { kind: 'platform' };

/**
 * Why the update is in the feed. A header naming a member or page ("Andrew Yeung commented on
 * this") is the network's doing, or a repost when its words say so; a header naming nobody ("Jobs
 * recommended for you", "Suggested") is the platform's.
 */
export function readHeader(scope: Scope, words: Words, base: string): Header {
  const header = own(scope, HEADER_TEXT);
  if (header === null) return { kind: 'none' };
  const names = [...header.querySelectorAll('a[href]')].some((a) => actorFromHref(a.getAttribute('href') ?? '', base) !== null);
  if (!names) return { kind: 'platform' };
  const said = folded(header.textContent ?? '');
  return words.reposted.some((w) => said.endsWith(w)) ? { kind: 'repost' } : { kind: 'network' };
}

export function readTextElement(scope: Scope): Element | null {
  return own(scope, TEXT);
}

/** The text as read aloud (inline images by their alt text), whitespace cleaned. */
export function readText(textEl: Element | null): string {
  return spokenText(textEl).replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS);
}

/** Hosts of the text's links to elsewhere (not LinkedIn's own pages or its lnkd.in shortener). */
export function readLinkDomains(textEl: Element | null, base: URL): string[] {
  if (textEl === null) return [];
  const out = new Set<string>();
  for (const a of textEl.querySelectorAll('a[href]')) {
    const host = outsideLinkDomain(a.getAttribute('href') ?? '', base, OWN_HOSTS);
    if (host !== null) out.add(host);
    if (out.size >= MAX_DOMAINS) break;
  }
  return [...out];
}

/** Whether the marker after a name says 1st degree: a connection. */
export const isFirstDegree = (marker: string): boolean => FIRST_DEGREE.test(marker);

export { hashText } from '../../core/text-hash';

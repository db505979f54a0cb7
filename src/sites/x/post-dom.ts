// Reads one X post out of its article: author link, permalink, text, link domains, language and
// mentions. What is the post's own (not its quoted post) is post-scope.ts; the markers that decide
// its kind (ad, repost, quote, replying to) are read in post-markers.ts, re-exported here.
import { normalizeDomain } from '../../core/domain';
import { MAX_TEXT_CHARS, spokenText } from '../../content/spoken-text';
import { firstOutsideQuote, inQuote, socialContextOf } from './post-scope';
import { handleFromPath, statusIdFromPath } from './routes';
import { STATUS_LINK, TIME, TWEET_TEXT, USER_NAME } from './selectors';
import { x } from './site';

export { inQuote };
// The adapter reads a post through this module alone: the markers are passed on from theirs.
export { hasQuote, isPromotedInDom, isRepost, readReplyingTo } from './post-markers';

/** X's own hosts, as declared, plus the www. forms links use: links there are mentions and tags, not link domains. */
const X_HOSTS: ReadonlySet<string> = new Set(x.hosts.flatMap((h) => [h, `www.${h}`]));
const MAX_DOMAINS = 50;

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

export function readSocialContext(article: Element): string {
  return (socialContextOf(article)?.textContent ?? '').trim();
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

// Reads the pieces of one Mastodon post out of its `.status` element: author (address and name),
// text, link domains, mentions, permalink, and where it sits (boost, notification wrapper). Only the
// post's own parts: a quoted post nested inside has its own `.status` and is skipped by the caller.
import { normalizeDomain } from '../../core/domain';
import { addressOf } from './identity';
import { acctFromPath } from './routes';
import { ACCOUNT, CELL, CONTENT, DISPLAY_NAME_LINK, MENTION_LINK, NAME_HTML, UNGROUPED, WRAPPER } from './selectors';

const MAX_DOMAINS = 50;
/** How far above a status its timeline cell or notification wrapper sits (wrapper → cell): a few levels. */
const MAX_UP = 5;

export interface AuthorLink {
  address: string;
  displayName: string;
}

/** The address an account link or an "@user@domain" label names, on the server `host`. */
function addressFromLink(a: Element, host: string): string | null {
  const label = (a.querySelector(ACCOUNT)?.textContent ?? '').trim();
  if (label.startsWith('@')) {
    const address = addressOf(label, host);
    if (address !== null) return address;
  }
  const href = a.getAttribute('href') ?? '';
  let path = href;
  try {
    path = new URL(href, `https://${host}`).pathname;
  } catch {
    return null;
  }
  const acct = acctFromPath(path);
  return acct === null ? null : addressOf(acct, host);
}

/** `a.status__display-name` (with `.display-name__account` "@user@domain") → the author. */
export function readAuthor(status: Element, host: string): AuthorLink | null {
  const a = status.querySelector(DISPLAY_NAME_LINK);
  if (a === null) return null;
  const address = addressFromLink(a, host);
  if (address === null) return null;
  const name = (a.querySelector(NAME_HTML)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { address, displayName: name.slice(0, 200) };
}

export function readContent(status: Element): Element | null {
  return status.querySelector(CONTENT);
}

export function readText(content: Element | null): string {
  return (content?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 20_000);
}

/** Hosts of the links in the post text, except mentions and hashtags (the server marks those). */
export function readLinkDomains(content: Element | null, base: URL): string[] {
  if (!content) return [];
  const out = new Set<string>();
  for (const a of content.querySelectorAll('a[href]')) {
    if (a.matches(MENTION_LINK)) continue;
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.host === base.host) continue;
    const d = normalizeDomain(url.hostname);
    if (d.includes('.') && d.length <= 253 && /^[a-z0-9.-]+$/.test(d)) out.add(d);
    if (out.size >= MAX_DOMAINS) break;
  }
  return [...out];
}

/** Addresses @mentioned in the post text (`a.mention:not(.hashtag)` → `https://server/@user`). */
export function readMentions(content: Element | null, host: string): string[] {
  if (!content) return [];
  const out: string[] = [];
  for (const a of content.querySelectorAll(`${MENTION_LINK}:not(.hashtag)`)) {
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', `https://${host}`);
    } catch {
      continue;
    }
    const acct = acctFromPath(url.pathname);
    // `https://remote/@bob` is bob@remote; a remote software's other URL shapes fall back to the text.
    const address = acct !== null ? addressOf(acct.includes('@') ? acct : `${acct}@${url.hostname}`, host)
      : addressOf(`${(a.textContent ?? '').trim()}@${url.hostname}`, host);
    if (address !== null) out.push(address);
  }
  return out;
}

export interface Placement {
  /** The timeline cell or the 4.3 notification wrapper to collapse, if the status sits in one. */
  target: Element | null;
  /** The cell's data-id (the timeline entry: a boost's own id). */
  cellId: string | null;
  /** `mention`, `direct`, `quote`, `status`, `update` for a 4.3 notification wrapper, else null. */
  notificationType: string | null;
  /** Inside a non-mention notification (a favourite's muted copy of your post): not an item. */
  inNotificationGroup: boolean;
}

/** Where a status sits, looking a few levels up only (cost independent of the page's depth). */
export function placementOf(status: Element): Placement {
  const p: Placement = { target: null, cellId: null, notificationType: null, inNotificationGroup: false };
  let wrapper: Element | null = null;
  let el = status.parentElement;
  for (let i = 0; el !== null && i < MAX_UP; i++, el = el.parentElement) {
    const cls = el.classList;
    if (cls.contains(WRAPPER)) wrapper ??= el;
    if (cls.contains(UNGROUPED)) {
      const type = [...cls].find((c) => c.startsWith(`${UNGROUPED}--`));
      p.notificationType = type === undefined ? 'mention' : type.slice(UNGROUPED.length + 2);
      p.target ??= el;
    } else if (cls.contains('notification-group') || (cls.contains('notification') && !cls.contains('notification-mention'))) {
      p.inNotificationGroup = true;
      break;
    }
    if (el.matches(CELL)) {
      p.cellId = el.getAttribute('data-id');
      p.target ??= el;
      break;
    }
  }
  p.target ??= wrapper;
  return p;
}

export { hashText } from '../../core/text-hash';

// LinkedIn's URL space: which page the user is on, whose profile or page a link names, and which
// Voyager API calls carry facts. Pure string work, shared by the content adapter and the page-world
// reader (so: no DOM, no zod).
import type { PageContext } from '../../core/model';
import { linkedin } from './site';

/** The kinds of organisation page LinkedIn has; each path is `/<kind>/<identifier>/…`. */
export const PAGE_KINDS: ReadonlySet<string> = new Set(['company', 'showcase', 'school']);

export interface ActorRef {
  /** 'member' for /in/<id>/, 'page' for a company, showcase or school page. */
  type: 'member' | 'page';
  /** The account's handle as the site declaration spells it: `<id>` or `<kind>/<id>`, lower case. */
  handle: string;
  /** A member's profile URN when the link carries it (`?miniProfileUrn=urn:li:fsd_profile:…`). */
  id?: string;
}

const ACTOR_PATH = /^\/(in|company|showcase|school)\/([^/?#]{1,300})(?:[/?#]|$)/;
const MINI_PROFILE = /^urn:li:fsd_profile:[A-Za-z0-9_-]{8,80}$/;

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** LinkedIn's origin, for links given as paths (built from the declaration: the bundle names no host). */
export const ORIGIN = `https://${linkedin.hosts[0]}`;

/**
 * Answers by href and base, bounded: an update names its actor in several links, and the same people
 * and pages recur down a feed (parsing each href as a URL was a tenth of an item's cost).
 */
const known = new Map<string, ActorRef | null>();
const KNOWN_MAX = 2_000;

/** Whose profile or page an href (absolute on LinkedIn's hosts, or a path) names, else null. */
export function actorFromHref(href: string, base = ORIGIN): ActorRef | null {
  const key = `${base} ${href}`;
  let ref = known.get(key);
  if (ref === undefined) {
    ref = readActorHref(href, base);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, ref);
  }
  // A copy: callers may add to what they get.
  return ref === null ? null : { ...ref };
}

function readActorHref(href: string, base: string): ActorRef | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!(linkedin.hosts as readonly string[]).includes(url.hostname.toLowerCase())) return null;
  const m = ACTOR_PATH.exec(url.pathname);
  const id = m?.[2] === undefined ? null : decoded(m[2]);
  if (m === null || id === null) return null;
  const kind = m[1]!;
  const handle = (kind === 'in' ? id : `${kind}/${id}`).toLowerCase();
  if (!linkedin.accounts.handle.test(handle)) return null;
  const ref: ActorRef = { type: kind === 'in' ? 'member' : 'page', handle };
  const mini = url.searchParams.get('miniProfileUrn');
  if (kind === 'in' && mini !== null && MINI_PROFILE.test(mini)) ref.id = mini;
  return ref;
}

/** `urn:li:company:123` / `urn:li:fsd_company:123` → the dash URN `urn:li:fsd_company:123`, else null. */
export function companyUrn(urn: unknown): string | null {
  if (typeof urn !== 'string' || urn.length > 60) return null;
  const m = /^urn:li:(?:fsd_)?company:(\d{1,20})$/.exec(urn);
  return m === null ? null : `urn:li:fsd_company:${m[1]}`;
}

export function contextFor(url: URL): PageContext {
  const path = url.pathname;
  if (path === '/' || /^\/feed\/?$/.test(path)) return 'home';
  // One update's page: the post and its comments (where replies to the user's own posts are).
  if (/^\/feed\/update\/[^/]+\/?$/.test(path) || /^\/posts\/[^/]+\/?$/.test(path)) return 'thread';
  if (/^\/notifications(?:\/|$)/.test(path)) return 'notifications';
  if (/^\/search(?:\/|$)/.test(path)) return 'search';
  // A member's profile or activity, a page's posts: where the user went looking (only ads hidden).
  if (ACTOR_PATH.test(path)) return 'profile';
  if (/^\/feed\/hashtag\//.test(path)) return 'search';
  return 'other';
}

/** The messaging list (the inbox), where Sponsored messages sit among conversations. */
export const isMessaging = (url: URL): boolean => /^\/messaging(?:\/|$)/.test(url.pathname);

/** Every Voyager call: the app's data API, by path (`/voyager/api/…`, REST and GraphQL alike). */
export const isVoyagerApi = (url: URL): boolean => url.pathname.startsWith('/voyager/api/');

/**
 * The user's own lists of whom they are connected to or follow: what responses on these pages list
 * is the user's own word. Connections: /mynetwork/invite-connect/connections/; people and pages
 * followed: /mynetwork/network-manager/people-follow/following/ and …/company/ (the manager's tabs).
 */
export function ownListOf(pagePath: string): 'connections' | 'following' | null {
  if (/^\/mynetwork\/invite-connect\/connections\/?$/.test(pagePath)) return 'connections';
  if (/^\/mynetwork\/network-manager\/(?:people-follow\/following|company)\/?$/.test(pagePath)) return 'following';
  return null;
}

// X's URL space: which page the user is on, and which handle/status a path names. Pure string work,
// shared by the content adapter and the page-world reader (so: no DOM, no zod).
import type { PageContext } from '../../core/model';

/** X screen names are 1–15 of [A-Za-z0-9_]; allow a little slack for legacy and future names. */
const HANDLE = /^[A-Za-z0-9_]{1,50}$/;

/** First path segments that are X's own pages, never a user's profile. */
const RESERVED = new Set([
  'home', 'explore', 'search', 'notifications', 'messages', 'settings', 'i', 'compose', 'hashtag',
  'login', 'logout', 'signup', 'account', 'intent', 'share', 'tos', 'privacy', 'jobs', 'bookmarks',
  'lists', 'communities', 'premium_sign_up', 'verified-choose', 'jf', 'download', 'about', 'rules',
]);

/** Profile tabs that show the user's posts (a feed the user chose to open). */
const PROFILE_TABS = new Set(['', 'with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows']);

function segments(pathname: string): string[] {
  return pathname.split('/').filter((s) => s !== '');
}

export function isHandle(s: string): boolean {
  return HANDLE.test(s) && !RESERVED.has(s.toLowerCase());
}

/** The first path segment, as segments() would give it (leading and doubled slashes skipped). */
const FIRST_SEGMENT = /^\/*([^/]+)/;

/** `/<handle>` or `/<handle>/...` → the lower-cased handle, else null. */
export function handleFromPath(pathname: string): string | null {
  const first = FIRST_SEGMENT.exec(pathname)?.[1];
  return first !== undefined && isHandle(first) ? first.toLowerCase() : null;
}

const STATUS_PATH = /^\/(?:[A-Za-z0-9_]{1,50}|i\/web)\/status\/(\d{1,30})(?:\/|$)/;

/** The status id in `/<handle>/status/<id>[/...]` or `/i/web/status/<id>`, else null. */
export function statusIdFromPath(pathname: string): string | null {
  const m = STATUS_PATH.exec(pathname);
  return m?.[1] ?? null;
}

export function contextFor(url: URL): PageContext {
  const segs = segments(url.pathname);
  const [first = '', second = '', third = ''] = segs.map((s) => s.toLowerCase());
  if (first === '' || first === 'home') return 'home';
  if (first === 'notifications') return 'notifications';
  if (statusIdFromPath(url.pathname) !== null) return 'thread';
  if (first === 'search' || first === 'explore' || first === 'hashtag') return 'search';
  // Lists and communities are feeds the user chose to open ("seek"), like a list.
  if (first === 'i' && (second === 'lists' || second === 'communities') && third !== '') return 'list';
  if (isHandle(first) && segs.length <= 2 && PROFILE_TABS.has(second)) return 'profile';
  return 'other';
}

/** `/i/api/graphql/<queryId>/<Operation>` (and the bare `/graphql/...` form api.x.com serves). */
const GRAPHQL_PATH = /^(?:\/i\/api)?\/graphql\/[A-Za-z0-9_-]{1,100}\/([A-Za-z0-9_]{1,100})\/?$/;
/** Older REST v2 notifications: `/i/api/2/notifications/all.json`, `/mentions.json`, … */
const REST_NOTIFICATIONS_PATH = /^\/i\/api\/2\/notifications\/([a-z_]{1,40})\.json$/;

/**
 * The API operation a request path names — matched by path, never by host, so every X host and
 * mirror works: `HomeTimeline`, `Following`, … or `notifications/all` for REST v2. Null otherwise.
 */
export function xApiOperation(pathname: string): string | null {
  const g = GRAPHQL_PATH.exec(pathname);
  if (g?.[1] !== undefined) return g[1];
  const n = REST_NOTIFICATIONS_PATH.exec(pathname);
  return n?.[1] !== undefined ? `notifications/${n[1]}` : null;
}

/** /notifications/mentions: every post there addresses the viewer. */
export function isMentionsPage(url: URL): boolean {
  return /^\/notifications\/mentions\/?$/i.test(url.pathname);
}

/** The `userId` in a GraphQL GET's `variables` query parameter (e.g. whose Following list it is). */
export function graphqlUserId(requestUrl: URL): string | undefined {
  const raw = requestUrl.searchParams.get('variables');
  if (raw === null || raw.length > 10_000) return undefined;
  try {
    const vars: unknown = JSON.parse(raw);
    if (typeof vars !== 'object' || vars === null) return undefined;
    const id = (vars as { userId?: unknown }).userId;
    return typeof id === 'string' && /^\d{1,30}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export interface FollowingListClues {
  /** GraphQL operation name of the response. */
  operation: string;
  requestUrl: URL;
  /** Path of the page the user is on. */
  pagePath: string;
  viewerId?: string | undefined;
  viewerHandle?: string | undefined;
}

/**
 * True when a `Following` response lists the *viewer's* follows: the request names the viewer's id,
 * or the page is `/<viewer>/following`. Someone else's Following list says nothing about whom the
 * viewer follows, so without either clue the answer is false (the per-user follow flags still apply).
 */
export function isOwnFollowingList(c: FollowingListClues): boolean {
  if (c.operation !== 'Following') return false;
  const owner = graphqlUserId(c.requestUrl);
  if (owner !== undefined && c.viewerId !== undefined) return owner === c.viewerId;
  const m = /^\/([A-Za-z0-9_]{1,50})\/following\/?$/.exec(c.pagePath);
  return m?.[1] !== undefined && c.viewerHandle !== undefined && m[1].toLowerCase() === c.viewerHandle.toLowerCase();
}

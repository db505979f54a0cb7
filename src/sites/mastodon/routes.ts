// Mastodon's URL space (the web app's routes in app/javascript/mastodon/features/ui/index.jsx, plus
// the advanced interface's `/deck` prefix) and its API paths. Pure string work, shared by the content
// adapter and the page-world reader.
import type { PageContext } from '../../core/model';

/** `/@user` or `/@user@domain` as the first segment → the acct as written (without '@'). */
const ACCT_SEGMENT = /^@([A-Za-z0-9_.-]{1,64}(?:@[A-Za-z0-9.-]{1,253})?)$/;
const STATUS_ID = /^\d{1,30}$/;

function segments(pathname: string): string[] {
  const segs = pathname.split('/').filter((s) => s !== '');
  return segs[0] === 'deck' ? segs.slice(1) : segs;
}

/** The acct a profile or status path names (`/@alice`, `/@alice@mas.to/123`), else null. */
export function acctFromPath(pathname: string): string | null {
  const first = segments(pathname)[0];
  const m = first === undefined ? null : ACCT_SEGMENT.exec(decodeURIComponent(first));
  return m?.[1] ?? null;
}

/** The status id of a thread page (`/@acct/<id>`, `/statuses/<id>`), else null. */
export function statusIdFromPath(pathname: string): string | null {
  const [first = '', second = ''] = segments(pathname);
  if ((ACCT_SEGMENT.test(first) || first === 'statuses') && STATUS_ID.test(second)) return second;
  return null;
}

/** Mastodon's own filtered-notification queue (`/notifications/requests[/<id>]`): left alone. */
export function isNotificationRequests(pathname: string): boolean {
  const [first, second] = segments(pathname);
  return first === 'notifications' && second === 'requests';
}

const SEEK = new Set(['search', 'explore', 'tags', 'public', 'links', 'directory', 'bookmarks', 'favourites']);

export function contextFor(url: URL): PageContext {
  const segs = segments(url.pathname);
  const [first = '', second = ''] = segs;
  if (first === '' || first === 'home' || first === 'getting-started') return 'home';
  if (first === 'notifications') return second === 'requests' ? 'other' : 'notifications';
  if (first === 'conversations') return 'notifications'; // private mentions: addressed to the viewer
  if (statusIdFromPath(url.pathname) !== null) return 'thread';
  if (first === 'lists' && second !== '') return 'list';
  if (SEEK.has(first)) return 'search';
  if (ACCT_SEGMENT.test(first)) return 'profile';
  return 'other';
}

/** The API operation a request path names (matched by path, on any host), else null. */
export type MastodonApi = 'home' | 'context' | 'notifications' | 'grouped' | 'relationships' | 'following' | 'statuses';

const API: readonly [RegExp, MastodonApi][] = [
  [/^\/api\/v1\/timelines\/(?:home|list\/\d{1,30}|public|tag\/[^/]{1,200})\/?$/, 'home'],
  [/^\/api\/v1\/statuses\/\d{1,30}\/context\/?$/, 'context'],
  [/^\/api\/v1\/statuses\/\d{1,30}\/?$/, 'statuses'],
  [/^\/api\/v1\/notifications\/?$/, 'notifications'],
  [/^\/api\/v2\/notifications\/?$/, 'grouped'],
  [/^\/api\/v1\/accounts\/relationships\/?$/, 'relationships'],
  [/^\/api\/v1\/accounts\/\d{1,30}\/following\/?$/, 'following'],
];

export function mastodonApi(pathname: string): MastodonApi | null {
  for (const [re, api] of API) if (re.test(pathname)) return api;
  return null;
}

/** Whose list `/api/v1/accounts/<id>/following` is (a per-server id). */
export function followingOwner(pathname: string): string | null {
  return /^\/api\/v1\/accounts\/(\d{1,30})\/following\/?$/.exec(pathname)?.[1] ?? null;
}

/** The status whose context `/api/v1/statuses/<id>/context` asks for. */
export function contextStatusId(pathname: string): string | null {
  return /^\/api\/v1\/statuses\/(\d{1,30})\/context\/?$/.exec(pathname)?.[1] ?? null;
}

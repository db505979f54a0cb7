// bsky.app's URL space and the XRPC methods whose responses carry facts. Pure string work, shared by
// the content adapter and the page-world reader (so: no DOM, no zod).
import type { PageContext } from '../../core/model';
import { normalizeHandle } from '../../core/handle';
import { bsky } from './site';

const HANDLE = bsky.accounts.handle;
const DID = bsky.accounts.id;

/** A profile path segment: a handle or a DID (the app links by either). */
export function actorFromSegment(segment: string): string | null {
  let s: string;
  try {
    s = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const lower = normalizeHandle(s);
  return HANDLE.test(lower) || DID.test(s) ? (DID.test(s) ? s : lower) : null;
}

const PROFILE_PATH = /^\/profile\/([^/?#]{1,253})(?:\/([^/?#]{1,40})(?:\/([^/?#]{1,100}))?)?\/?$/;

export interface ProfilePath {
  actor: string;
  /** '' for the profile itself, else the tab or collection: 'post', 'feed', 'lists', 'follows', … */
  section: string;
  rest: string;
}

export function profilePath(pathname: string): ProfilePath | null {
  const m = PROFILE_PATH.exec(pathname);
  const actor = m?.[1] === undefined ? null : actorFromSegment(m[1]);
  if (m === null || actor === null) return null;
  return { actor, section: m[2] ?? '', rest: m[3] ?? '' };
}

/** Record keys are TIDs (13 base32-sortable characters) or other short safe strings. */
const RKEY = /^[A-Za-z0-9._:~-]{1,100}$/;

/** `/profile/<actor>/post/<rkey>` → the two parts, else null. */
export function postPath(pathname: string): { actor: string; rkey: string } | null {
  const p = profilePath(pathname);
  return p !== null && p.section === 'post' && RKEY.test(p.rest) ? { actor: p.actor, rkey: p.rest } : null;
}

/** Profile tabs that show the user's posts (a place the user went looking). */
const PROFILE_TABS = new Set(['', 'replies', 'media', 'videos', 'likes', 'feed', 'lists', 'starter-pack']);

export function contextFor(url: URL): PageContext {
  const path = url.pathname;
  if (path === '/' || path === '' || /^\/feeds?\/?$/.test(path)) return 'home';
  if (/^\/notifications(?:\/|$)/.test(path)) return 'notifications';
  if (/^\/(?:search|hashtag|topic)(?:\/|$)/.test(path)) return 'search';
  const p = profilePath(path);
  if (p === null) return 'other';
  if (p.section === 'post') return p.rest !== '' ? 'thread' : 'other';
  // A custom feed is a timeline like home: replies and mentions in it are filtered the same way.
  if (p.section === 'feed' && p.rest !== '') return 'home';
  // A list's feed is one the user chose to open ("seek"), as on X.
  if (p.section === 'lists' && p.rest !== '') return 'list';
  if (PROFILE_TABS.has(p.section) && p.rest === '') return 'profile';
  return 'other';
}

/** The XRPC methods Doorman reads: every one the app uses to show posts and accounts. */
export const READ_METHODS: ReadonlySet<string> = new Set([
  'app.bsky.feed.getTimeline',
  'app.bsky.feed.getFeed',
  'app.bsky.feed.getListFeed',
  'app.bsky.feed.getPostThread',
  'app.bsky.unspecced.getPostThreadV2',
  'app.bsky.feed.getAuthorFeed',
  'app.bsky.feed.getPosts',
  'app.bsky.feed.searchPosts',
  'app.bsky.notification.listNotifications',
  'app.bsky.actor.getProfile',
  'app.bsky.actor.getProfiles',
  'app.bsky.actor.searchActors',
  'app.bsky.graph.getFollows',
  'app.bsky.graph.getFollowers',
]);

const XRPC_PATH = /^\/xrpc\/(app\.bsky\.[A-Za-z.]{1,80})$/;

/**
 * The method an XRPC request names, when it is one Doorman reads. Matched by path on any https origin:
 * the app talks to the user's own PDS (`*.host.bsky.network` or self-hosted), which proxies app.bsky.*.
 */
export function xrpcMethod(url: URL): string | null {
  if (url.protocol !== 'https:') return null;
  const m = XRPC_PATH.exec(url.pathname);
  return m?.[1] !== undefined && READ_METHODS.has(m[1]) ? m[1] : null;
}

/** The DID (authority) of an at:// URI, when it is one: `at://did:plc:…/app.bsky.feed.post/…`. */
export function didOfUri(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.length > 400 || !uri.startsWith('at://')) return undefined;
  const end = uri.indexOf('/', 5);
  const did = uri.slice(5, end === -1 ? undefined : end);
  return DID.test(did) ? did : undefined;
}

/** The at:// URI of a post by DID (or handle) and record key. */
export const postUri = (authority: string, rkey: string): string => `at://${authority}/app.bsky.feed.post/${rkey}`;

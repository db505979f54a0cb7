// A Bluesky account's follows, read from the public AppView (app.bsky.actor.getProfile, then
// app.bsky.graph.getFollows a page of 100 at a time) and applied as imports (accountId = DID).
// Every request has a timeout; the pages are bounded (FOLLOW_CAPS.trusted follows at most); the user
// can cancel. Nothing is stored until the last page is in: a cancel, a failed or malformed page
// leaves the follow graph exactly as it was, and the whole list goes in one transaction at the end.
// The fetch and the AppView's address are parameters, so tests drive it with a fake server.
import { APPVIEW_ORIGIN } from '../sites/bluesky/appview';
import type { SiteKey } from '../core/model';
import { ProblemError, problem, type Problem, type ProblemCode } from '../core/problem';
import type { DoormanDB } from './database';
import { type AppliedFollows, applyImportedFollows } from './follow-import';
import { FOLLOW_CAPS } from './follows';

export type BlueskyImportErrorKind = 'permission' | 'handle' | 'unknown-handle' | 'network' | 'timeout' | 'rate-limited' | 'http' | 'malformed' | 'cancelled';

/** Why an import stopped: its kind (what the page does about it) and the problem (what it says). */
export class BlueskyImportError extends ProblemError {
  override name = 'BlueskyImportError';
  constructor(readonly kind: BlueskyImportErrorKind, why: Problem) {
    super(why);
  }
}

const CANCELLED = problem('bskyCancelled');

/** Which request a problem is about: the profile, or page n of the follows. */
type Step = Problem;
const PROFILE: Step = problem('bskyProfile');
const pageStep = (n: number): Step => problem('bskyPage', n);
const at = (code: ProblemCode, step: Step, ...more: (string | number)[]): Problem => problem(code, { problem: step }, ...more);

/** What the import needs of a fetch response (a real Response has it all). */
export interface AppViewResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}
export type AppViewFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<AppViewResponse>;

export interface BlueskyProgress {
  /** Follows read so far. */
  fetched: number;
  /** The profile's followsCount (null when it gave none). */
  total: number | null;
  pages: number;
}

export interface AppViewOptions {
  fetch: AppViewFetch;
  /** The AppView's origin; the public one unless a test serves its own. */
  base?: string;
  signal?: AbortSignal;
  onProgress?: (p: BlueskyProgress) => void;
  /** Per request. */
  timeoutMs?: number;
  /** Pages read at most (100 follows each); more follows than that are left unread and said. */
  maxPages?: number;
}

export const PAGE_SIZE = 100;
export const DEFAULT_TIMEOUT_MS = 20_000;
/** Enough for every follow a site keeps as imports (FOLLOW_CAPS.trusted); reading more would be for nothing. */
export const DEFAULT_MAX_PAGES = Math.ceil(FOLLOW_CAPS.trusted / PAGE_SIZE);

/** atproto handle syntax (a DNS name) and DID syntax. */
const HANDLE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,190}$/;
/** What the AppView shows for an account whose handle does not verify. */
const INVALID_HANDLE = 'handle.invalid';

export interface BlueskyFollows {
  did: string;
  handle: string;
  follows: { accountId: string; handle: string }[];
  pages: number;
  /** Follows the account has past the page bound, left unread. */
  truncated: boolean;
  total: number | null;
}

/** The handle as typed ("@Alice.bsky.social ") in its one spelling, or why it is not one. */
export function normalBlueskyHandle(raw: string): string {
  const value = raw.trim().replace(/^@/, '');
  if (DID.test(value)) return value;
  const handle = value.toLowerCase();
  if (!HANDLE.test(handle)) {
    throw new BlueskyImportError('handle', value.includes('.') || value === ''
      ? problem('bskyNotHandle', value.slice(0, 100))
      : problem('bskyPartialHandle', value.slice(0, 100), `${handle.slice(0, 100)}.bsky.social`));
  }
  return handle;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

async function call(url: string, what: Step, opts: AppViewOptions): Promise<{ status: number; body: unknown; headers: AppViewResponse['headers'] }> {
  const outer = opts.signal;
  if (outer?.aborted) throw new BlueskyImportError('cancelled', CANCELLED);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort);
  const host = new URL(url).host;
  try {
    const response = await opts.fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
    let body: unknown = null;
    if (response.status === 200) {
      try {
        body = await response.json();
      } catch {
        throw new BlueskyImportError('malformed', at('bskyNotJson', what, host));
      }
    }
    return { status: response.status, body, headers: response.headers };
  } catch (e) {
    if (e instanceof BlueskyImportError) throw e;
    if (outer?.aborted) throw new BlueskyImportError('cancelled', CANCELLED);
    if (timedOut) throw new BlueskyImportError('timeout', at('bskyTimeout', what, host, Number(((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000).toFixed(1))));
    // The fetch's own words (the browser's) go inside the message as they are.
    throw new BlueskyImportError('network', at('bskyNetwork', what, host, e instanceof Error ? e.message : String(e)));
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

function statusError(status: number, headers: AppViewResponse['headers'], what: Step): BlueskyImportError {
  if (status === 429) {
    const reset = Number(headers.get('ratelimit-reset'));
    const wait = Number.isFinite(reset) && reset > 0 ? Math.max(1, Math.ceil((reset * 1000 - Date.now()) / 60_000)) : 0;
    return new BlueskyImportError('rate-limited', wait > 0 ? at('bskyRateLimited', what, wait) : at('bskyRateLimitedLater', what));
  }
  return new BlueskyImportError('http', at('bskyHttp', what, String(status)));
}

/** Reads every follow of `rawHandle` (up to the page bound). Stores nothing. */
export async function fetchBlueskyFollows(rawHandle: string, opts: AppViewOptions): Promise<BlueskyFollows> {
  const actor = normalBlueskyHandle(rawHandle);
  const base = (opts.base ?? APPVIEW_ORIGIN).replace(/\/+$/, '');
  const profile = await call(`${base}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(actor)}`, PROFILE, opts);
  if (profile.status === 400 || profile.status === 404) throw new BlueskyImportError('unknown-handle', problem('bskyUnknownHandle', actor));
  if (profile.status !== 200) throw statusError(profile.status, profile.headers, PROFILE);
  const p = profile.body;
  if (!isObject(p) || typeof p.did !== 'string' || !DID.test(p.did)) throw new BlueskyImportError('malformed', at('bskyNoDid', PROFILE));
  const did = p.did;
  const total = typeof p.followsCount === 'number' && Number.isInteger(p.followsCount) && p.followsCount >= 0 ? p.followsCount : null;
  const handle = typeof p.handle === 'string' && HANDLE.test(p.handle.toLowerCase()) ? p.handle.toLowerCase() : '';

  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  const follows = new Map<string, string>();
  let cursor: string | undefined;
  let pages = 0;
  opts.onProgress?.({ fetched: 0, total, pages: 0 });
  for (;;) {
    if (pages >= maxPages) return { did, handle, follows: list(follows), pages, truncated: true, total };
    const what = pageStep(pages + 1);
    const url = `${base}/xrpc/app.bsky.graph.getFollows?actor=${encodeURIComponent(did)}&limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await call(url, what, opts);
    if (page.status !== 200) throw statusError(page.status, page.headers, what);
    const next = readPage(page.body, what, follows);
    pages += 1;
    opts.onProgress?.({ fetched: follows.size, total, pages });
    if (next === undefined || next.count === 0) break;
    if (next.cursor === cursor) throw new BlueskyImportError('malformed', at('bskySameCursor', what));
    cursor = next.cursor;
  }
  return { did, handle, follows: list(follows), pages, truncated: false, total };
}

const list = (follows: Map<string, string>) => [...follows].map(([accountId, handle]) => ({ accountId, handle }));

/** Adds the page's follows; returns the next cursor (undefined: last page) and how many the page held. */
function readPage(body: unknown, what: Step, into: Map<string, string>): { cursor: string; count: number } | undefined {
  const bad = (code: ProblemCode, ...more: (string | number)[]) => new BlueskyImportError('malformed', at(code, what, ...more));
  if (!isObject(body) || !Array.isArray(body.follows)) throw bad('bskyNoFollows');
  if (body.follows.length > PAGE_SIZE) throw bad('bskyPageTooBig', body.follows.length, PAGE_SIZE);
  if (body.cursor !== undefined && typeof body.cursor !== 'string') throw bad('bskyCursorNotString');
  body.follows.forEach((f: unknown, i) => {
    if (!isObject(f) || typeof f.did !== 'string' || !DID.test(f.did)) throw bad('bskyFollowNoDid', String(i));
    if (typeof f.handle !== 'string') throw bad('bskyFollowNoHandle', String(i));
    const handle = f.handle.toLowerCase();
    into.set(f.did, handle !== INVALID_HANDLE && HANDLE.test(handle) ? handle : '');
  });
  return typeof body.cursor === 'string' && body.cursor !== '' ? { cursor: body.cursor, count: body.follows.length } : undefined;
}

export interface BlueskyImport extends AppliedFollows {
  did: string;
  handle: string;
  pages: number;
  truncated: boolean;
  total: number | null;
}

/**
 * Reads `rawHandle`'s follows and stores them as imports of `site`. Cancelled (opts.signal) before the
 * last page is in, it stores nothing: the pages read so far are dropped, so a cancelled import never
 * leaves half a follow list that looks complete.
 */
export async function importBlueskyFollows(
  db: DoormanDB,
  rawHandle: string,
  opts: AppViewOptions & { site?: SiteKey; now?: number },
): Promise<BlueskyImport> {
  const read = await fetchBlueskyFollows(rawHandle, opts);
  if (opts.signal?.aborted) throw new BlueskyImportError('cancelled', CANCELLED);
  const applied = await applyImportedFollows(db, opts.site ?? 'bsky', read.follows, opts.now);
  return { ...applied, did: read.did, handle: read.handle, pages: read.pages, truncated: read.truncated, total: read.total };
}

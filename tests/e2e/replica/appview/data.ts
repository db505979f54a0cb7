// The public Bluesky AppView (public.api.bsky.app) as the follow import reads it: one account with
// FOLLOW_COUNT follows, served by app.bsky.actor.getProfile and app.bsky.graph.getFollows in the real
// response shapes (tests/fixtures/bluesky/bsky-api-getfollows.json: `subject`, `follows[]` with `did`,
// `handle`, …, and an opaque `cursor` while more pages remain). Pure: site.ts serves it over HTTPS,
// the unit tests over a local HTTP server.

export const APPVIEW_HOST = 'public.api.bsky.app';
export const VIEWER = { did: 'did:plc:doormanreplicaviewerzzzz', handle: 'reader.bsky.social' } as const;
export const FOLLOW_COUNT = 1_000;

export interface AppViewAccount {
  did: string;
  handle: string;
  displayName: string;
}

/** `i` in did:plc's base32 alphabet (a–z, 2–7), `width` characters. */
function base32(i: number, width: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (let v = i; out.length < width; v = Math.floor(v / 32)) out = alphabet[v % 32]! + out;
  return out;
}

/** The i-th account the viewer follows (0-based): stable DIDs (valid did:plc, 24 characters) and handles. */
export function followed(i: number): AppViewAccount {
  const n = String(i).padStart(5, '0');
  return { did: `did:plc:replicafollow${base32(i, 11)}`, handle: `friend${n}.bsky.social`, displayName: `Friend ${i}` };
}

export interface AppViewData {
  viewer: AppViewAccount;
  follows: readonly AppViewAccount[];
}

export const appViewData = (count = FOLLOW_COUNT): AppViewData => ({
  viewer: { ...VIEWER, displayName: 'Reader' },
  follows: Array.from({ length: count }, (_, i) => followed(i)),
});

export interface AppViewAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const profileView = (a: AppViewAccount, at: string) => ({
  did: a.did,
  handle: a.handle,
  displayName: a.displayName,
  avatar: `https://cdn.bsky.app/img/avatar/plain/${a.did}/bafkreiavatar@jpeg`,
  indexedAt: at,
  createdAt: at,
  viewer: { muted: false, blockedBy: false },
  labels: [],
});

const notFound = (message: string): AppViewAnswer => ({ status: 400, body: { error: 'InvalidRequest', message } });

/** The cursor after the first `offset` follows: opaque to the client, like the real one (`<ms>::<cid>`). */
const cursorAt = (offset: number) => `${1_700_000_000_000 - offset}::bafyreireplica${offset}`;
const offsetOf = (cursor: string | null) => (cursor === null ? 0 : Number(/::bafyreireplica(\d+)$/.exec(cursor)?.[1] ?? NaN));

/** The answer to one XRPC request (path and query), or null for a path the AppView replica does not serve. */
export function appViewAnswer(url: URL, data: AppViewData, now = Date.UTC(2026, 0, 1)): AppViewAnswer | null {
  const at = new Date(now).toISOString();
  const actor = url.searchParams.get('actor') ?? '';
  const known = actor === data.viewer.did || actor === data.viewer.handle;
  if (url.pathname === '/xrpc/app.bsky.actor.getProfile') {
    if (!known) return notFound('Profile not found');
    return {
      status: 200,
      body: { ...profileView(data.viewer, at), followersCount: 12, followsCount: data.follows.length, postsCount: 3, description: '' },
    };
  }
  if (url.pathname === '/xrpc/app.bsky.graph.getFollows') {
    if (!known) return notFound(`Actor not found: ${actor}`);
    const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
    const offset = offsetOf(url.searchParams.get('cursor'));
    if (!Number.isInteger(offset) || offset < 0) return { status: 400, body: { error: 'InvalidRequest', message: 'Malformed cursor' } };
    const page = data.follows.slice(offset, offset + limit);
    const next = offset + page.length;
    return {
      status: 200,
      body: {
        subject: profileView(data.viewer, at),
        follows: page.map((a) => ({ ...profileView(a, at), viewer: { muted: false, blockedBy: false, following: `at://${data.viewer.did}/app.bsky.graph.follow/3k${next}` } })),
        ...(next < data.follows.length ? { cursor: cursorAt(next) } : {}),
      },
    };
  }
  return null;
}

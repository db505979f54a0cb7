// The Bluesky follow import against a local HTTP server answering as the public AppView does (the
// replica's data, tests/e2e/replica/appview/data.ts), through the real fetch: paging, progress, the
// follow graph filled in one go, and every way it can fail leaving the graph as it was.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listFollows } from '../../../src/db/follows';
import { learnFollows } from '../../../src/db/follows';
import { BlueskyImportError, type BlueskyProgress, fetchBlueskyFollows, importBlueskyFollows } from '../../../src/db/follow-import-bsky';
import { type AppViewAnswer, VIEWER, appViewAnswer, appViewData, followed } from '../../e2e/replica/appview/data';
import { dropAll, freshDb } from './helpers';
import { inEnglish } from '../ui/catalogue';

// Heavy for a unit test: imports 1,000 follows over 10 pages into fake-indexeddb, twice.
// Its slowest test took 1.3 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

type Behaviour = (url: URL, pageRequest: number) => AppViewAnswer | 'hang' | 'destroy' | null;

let server: Server;
let base = '';
let behave: Behaviour | null = null;
let data = appViewData();
const requests: URL[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(url);
    const pageRequest = requests.filter((u) => u.pathname.endsWith('getFollows')).length;
    const special = behave?.(url, pageRequest) ?? null;
    if (special === 'hang') return; // never answers; the client's timeout or cancel ends it
    if (special === 'destroy') {
      req.socket.destroy();
      return;
    }
    const answer = special ?? appViewAnswer(url, data) ?? { status: 404, body: { error: 'MethodNotImplemented' } };
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

afterEach(async () => {
  behave = null;
  data = appViewData();
  requests.length = 0;
  await dropAll();
});

const opts = (extra: Partial<Parameters<typeof importBlueskyFollows>[2]> = {}) => ({ fetch: globalThis.fetch, base, now: 1_000, ...extra });

async function failure(run: Promise<unknown>): Promise<BlueskyImportError> {
  const e = await run.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(BlueskyImportError);
  return e as BlueskyImportError;
}

describe('Bluesky follow import', () => {
  it('reads 1,000 follows over 10 pages with progress and fills the follow graph as imports', async () => {
    const db = freshDb();
    const progress: BlueskyProgress[] = [];
    const result = await importBlueskyFollows(db, '@Reader.bsky.social ', opts({ onProgress: (p) => progress.push(p) }));
    expect(result).toMatchObject({ did: VIEWER.did, handle: VIEWER.handle, pages: 10, truncated: false, total: 1_000, offered: 1_000, kept: 1_000, overCap: 0, refused: 0, changed: 1_000 });
    expect(progress.map((p) => p.fetched)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000]);
    expect(progress.every((p) => p.total === 1_000)).toBe(true);
    const pageUrls = requests.filter((u) => u.pathname === '/xrpc/app.bsky.graph.getFollows');
    expect(pageUrls).toHaveLength(10);
    expect(pageUrls.every((u) => u.searchParams.get('actor') === VIEWER.did && u.searchParams.get('limit') === '100')).toBe(true);
    expect(pageUrls[0]!.searchParams.has('cursor')).toBe(false);
    const follows = await listFollows(db, 'bsky');
    expect(follows).toHaveLength(1_000);
    expect(follows.every((f) => f.source === 'import' && f.learnedAt === 1_000)).toBe(true);
    expect(follows).toContainEqual({ site: 'bsky', accountId: followed(437).did, handle: followed(437).handle, learnedAt: 1_000, source: 'import' });
  });

  it('a second run changes nothing; a page-learned follow becomes an import', async () => {
    const db = freshDb();
    await learnFollows(db, 'bsky', [{ accountId: followed(3).did, handle: followed(3).handle, following: true }], 'page', 500);
    expect((await importBlueskyFollows(db, VIEWER.handle, opts())).kept).toBe(1_000);
    expect((await listFollows(db, 'bsky')).find((f) => f.accountId === followed(3).did)?.source).toBe('import');
    const again = await importBlueskyFollows(db, VIEWER.handle, opts());
    expect(again).toMatchObject({ kept: 1_000, changed: 0 });
  });

  it('cancel mid-way stores nothing and asks for no further page', async () => {
    const db = freshDb();
    const controller = new AbortController();
    const e = await failure(importBlueskyFollows(db, VIEWER.handle, opts({
      signal: controller.signal,
      onProgress: (p) => { if (p.fetched === 500) controller.abort(); },
    })));
    expect(e.kind).toBe('cancelled');
    expect(e.problem).toEqual({ code: 'bskyCancelled' });
    expect(inEnglish(e)).toMatch(/nothing was imported/);
    expect(requests.filter((u) => u.pathname.endsWith('getFollows'))).toHaveLength(5);
    expect(await listFollows(db)).toEqual([]);
  });

  it('cancel while a page is in flight ends the request', async () => {
    const db = freshDb();
    const controller = new AbortController();
    behave = (url, n) => {
      if (url.pathname.endsWith('getFollows') && n === 3) {
        controller.abort();
        return 'hang';
      }
      return null;
    };
    expect((await failure(importBlueskyFollows(db, VIEWER.handle, opts({ signal: controller.signal })))).kind).toBe('cancelled');
    expect(await listFollows(db)).toEqual([]);
  });

  it('a malformed page is named and nothing is half-applied', async () => {
    const db = freshDb();
    behave = (url, n) => {
      if (!url.pathname.endsWith('getFollows') || n !== 4) return null;
      const good = appViewAnswer(url, data)!;
      const body = good.body as { follows: { did: unknown }[] };
      body.follows[17]!.did = 12345;
      return good;
    };
    const e = await failure(importBlueskyFollows(db, VIEWER.handle, opts()));
    expect(e.kind).toBe('malformed');
    expect(e.problem).toEqual({ code: 'bskyFollowNoDid', args: [{ problem: { code: 'bskyPage', args: [4] } }, '17'] });
    expect(inEnglish(e)).toBe('page 4: follows[17] has no valid did');
    expect(await listFollows(db)).toEqual([]);
  });

  it('a page that is not JSON, or has no follows list, is malformed', async () => {
    behave = (url, n) => (url.pathname.endsWith('getFollows') && n === 2 ? { status: 200, body: '<html>oops' } : null);
    expect(inEnglish(await failure(fetchBlueskyFollows(VIEWER.handle, opts())))).toMatch(/^page 2: .* not JSON$/);
    requests.length = 0;
    behave = (url) => (url.pathname.endsWith('getFollows') ? { status: 200, body: { cursor: 'x' } } : null);
    expect(inEnglish(await failure(fetchBlueskyFollows(VIEWER.handle, opts())))).toBe("page 1: the AppView's answer has no follows list");
  });

  it('the same cursor twice is malformed (no endless loop)', async () => {
    behave = (url) => (url.pathname.endsWith('getFollows') ? { status: 200, body: { follows: [{ did: followed(1).did, handle: 'a.bsky.social' }], cursor: 'again' } } : null);
    const e = await failure(fetchBlueskyFollows(VIEWER.handle, opts()));
    expect(inEnglish(e)).toBe('page 2: the AppView gave the same cursor twice');
  });

  it('an unknown handle, a rate limit, a server error and an unreachable host each say so', async () => {
    const unknown = await failure(fetchBlueskyFollows('nobody.bsky.social', opts()));
    expect([unknown.kind, inEnglish(unknown)]).toEqual(['unknown-handle', 'no Bluesky account has the handle “nobody.bsky.social”']);

    requests.length = 0;
    const reset = String(Math.floor(Date.now() / 1000) + 5 * 60);
    behave = (url, n) => (url.pathname.endsWith('getFollows') && n === 2 ? { status: 429, body: { error: 'RateLimitExceeded' }, headers: { 'ratelimit-reset': reset } } : null);
    const limited = await failure(fetchBlueskyFollows(VIEWER.handle, opts()));
    expect(limited.kind).toBe('rate-limited');
    expect(inEnglish(limited)).toMatch(/^page 2: the AppView is limiting requests \(HTTP 429\); try again in [56] min$/);

    behave = (url) => (url.pathname.endsWith('getProfile') ? { status: 502, body: {} } : null);
    expect(inEnglish(await failure(fetchBlueskyFollows(VIEWER.handle, opts())))).toBe('profile: the AppView answered HTTP 502');

    requests.length = 0;
    behave = (url, n) => (url.pathname.endsWith('getFollows') && n === 1 ? 'destroy' : null);
    const network = await failure(fetchBlueskyFollows(VIEWER.handle, opts()));
    expect(network.kind).toBe('network');
    expect(inEnglish(network)).toMatch(/^page 1: could not reach 127\.0\.0\.1:\d+ /);
  });

  it('a page that never comes times out', async () => {
    behave = (url, n) => (url.pathname.endsWith('getFollows') && n === 3 ? 'hang' : null);
    const e = await failure(fetchBlueskyFollows(VIEWER.handle, opts({ timeoutMs: 300 })));
    expect([e.kind, inEnglish(e)]).toEqual(['timeout', `page 3: ${new URL(base).host} did not answer within 0.3 s`]);
  });

  it('pages are bounded: past maxPages the rest is left unread and said', async () => {
    const db = freshDb();
    const result = await importBlueskyFollows(db, VIEWER.handle, opts({ maxPages: 3 }));
    expect(result).toMatchObject({ pages: 3, truncated: true, total: 1_000, kept: 300 });
    expect(requests.filter((u) => u.pathname.endsWith('getFollows'))).toHaveLength(3);
  });

  it('a handle that cannot be one is refused before any request; an unverified handle is stored as unknown', async () => {
    for (const [typed, message] of [
      ['alice', '“alice” is not a whole Bluesky handle: type it with its domain, e.g. alice.bsky.social'],
      ['bad handle.com', '“bad handle.com” is not a Bluesky handle (e.g. alice.bsky.social)'],
      ['', '“” is not a Bluesky handle (e.g. alice.bsky.social)'],
    ] as const) {
      const e = await failure(fetchBlueskyFollows(typed, opts()));
      expect([e.kind, inEnglish(e)]).toEqual(['handle', message]);
    }
    expect(requests).toEqual([]);
    data = { ...data, follows: [{ ...followed(0), handle: 'handle.invalid' }, followed(1)] };
    const db = freshDb();
    await importBlueskyFollows(db, VIEWER.did, opts());
    expect((await listFollows(db, 'bsky')).map((f) => f.handle).sort()).toEqual(['', followed(1).handle]);
  });
});

// The big-response replica: one page on the x.com hosts whose only job is to fetch a huge X-shaped
// API response and JSON-parse it, for bench/big-response.browser.bench.ts (what the page-world
// reader costs the page on responses far past its size cap). Served through the x.com replica's
// server (x/site.ts hands it every request isBigRequest claims):
//
//   GET  <any page path>?big=1              the page; window.__big.load(transport, length, mb) fetches once
//   GET  /i/api/graphql/<queryId>/HomeTimeline?big=1&mb=10&length=1|0
//        a HomeTimeline of real-shaped entries (the lean replica's posts, X's new user schema) until
//        the body is at least `mb` MiB (0.1–64, default 10); length=1 sends a Content-Length, length=0
//        sends it chunked (Transfer-Encoding: chunked, 64 KiB writes, no length anywhere)
//
// window.__big.load('xhr' | 'fetch', withLength, mb = 10) → Promise<entries>: XMLHttpRequest with JSON.parse of
// responseText in onload (X's web app), or fetch() then response.json(); resolves with the number of
// timeline entries the page parsed, so the page has really read all of it.
import type { ServerResponse } from 'node:http';
import { sendJson, sendText, type ReplicaRequest } from '../site';
import { USERS } from '../x/data';
import { cursorEntry, encodeCursor, sortIndexes, tweetEntry, type BuildCtx } from '../x/graphql';
import { leanTweet } from '../lean/data';

const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;
const QUERY_ID = 'big-HomeTimeline';

/** Requests this replica answers: anything carrying `?big`. */
export function isBigRequest(url: URL): boolean {
  return url.searchParams.has('big');
}

const bodies = new Map<number, Buffer>();

/** The body for `mb` MiB, built once per size (building 10 MiB of entries takes a while). */
export function bigTimeline(mb: number, now: number): Buffer {
  const cached = bodies.get(mb);
  if (cached) return cached;
  const ctx: BuildCtx = { now, schema: 'new' };
  const sort = sortIndexes(1917000000000000000n);
  const entries: Record<string, unknown>[] = [];
  // Entries of a few KB each (ASCII: characters are bytes) until the body reaches the size asked for.
  let size = 200;
  for (let n = 0; size < mb * MIB; n++) {
    const entry = tweetEntry(leanTweet(n), ctx, sort);
    size += JSON.stringify(entry).length + 1;
    entries.push(entry);
  }
  entries.push(cursorEntry('Bottom', encodeCursor('big', entries.length), sort));
  const body = Buffer.from(JSON.stringify({ data: { home: { home_timeline_urt: { instructions: [{ type: 'TimelineAddEntries', entries }] } } } }));
  bodies.set(mb, body);
  return body;
}

function page(): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Big response / X</title><link rel="icon" href="data:,"></head>
<body><main role="main"><div data-testid="primaryColumn"><p id="status">ready</p></div></main>
<script>
window.__big = {
  load(transport, withLength, mb = 10) {
    const url = '/i/api/graphql/${QUERY_ID}/HomeTimeline?big=1&mb=' + mb + '&length=' + (withLength ? 1 : 0) + '&t=' + Date.now();
    const count = (data) => data.data.home.home_timeline_urt.instructions[0].entries.length;
    if (transport === 'fetch') return fetch(url, { credentials: 'include' }).then((r) => r.json()).then(count);
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url, true);
      xhr.onload = () => { try { resolve(count(JSON.parse(xhr.responseText))); } catch (e) { reject(e); } };
      xhr.onerror = () => reject(new Error('xhr failed'));
      xhr.send();
    });
  },
};
</script></body></html>`;
}

async function sendChunked(res: ServerResponse, body: Buffer): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, must-revalidate' });
  for (let i = 0; i < body.length; i += CHUNK) {
    if (!res.write(body.subarray(i, i + CHUNK))) await new Promise<void>((resolve) => res.once('drain', () => resolve()));
  }
  res.end();
}

export async function handleBig(r: ReplicaRequest): Promise<void> {
  const { res, url } = r;
  if (url.pathname.startsWith('/i/api/')) {
    if (!/^\/i\/api\/graphql\/[\w-]+\/HomeTimeline$/.test(url.pathname)) {
      return sendJson(res, 404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] });
    }
    const asked = Number(url.searchParams.get('mb') ?? '10');
    const mb = Number.isFinite(asked) && asked >= 0.1 && asked <= 64 ? asked : 10;
    const body = bigTimeline(mb, r.now);
    if (url.searchParams.get('length') === '0') return sendChunked(res, body);
    return sendText(res, 200, 'application/json; charset=utf-8', body);
  }
  return sendText(res, 200, 'text/html; charset=utf-8', page(), { 'set-cookie': [`twid=${encodeURIComponent(`u=${USERS.viewer.id}`)}; Path=/; Secure; SameSite=None`] });
}

// The bsky.app replica's routes, on two hosts as on the real service:
//   bsky.app   GET /_replica/bluesky/<file>   the app's script and CSS (served as they are), and
//              GET /_replica/loader.js     what it shares with the other replicas (../loader.js)
//              GET anything else           the SPA shell (/, /notifications, /profile/<h>/post/<rkey>, …)
//   PDS_HOST   GET /xrpc/<nsid>            the XRPC methods the app calls, from data.ts, with CORS for
//              OPTIONS /xrpc/<nsid>        https://bsky.app (cross-origin, as the app's calls to its PDS are)
// Every XRPC body is sent whole at once, then the response is held open for `lag` ms (the request's
// `?lag=`, default DEFAULT_LAG_MS) before it ends: the page parses and renders as soon as the JSON is
// complete, while Doorman's reader, which reads the stream to its end, gets the facts `lag` ms later —
// the realistic race (DOM before facts), made deterministic.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { delay, lagOf, sendAppFile, sendHeld } from '../loading';
import { sendText, type ReplicaRequest, type ReplicaSite } from '../site';
import { PEOPLE, authorFeed, getPosts, notifications, postThread, searchPosts, timeline, viewerProfile } from './data';

export const PDS_HOST = 'morel.us-east.host.bsky.network';
/** How long facts trail the DOM by default: well inside Doorman's deadline (FACTS_DEADLINE_MS, 400 ms). */
export const DEFAULT_LAG_MS = 150;

const DIR = dirname(fileURLToPath(import.meta.url));
const ASSETS: Readonly<Record<string, string>> = { 'app.js': 'text/javascript', 'app.css': 'text/css' };

const METHODS: Readonly<Record<string, (now: number, url: URL) => unknown>> = {
  'app.bsky.feed.getPosts': (now, url) => getPosts(now, url.searchParams.getAll('uris')),
  'app.bsky.feed.getTimeline': (now, url) => timeline(now, url.searchParams.get('cursor'), Number(url.searchParams.get('total') ?? 0) || 0),
  'app.bsky.feed.getPostThread': postThread,
  'app.bsky.notification.listNotifications': notifications,
  'app.bsky.feed.getAuthorFeed': authorFeed,
  'app.bsky.feed.searchPosts': searchPosts,
  'app.bsky.actor.getProfile': viewerProfile,
};

const CORS = {
  'access-control-allow-origin': 'https://bsky.app',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, atproto-accept-labelers, atproto-proxy',
  'access-control-max-age': '600',
  vary: 'Origin',
};

function shell(): string {
  const v = PEOPLE.viewer;
  // The real app keeps its session in localStorage; the replica hands the page the same facts inline.
  const session = { did: v.did, handle: v.handle, pdsUrl: `https://${PDS_HOST}` };
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Bluesky</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_replica/bluesky/app.css">
<script>window.__SESSION__=${JSON.stringify(session)};</script>
</head><body>
<div id="root"></div>
<script type="module" src="/_replica/bluesky/app.js"></script>
</body></html>`;
}

async function xrpc(r: ReplicaRequest): Promise<void> {
  const { req, res, url } = r;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  const method = /^\/xrpc\/([\w.]+)$/.exec(url.pathname)?.[1] ?? '';
  const build = METHODS[method];
  if (!build) {
    const text = JSON.stringify({ error: 'MethodNotImplemented', message: `Method Not Implemented: ${method}` });
    res.writeHead(501, { 'content-type': 'application/json; charset=utf-8', ...CORS });
    res.end(text);
    return;
  }
  if (r.options.apiDelayMs) await delay(r.options.apiDelayMs);
  await sendHeld(res, build(r.now, url), lagOf(url, DEFAULT_LAG_MS), CORS);
}

function handle(r: ReplicaRequest): void | Promise<void> {
  const { res, url } = r;
  if (r.host === PDS_HOST) return xrpc(r);
  if (sendAppFile(r, 'bluesky', DIR, ASSETS)) return;
  if (url.pathname === '/favicon.ico') return sendText(res, 204, 'image/x-icon', '');
  return sendText(res, 200, 'text/html; charset=utf-8', shell());
}

export const bskySite: ReplicaSite = { id: 'bsky', hosts: ['bsky.app', PDS_HOST], handle };

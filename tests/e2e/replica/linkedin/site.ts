// The www.linkedin.com replica's routes:
//   GET /_replica/linkedin/<file>        the app's script and CSS (served as they are), and
//   GET /_replica/loader.js              what it shares with the other replicas (../loader.js)
//   GET /voyager/api/graphql?queryId=…   the GraphQL queries the app makes: voyagerFeedDashMainFeed
//                                        (`variables=(start:N,count:M)`, `&items=` for the benchmark's
//                                        long feed), voyagerFeedDashOrganizationalPageUpdates
//   GET /voyager/api/voyagerIdentityDashNotificationCards, /voyager/api/voyagerMessagingGraphQL/graphql,
//       /voyager/api/relationships/dash/connections, /voyager/api/graphql?queryId=voyagerSearchDashClusters
//       (the connections and following lists)
//   GET anything else                    the page shell, with /voyager/api/me embedded in <code>
//                                        elements as the real initial HTML embeds its responses
// As on the bsky.app replica, every Voyager body is sent whole, then the response is held open `lag`
// ms (`?lag=`, default DEFAULT_LAG_MS): the page renders at once, Doorman's reader gets the facts later.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { delay, lagOf, sendAppFile, sendHeld } from '../loading';
import { sendText, type ReplicaRequest, type ReplicaSite } from '../site';
import { companyFeed, connectionsList, conversations, followingList, mainFeed, me, notificationCards } from './data';

export const DEFAULT_LAG_MS = 150;
const PAGE_SIZE = 10;
const MAX_ITEMS = 5_000;

const DIR = dirname(fileURLToPath(import.meta.url));
const ASSETS: Readonly<Record<string, string>> = { 'app.js': 'text/javascript', 'app.css': 'text/css' };

/** HTML-escaped JSON, as LinkedIn writes it into <code> (the captures: `&quot;` for every quote). */
const codeText = (v: unknown): string => JSON.stringify(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shell(): string {
  const meta = { request: '/voyager/api/me', status: 200, body: 'bpr-guid-1001', method: 'GET', headers: {} };
  return `<!DOCTYPE html>
<html lang="en" class="theme theme--mercado artdeco"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Feed | LinkedIn</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_replica/linkedin/app.css">
</head><body>
<code style="display: none" id="bpr-guid-1001">${codeText(me())}</code>
<code style="display: none" id="datalet-bpr-guid-1001">${codeText(meta)}</code>
<div id="root" class="application-outlet"></div>
<script type="module" src="/_replica/linkedin/app.js"></script>
</body></html>`;
}

const intVar = (variables: string, name: string): number => Number(new RegExp(`${name}:(\\d{1,6})`).exec(variables)?.[1] ?? 0) || 0;

function body(url: URL): unknown {
  const path = url.pathname;
  const query = url.searchParams.get('queryId') ?? '';
  const variables = url.searchParams.get('variables') ?? '';
  if (path === '/voyager/api/graphql' && query.startsWith('voyagerFeedDashMainFeed.')) {
    const total = Math.min(MAX_ITEMS, Number(url.searchParams.get('items') ?? 0) || 0);
    return mainFeed(intVar(variables, 'start'), intVar(variables, 'count') || PAGE_SIZE, total);
  }
  if (path === '/voyager/api/graphql' && query.startsWith('voyagerFeedDashOrganizationalPageUpdates.')) return companyFeed();
  if (path === '/voyager/api/voyagerIdentityDashNotificationCards') return notificationCards();
  if (path === '/voyager/api/voyagerMessagingGraphQL/graphql' && query.startsWith('messengerConversations.')) return conversations();
  if (path === '/voyager/api/relationships/dash/connections') return connectionsList();
  if (path === '/voyager/api/graphql' && query.startsWith('voyagerSearchDashClusters.')) return followingList();
  return null;
}

async function voyager(r: ReplicaRequest): Promise<void> {
  const data = body(r.url);
  if (data === null) {
    sendText(r.res, 404, 'application/json; charset=utf-8', JSON.stringify({ status: 404 }));
    return;
  }
  if (r.options.apiDelayMs) await delay(r.options.apiDelayMs);
  await sendHeld(r.res, data, lagOf(r.url, DEFAULT_LAG_MS), { 'content-type': 'application/vnd.linkedin.normalized+json+2.1; charset=utf-8' });
}

function handle(r: ReplicaRequest): void | Promise<void> {
  const { res, url } = r;
  if (url.pathname.startsWith('/voyager/api/')) return voyager(r);
  if (sendAppFile(r, 'linkedin', DIR, ASSETS)) return;
  if (url.pathname === '/favicon.ico') return sendText(res, 204, 'image/x-icon', '');
  return sendText(res, 200, 'text/html; charset=utf-8', shell());
}

export const linkedInSite: ReplicaSite = { id: 'linkedin', hosts: ['www.linkedin.com'], handle };

// A Mastodon server replica, served on mastodon.social (one of Doorman's built-in servers) and on
// social.example (a server the user adds at run time). Routes:
//   GET /_replica/mastodon/app.js                 the web app (renders from the API, by XHR like axios),
//   GET /_replica/loader.js                       with what it shares with the other replicas (../loader.js)
//   GET /api/v1/timelines/home                    Status[]; with `items=N` (the benchmarks' infinite
//                                                 scroll) N statuses in pages of 20 by `max_id`, each
//                                                 page's Link header naming the next, as the real API does
//   GET /api/v1/statuses/:id, /:id/context        Status, {ancestors, descendants}
//   GET /api/v2/notifications                     grouped: {accounts, statuses, notification_groups}
//   GET /api/v1/accounts/relationships?id[]=      Relationship[]
//   GET /api/v1/accounts/lookup?acct=, /:id/statuses   a profile
//   GET /api/v2/search?q=                         {accounts, statuses, hashtags}
//   GET anything else                             the server-rendered shell: head markers
//                                                 (meta[name=initialPath], script#initial-state with
//                                                 a fake access token) and div#mastodon
// API calls must carry `Authorization: Bearer <FAKE_TOKEN>`, as the real server requires. With `lag=N`
// on an API call (the page's `?lag=N`), the body is sent whole and the response held open N ms before
// it ends: a client reading by fetch parses it at once, while Doorman's reader, which reads the stream
// to its end, gets the facts N ms later (the race bsky.app has; see app.js).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lagOf, sendAppFile, sendHeld } from '../loading';
import { sendJson, sendText, type ReplicaRequest, type ReplicaSite } from '../site';
import {
  FAKE_TOKEN, FRIEND_THREAD, HOME, MENTIONS, MY_THREAD, PEOPLE, SEARCH, VIEWER_ID, account, homePage, type Post, type Who,
} from './data';

const DIR = dirname(fileURLToPath(import.meta.url));
const ASSETS: Readonly<Record<string, string>> = { 'app.js': 'text/javascript' };
export const MASTODON_REPLICA_HOSTS = ['mastodon.social', 'social.example'] as const;

const byId = (id: string) => Object.values(PEOPLE).find((p) => p.id === id);

function status(post: Post, host: string): Record<string, unknown> {
  const who = PEOPLE[post.by];
  const [user = who.acct] = who.acct.split('@');
  return {
    id: post.id, created_at: '2026-08-01T12:00:00.000Z', in_reply_to_id: post.replyTo?.id ?? null,
    in_reply_to_account_id: post.replyTo ? PEOPLE[post.replyTo.who].id : null, sensitive: false, spoiler_text: '',
    visibility: 'public', language: 'en', uri: `https://${host}/users/${user}/statuses/${post.id}`, url: `https://${host}/@${who.acct}/${post.id}`,
    replies_count: 0, reblogs_count: 0, favourites_count: 0, edited_at: null, content: post.html.replace(/HOST/g, host),
    reblog: null, application: null, account: account(who, host), media_attachments: [],
    mentions: (post.mentions ?? []).map((m: Who) => ({ id: PEOPLE[m].id, username: PEOPLE[m].acct.split('@')[0], url: `https://${host}/@${PEOPLE[m].acct}`, acct: PEOPLE[m].acct })),
    tags: [], emojis: [], card: null, poll: null,
  };
}

const ALL_POSTS: readonly Post[] = [...HOME, MY_THREAD.focal, ...MY_THREAD.replies, FRIEND_THREAD.focal, ...FRIEND_THREAD.replies, ...MENTIONS, ...SEARCH];

function shell(host: string, path: string): string {
  const state = {
    meta: { streaming_api_base_url: `wss://${host}`, access_token: FAKE_TOKEN, locale: 'en', domain: host, me: VIEWER_ID, version: '4.3.0' },
    accounts: { [VIEWER_ID]: account(PEOPLE.me, host) },
  };
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Mastodon</title><link rel="icon" href="data:,">
<meta name="initialPath" content="${path.replace(/[^\w/@.-]/g, '')}">
<script id="initial-state" type="application/json">${JSON.stringify(state).replace(/</g, '\\u003c')}</script>
<style>body{font:15px system-ui;margin:0;background:#191b22;color:#fff}.columns-area{max-width:600px;margin:auto}
.status__wrapper,.notification-group,.detailed-status{border-bottom:1px solid #333;padding:12px}.display-name__account{color:#999}</style>
</head><body class="app-body">
<div id="mastodon" class="app-holder" data-props="{}"></div>
<script type="module" src="/_replica/mastodon/app.js"></script>
</body></html>`;
}

function authorised(r: ReplicaRequest): boolean {
  return r.req.headers.authorization === `Bearer ${FAKE_TOKEN}`;
}

/** The home timeline; `items=N`: one page of N by `max_id`, the next page's address in the Link header. */
function homeTimeline(r: ReplicaRequest): { body: unknown; link?: string } {
  const total = Number(r.url.searchParams.get('items') ?? NaN);
  if (!Number.isFinite(total)) return { body: HOME.map((p) => status(p, r.host)) };
  const page = homePage(Math.min(total, 100_000), r.url.searchParams.get('max_id'));
  const body = page.posts.map((p) => status(p, r.host));
  if (page.next === null) return { body };
  return { body, link: `<https://${r.host}/api/v1/timelines/home?items=${total}&max_id=${page.next}>; rel="next"` };
}

function api(r: ReplicaRequest): unknown {
  const { url, host } = r;
  const path = url.pathname;
  let m: RegExpExecArray | null;
  if ((m = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(path))) {
    const thread = [MY_THREAD, FRIEND_THREAD].find((t) => t.focal.id === m![1]);
    return { ancestors: [], descendants: (thread?.replies ?? []).map((p) => status(p, host)) };
  }
  if ((m = /^\/api\/v1\/statuses\/(\d+)$/.exec(path))) {
    const post = ALL_POSTS.find((p) => p.id === m![1]);
    return post ? status(post, host) : null;
  }
  if (path === '/api/v2/notifications') {
    const groups = MENTIONS.map((p, i) => ({
      group_key: `ungrouped-${100 + i}`, notifications_count: 1, type: 'mention', most_recent_notification_id: 100 + i,
      page_min_id: String(100 + i), page_max_id: String(100 + i), latest_page_notification_at: '2026-08-01T13:00:00.000Z',
      sample_account_ids: [PEOPLE[p.by].id], status_id: p.id,
    }));
    groups.push({ group_key: 'favourite-2000', notifications_count: 1, type: 'favourite', most_recent_notification_id: 99, page_min_id: '99', page_max_id: '99',
      latest_page_notification_at: '2026-08-01T12:30:00.000Z', sample_account_ids: [PEOPLE.dana.id], status_id: MY_THREAD.focal.id });
    const who = [...new Set([...MENTIONS.map((p) => p.by), 'dana' as Who])];
    return { accounts: who.map((w) => account(PEOPLE[w], host)), statuses: [...MENTIONS, MY_THREAD.focal].map((p) => status(p, host)), notification_groups: groups };
  }
  if (path === '/api/v1/accounts/relationships') {
    return url.searchParams.getAll('id[]').flatMap((id) => {
      const p = byId(id);
      return p ? [{ id, following: p.following, showing_reblogs: p.following, notifying: false, followed_by: false, blocking: false,
        blocked_by: false, muting: false, muting_notifications: false, requested: false, domain_blocking: false, endorsed: false, note: '' }] : [];
    });
  }
  if (path === '/api/v1/accounts/lookup') {
    const p = Object.values(PEOPLE).find((x) => x.acct === url.searchParams.get('acct'));
    return p ? account(p, host) : null;
  }
  if ((m = /^\/api\/v1\/accounts\/(\d+)\/statuses$/.exec(path))) {
    return SEARCH.filter((p) => PEOPLE[p.by].id === m![1]).map((p) => status(p, host));
  }
  if (path === '/api/v2/search') return { accounts: [], statuses: SEARCH.map((p) => status(p, host)), hashtags: [] };
  return undefined;
}

function handle(r: ReplicaRequest): void | Promise<void> {
  const { res, url } = r;
  if (sendAppFile(r, 'mastodon', DIR, ASSETS)) return;
  if (url.pathname.startsWith('/api/')) {
    if (!authorised(r)) return sendJson(res, 401, { error: 'The access token is invalid' });
    const home = url.pathname === '/api/v1/timelines/home' ? homeTimeline(r) : null;
    const body = home === null ? api(r) : home.body;
    if (body === undefined || body === null) return sendJson(res, 404, { error: 'Record not found' });
    const lag = lagOf(url, 0);
    const headers: Record<string, string> = home?.link === undefined ? {} : { link: home.link };
    if (lag === 0) {
      const text = JSON.stringify(body);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
      res.end(text);
      return;
    }
    return sendHeld(res, body, lag, headers);
  }
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/home' });
    res.end();
    return;
  }
  return sendText(res, 200, 'text/html; charset=utf-8', shell(r.host, url.pathname));
}

export const mastodonSite: ReplicaSite = { id: 'mastodon', hosts: MASTODON_REPLICA_HOSTS, handle };

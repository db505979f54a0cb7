// The x.com replica's routes:
//   ?lean on any path, /_replica/lean/*     the lean replica (../lean/site.ts), served on the same hosts
//   ?big on any path                        the big-response page and its ~10 MiB API response (../big/site.ts)
//   GET  /_replica/x/<file>                 the app's JS modules and CSS (served as they are)
//   GET  /_replica/emoji/<codepoint>.svg    emoji images (X draws emoji as <img alt>)
//   GET|POST /i/api/graphql/<queryId>/<Op>  GraphQL (timelines.ts); variables from ?variables=JSON
//                                           or a JSON body {variables}; a bare ?cursor= also works
//   GET  /i/api/2/notifications/{all,mentions}.json?cursor=   REST v2 notifications
//   POST /i/api/1.1/friendships/{create,destroy}.json          follow / unfollow (stateless)
//   GET  anything else                      the SPA shell (/home, /notifications, /<user>/status/<id> …)
// `?variant=drift` (or drift-text, normal) on any page sets a cookie that switches the markup to
// renamed data-testids until `?variant=normal`. `?lang=es` (de, ja, en) likewise serves the app in
// that language until `?lang=en`: `<html lang>` set, X's UI strings from strings.js.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleBig, isBigRequest } from '../big/site';
import { handleLean, isLeanRequest } from '../lean/site';
import { cookies, sendJson, sendText, type ReplicaRequest, type ReplicaSite } from '../site';
import { USERS } from './data';
import { userById } from './filler';
import { restUser, notificationsResponse } from './notifications';
import { GRAPHQL_OPERATIONS, type Variables } from './timelines';

const DIR = dirname(fileURLToPath(import.meta.url));
const ASSETS: Readonly<Record<string, string>> = {
  'app.js': 'text/javascript', 'api.js': 'text/javascript', 'render.js': 'text/javascript', 'pages.js': 'text/javascript',
  'feed.js': 'text/javascript', 'icons.js': 'text/javascript', 'strings.js': 'text/javascript', 'app.css': 'text/css',
};
export const VARIANTS = ['normal', 'drift', 'drift-text'] as const;
export type Variant = (typeof VARIANTS)[number];
const VARIANT_COOKIE = 'replica_variant';
/** The languages strings.js has X's words for. */
export const LANGUAGES = ['en', 'es', 'de', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANG_COOKIE = 'replica_lang';

function shell(variant: Variant, lang: Language, now: number): string {
  const v = USERS.viewer;
  const initial = {
    session: { user_id: v.id, isLoggedIn: true, country: 'US', language: lang },
    entities: { users: { entities: { [v.id]: restUser(v, now) } } },
    settings: { remote: { settings: { screen_name: v.handle } } },
  };
  return `<!DOCTYPE html>
<html dir="ltr" lang="${lang}"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="replica-variant" content="${variant}">
<meta name="theme-color" content="#000000">
<title>X</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_replica/x/app.css">
<script>window.__INITIAL_STATE__=${JSON.stringify(initial).replace(/</g, '\\u003c')};</script>
</head><body>
<noscript>JavaScript is not available.</noscript>
<div id="react-root"></div>
<script type="module" src="/_replica/x/app.js"></script>
</body></html>`;
}

function emojiSvg(cp: string): string {
  const hue = (parseInt(cp, 16) * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><circle cx="18" cy="18" r="16" fill="hsl(${hue} 80% 60%)"/><circle cx="12.5" cy="14" r="2.5" fill="#222"/><circle cx="23.5" cy="14" r="2.5" fill="#222"/><path d="M11 22q7 7 14 0" stroke="#222" stroke-width="2.5" fill="none" stroke-linecap="round"/></svg>`;
}

function variables(url: URL, body: string): Variables {
  let v: Variables = {};
  const q = url.searchParams.get('variables');
  if (q) v = JSON.parse(q) as Variables;
  else if (body) {
    const parsed = JSON.parse(body) as { variables?: Variables };
    v = parsed.variables ?? {};
  }
  const cursor = url.searchParams.get('cursor');
  return cursor ? { ...v, cursor } : v;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function handle(r: ReplicaRequest): Promise<void> {
  const { req, res, url } = r;
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (isLeanRequest(url)) return handleLean(r);
  if (isBigRequest(url)) return handleBig(r);
  const asset = /^\/_replica\/x\/([\w.-]+)$/.exec(path);
  if (asset) {
    const type = asset[1] ? ASSETS[asset[1]] : undefined;
    if (!type || !asset[1]) return sendText(res, 404, 'text/plain', 'not found');
    return sendText(res, 200, `${type}; charset=utf-8`, readFileSync(join(DIR, asset[1])));
  }
  const emoji = /^\/_replica\/emoji\/([0-9a-f]{2,6})\.svg$/.exec(path);
  if (emoji?.[1]) return sendText(res, 200, 'image/svg+xml', emojiSvg(emoji[1]));
  if (path === '/favicon.ico') return sendText(res, 204, 'image/x-icon', '');

  if (path.startsWith('/i/api/')) {
    if (r.options.apiDelayMs) await delay(r.options.apiDelayMs);
    const gql = /^\/i\/api\/graphql\/[\w-]+\/(\w+)$/.exec(path);
    if (gql?.[1]) {
      const op = GRAPHQL_OPERATIONS[gql[1]];
      if (!op) return sendJson(res, 404, { errors: [{ message: `Unknown operation ${gql[1]}`, code: 34 }] });
      return sendJson(res, 200, op(variables(url, r.body), r.now));
    }
    const notif = /^\/i\/api\/2\/notifications\/(all|mentions)\.json$/.exec(path);
    if (notif?.[1]) return sendJson(res, 200, notificationsResponse(notif[1] as 'all' | 'mentions', url.searchParams.get('cursor'), r.now));
    const friendship = /^\/i\/api\/1\.1\/friendships\/(create|destroy)\.json$/.exec(path);
    if (friendship && method === 'POST') {
      const id = (JSON.parse(r.body || '{}') as { user_id?: string }).user_id ?? new URLSearchParams(r.body).get('user_id') ?? '';
      const u = userById(id);
      if (!u) return sendJson(res, 404, { errors: [{ message: 'User not found.', code: 50 }] });
      return sendJson(res, 200, restUser({ ...u, followed: friendship[1] === 'create' }, r.now));
    }
    return sendJson(res, 404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] });
  }

  if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'text/plain', 'method not allowed');
  const asked = url.searchParams.get('variant');
  const variant: Variant = (VARIANTS as readonly string[]).includes(asked ?? '') ? (asked as Variant) : ((VARIANTS as readonly string[]).includes(cookies(req).get(VARIANT_COOKIE) ?? '') ? (cookies(req).get(VARIANT_COOKIE) as Variant) : 'normal');
  const askedLang = url.searchParams.get('lang');
  const known = (l: string | null | undefined): l is Language => (LANGUAGES as readonly string[]).includes(l ?? '');
  const cookieLang = cookies(req).get(LANG_COOKIE);
  const lang: Language = known(askedLang) ? askedLang : known(cookieLang) ? cookieLang : 'en';
  const setCookie = [`twid=${encodeURIComponent(`u=${USERS.viewer.id}`)}; Path=/; Secure; SameSite=None`];
  if (asked) setCookie.push(`${VARIANT_COOKIE}=${variant}; Path=/; Secure; SameSite=Lax`);
  if (known(askedLang)) setCookie.push(`${LANG_COOKIE}=${lang}; Path=/; Secure; SameSite=Lax`);
  return sendText(res, 200, 'text/html; charset=utf-8', shell(variant, lang, r.now), { 'set-cookie': setCookie });
}

export const xSite: ReplicaSite = {
  id: 'x',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com', 'www.x.com', 'www.twitter.com'],
  handle,
};

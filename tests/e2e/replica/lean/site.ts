// The lean replica: a deliberately plain page on the x.com hosts (so Doorman's content script runs on
// it) that does little work per item, so that Doorman's own share of the main thread shows. It is
// reached through the x.com replica's server (x/site.ts hands it every request isLeanRequest claims):
//
//   GET  <any page path>?lean=1[&items=N][&mode=auto|scroll][&batch=20]   the page (use /home: Doorman
//                                       then reads it as the home timeline)
//   GET  /_replica/lean/lean.js         its only script
//   POST /i/api/graphql/<queryId>/HomeTimeline?lean=1   its timeline (data.ts), X's response shape
//
// The page (lean.js) fetches pages of `batch` items with XMLHttpRequest like X's web app and appends
// X's markup for each — no virtualisation, every item stays in the DOM, minimal CSS. See
// tests/e2e/replica/README.md.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendJson, sendText, type ReplicaRequest } from '../site';
import { USERS } from '../x/data';
import { restUser } from '../x/notifications';
import { leanTimeline } from './data';

const DIR = dirname(fileURLToPath(import.meta.url));
const SCRIPT = '/_replica/lean/lean.js';

/** Requests the lean replica answers: its script, and anything carrying `?lean`. */
export function isLeanRequest(url: URL): boolean {
  return url.pathname === SCRIPT || url.searchParams.has('lean');
}

const CSS = `
body{margin:0;font:15px/20px system-ui,sans-serif;background:#fff;color:#0f1419}
a{color:inherit;text-decoration:none}
nav{position:fixed;top:0;left:0;padding:8px}
main{max-width:600px;margin:0 auto;border-left:1px solid #eee;border-right:1px solid #eee}
section>div>div{content-visibility:auto;contain-intrinsic-size:auto 1600px}
article{padding:10px 16px;border-bottom:1px solid #eee}
[data-testid="User-Name"]{display:flex;gap:4px;color:#536471}
[data-testid="User-Name"] a:first-child{color:#0f1419;font-weight:700}
.rt{color:#536471}
.ad{margin-left:auto;color:#536471}
svg{width:16px;height:16px;vertical-align:-3px;fill:#1d9bf0}
#status{padding:16px;text-align:center;color:#536471}
`;

function shell(now: number): string {
  const v = USERS.viewer;
  const initial = {
    session: { user_id: v.id, isLoggedIn: true, country: 'US', language: 'en' },
    entities: { users: { entities: { [v.id]: restUser(v, now) } } },
  };
  return `<!DOCTYPE html>
<html dir="ltr" lang="en"><head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Home / X</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
<script>window.__INITIAL_STATE__=${JSON.stringify(initial).replace(/</g, '\\u003c')};</script>
</head><body>
<nav role="navigation" aria-label="Primary"><a href="/${v.handle}" data-testid="AppTabBar_Profile_Link" aria-label="Profile" role="link">Profile</a></nav>
<main role="main"><div data-testid="primaryColumn"><section aria-label="Timeline: Your Home Timeline" role="region"><div class="cells"></div></section><div id="status" role="progressbar"></div></div></main>
<script type="module" src="${SCRIPT}"></script>
</body></html>`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleLean(r: ReplicaRequest): Promise<void> {
  const { req, res, url } = r;
  const method = req.method ?? 'GET';
  if (url.pathname === SCRIPT) return sendText(res, 200, 'text/javascript; charset=utf-8', readFileSync(join(DIR, 'lean.js')));
  if (url.pathname.startsWith('/i/api/')) {
    if (r.options.apiDelayMs) await delay(r.options.apiDelayMs);
    if (!/^\/i\/api\/graphql\/[\w-]+\/HomeTimeline$/.test(url.pathname) || method !== 'POST') {
      return sendJson(res, 404, { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] });
    }
    const body = JSON.parse(r.body || '{}') as { variables?: Record<string, unknown> };
    return sendJson(res, 200, leanTimeline(body.variables ?? {}, r.now));
  }
  if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'text/plain', 'method not allowed');
  // X's `twid` cookie names the signed-in user (the page-world reader takes the viewer id from it).
  return sendText(res, 200, 'text/html; charset=utf-8', shell(r.now), { 'set-cookie': [`twid=${encodeURIComponent(`u=${USERS.viewer.id}`)}; Path=/; Secure; SameSite=None`] });
}

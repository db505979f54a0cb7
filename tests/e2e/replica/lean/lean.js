// The lean replica's page: fetches HomeTimeline pages with XMLHttpRequest, like X's web app, and
// appends X's markup for each post — the cell › div › div › article[data-testid=tweet] structure of
// the main replica's render.js, with User-Name (name link, @handle link, permalink around <time>),
// tweetText (with elementtiming, for paint counting), "Replying to @…" for replies and
// placementTracking plus an "Ad" label for promoted posts — and nothing else: no avatars, no action
// bar, no virtualisation (every item stays in the DOM). Each page's cells go in with one insertion,
// inside one group element that has `content-visibility: auto` (site.ts's CSS), so the browser skips
// layout and paint of off-screen groups and the page's own cost per frame stays small as it grows.
//
//   ?lean=1&items=N        load N items (default 100); items=0 loads nothing until __lean.load(n)
//   &mode=auto             (default) one page per animation frame until N are in
//   &mode=scroll           infinite scroll: the next page when the bottom comes within 800 px
//   &batch=20              items per request (1–100)
//
// window.__lean: { loaded, target, load(n) → Promise<loaded> (n more, in the current mode), done() }.
// When the target is reached: <html data-lean-loaded="N"> and a `lean:done` performance mark.

const QUERY_ID = 'c-CzHF1LboFilMpsx4ZCrQ';
const params = new URLSearchParams(location.search);
const int = (name, dflt, max) => {
  const v = Number(params.get(name));
  return params.has(name) && Number.isInteger(v) && v >= 0 ? Math.min(v, max) : dflt;
};
let target = int('items', 100, 1_000_000);
const batch = Math.max(1, int('batch', 20, 100));
const mode = params.get('mode') === 'scroll' ? 'scroll' : 'auto';
const REFILL_MARGIN = 800;

const cells = document.querySelector('.cells');
const status = document.getElementById('status');
let loaded = 0;
let cursor = null;
let loading = false;
let failed = false;
let waiters = [];

const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);

function request(count) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/i/api/graphql/${QUERY_ID}/HomeTimeline?lean=1`, true);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.onreadystatechange = () => {
      if (xhr.readyState !== 4) return;
      if (xhr.status >= 200 && xhr.status < 300) {
        try { resolve(JSON.parse(xhr.responseText)); } catch (e) { reject(e); }
      } else reject(new Error(`HTTP ${xhr.status}`));
    };
    xhr.send(JSON.stringify({ variables: { count, ...(cursor ? { cursor } : {}), includePromotedContent: true }, queryId: QUERY_ID }));
  });
}

const userOf = (r) => {
  const core = r.core || {};
  const legacy = r.legacy || {};
  const type = (r.verification && r.verification.verified_type) || legacy.verified_type;
  return { handle: core.screen_name || legacy.screen_name, name: core.name || legacy.name, badge: Boolean(r.is_blue_verified || type) };
};

/** full_text within display_text_range, with t.co links and @mentions as links (lean texts are ASCII). */
function text(legacy) {
  const full = legacy.full_text || '';
  const [from, to] = legacy.display_text_range || [0, full.length];
  const e = legacy.entities || {};
  const marks = [
    ...(e.urls || []).map((u) => ({ at: u.indices[0], end: u.indices[1], html: `<a href="${esc(u.url)}" title="${esc(u.expanded_url)}" rel="noopener noreferrer nofollow" target="_blank" role="link">${esc(u.display_url)}</a>` })),
    ...(e.user_mentions || []).map((m) => ({ at: m.indices[0], end: m.indices[1], html: `<a href="/${esc(m.screen_name)}" role="link">@${esc(m.screen_name)}</a>` })),
  ].sort((a, b) => a.at - b.at);
  let html = '';
  let i = from;
  for (const m of marks) {
    if (m.at < i || m.at >= to) continue;
    if (m.at > i) html += `<span>${esc(full.slice(i, m.at))}</span>`;
    html += m.html;
    i = m.end;
  }
  if (i < to) html += `<span>${esc(full.slice(i, to))}</span>`;
  return html;
}

function post(itemContent) {
  let r = itemContent.tweet_results && itemContent.tweet_results.result;
  if (r && r.__typename === 'TweetWithVisibilityResults') r = r.tweet;
  if (!r || !r.legacy || !r.core) return '';
  const a = userOf(r.core.user_results.result);
  const l = r.legacy;
  const promoted = Boolean(itemContent.promotedMetadata);
  const iso = new Date(Date.parse(l.created_at)).toISOString();
  const badge = a.badge ? '<svg viewBox="0 0 22 22" aria-label="Verified account" role="img" data-testid="icon-verified"></svg>' : '';
  const replying = l.in_reply_to_screen_name ? `<div class="rt">Replying to <a href="/${esc(l.in_reply_to_screen_name)}" role="link">@${esc(l.in_reply_to_screen_name)}</a></div>` : '';
  const article = `<article role="article" tabindex="0" data-testid="tweet">`
    + `<div data-testid="User-Name"><a href="/${esc(a.handle)}" role="link"><span>${esc(a.name)}</span>${badge}</a>`
    + `<a href="/${esc(a.handle)}" role="link" tabindex="-1"><span>@${esc(a.handle)}</span></a><span aria-hidden="true">·</span>`
    + `<a href="/${esc(a.handle)}/status/${esc(r.rest_id)}" role="link"><time datetime="${iso}">${esc(iso.slice(5, 10))}</time></a>`
    + `${promoted ? '<span class="ad">Ad</span>' : ''}</div>`
    + `${replying}<div data-testid="tweetText" lang="en" dir="auto" elementtiming="post-${esc(r.rest_id)}">${text(l)}</div></article>`;
  return `<div data-testid="cellInnerDiv"><div><div>${promoted ? `<div data-testid="placementTracking">${article}</div>` : article}</div></div></div>`;
}

function settle() {
  if (loaded < target) return;
  status.textContent = '';
  performance.mark('lean:done');
  document.documentElement.setAttribute('data-lean-loaded', String(loaded));
  const w = waiters;
  waiters = [];
  for (const resolve of w) resolve(loaded);
}

async function loadPage() {
  if (loading || failed || loaded >= target) return;
  loading = true;
  let json;
  try {
    json = await request(Math.min(batch, target - loaded));
  } catch {
    failed = true;
    loading = false;
    status.textContent = 'Something went wrong. Try reloading.';
    document.documentElement.setAttribute('data-lean-error', '1');
    return;
  }
  let html = '';
  let n = 0;
  for (const ins of json.data.home.home_timeline_urt.instructions) {
    for (const e of ins.entries || []) {
      const c = e.content || {};
      if (c.entryType === 'TimelineTimelineCursor') {
        if (c.cursorType === 'Bottom') cursor = c.value;
      } else if (c.entryType === 'TimelineTimelineItem' && c.itemContent) {
        const cell = post(c.itemContent);
        if (cell) { html += cell; n++; }
      }
    }
  }
  cells.insertAdjacentHTML('beforeend', `<div>${html}</div>`);
  loaded += n;
  loading = false;
  if (loaded >= target || n === 0) {
    target = loaded;
    settle();
    return;
  }
  if (mode === 'auto') requestAnimationFrame(() => void loadPage());
  else {
    // Observing anew delivers a fresh entry once this frame is laid out (off-screen groups only get
    // their real height then), so the page keeps filling while the bottom stays within reach.
    io.unobserve(status);
    io.observe(status);
  }
}

const io = new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting)) void loadPage();
}, { rootMargin: `0px 0px ${REFILL_MARGIN}px 0px` });
if (mode === 'scroll') io.observe(status);

window.__lean = {
  get loaded() { return loaded; },
  get target() { return target; },
  /** Loads n more items (auto mode: one page a frame; scroll mode: as the reader scrolls). */
  load(n) {
    target = loaded + Math.max(0, n);
    const done = this.done();
    if (loaded < target) {
      status.textContent = 'Loading…';
      if (mode === 'auto') void loadPage();
      else {
        io.unobserve(status);
        io.observe(status);
      }
    }
    return done;
  },
  /** Resolves with the item count once the current target is reached. */
  done() {
    return loaded >= target ? Promise.resolve(loaded) : new Promise((resolve) => waiters.push(resolve));
  },
};

if (target > 0) {
  status.textContent = 'Loading…';
  performance.mark('lean:start');
  void loadPage();
} else settle();

// A timeline: loads pages by cursor, appends cells, and fetches the next page when a sentinel
// nears the viewport (IntersectionObserver), refilling while the sentinel stays in reach, as X
// does. Cells remember how to rebuild their children so the app can re-render them React-style.
import { cache } from './api.js';
import { cell, el } from './render.js';

/** cell element → { tweetId?, userId?, href?, build: () => Element } */
export const cellInfo = new WeakMap();

const REFILL_MARGIN = 800;

/** Replaces a cell's children with a fresh build (new article element, same cell). */
export function rerender(c) {
  const info = cellInfo.get(c);
  if (info) c.replaceChildren(info.build());
}

/**
 * opts: container (element), label (timeline name), load(cursor) → Promise<{items, bottom}>,
 * renderItem(item, index) → [{ build, info, classes }] (zero or more cells), isStale() → boolean.
 */
export function createFeed(opts) {
  const section = el(`<section aria-labelledby="accessible-list-0" role="region"><h1 id="accessible-list-0" role="heading" style="position:absolute;clip:rect(1px,1px,1px,1px);overflow:hidden;height:1px;width:1px">${opts.label}</h1><div aria-label="Timeline: ${opts.label}"><div class="cells" style="position:relative"></div></div></section>`);
  const cells = section.querySelector('.cells');
  const sentinel = el('<div class="sentinel" style="height:1px"></div>');
  const spinner = el('<div class="loading" role="progressbar" aria-valuemax="100" aria-valuemin="0"><div class="spinner"></div></div>');
  opts.container.append(section, sentinel, spinner);
  let cursor;
  let loading = false;
  let done = false;
  let pages = 0;
  let index = 0;

  const nearBottom = () => sentinel.isConnected && sentinel.getBoundingClientRect().top < window.innerHeight + REFILL_MARGIN;

  async function loadMore() {
    if (loading || done || opts.isStale()) return;
    loading = true;
    spinner.style.display = '';
    let page;
    try {
      page = await opts.load(cursor);
    } catch {
      if (opts.isStale()) return;
      loading = false;
      spinner.replaceWith(el('<div class="empty">Something went wrong. Try reloading.</div>'));
      done = true;
      return;
    }
    if (opts.isStale()) return;
    const added = [];
    for (const item of page.items) {
      for (const spec of opts.renderItem(item, index++)) {
        const c = cell(spec.build(), spec.classes || '');
        cellInfo.set(c, { ...spec.info, build: spec.build });
        cells.append(c);
        added.push(c);
      }
    }
    pages++;
    cursor = page.bottom;
    done = !cursor;
    loading = false;
    spinner.style.display = done ? 'none' : '';
    if (pages === 1 && added.length === 0) cells.append(el(`<div class="empty"><strong>${opts.emptyTitle || 'Nothing to see here — yet'}</strong>${opts.emptyText || ''}</div>`));
    opts.onPage?.(added);
    // Live counters: shortly after a page lands X updates the first posts' view counts in place.
    setTimeout(() => {
      if (opts.isStale()) return;
      for (const c of added.slice(0, 2)) {
        const t = cache.tweets.get(cellInfo.get(c)?.tweetId);
        if (t && t.views) t.views += 1;
        if (c.isConnected) rerender(c);
      }
    }, 600);
    // Keep filling while the bottom is still within reach (hidden items leave it there).
    requestAnimationFrame(() => { if (nearBottom()) void loadMore(); });
  }

  // Entries can arrive in stale batches (an old "intersecting" next to a newer "not"): trust geometry now.
  const io = new IntersectionObserver(() => { if (nearBottom()) void loadMore(); }, { rootMargin: `0px 0px ${REFILL_MARGIN}px 0px` });
  io.observe(sentinel);
  void loadMore();
  return { loadMore, stop: () => io.disconnect(), get pages() { return pages; }, cells };
}

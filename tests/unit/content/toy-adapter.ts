// A tiny site adapter over a toy markup, for driving the content machinery in happy-dom.
import type { FeedItem } from '../../../src/core/model';
import type { SiteAdapter } from '../../../src/content/adapter';

// Toy markup: <li class="cell"><div class="post" data-id data-handle data-kind>text</div></li>
export const toyAdapter: SiteAdapter = {
  site: 'x',
  itemSelector: '.post',
  contextFor: (url) => (url.pathname.startsWith('/search') ? 'search' : 'home'),
  parse(el, env) {
    const id = el.getAttribute('data-id');
    const handle = el.getAttribute('data-handle');
    if (el.hasAttribute('data-not-item')) return null;
    if (!id || !handle) return { failure: 'no id or author' };
    const fact = env.facts.accountByHandle(handle);
    const item: FeedItem = {
      site: 'x', id, permalink: `/${handle}/status/${id}`,
      kind: (el.getAttribute('data-kind') as FeedItem['kind']) ?? 'reply',
      context: env.context,
      author: {
        id: fact?.id ?? '', handle, displayName: handle,
        followed: fact?.followed ?? 'unknown', followsYou: fact?.followsYou ?? 'unknown',
        verified: fact?.verified ?? 'none', bot: fact?.bot ?? false, accountAgeDays: null, orgProfile: fact?.orgProfile ?? false,
      },
      text: el.textContent ?? '', linkDomains: [], inOwnThread: false, promoted: el.hasAttribute('data-ad'),
    };
    return item;
  },
  markTarget: (el) => el.closest('.cell') ?? el,
  detectDrift: (doc, parsed) => (parsed === 0 && doc.querySelectorAll('.card').length >= 3 ? 'cards but no posts' : null),
};


/** `n` cells of the toy markup; every `adEvery`-th one an ad. */
export function toyCells(n: number, opts: { from?: number; handle?: string; adEvery?: number } = {}): string {
  const from = opts.from ?? 0;
  let html = '';
  for (let i = from; i < from + n; i++) {
    const ad = opts.adEvery !== undefined && i % opts.adEvery === 0 ? ' data-ad' : '';
    html += `<li class="cell"><div class="post" data-id="${i}" data-handle="${opts.handle ?? `user${i}`}" data-kind="post"${ad}>post ${i}</div></li>`;
  }
  return html;
}

// The paint and pending instrument the late-facts tests read (Bluesky, Mastodon): installed before
// the page's scripts, it records every painted element with `elementtiming` (Element Timing) and, for
// each element that carried Doorman's pending mark, how long it did (ms, page clock).
import type { Page } from 'playwright-core';

export async function instrumentPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __painted: Set<string>; __pendingMs: number[]; __pendingSince: Map<Element, number> };
    w.__painted = new Set();
    w.__pendingMs = [];
    w.__pendingSince = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__painted.add((e as PerformanceEntry & { identifier: string }).identifier);
    }).observe({ type: 'element', buffered: true });
    new MutationObserver((records) => {
      const now = performance.now();
      for (const r of records) {
        const t = r.target as Element;
        const v = t.getAttribute('data-doorman');
        if (v === 'pending' && !w.__pendingSince.has(t)) w.__pendingSince.set(t, now);
        else if (v !== 'pending' && w.__pendingSince.has(t)) {
          w.__pendingMs.push(now - (w.__pendingSince.get(t) ?? now));
          w.__pendingSince.delete(t);
        }
      }
    }).observe(document, { attributes: true, attributeFilter: ['data-doorman'], subtree: true });
  });
}

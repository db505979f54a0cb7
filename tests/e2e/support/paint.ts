// The paint and pending instrument the site e2e files read (Bluesky, Mastodon, LinkedIn): installed before
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

export interface PaintReport {
  /** Items collapsed or hidden. */
  interruptions: number;
  /** Of those, how many the browser painted (the target is 0). */
  interruptionsPainted: number;
  /** Elements painted at all: proof the instrument sees paints. */
  painted: number;
  /** Elements that were ever pending, and that are pending still. */
  everPending: number;
  stillPending: number;
  maxPendingMs: number;
}

/**
 * What the instrument saw for the items matching `itemSelector`: each item's mark is the nearest
 * `data-doorman` on it or above it, its paint id its first `elementtiming` (else its `data-id`).
 */
export function paintReport(page: Page, itemSelector: string): Promise<PaintReport> {
  return page.evaluate((sel) => {
    const w = window as unknown as { __painted: Set<string>; __pendingMs: number[]; __pendingSince: Map<Element, number> };
    let interruptions = 0;
    let interruptionsPainted = 0;
    for (const root of document.querySelectorAll(sel)) {
      const mark = root.closest('[data-doorman]')?.getAttribute('data-doorman');
      if (mark !== 'collapse' && mark !== 'hide') continue;
      interruptions++;
      const id = root.querySelector('[elementtiming]')?.getAttribute('elementtiming') ?? root.getAttribute('data-id') ?? '';
      if (w.__painted.has(id)) interruptionsPainted++;
    }
    return {
      interruptions, interruptionsPainted, painted: w.__painted.size,
      everPending: w.__pendingMs.length + w.__pendingSince.size, stillPending: document.querySelectorAll('[data-doorman="pending"]').length,
      maxPendingMs: Math.max(0, ...w.__pendingMs),
    };
  }, itemSelector);
}

// End-to-end cost of Doorman on the x.com replica: the built dist/ in Chromium, 1,000+ timeline items
// appended in batches by the page's own infinite scroll, extension on vs off, in one run.
//
// Figures (ratios taken in this run; nothing is asserted — the machine is noisy):
//  - main-thread time (CDP Performance.TaskDuration) while the items load, on ÷ off (target ≤ 1.10);
//  - interruptions ever painted: posts Doorman ended up collapsing or hiding that the browser had
//    painted at any moment (Element Timing API entries on each post's text; target 0). The same count
//    with the extension off shows the instrument sees them;
//  - heap growth per 1,000 items after a forced GC, on minus off: what Doorman's content script retains.
//
// Two passes: main-thread time and heap with an ordinary 1200×900 window (what a reader has), and
// the paint count with a 16,000 px tall viewport, so every appended post is on screen when it is
// inserted: an interruption painted for even one frame cannot escape the count below the fold.
import type { CDPSession, Page } from 'playwright-core';
import { launchDoorman, startReplicaServer, type DoormanBrowser } from '../tests/e2e/harness';

const TARGET_ITEMS = 1_000;
const ROUNDS = 5;
const WINDOW = { width: 1200, height: 900 };
const TALL = { width: 1200, height: 16_000 };

interface RunResult {
  items: number;
  taskMs: number;
  scriptMs: number;
  heapGrowthBytes: number;
  interruptions: number;
  interruptionsPainted: number;
  adsPainted: number;
  wallMs: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

async function loadItems(page: Page): Promise<number> {
  const count = () => page.evaluate(() => document.querySelectorAll('article[data-testid="tweet"]').length);
  let n = await count();
  for (let i = 0; i < 600 && n < TARGET_ITEMS; i++) {
    // The replica keeps fetching while its bottom is near; nudge scrolling as a reader would.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(50);
    n = await count();
  }
  return n;
}

async function oneRun(browser: DoormanBrowser, viewport: { width: number; height: number }): Promise<RunResult> {
  const page = await browser.newPage();
  await page.setViewportSize(viewport);
  // Record every painted post before the app starts.
  await page.addInitScript(() => {
    const painted = new Set<string>();
    (window as unknown as { __painted: Set<string> }).__painted = painted;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) painted.add((e as PerformanceEntry & { identifier: string }).identifier);
    }).observe({ type: 'element', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto('https://x.com/home');
  await page.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
  await page.waitForTimeout(1_000);
  const heapBefore = await usedHeap(cdp);
  const before = await metrics(cdp);
  const t0 = Date.now();
  const items = await loadItems(page);
  await page.waitForTimeout(1_000); // let the last batch render and the page go idle
  const after = await metrics(cdp);
  const wallMs = Date.now() - t0;
  const heapAfter = await usedHeap(cdp);
  const outcome = await page.evaluate(() => {
    const painted = (window as unknown as { __painted: Set<string> }).__painted;
    let interruptions = 0;
    let interruptionsPainted = 0;
    let adsPainted = 0;
    for (const a of document.querySelectorAll('article[data-testid="tweet"]')) {
      const text = a.querySelector('[elementtiming]');
      const id = text?.getAttribute('elementtiming') ?? '';
      const mark = a.closest('[data-testid="cellInnerDiv"]')?.getAttribute('data-doorman');
      const isAd = !!a.closest('[data-testid="placementTracking"]');
      if (isAd && painted.has(id)) adsPainted++;
      if (mark === 'collapse' || mark === 'hide') {
        interruptions++;
        if (painted.has(id)) interruptionsPainted++;
      }
    }
    return { interruptions, interruptionsPainted, adsPainted };
  });
  await page.close();
  return {
    items,
    taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
    heapGrowthBytes: heapAfter - heapBefore,
    wallMs,
    ...outcome,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (n: number, d = 1) => n.toFixed(d);

const server = await startReplicaServer();
const on = await launchDoorman({ server });
const off = await launchDoorman({ server, dist: null });
const results: { on: RunResult[]; off: RunResult[] } = { on: [], off: [] };
const tall: { on: RunResult[]; off: RunResult[] } = { on: [], off: [] };
try {
  // Alternate on and off so drift in the machine's load touches both alike.
  for (let r = 0; r < ROUNDS; r++) {
    results.off.push(await oneRun(off, WINDOW));
    results.on.push(await oneRun(on, WINDOW));
  }
  tall.off.push(await oneRun(off, TALL));
  tall.on.push(await oneRun(on, TALL));
} finally {
  await on.close();
  await off.close();
  await server.close();
}

const summary = (rs: RunResult[]) => ({
  items: median(rs.map((r) => r.items)),
  taskMs: median(rs.map((r) => r.taskMs)),
  scriptMs: median(rs.map((r) => r.scriptMs)),
  heapPer1k: median(rs.map((r) => (r.heapGrowthBytes / r.items) * 1000)),
  interruptions: median(rs.map((r) => r.interruptions)),
  interruptionsPainted: Math.max(...rs.map((r) => r.interruptionsPainted)),
  adsPainted: median(rs.map((r) => r.adsPainted)),
});
const a = summary(results.on);
const b = summary(results.off);
const ta = summary(tall.on);
const tb = summary(tall.off);
console.log(`x.com replica, ${a.items} items appended by infinite scroll (median of ${ROUNDS} alternating runs)`);
console.log(`  main-thread time   on ${fmt(a.taskMs)} ms, off ${fmt(b.taskMs)} ms  → ratio ${fmt(a.taskMs / b.taskMs, 3)} (target ≤ 1.10)`);
console.log(`  script time        on ${fmt(a.scriptMs)} ms, off ${fmt(b.scriptMs)} ms  → ratio ${fmt(a.scriptMs / b.scriptMs, 3)}`);
// Script time is far steadier than whole-task time (layout and paint dominate, and vary run to run):
// Doorman's added script time over the page's own main-thread time is the low-noise view of the cost.
console.log(`  Doorman's script   +${fmt(a.scriptMs - b.scriptMs)} ms per ${a.items} items = ${fmt((100 * (a.scriptMs - b.scriptMs)) / b.taskMs)}% of the page's own main-thread time`);
console.log(`  interruptions      ${ta.interruptions} collapsed/hidden, all on screen as inserted; ever painted: ${ta.interruptionsPainted} (target 0)`);
console.log(`                     with Doorman off, ads painted: ${tb.adsPainted} (the instrument sees them); in the 900 px window: ${a.interruptionsPainted} painted`);
console.log(`  heap growth        on ${fmt(a.heapPer1k / 1024)} KiB, off ${fmt(b.heapPer1k / 1024)} KiB per 1,000 items → Doorman ${fmt((a.heapPer1k - b.heapPer1k) / 1024)} KiB per 1,000 items`);
for (const [k, rs] of [...Object.entries(results), ...Object.entries(tall).map(([k, v]) => [`${k} (tall)`, v] as const)]) {
  for (const r of rs) console.log(`    ${k}: ${r.items} items, task ${fmt(r.taskMs)} ms, heap +${fmt(r.heapGrowthBytes / 1024)} KiB, painted interruptions ${r.interruptionsPainted}/${r.interruptions}, wall ${r.wallMs} ms`);
}

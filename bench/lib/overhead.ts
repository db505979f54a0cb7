// Doorman's running cost while a feed grows, on one replica (bench/overhead-x.browser.bench.ts: the
// x.com replica; bench/overhead-lean.browser.bench.ts: the lean replica, tests/e2e/replica/lean —
// plain markup, little page work per item, so Doorman's share shows): the built dist/ in Chromium,
// 1,000 timeline items appended by the page's own infinite scroll, Doorman vs an empty extension
// (bench/lib/browser.ts), ROUNDS alternating pairs, in one run.
//
// Figures (ratios taken in this run; nothing is asserted — the machine is noisy):
//  - main-thread time (CDP Performance.getMetrics TaskDuration) while the items load, Doorman ÷
//    baseline (target ≤ 1.05 on both replicas); script time (ScriptDuration) likewise, and Doorman's
//    added script time per item — the low-noise view, since layout and paint dominate task time and
//    vary run to run;
//  - heap growth per 1,000 items after forced GCs, Doorman minus baseline: what Doorman's content
//    script retains (target ≤ 1 MB);
//  - interruptions ever painted: posts Doorman ended up collapsing or hiding that the browser had
//    painted at any moment (Element Timing entries on each post's text; target 0, on every replica).
//    The baseline's painted-ads count shows the instrument sees them.
//
// The loading phase starts once the first page is in and Doorman has settled (1 s), and ends 1 s after
// the last item (idle). Main-thread time and heap use an ordinary 1200×900 window (what a reader has);
// the paint count a 16,000 px tall viewport, so every appended post is on screen when it is inserted:
// an interruption painted for even one frame cannot escape the count below the fold.
//
//   npx vite build && node bench/run.mjs overhead        both replicas (one benchmark file each)
import type { Page } from 'playwright-core';
import { launchDoorman, startReplicaServer, type DoormanBrowser } from '../../tests/e2e/harness';
import {
  BASELINE_LABEL, alternate, countPosts, footer, header, interruptionsOf, launchPair, mainThreadMs, median, medianDelta,
  metrics, pageWithMetrics, recordPaints, usedHeap, X_MARKUP, type Interruptions, type PostMarkup, type Side,
} from './browser';
import { fmt } from './measure';
import type { Replica } from './replicas';

export { BSKY_REPLICA, LEAN_REPLICA, LINKEDIN_REPLICA, MASTODON_REPLICA, X_REPLICA, type Replica } from './replicas';

const TARGET_ITEMS = 1_000;
/** DOORMAN_BENCH_ROUNDS overrides (fewer pairs for a quick look; the figures are medians either way). */
const ROUNDS = Number(process.env.DOORMAN_BENCH_ROUNDS ?? 5) || 5;
/** The tall pass's baseline run only has to show that the instrument sees painted ads. */
const TALL_BASELINE_ITEMS = 300;
const WINDOW = { width: 1200, height: 900 };
const TALL = { width: 1200, height: 16_000 };
const TARGET_RATIO = 1.05;
const TARGET_HEAP_KIB = 1024;

interface RunResult extends Interruptions {
  items: number;
  appended: number;
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  heapGrowthBytes: number;
  wallMs: number;
}

/** Scrolls to the bottom as a reader would until `target` posts are in (both replicas refill on their own while the bottom is near). */
export async function scrollUntil(page: Page, target: number, markup: PostMarkup): Promise<number> {
  let n = await countPosts(page, markup);
  for (let i = 0; i < 1_200 && n < target; i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(50);
    n = await countPosts(page, markup);
  }
  return n;
}

async function oneRun(browser: DoormanBrowser, replica: Replica, viewport: { width: number; height: number }, target: number): Promise<RunResult> {
  const { page, cdp } = await pageWithMetrics(browser, viewport);
  await recordPaints(page);
  const markup = replica.markup ?? X_MARKUP;
  await page.goto(replica.url(target));
  await page.locator(markup.post).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(1_000);
  const first = await countPosts(page, markup);
  const heapBefore = await usedHeap(cdp);
  const before = await metrics(cdp);
  const t0 = Date.now();
  const items = await scrollUntil(page, target, markup);
  await page.waitForTimeout(1_000); // let the last batch render and the page go idle
  const after = await metrics(cdp);
  const wallMs = Date.now() - t0;
  const heapAfter = await usedHeap(cdp);
  const painted = await interruptionsOf(page, markup);
  await page.close();
  const { taskMs, scriptMs, styleMs, layoutMs } = mainThreadMs(before, after);
  return { items, appended: items - first, taskMs, scriptMs, styleMs, layoutMs, heapGrowthBytes: heapAfter - heapBefore, wallMs, ...painted };
}

const ms = (n: number) => `${fmt(n, 0)} ms`;
const kib = (n: number) => `${fmt(n / 1024, 0)} KiB`;
const perK = (r: RunResult) => (r.heapGrowthBytes / Math.max(1, r.appended)) * 1000;

/**
 * Measures and prints one replica's figures. DOORMAN_BENCH_BEFORE=<an older dist/> adds a third
 * browser with that build, run in every round beside the other two (the order rotating), so a change
 * is measured before and after in the same conditions; its figures print against the same baseline.
 */
export async function runOverhead(replica: Replica): Promise<void> {
  const beforeDist = process.env.DOORMAN_BENCH_BEFORE;
  header(`overhead on the ${replica.name} — ${fmt(TARGET_ITEMS)} items by infinite scroll, Doorman vs ${BASELINE_LABEL}, ${ROUNDS} alternating pairs${beforeDist ? `, and the build in ${beforeDist} ("before") in each round` : ''}`);
  const server = await startReplicaServer();
  const pair = await launchPair(server);
  let before: DoormanBrowser | null = null;
  const browsers: Record<Side, DoormanBrowser> = { doorman: pair.doorman, baseline: pair.baseline };
  let w: Record<Side, RunResult[]>;
  const wBefore: RunResult[] = [];
  let tall: { doorman: RunResult; baseline: RunResult | null };
  try {
    if (beforeDist) before = await launchDoorman({ server, dist: beforeDist });
    const b = before;
    let inRound = 0;
    w = await alternate(ROUNDS, async (side, round) => {
      // The older build once a round: first, between or last in turn.
      const slot = round % 3;
      const first = inRound++ % 2 === 0;
      if (b !== null && ((slot === 0 && first) || (slot === 1 && !first))) wBefore.push(await oneRun(b, replica, WINDOW, TARGET_ITEMS));
      const r = await oneRun(browsers[side], replica, WINDOW, TARGET_ITEMS);
      if (b !== null && slot === 2 && !first) wBefore.push(await oneRun(b, replica, WINDOW, TARGET_ITEMS));
      return r;
    });
    tall = {
      doorman: await oneRun(browsers.doorman, replica, TALL, TARGET_ITEMS),
      // Only a feed with ads needs the baseline's pass (it shows that the instrument sees painted ads).
      baseline: replica.hasAds ? await oneRun(browsers.baseline, replica, TALL, TALL_BASELINE_ITEMS) : null,
    };
  } finally {
    await before?.close();
    await pair.close();
    await server.close();
  }

  const d = w.doorman;
  const b = w.baseline;
  const m = (rs: RunResult[], f: (r: RunResult) => number) => median(rs.map(f));
  const items = m(d, (r) => r.items);
  const appended = m(d, (r) => r.appended);
  console.log(`\n${replica.name}: ${fmt(items)} items, ${fmt(appended)} appended while measured (median of ${ROUNDS} alternating pairs, ${WINDOW.width}×${WINDOW.height})`);
  const taskD = m(d, (r) => r.taskMs);
  const taskB = m(b, (r) => r.taskMs);
  const scriptD = m(d, (r) => r.scriptMs);
  const scriptB = m(b, (r) => r.scriptMs);
  console.log(`  main-thread time   Doorman ${ms(taskD)}, ${BASELINE_LABEL} ${ms(taskB)} → ratio ${fmt(taskD / taskB, 3)} (target ≤ ${TARGET_RATIO})`);
  console.log(`  script time        Doorman ${ms(scriptD)}, ${BASELINE_LABEL} ${ms(scriptB)} → ratio ${fmt(scriptD / scriptB, 3)}`);
  const styleD = m(d, (r) => r.styleMs);
  const styleB = m(b, (r) => r.styleMs);
  const layoutD = m(d, (r) => r.layoutMs);
  const layoutB = m(b, (r) => r.layoutMs);
  console.log(`  style + layout     Doorman ${ms(styleD)} + ${ms(layoutD)}, ${BASELINE_LABEL} ${ms(styleB)} + ${ms(layoutB)}`);
  const ownScript = medianDelta(d.map((r) => r.scriptMs), b.map((r) => r.scriptMs));
  console.log(`  Doorman's script   +${ms(ownScript)} = ${fmt((1000 * ownScript) / appended, 0)} µs per item = ${fmt((100 * ownScript) / taskB, 1)}% of the page's own main-thread time`);
  if (wBefore.length > 0) {
    const taskO = m(wBefore, (r) => r.taskMs);
    const scriptO = m(wBefore, (r) => r.scriptMs);
    const appendedO = m(wBefore, (r) => r.appended);
    const oldScript = medianDelta(wBefore.map((r) => r.scriptMs), b.map((r) => r.scriptMs));
    const oldHeap = medianDelta(wBefore.map(perK), b.map(perK));
    console.log(`  before (${beforeDist}): main-thread ${ms(taskO)} → ratio ${fmt(taskO / taskB, 3)}; script ${ms(scriptO)} → ratio ${fmt(scriptO / scriptB, 3)}; its script +${ms(oldScript)} = ${fmt((1000 * oldScript) / appendedO, 0)} µs per item; heap ${kib(oldHeap)} per 1,000 items over the baseline`);
  }
  const heapD = m(d, perK);
  const heapB = m(b, perK);
  const ownHeap = medianDelta(d.map(perK), b.map(perK));
  console.log(`  heap growth        Doorman ${kib(heapD)}, ${BASELINE_LABEL} ${kib(heapB)} per 1,000 items → Doorman's own ${kib(ownHeap)} per 1,000 items (target ≤ ${kib(TARGET_HEAP_KIB * 1024)})`);
  console.log(`  interruptions      ${tall.doorman.interruptions} collapsed/hidden of ${fmt(tall.doorman.items)}, all on screen as inserted (${TALL.width}×${fmt(TALL.height)}); ever painted: ${tall.doorman.interruptionsPainted} (target 0)`);
  const worst = Math.max(...d.map((r) => r.interruptionsPainted));
  // Only a feed with ads can show that the instrument sees paints here (the e2e paint tests prove it elsewhere).
  const proof = tall.baseline !== null ? `; with the ${BASELINE_LABEL}, ads painted: ${tall.baseline.adsPainted} of the first ${fmt(tall.baseline.items)} items (the instrument sees them)` : '';
  console.log(`                     in the ${WINDOW.width}×${WINDOW.height} window: ${worst} painted (worst run)${proof}`);
  const rows: [string, RunResult[]][] = [['doorman', d], ['baseline', b], ['before', wBefore], ['doorman (tall)', [tall.doorman]], ['baseline (tall)', tall.baseline ? [tall.baseline] : []]];
  for (const [k, rs] of rows) {
    for (const r of rs) console.log(`    ${k}: ${r.items} items (+${r.appended}), task ${fmt(r.taskMs, 0)} ms, script ${fmt(r.scriptMs, 0)} ms, style ${fmt(r.styleMs, 0)} ms, layout ${fmt(r.layoutMs, 0)} ms, heap +${fmt(r.heapGrowthBytes / 1024, 0)} KiB, painted interruptions ${r.interruptionsPainted}/${r.interruptions}, wall ${fmt(r.wallMs)} ms`);
  }
  footer();
}

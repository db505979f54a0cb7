// How Doorman's per-item cost grows with the size of the page: the lean replica
// (tests/e2e/replica/lean — plain X markup, no virtualisation, every item stays in the DOM, little
// page work per item) loading 100, 1,000 and 5,000 items, Doorman vs an empty extension
// (bench/lib/browser.ts), alternating pairs. Prints figures; asserts nothing.
//
// Per item = (main-thread time with Doorman − with the baseline) ÷ items, the median of the pairs'
// differences; main-thread time is CDP Performance.getMetrics TaskDuration (script time:
// ScriptDuration, printed alongside — steadier, but blind to the style and layout Doorman's marks
// cause) over the loading phase only: the page is opened with items=0, Doorman starts and settles,
// WARMUP unmeasured items go in — every account the lean replica has, so first-use costs (JIT, lazy
// set-up, learning the accounts' follow state and the snapshot round trip that follows) are paid
// before the phase, as the startup bench's business — then `__lean.load(n)` appends n items, a page
// of 20 per animation frame, each page fetched from the replica's HomeTimeline so the page-world
// reader sees real responses; the phase ends IDLE_MS after the last page.
// Also printed: the marginal cost per item between two sizes ((Δ at b − Δ at a) ÷ (b − a)), which
// no fixed cost per load can colour.
//
// Targets: ≤ 30 µs per item at every size; growth (per item at 5,000 ÷ per item at 100) ≤ 1.2 — a
// per-item cost that grows with the page means work proportional to everything already there.
//
//   npx vite build && node bench/run.mjs scale
import { startReplicaServer, type DoormanBrowser } from '../tests/e2e/harness';
import {
  BASELINE_LABEL, alternate, countPosts, footer, header, launchPair, mainThreadMs, median, medianDelta, metrics,
  pageWithMetrics, type Side,
} from './lib/browser';
import { fmt, row } from './lib/measure';

const SIZES = [100, 1_000, 5_000] as const;
const PAIRS = 5;
/** Items loaded before measuring: the lean replica's 54 accounts all appear within the first 100. */
const WARMUP = 100;
const IDLE_MS = 500;
const WINDOW = { width: 1200, height: 900 };
const TARGET_US = 30;
const TARGET_GROWTH = 1.2;

interface RunResult {
  items: number;
  taskMs: number;
  scriptMs: number;
  /** Style recalculation plus layout: what Doorman's marks and stylesheet cost the page's rendering. */
  styleLayoutMs: number;
  wallMs: number;
}

type Lean = { __lean: { load(n: number): Promise<number> } };

async function oneRun(browser: DoormanBrowser, items: number): Promise<RunResult> {
  const { page, cdp } = await pageWithMetrics(browser, WINDOW);
  await page.goto('https://x.com/home?lean=1&items=0');
  await page.locator('html[data-lean-loaded="0"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(1_000);
  await page.evaluate((n) => (window as unknown as Lean).__lean.load(n), WARMUP);
  await page.waitForTimeout(700);
  const before = await metrics(cdp);
  const t0 = Date.now();
  await page.evaluate((n) => (window as unknown as Lean).__lean.load(n), items);
  const wallMs = Date.now() - t0;
  await page.waitForTimeout(IDLE_MS);
  const after = await metrics(cdp);
  const loaded = (await countPosts(page)) - WARMUP;
  await page.close();
  if (loaded !== items) throw new Error(`the lean replica loaded ${loaded} items, not ${items}`);
  const { taskMs, scriptMs, layoutMs, styleMs } = mainThreadMs(before, after);
  return { items, taskMs, scriptMs, styleLayoutMs: layoutMs + styleMs, wallMs };
}

header(`scale — the lean replica with ${SIZES.map((n) => fmt(n)).join(', ')} items, Doorman vs ${BASELINE_LABEL}, median of ${PAIRS} alternating pairs each`);
const server = await startReplicaServer();
const pair = await launchPair(server);
const browsers: Record<Side, DoormanBrowser> = { doorman: pair.doorman, baseline: pair.baseline };
const results = new Map<number, Record<Side, RunResult[]>>();
try {
  for (const size of SIZES) results.set(size, await alternate(PAIRS, (side) => oneRun(browsers[side], size)));
} finally {
  await pair.close();
  await server.close();
}

const perItem = new Map<number, { task: number; script: number }>();
const deltas = new Map<number, number>();
console.log('');
for (const size of SIZES) {
  const r = results.get(size)!;
  const task = medianDelta(r.doorman.map((x) => x.taskMs), r.baseline.map((x) => x.taskMs));
  const script = medianDelta(r.doorman.map((x) => x.scriptMs), r.baseline.map((x) => x.scriptMs));
  deltas.set(size, task);
  const us = { task: (1000 * task) / size, script: (1000 * script) / size };
  perItem.set(size, us);
  const styleLayout = medianDelta(r.doorman.map((x) => x.styleLayoutMs), r.baseline.map((x) => x.styleLayoutMs));
  const m = (side: Side, k: 'taskMs' | 'scriptMs' | 'styleLayoutMs') => fmt(median(r[side].map((x) => x[k])), 0);
  row(`${fmt(size)} items: Doorman's own per item`, `${fmt(us.task, 1)} µs main thread, ${fmt(us.script, 1)} µs script, ${fmt((1000 * styleLayout) / size, 1)} µs style+layout (target ≤ ${TARGET_US} µs main thread)`);
  console.log(`      main thread Doorman ${m('doorman', 'taskMs')} ms, ${BASELINE_LABEL} ${m('baseline', 'taskMs')} ms; script ${m('doorman', 'scriptMs')} vs ${m('baseline', 'scriptMs')} ms; style+layout ${m('doorman', 'styleLayoutMs')} vs ${m('baseline', 'styleLayoutMs')} ms`);
}
const [first, last] = [SIZES[0], SIZES[SIZES.length - 1]!];
const small = perItem.get(first)!;
const large = perItem.get(last)!;
row(`growth ${fmt(last)} vs ${fmt(first)} (per item)`, `${fmt(large.task / small.task, 2)}× main thread, ${fmt(large.script / small.script, 2)}× script (target ≤ ${TARGET_GROWTH}×)`);
for (let i = 1; i < SIZES.length; i++) {
  const a = SIZES[i - 1]!;
  const b = SIZES[i]!;
  row(`marginal per item ${fmt(a)} → ${fmt(b)}`, `${fmt((1000 * (deltas.get(b)! - deltas.get(a)!)) / (b - a), 1)} µs main thread`);
}
for (const size of SIZES) {
  for (const side of ['doorman', 'baseline'] as const) {
    const rs = results.get(size)![side];
    console.log(`    ${fmt(size)} ${side}: task ${rs.map((x) => fmt(x.taskMs, 0)).join(' ')} ms; script ${rs.map((x) => fmt(x.scriptMs, 0)).join(' ')} ms; wall ${rs.map((x) => fmt(x.wallMs, 0)).join(' ')} ms`);
  }
}
footer();

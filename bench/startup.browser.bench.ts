// Startup cost of Doorman's content scripts on the x.com replica (https://x.com/home), against an
// empty extension (bench/lib/browser.ts), median of ROUNDS loads each, Doorman and the baseline
// alternating. Prints figures; asserts nothing.
//
// (a) Evaluation time of each content script at document_start, measured by the browser: a CDP trace
//     (Tracing, category devtools.timeline) of one page load, summing the `EvaluateScript` events of
//     the page's main frame whose URL is chrome-extension://<id>/src/sites/x/content.js (isolated
//     world) or …/page-world.js (MAIN world); the nested `v8.compile` events split it into compile
//     and run. `dur` is wall time on the renderer's main thread — what the page waits for, since
//     document_start scripts run before the parser goes on — and `tdur` its CPU time (printed too: on a
//     busy machine wall time includes being descheduled). Chrome compiles content scripts from source
//     on every load (no code cache), so every load pays the whole cost. Why a trace and not the
//     Profiler: sampling cannot see a 5 ms target reliably, and a trace times compilation exactly.
//     The empty extension's no-op scripts are traced the same way: the floor any content script costs.
// (b) DOMContentLoaded and load (PerformanceNavigationTiming, from navigation start) and
// (c) first contentful paint (the paint timing entry), Doorman ÷ baseline — taken on loads WITHOUT
//     tracing (tracing slows the page by the events it records, and Doorman adds events), so every
//     round has four loads: traced and untraced, for each side.
// Also printed: the size of dist/src/sites/x/content.js and page-world.js as built (minify: false),
// and minified (rolldown's oxc minifier), with gzip sizes.
//
// Targets: evaluation ≤ 5 ms, DCL within 1.05×, content script ≤ 100 KB minified.
//
//   npx vite build && node bench/run.mjs startup
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { minifySync } from 'rolldown/utils';
import { DEFAULT_DIST, startReplicaServer, type DoormanBrowser, type EmptyBrowser } from '../tests/e2e/harness';
import { BASELINE, BASELINE_LABEL, alternate, footer, header, launchPair, median, type Side } from './lib/browser';
import { fmt, row } from './lib/measure';

const ROUNDS = 10;
const URL_HOME = 'https://x.com/home';
const SCRIPTS = ['src/sites/x/content.js', 'src/sites/x/page-world.js'] as const;
const TARGET_EVAL_MS = 5;
const TARGET_DCL = 1.05;
const TARGET_KB = 100;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string }; fileName?: string };
}

interface Evaluation {
  /** Wall / CPU milliseconds of EvaluateScript, and of the v8.compile inside it. */
  wallMs: number;
  cpuMs: number;
  compileMs: number;
}

interface TracedLoad {
  /** By Doorman's script path (the baseline's no-op stand-ins are filed under the script they stand in for). */
  scripts: Record<string, Evaluation>;
}

interface TimedLoad {
  dclMs: number;
  loadMs: number;
  fcpMs: number;
}

async function mainFrameId(cdp: CDPSession): Promise<string> {
  const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  return tree.frameTree.frame.id;
}

async function waitForPage(page: Page): Promise<void> {
  await page.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 &&
    (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd !== 0);
}

/** The script URL each of Doorman's scripts has in this browser (the baseline: its no-op stand-in). */
function scriptUrls(browser: DoormanBrowser, side: Side): Map<string, string> {
  const urls = new Map<string, string>();
  for (const s of SCRIPTS) {
    const file = side === 'baseline' && BASELINE === 'empty' ? (browser as EmptyBrowser).empty.standIns.get(s) : s;
    if (file && browser.extensionId) urls.set(`chrome-extension://${browser.extensionId}/${file}`, s);
  }
  return urls;
}

async function tracedLoad(browser: DoormanBrowser, side: Side): Promise<TracedLoad> {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const frame = await mainFrameId(cdp);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => { events.push(...(e.value as unknown as TraceEvent[])); });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.goto(URL_HOME);
  await waitForPage(page);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();

  const urls = scriptUrls(browser, side);
  const scripts: Record<string, Evaluation> = {};
  for (const s of SCRIPTS) scripts[s] = { wallMs: 0, cpuMs: 0, compileMs: 0 };
  const evals = events.filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.frame === frame && urls.has(e.args.data.url ?? ''));
  for (const e of evals) {
    const s = urls.get(e.args!.data!.url!)!;
    const acc = scripts[s]!;
    acc.wallMs += (e.dur ?? 0) / 1000;
    acc.cpuMs += (e.tdur ?? 0) / 1000;
    const end = e.ts + (e.dur ?? 0);
    for (const c of events) {
      if (c.name === 'v8.compile' && c.pid === e.pid && c.tid === e.tid && c.ts >= e.ts && c.ts <= end && (c.args?.data?.url ?? c.args?.fileName) === e.args!.data!.url) {
        acc.compileMs += (c.dur ?? 0) / 1000;
      }
    }
  }
  return { scripts };
}

async function timedLoad(browser: DoormanBrowser): Promise<TimedLoad> {
  const page = await browser.newPage();
  await page.goto(URL_HOME);
  await waitForPage(page);
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { dclMs: nav.domContentLoadedEventStart, loadMs: nav.loadEventStart, fcpMs: performance.getEntriesByName('first-contentful-paint')[0]!.startTime };
  });
  await page.close();
  return t;
}

function sizes(file: string): { raw: number; gz: number; min: number; minGz: number } {
  const src = readFileSync(file, 'utf8');
  const min = minifySync(file, src, { compress: true, mangle: true }).code;
  return { raw: Buffer.byteLength(src), gz: gzipSync(src).length, min: Buffer.byteLength(min), minGz: gzipSync(min).length };
}

const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
const ms = (n: number) => `${fmt(n, 2)} ms`;

header(`startup — ${URL_HOME} on the x.com replica, median of ${ROUNDS} loads each, Doorman and ${BASELINE_LABEL} alternating`);
const server = await startReplicaServer();
const pair = await launchPair(server);
const browsers: Record<Side, DoormanBrowser> = { doorman: pair.doorman, baseline: pair.baseline };
let traced: Record<Side, TracedLoad[]>;
let timed: Record<Side, TimedLoad[]>;
try {
  // One unmeasured load each: the first navigation of a fresh profile pays for more than the page.
  for (const b of Object.values(browsers)) await timedLoad(b);
  traced = { doorman: [], baseline: [] };
  timed = await alternate(ROUNDS, async (side) => {
    traced[side].push(await tracedLoad(browsers[side], side));
    return timedLoad(browsers[side]);
  });
} finally {
  await pair.close();
  await server.close();
}

console.log('\n  content-script evaluation at document_start (CDP trace: EvaluateScript, wall time; CPU time and compile share in brackets)');
for (const s of SCRIPTS) {
  const m = (side: Side, k: keyof Evaluation) => median(traced[side].map((t) => t.scripts[s]![k]));
  const world = s.endsWith('page-world.js') ? 'MAIN world' : 'isolated world';
  row(`${s.split('/').pop()} (${world})`, `Doorman ${ms(m('doorman', 'wallMs'))} (CPU ${ms(m('doorman', 'cpuMs'))}, compile ${ms(m('doorman', 'compileMs'))}); ${BASELINE_LABEL} ${ms(m('baseline', 'wallMs'))}`);
}
const totals = (side: Side) => traced[side].map((t) => SCRIPTS.reduce((sum, s) => sum + t.scripts[s]!.wallMs, 0));
const evalDoorman = median(totals('doorman'));
const evalBaseline = median(totals('baseline'));
row('both scripts', `Doorman ${ms(evalDoorman)}, ${BASELINE_LABEL} ${ms(evalBaseline)} → Doorman's own ${ms(evalDoorman - evalBaseline)} (target ≤ ${TARGET_EVAL_MS} ms)`);
if (traced.doorman.some((t) => t.scripts[SCRIPTS[0]]!.wallMs === 0)) console.log('  ! some traced loads had no EvaluateScript event for content.js: the figure above is not trustworthy');

console.log(`\n  page load (navigation timing, untraced loads), Doorman ÷ ${BASELINE_LABEL}`);
const ratio = (k: keyof TimedLoad, target?: number) => {
  const d = median(timed.doorman.map((t) => t[k]));
  const b = median(timed.baseline.map((t) => t[k]));
  return `Doorman ${ms(d)}, ${BASELINE_LABEL} ${ms(b)} → ${fmt(d / b, 3)}×${target ? ` (target ≤ ${target}×)` : ''}`;
};
row('DOMContentLoaded', ratio('dclMs', TARGET_DCL));
row('load', ratio('loadMs'));
row('first contentful paint', ratio('fcpMs'));

console.log('\n  content-script size (dist/, as built with minify: false → minified by oxc; gzip in brackets)');
for (const s of SCRIPTS) {
  const z = sizes(join(DEFAULT_DIST, s));
  const target = s.endsWith('content.js') ? ` (target ≤ ${TARGET_KB} KB minified)` : '';
  row(s.split('/').pop()!, `${kb(z.raw)} (${kb(z.gz)}) → ${kb(z.min)} (${kb(z.minGz)})${target}`);
}
for (const side of ['doorman', 'baseline'] as const) {
  console.log(`    ${side}: eval ${traced[side].map((t) => fmt(SCRIPTS.reduce((x, s) => x + t.scripts[s]!.wallMs, 0), 1)).join(' ')} ms; DCL ${timed[side].map((t) => fmt(t.dclMs, 0)).join(' ')} ms; FCP ${timed[side].map((t) => fmt(t.fcpMs, 0)).join(' ')} ms`);
}
footer();

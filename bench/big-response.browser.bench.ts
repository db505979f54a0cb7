// What the page-world reader costs the page on a huge API response: the big-response replica
// (tests/e2e/replica/big) serves a ~10 MiB HomeTimeline of real-shaped entries — far past the
// reader's size cap (src/page-world/hooks.ts, MAX_BODY_BYTES) — with a Content-Length and without one
// (chunked), fetched by the page with XMLHttpRequest (JSON.parse of responseText, like X's web app)
// and with fetch() + response.json(). Doorman should skip all four unread: its cost must not grow
// with the response's size. A fifth variant, a 1.9 MiB response just under the cap, shows what reading
// the largest body Doorman still reads costs (through the page's own JSON.parse: no second parse).
//
// Per variant, from just before the page's request until IDLE_MS after the page has parsed it
// (Doorman's deferred reads and the content script's handling land in that window), after forced GCs
// so one variant's garbage is not collected on the next one's account, CDP Performance.getMetrics:
// the main thread's CPU time (ThreadTime — what the page's thread actually spent, steady on a busy
// machine), its task time (TaskDuration — wall time inside tasks, which a loaded machine inflates)
// and script time (ScriptDuration). Three browsers on one replica server, each with one page open per
// round: Doorman, the empty extension (bench/lib/browser.ts) and no extension; each variant is run on
// the three back to back, in an order that rotates, so the three samples of a variant are seconds
// apart. ROUNDS rounds. Printed: medians, and Doorman ÷ empty extension as the median of the rounds'
// ratios. Asserts nothing.
//
//   npm run build && node bench/run.mjs big-response       (BIG_BENCH_ROUNDS=1 for a quick look)
import type { CDPSession, Page } from 'playwright-core';
import { launchDoorman, launchEmptyExtension, startReplicaServer, type DoormanBrowser } from '../tests/e2e/harness';
import { footer, header, mainThreadMs, median, metrics, pageWithMetrics } from './lib/browser';
import { fmt, row } from './lib/measure';

const ROUNDS = Number(process.env.BIG_BENCH_ROUNDS ?? '5') || 5;
const IDLE_MS = 400;
const PAGE = 'https://x.com/home?big=1';
const VARIANTS = [
  { name: '10 MiB, XHR, Content-Length', transport: 'xhr', withLength: true, mb: 10 },
  { name: '10 MiB, XHR, chunked (no length)', transport: 'xhr', withLength: false, mb: 10 },
  { name: '10 MiB, fetch, Content-Length', transport: 'fetch', withLength: true, mb: 10 },
  { name: '10 MiB, fetch, chunked (no length)', transport: 'fetch', withLength: false, mb: 10 },
  { name: '1.9 MiB (under the cap: read), XHR, chunked', transport: 'xhr', withLength: false, mb: 1.9 },
] as const;
type VariantName = (typeof VARIANTS)[number]['name'];

const SIDES = ['empty', 'doorman', 'none'] as const;
type Side = (typeof SIDES)[number];
const LABEL: Record<Side, string> = { doorman: 'Doorman', empty: 'empty extension', none: 'no extension' };

interface Sample {
  cpuMs: number;
  taskMs: number;
  scriptMs: number;
  wallMs: number;
  entries: number;
}

type Big = { __big: { load(transport: string, withLength: boolean, mb: number): Promise<number> } };

async function gc(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

interface Tab {
  page: Page;
  cdp: CDPSession;
}

async function openTab(browser: DoormanBrowser): Promise<Tab> {
  const tab = await pageWithMetrics(browser);
  await tab.page.goto(PAGE);
  await tab.page.waitForFunction(() => typeof (window as unknown as Partial<Big>).__big === 'object');
  await tab.page.waitForTimeout(500);
  return tab;
}

/** One request of one variant in an open tab. */
async function measure({ page, cdp }: Tab, v: (typeof VARIANTS)[number]): Promise<Sample> {
  await gc(cdp);
  await page.waitForTimeout(100);
  const before = await metrics(cdp);
  const t0 = Date.now();
  const entries = await page.evaluate(([t, l, mb]) => (window as unknown as Big).__big.load(t, l, mb), [v.transport, v.withLength, v.mb] as const);
  const wallMs = Date.now() - t0;
  await page.waitForTimeout(IDLE_MS);
  const after = await metrics(cdp);
  const { taskMs, scriptMs } = mainThreadMs(before, after);
  const cpuMs = ((after.ThreadTime ?? 0) - (before.ThreadTime ?? 0)) * 1000;
  return { cpuMs, taskMs, scriptMs, wallMs, entries };
}

header(`big response — a ~10 MiB HomeTimeline via XHR and fetch, with and without Content-Length, and one just under the cap; Doorman vs empty extension vs no extension, ${ROUNDS} rotating rounds`);
const server = await startReplicaServer();
const browsers = {} as Record<Side, DoormanBrowser>;
const results: Record<Side, Map<VariantName, Sample>[]> = { doorman: [], empty: [], none: [] };
try {
  browsers.doorman = await launchDoorman({ server });
  browsers.empty = await launchEmptyExtension({ server });
  browsers.none = await launchDoorman({ server, dist: null });
  const warm = await openTab(browsers.none); // builds and caches the bodies on the server
  for (const v of VARIANTS) await measure(warm, v);
  await warm.page.close();
  for (let r = 0; r < ROUNDS; r++) {
    const tabs = {} as Record<Side, Tab>;
    for (const side of SIDES) tabs[side] = await openTab(browsers[side]);
    for (const side of SIDES) results[side].push(new Map());
    for (const [k, v] of VARIANTS.entries()) {
      for (let i = 0; i < SIDES.length; i++) {
        const side = SIDES[(i + r + k) % SIDES.length]!;
        results[side][r]!.set(v.name, await measure(tabs[side], v));
      }
    }
    for (const side of SIDES) await tabs[side].page.close();
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  await server.close();
}

const ms = (n: number) => `${fmt(n, 0)} ms`;
const sample = (side: Side, v: VariantName, round: number): Sample => results[side][round]!.get(v)!;
const med = (side: Side, v: VariantName, k: keyof Sample) => median(results[side].map((m) => m.get(v)![k]));
const ratio = (a: Side, b: Side, v: VariantName, k: 'cpuMs' | 'taskMs' | 'scriptMs') =>
  median(results[a].map((_, i) => sample(a, v, i)[k] / sample(b, v, i)[k]));

console.log('');
for (const v of VARIANTS) {
  const entries = med('none', v.name, 'entries');
  console.log(`  ${v.name}: ${fmt(entries)} entries parsed by the page`);
  row('  main-thread CPU (ThreadTime)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'cpuMs'))}`).join(', '));
  row('  main-thread tasks (TaskDuration)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'taskMs'))}`).join(', '));
  row('  script (ScriptDuration)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'scriptMs'))}`).join(', '));
  const ratios = (b: Side) => (['cpuMs', 'taskMs', 'scriptMs'] as const).map((k) => {
    const x = ratio('doorman', b, v.name, k);
    return Number.isFinite(x) ? fmt(x, 3) : 'n/a'; // fetch's response.json() parse is not script time
  });
  const [cpuE, taskE, scriptE] = ratios('empty');
  const [cpuN, taskN, scriptN] = ratios('none');
  row('  Doorman ÷ empty extension', `${cpuE} CPU, ${taskE} tasks, ${scriptE} script (median of per-round ratios)`);
  row('  Doorman ÷ no extension', `${cpuN} CPU, ${taskN} tasks, ${scriptN} script`);
  row('  wall (request → parsed)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'wallMs'))}`).join(', '));
}
for (const s of SIDES) {
  for (const v of VARIANTS) {
    const list = (k: keyof Sample) => results[s].map((m) => fmt(m.get(v.name)![k], 0)).join(' ');
    console.log(`    ${LABEL[s]}, ${v.name}: CPU ${list('cpuMs')} ms; tasks ${list('taskMs')} ms; script ${list('scriptMs')} ms`);
  }
}
footer();

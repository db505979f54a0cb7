// What the page-world reader costs the page on a huge API response: the big-response replica
// (tests/e2e/replica/big) serves a ~10 MiB HomeTimeline of real-shaped entries — far past the
// reader's size cap (src/page-world/hooks.ts, MAX_BODY_BYTES) — with a Content-Length and without one
// (chunked), fetched by the page with XMLHttpRequest (JSON.parse of responseText, like X's web app)
// and with fetch() + response.json(). Doorman should skip all four unread: its cost must not grow
// with the response's size. A fifth variant, a 1.9 MiB response just under the cap, shows what reading
// the largest body Doorman still reads costs (through the page's own JSON.parse: no second parse).
//
// Per variant, the main-thread time (CDP Performance.getMetrics TaskDuration; ScriptDuration alongside)
// from just before the page's request until IDLE_MS after the page has parsed it (Doorman's deferred
// reads and the content script's handling land in that window), after forced GCs so one variant's
// garbage is not collected on the next one's account. Three browsers on one replica server: Doorman,
// the empty extension (bench/lib/browser.ts) and no extension; ROUNDS rounds, the order of the three
// rotating each round. Printed: medians, and Doorman ÷ empty extension as the median of the rounds'
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

/** One page, all four variants in turn. */
async function oneRun(browser: DoormanBrowser): Promise<Map<VariantName, Sample>> {
  const { page, cdp }: { page: Page; cdp: CDPSession } = await pageWithMetrics(browser);
  await page.goto(PAGE);
  await page.waitForFunction(() => typeof (window as unknown as Partial<Big>).__big === 'object');
  await page.waitForTimeout(500);
  const out = new Map<VariantName, Sample>();
  for (const v of VARIANTS) {
    await gc(cdp);
    await page.waitForTimeout(100);
    const before = await metrics(cdp);
    const t0 = Date.now();
    const entries = await page.evaluate(([t, l, mb]) => (window as unknown as Big).__big.load(t, l, mb), [v.transport, v.withLength, v.mb] as const);
    const wallMs = Date.now() - t0;
    await page.waitForTimeout(IDLE_MS);
    const after = await metrics(cdp);
    const { taskMs, scriptMs } = mainThreadMs(before, after);
    out.set(v.name, { taskMs, scriptMs, wallMs, entries });
  }
  await page.close();
  return out;
}

header(`big response — a ~10 MiB HomeTimeline via XHR and fetch, with and without Content-Length, and one just under the cap; Doorman vs empty extension vs no extension, ${ROUNDS} rotating rounds`);
const server = await startReplicaServer();
const browsers = {} as Record<Side, DoormanBrowser>;
const results: Record<Side, Map<VariantName, Sample>[]> = { doorman: [], empty: [], none: [] };
try {
  browsers.doorman = await launchDoorman({ server });
  browsers.empty = await launchEmptyExtension({ server });
  browsers.none = await launchDoorman({ server, dist: null });
  await oneRun(browsers.none); // builds and caches the body on the server; warms the replica
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < SIDES.length; i++) {
      const side = SIDES[(i + r) % SIDES.length]!;
      results[side].push(await oneRun(browsers[side]));
    }
  }
} finally {
  for (const b of Object.values(browsers)) await b.close();
  await server.close();
}

const ms = (n: number) => `${fmt(n, 0)} ms`;
const sample = (side: Side, v: VariantName, round: number): Sample => results[side][round]!.get(v)!;
const med = (side: Side, v: VariantName, k: keyof Sample) => median(results[side].map((m) => m.get(v)![k]));
const ratio = (a: Side, b: Side, v: VariantName, k: 'taskMs' | 'scriptMs') =>
  median(results[a].map((_, i) => sample(a, v, i)[k] / sample(b, v, i)[k]));

console.log('');
for (const v of VARIANTS) {
  const entries = med('none', v.name, 'entries');
  console.log(`  ${v.name}: ${fmt(entries)} entries parsed by the page`);
  row('  main thread (TaskDuration)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'taskMs'))}`).join(', '));
  row('  script (ScriptDuration)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'scriptMs'))}`).join(', '));
  row('  Doorman ÷ empty extension', `${fmt(ratio('doorman', 'empty', v.name, 'taskMs'), 3)} main thread, ${fmt(ratio('doorman', 'empty', v.name, 'scriptMs'), 3)} script (median of per-round ratios)`);
  row('  Doorman ÷ no extension', `${fmt(ratio('doorman', 'none', v.name, 'taskMs'), 3)} main thread, ${fmt(ratio('doorman', 'none', v.name, 'scriptMs'), 3)} script`);
  row('  wall (request → parsed)', SIDES.map((s) => `${LABEL[s]} ${ms(med(s, v.name, 'wallMs'))}`).join(', '));
}
for (const s of SIDES) {
  for (const v of VARIANTS) {
    console.log(`    ${LABEL[s]}, ${v.name}: task ${results[s].map((m) => fmt(m.get(v.name)!.taskMs, 0)).join(' ')} ms; script ${results[s].map((m) => fmt(m.get(v.name)!.scriptMs, 0)).join(' ')} ms`);
  }
}
footer();

// Helpers the browser benchmarks share: Doorman and its baseline side by side, alternating runs,
// CDP metrics and heap, the painted-interruption recorder, medians and a header line.
//
// The baseline is an empty extension (tests/e2e/harness/empty-extension.ts: no-op content scripts on
// the same hosts, in the same worlds, at the same run_at), so "Doorman ÷ baseline" is Doorman's own
// code rather than the price of being an extension. DOORMAN_BENCH_BASELINE=none compares against no
// extension at all (the harness's `dist: null`) instead.
import { execFileSync } from 'node:child_process';
import type { CDPSession, Page } from 'playwright-core';
import {
  CHROMIUM_PATH, launchDoorman, launchEmptyExtension, type DoormanBrowser, type ReplicaServer,
} from '../../tests/e2e/harness';
import { loadNote } from './measure';

export type BaselineKind = 'empty' | 'none';
export const BASELINE: BaselineKind = process.env.DOORMAN_BENCH_BASELINE === 'none' ? 'none' : 'empty';
export const BASELINE_LABEL = BASELINE === 'empty' ? 'empty extension' : 'no extension';

export type Side = 'doorman' | 'baseline';

export interface Pair {
  doorman: DoormanBrowser;
  baseline: DoormanBrowser;
  close(): Promise<void>;
}

/** Two browsers on the same replica server: Doorman (dist/ or DOORMAN_DIST) and the baseline. */
export async function launchPair(server: Pick<ReplicaServer, 'port' | 'hosts'>): Promise<Pair> {
  const doorman = await launchDoorman({ server });
  let baseline: DoormanBrowser;
  try {
    baseline = BASELINE === 'empty' ? await launchEmptyExtension({ server }) : await launchDoorman({ server, dist: null });
  } catch (e) {
    await doorman.close();
    throw e;
  }
  return {
    doorman,
    baseline,
    async close() {
      await doorman.close();
      await baseline.close();
    },
  };
}

/**
 * Runs `run` for both sides `rounds` times, alternating which goes first (baseline first in even
 * rounds), so drift in the machine's load and any order effect touch both alike.
 */
export async function alternate<T>(rounds: number, run: (side: Side, round: number) => Promise<T>): Promise<Record<Side, T[]>> {
  const out: Record<Side, T[]> = { doorman: [], baseline: [] };
  for (let r = 0; r < rounds; r++) {
    const order: Side[] = r % 2 === 0 ? ['baseline', 'doorman'] : ['doorman', 'baseline'];
    for (const side of order) out[side].push(await run(side, r));
  }
  return out;
}

export type Metrics = Record<string, number>;

/** CDP Performance.getMetrics as a name → value map (Performance.enable must have been sent). */
export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Main-thread figures between two metric snapshots, in milliseconds. */
export function mainThreadMs(before: Metrics, after: Metrics): { taskMs: number; scriptMs: number; layoutMs: number; styleMs: number } {
  const d = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
  return { taskMs: d('TaskDuration'), scriptMs: d('ScriptDuration'), layoutMs: d('LayoutDuration'), styleMs: d('RecalcStyleDuration') };
}

/** JS heap in use after two forced collections. */
export async function usedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

/** A page with Performance metrics on. */
export async function pageWithMetrics(browser: DoormanBrowser, viewport?: { width: number; height: number }): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/**
 * Records every element the browser paints that carries an `elementtiming` attribute (the replicas
 * put one on each post's text) in `window.__painted`, from before the page's own scripts run.
 */
export async function recordPaints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const painted = new Set<string>();
    (window as unknown as { __painted: Set<string> }).__painted = painted;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) painted.add((e as PerformanceEntry & { identifier: string }).identifier);
    }).observe({ type: 'element', buffered: true });
  });
}

export interface Interruptions {
  /** Posts Doorman collapsed or hid. */
  interruptions: number;
  /** Of those, how many the browser had painted at some moment. */
  interruptionsPainted: number;
  /** Ads (placementTracking ancestor) that were painted: with the baseline, proof the instrument sees them. */
  adsPainted: number;
}

/** Where a replica's posts are: the post root, the element Doorman marks, and an ad wrapper (if the site has ads). */
export interface PostMarkup {
  post: string;
  /** Closest ancestor (or the post itself) that carries Doorman's mark. */
  cell: string;
  /** An ancestor that marks the post as an ad, or null. */
  ad: string | null;
}

export const X_MARKUP: PostMarkup = { post: 'article[data-testid="tweet"]', cell: '[data-testid="cellInnerDiv"]', ad: '[data-testid="placementTracking"]' };

/** Reads the page's posts against what recordPaints saw. */
export function interruptionsOf(page: Page, markup: PostMarkup = X_MARKUP): Promise<Interruptions> {
  return page.evaluate((m) => {
    const painted = (window as unknown as { __painted?: Set<string> }).__painted ?? new Set<string>();
    let interruptions = 0;
    let interruptionsPainted = 0;
    let adsPainted = 0;
    for (const a of document.querySelectorAll(m.post)) {
      const id = a.querySelector('[elementtiming]')?.getAttribute('elementtiming') ?? '';
      const mark = a.closest(m.cell)?.getAttribute('data-doorman');
      if (m.ad !== null && a.closest(m.ad) && painted.has(id)) adsPainted++;
      if (mark === 'collapse' || mark === 'hide') {
        interruptions++;
        if (painted.has(id)) interruptionsPainted++;
      }
    }
    return { interruptions, interruptionsPainted, adsPainted };
  }, markup);
}

export const countPosts = (page: Page, markup: PostMarkup = X_MARKUP): Promise<number> =>
  page.evaluate((sel) => document.querySelectorAll(sel).length, markup.post);

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median of the per-round differences doorman[i] − baseline[i] (runs of one round share the machine's mood). */
export function medianDelta(doorman: readonly number[], baseline: readonly number[]): number {
  return median(doorman.map((d, i) => d - (baseline[i] ?? NaN)));
}

let chromiumVersion: string | undefined;
function chromium(): string {
  if (chromiumVersion === undefined) {
    try {
      chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      chromiumVersion = CHROMIUM_PATH;
    }
  }
  return chromiumVersion;
}

/** The first lines every browser benchmark prints: what it measures, against what, on what machine. */
export function header(title: string): void {
  console.log(title);
  console.log(`  baseline: ${BASELINE_LABEL}${BASELINE === 'empty' ? ' (no-op content scripts on the same hosts; DOORMAN_BENCH_BASELINE=none: no extension)' : ''}`);
  console.log(`  ${chromium()}, headless; ${loadNote()}`);
}

/** Printed at the end too: a long benchmark can start on a quiet machine and end on a busy one. */
export function footer(): void {
  console.log(`  (at the end: ${loadNote()})`);
}

// Timing helpers shared by benchmarks: repeated runs, best and median, and aligned printing.
import { cpus, loadavg } from 'node:os';

export interface Runs {
  /** Wall-clock milliseconds per run, in run order. */
  times: number[];
  best: number;
  median: number;
  /** This process's CPU milliseconds (user + system) per run: steadier than wall time on a busy machine. */
  cpuTimes: number[];
  cpuBest: number;
  cpuMedian: number;
}

function bestAndMedian(xs: number[]): [number, number] {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return [sorted[0]!, median];
}

export function timeRuns(runs: number, fn: () => void): Runs {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
  }
  const [best, median] = bestAndMedian(times);
  const [cpuBest, cpuMedian] = bestAndMedian(cpuTimes);
  return { times, best, median, cpuTimes, cpuBest, cpuMedian };
}

/** Load average over the last minute against the number of cores, to flag figures taken on a busy machine. */
export function loadNote(): string {
  const [one] = loadavg();
  const cores = cpus().length;
  return `load ${one!.toFixed(2)} on ${cores} cores${one! > cores * 0.5 ? ' — busy machine: wall-clock figures are pessimistic' : ''}`;
}

/** A seeded PRNG (mulberry32) so every run benchmarks the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function row(label: string, value: string): void {
  console.log(`  ${label.padEnd(38)} ${value}`);
}

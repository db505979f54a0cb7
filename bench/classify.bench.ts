// Classification throughput: 100 user rules, 5,000 follows, 500 allowlist entries, 100,000 varied items.
// Prints figures; asserts nothing. Target: ≥ 500,000 items/s on a developer machine.
import { classify } from '../src/core/classify';
import { compileSnapshot, type CompiledRuleset } from '../src/core/compile';
import type { FeedItem } from '../src/core/model';
import { Snapshot } from '../src/core/snapshot';
import { buildWorkload } from './lib/feed-data';
import { fmt, loadNote, row, timeRuns } from './lib/measure';

const TARGET = 500_000;
const RUNS = 9;

const t0 = performance.now();
const w = buildWorkload({ items: 100_000, follows: 5_000, allowlist: 500 });
const genMs = performance.now() - t0;
const raw = { revision: 1, settings: {}, rules: w.rules, allowlist: w.allowlist, follows: w.follows, overrides: [] };

// What a content script does with a new snapshot: validate it, then compile it (first time, and warm).
let snapshot = Snapshot.parse(raw);
const parse = timeRuns(5, () => {
  snapshot = Snapshot.parse(raw);
});
let rs: CompiledRuleset | undefined;
const coldCompile = timeRuns(1, () => {
  rs = compileSnapshot(snapshot);
});
const compile = timeRuns(10, () => {
  rs = compileSnapshot(snapshot);
});

// Keeps the JIT from discarding verdicts, and tells us what the workload looks like.
const counts = new Map<string, number>();
function classifyAll(items: readonly FeedItem[], record: boolean): number {
  let sink = 0;
  for (let i = 0; i < items.length; i++) {
    const v = classify(items[i]!, rs!);
    sink += v.reason.length;
    if (record) counts.set(v.reasonCode, (counts.get(v.reasonCode) ?? 0) + 1);
  }
  return sink;
}

classifyAll(w.items, true);
for (let i = 0; i < 4; i++) classifyAll(w.items, false); // warm-up
let sink = 0;
const runs = timeRuns(RUNS, () => {
  sink += classifyAll(w.items, false);
});

const n = w.items.length;
const medianRate = n / (runs.median / 1000);

// The floor for any per-character work in JavaScript on this machine: read every character once.
const floor = timeRuns(5, () => {
  let x = 0;
  for (const it of w.items) for (let i = 0; i < it.text.length; i++) x = (x + it.text.charCodeAt(i)) | 0;
  sink += x & 1;
});
const avgText = w.items.reduce((s, it) => s + it.text.length, 0) / n;

console.log(`classify — ${n.toLocaleString('en-US')} items, ${snapshot.rules.length} rules, ${fmt(w.follows.length)} follows, ${fmt(w.allowlist.length)} allowlisted (node ${process.version})`);
row('workload generation', `${fmt(genMs)} ms`);
row('Snapshot.parse (best of 5)', `${fmt(parse.best, 2)} ms`);
row('compileSnapshot (first / best of 10)', `${fmt(coldCompile.best, 2)} ms / ${fmt(compile.best, 2)} ms`);
const perItem = (ms: number) => `${fmt(n / (ms / 1000))} items/s  (${fmt((1000 * ms) / n, 3)} µs/item)`;
row(`throughput, best of ${RUNS}`, perItem(runs.best));
row(`throughput, median of ${RUNS}`, perItem(runs.median));
row(`CPU-time throughput, best / median`, `${fmt(n / (runs.cpuBest / 1000))} / ${fmt(n / (runs.cpuMedian / 1000))} items/s`);
row('runs (ms)', runs.times.map((t) => fmt(t, 1)).join(' '));
row('floor: read each character once', `${fmt((1000 * floor.best) / n, 3)} µs/item (texts average ${fmt(avgText)} characters)`);
row('machine', loadNote());
row('target', `${fmt(TARGET)} items/s — ${medianRate >= TARGET ? 'met' : 'MISSED'} (median, wall clock)`);
const mix = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k} ${fmt((100 * c) / n, 1)}%`).join(', ');
row('verdict mix', mix);
if (sink === 0) console.log('(no verdicts?)');

// Classification throughput at 10, 100 and 1,000 user rules, with 5,000 follows, 500 allowlist entries
// and 100,000 varied items. Prints figures; asserts nothing. The floor: 200,000 items/s (5 µs an item)
// at 100 rules, median wall clock.
import { classify } from '../src/core/classify';
import { compileSnapshot, type CompiledRuleset } from '../src/core/compile';
import { re2 } from '../src/core/re2';
import type { FeedItem } from '../src/core/model';
import { Snapshot } from '../src/core/snapshot';
import { buildWorkload } from './lib/feed-data';
import { fmt, loadNote, row, timeRuns } from './lib/measure';

const FLOOR = 200_000;
const RUNS = 7;
const ITEMS = 100_000;

console.log(`classify — ${fmt(ITEMS)} items, 5,000 follows, 500 allowlisted (node ${process.version}); ${loadNote()}`);

let sink = 0;
// CLASSIFY_RULES=100 runs one size only (for profiling with `node bench/run.mjs --prof classify`).
const sizes = process.env.CLASSIFY_RULES ? [Number(process.env.CLASSIFY_RULES)] : [10, 100, 1_000];
for (const ruleCount of sizes) {
  const w = buildWorkload({ items: ITEMS, follows: 5_000, allowlist: 500, rules: ruleCount });
  const raw = { revision: 1, settings: {}, rules: w.rules, allowlist: w.allowlist, follows: w.follows, overrides: [] };

  // What the background does when a snapshot is read back (validate), and a content script (compile).
  let snapshot = Snapshot.parse(raw);
  const parse = timeRuns(3, () => {
    snapshot = Snapshot.parse(raw);
  });
  let rs: CompiledRuleset = compileSnapshot(snapshot, { regex: re2 });
  const compile = timeRuns(5, () => {
    rs = compileSnapshot(snapshot, { regex: re2 });
  });

  const counts = new Map<string, number>();
  const classifyAll = (items: readonly FeedItem[], record: boolean): number => {
    let n = 0;
    for (const it of items) {
      const v = classify(it, rs);
      n += v.why.say.length;
      if (record) counts.set(v.reasonCode, (counts.get(v.reasonCode) ?? 0) + 1);
    }
    return n;
  };
  classifyAll(w.items, true);
  for (let i = 0; i < 3; i++) classifyAll(w.items, false); // warm-up
  const runs = timeRuns(RUNS, () => {
    sink += classifyAll(w.items, false);
  });
  const rate = (ms: number) => ITEMS / (ms / 1000);
  const perItem = (ms: number) => `${fmt(rate(ms))} items/s  (${fmt((1000 * ms) / ITEMS, 3)} µs/item)`;

  console.log(`\n${fmt(ruleCount)} rules (${rs.rules.length} enabled)`);
  row('Snapshot.parse, background (best of 3)', `${fmt(parse.best, 2)} ms`);
  row('compileSnapshot (best of 5)', `${fmt(compile.best, 2)} ms`);
  row(`throughput, median of ${RUNS}`, perItem(runs.median));
  row(`throughput, best of ${RUNS}`, perItem(runs.best));
  row('CPU-time throughput, median', `${fmt(ITEMS / (runs.cpuMedian / 1000))} items/s`);
  if (ruleCount === 100) row('floor', `${fmt(FLOOR)} items/s — ${rate(runs.median) >= FLOOR ? 'met' : 'MISSED'} (median, wall clock)`);
  const mix = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k} ${fmt((100 * c) / ITEMS, 1)}%`).join(', ');
  row('verdict mix', mix);
}
if (sink === 0) console.log('(no verdicts?)');

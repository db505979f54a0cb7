// A page script flooding the follow graph, through the real background handler on fake-indexeddb
// (tests/unit/background/follow-flood.ts): 300 and 1,000 follows/learn messages of 1,000 made-up
// accounts each, as page facts and as a forged Following list. Prints the most rows the follows table
// held, the largest cached snapshot (JSON characters), whether the account learned from the real
// Following list is still in the snapshot, and, for scale only, the wall times (fake-indexeddb in Node
// is far slower than a browser's IndexedDB). Asserts nothing; the caps are asserted by the unit test.
import { FOLLOW_CAPS } from '../src/db/follows';
import { flood } from '../tests/unit/background/follow-flood';

const runs = [
  { messages: 300, perMessage: 1_000, source: 'page' as const },
  { messages: 300, perMessage: 1_000, source: 'following-list' as const },
  { messages: 1_000, perMessage: 1_000, source: 'page' as const },
];

console.log(`follow flood through the background handler; caps per site: ${FOLLOW_CAPS.total} rows, ${FOLLOW_CAPS.trusted} from lists and imports`);
for (const run of runs) {
  const f = await flood(run);
  const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;
  console.log(
    `${run.messages} × ${run.perMessage} (${run.source}): at most ${f.maxRows} rows (${f.listRows} list/import at the end); ` +
    `snapshot at most ${mb(f.maxSnapshotBytes)}, ${f.snapshotFollows} follows; Following-list account in snapshot: ${f.friendInSnapshot}; ` +
    `flood ${(f.floodMs / 1000).toFixed(1)} s, one rebuild after it ${f.rebuildMs.toFixed(0)} ms`,
  );
}

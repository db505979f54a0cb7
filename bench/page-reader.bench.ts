// What the page-world reader adds to the site's own handling of an API response, on real response
// shapes: the captured TweetDetail (415 KB, tests/fixtures/x), HomeTimeline pages from the x.com
// replica (both user schemas), and a response that carries no facts (settings-like JSON of the same size).
//
// For each response: the page's own cost is one JSON.parse of the body (what X's app does before any
// work of its own); Doorman's is everything it adds on the main thread: the URL test, its own parse of
// the clone (skipped when a substring test says the body names no account), the walk to facts, the payload's stringify, and, in the content script, the payload's
// parse, its check and the fact-store merge. Printed as a ratio to the page's parse. Asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FactStore } from '../src/content/fact-store';
import { parseFactsPayload } from '../src/content/facts-bridge';
import { xPageReader } from '../src/sites/x/page-reader';
import { homeTimeline } from '../tests/e2e/replica/x/timelines';
import { fmt, loadNote, row, timeRuns } from './lib/measure';

const RUNS = 41;
const root = process.cwd(); // bench/run.mjs runs every benchmark from the repository root
const tweetDetail = readFileSync(join(root, 'tests/fixtures/x/x-api-tweetdetail.json'), 'utf8');

/** A large response with no users or posts in it (X's settings, feature switches, analytics acks). */
function noFacts(size: number): string {
  const flags: Record<string, unknown> = {};
  const entry = (i: number) => ({ value: i % 3 === 0, bucket: `bucket_${i % 17}`, meta: { since: 1_700_000_000 + i, tags: ['web', 'rweb', `exp${i % 9}`] } });
  const each = JSON.stringify({ feature_switch_1000: entry(1000) }).length;
  for (let i = 0; i < size / each; i++) flags[`feature_switch_${i}`] = entry(i);
  return JSON.stringify({ data: { viewer: { feature_switches: flags } } });
}

const now = Date.now();
const inputs: { name: string; url: URL; text: string }[] = [
  { name: 'TweetDetail (captured)', url: new URL('https://x.com/i/api/graphql/abc/TweetDetail'), text: tweetDetail },
  { name: 'HomeTimeline page (new schema)', url: new URL('https://x.com/i/api/graphql/abc/HomeTimeline'), text: JSON.stringify(homeTimeline({ cursor: undefined }, now)) },
  { name: 'HomeTimeline page (legacy schema)', url: new URL('https://x.com/i/api/graphql/abc/HomeTimeline'), text: JSON.stringify(homeTimeline({ cursor: 'aG9tZToz' }, now)) },
  { name: 'no facts (feature switches)', url: new URL('https://x.com/i/api/graphql/abc/Viewer'), text: noFacts(tweetDetail.length) },
];

const fakeDocument = { cookie: 'twid=u%3D1000', querySelector: () => null } as unknown as Document;

console.log(`page-world reader on X responses (median of ${RUNS}); ${loadNote()}`);
let sink = 0;
for (const input of inputs) {
  const page = timeRuns(RUNS, () => {
    sink += (JSON.parse(input.text) as object) ? 1 : 0;
  });
  const worth = xPageReader.worthParsing?.(input.text) ?? true;
  const test = timeRuns(RUNS, () => {
    sink += xPageReader.worthParsing?.(input.text) ? 1 : 0;
  });
  const data: unknown = JSON.parse(input.text);
  let facts: ReturnType<typeof xPageReader.read> = null;
  const read = timeRuns(RUNS, () => {
    if (worth && xPageReader.shouldRead(input.url)) facts = xPageReader.read(input.url, data, { path: '/home', viewerId: '1000', document: fakeDocument });
  });
  const found = facts as ReturnType<typeof xPageReader.read>;
  const payload = found && (found.accounts.length > 0 || found.items.length > 0) ? JSON.stringify({ ...found, site: 'x' }) : null;
  const handOver = timeRuns(RUNS, () => {
    if (payload === null) return;
    const sent = JSON.stringify({ ...found, site: 'x' });
    const checked = parseFactsPayload(sent, 'x');
    if (checked) sink += new FactStore().merge(checked).accountIds.size;
  });
  // Doorman parses its own copy of the body (a clone for fetch, responseText for XHR) unless the
  // page asked XHR for responseType 'json'.
  const ownParse = worth ? page.median : 0;
  const total = test.median + ownParse + read.median + handOver.median;
  console.log(`\n  ${input.name}: ${fmt(input.text.length / 1024)} KB, ${found ? `${found.accounts.length} accounts, ${found.items.length} posts` : 'no facts'}`);
  row("page: JSON.parse (the page's own)", `${fmt(page.median, 3)} ms`);
  row('Doorman: text test (worth parsing?)', `${fmt(test.median, 3)} ms → ${worth ? 'yes' : 'no: not parsed'}`);
  row('Doorman: its own parse', `${fmt(ownParse, 3)} ms`);
  row('Doorman: walk to facts', `${fmt(read.median, 3)} ms`);
  row('Doorman: hand over + check + merge', `${fmt(handOver.median, 3)} ms`);
  row('Doorman in all', `${fmt(total, 3)} ms  (${fmt(total / page.median, 2)}× the page's parse)`);
}
if (sink < 0) console.log(sink);

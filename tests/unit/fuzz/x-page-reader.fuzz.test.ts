// Fuzz: X's API JSON → page facts (page-facts.ts, through page-reader.ts as the page world calls it).
// Real responses from tests/fixtures/x, mutated: wrong types, missing fields, spoofed ids, handles and
// type names, prototype keys, 10,000-level nesting, huge arrays and strings. The facts that come out
// must be facts the content script takes whole, within the caps, with every lookalike handle spelled
// as the response spelled it, after a bounded number of reads.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeHandle } from '../../../src/core/handle';
import { checkPageFacts, checkPageFactsShape } from '../../../src/shared/facts-check';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS, PageFacts } from '../../../src/shared/facts';
import { xPageFacts } from '../../../src/sites/x/page-facts';
import { xPageReader } from '../../../src/sites/x/page-reader';
import { readCapture, readFixture } from '../sites/x/helpers';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, KELVIN_LOOKALIKE, KELVIN_REAL, MEGABYTE, REAL, fuzz, must, nastyString, nest, pick } from './fuzz';
import { applyEdits, cloneTree, counted, deepValue, edit, setOwn, SPOOFED_IDS } from './json-mutate';

const X_ID = /^\d{1,30}$/;
/** page-facts.ts's walk visits at most 500,000 nodes; each costs a handful of reads. */
const MAX_READS = 20 * 500_000;

const detail = JSON.parse(readCapture('x-api-tweetdetail.json')) as {
  data: { threaded_conversation_with_injections_v2: { instructions: Array<{ type: string; entries?: unknown[] }> } };
};
const ENTRIES = detail.data.threaded_conversation_with_injections_v2.instructions.find((i) => i.entries)?.entries ?? [];
const SMALL = ['home-timeline-legacy.json', 'notifications-all.json', 'following.json', 'viewer.json'].map((f) => JSON.parse(readFixture(f)) as unknown);

/** A response to mutate: a small real fixture whole, or one or two entries of the real TweetDetail. */
const seed: fc.Arbitrary<unknown> = fc.oneof(
  fc.nat({ max: SMALL.length - 1 }).map((i) => cloneTree(SMALL[i])),
  fc.array(fc.nat({ max: ENTRIES.length - 1 }), { minLength: 1, maxLength: 2 }).map((picks) => ({
    data: { threaded_conversation_with_injections_v2: { instructions: [{ type: 'TimelineAddEntries', entries: picks.map((i) => cloneTree(ENTRIES[i])) }] } },
  })),
);

const response = fc.tuple(seed, fc.array(edit, { maxLength: 8 })).map(([root, edits]) => {
  applyEdits(root, edits);
  return root;
});

/** A lookalike may keep its spelling; it may never come out as the real handle. */
function handleInvariant(handle: string): void {
  const bare = handle.trim().replace(/^@/, '');
  if (normalizeHandle(handle) === REAL) must(bare.toLowerCase() === REAL, () => `${JSON.stringify(handle)} normalises to ${REAL}`);
  if (normalizeHandle(handle) === KELVIN_REAL) must(/^kelvin$/i.test(bare), () => `${JSON.stringify(handle)} normalises to ${KELVIN_REAL}`);
}

let checked = 0;
function factsInvariants(f: PageFacts): void {
  // The zod schema and the hand-written check accept the same payloads (facts-check.test.ts); the
  // schema costs as much as the reader, so it runs on every eighth case and the check on all.
  if (checked++ % 8 === 0) must(PageFacts.safeParse(f).success, 'facts the schema refuses');
  // What the content script receives is the JSON of these facts: it must take their shape whole (the
  // site's account syntax then blanks handles and drops ids no X account could have: fitSiteSyntax).
  const sent: unknown = JSON.parse(JSON.stringify(f));
  must(isDeepStrictEqual(checkPageFactsShape(sent, 'x'), sent), 'facts the content script would refuse or change');
  const fitted = checkPageFacts(sent, 'x');
  must(fitted !== null && fitted.accounts.every((a) => normalizeHandle(a.handle) === '' || /^[a-z0-9_]{1,15}$/.test(normalizeHandle(a.handle))), 'a handle X could not have got through');
  must(f.accounts.length <= MAX_FACT_ACCOUNTS && f.items.length <= MAX_FACT_ITEMS, 'past the caps');
  must(new Set(f.accounts.map((a) => a.id)).size === f.accounts.length, 'an account twice');
  must(new Set(f.items.map((i) => i.id)).size === f.items.length, 'an item twice');
  for (const a of f.accounts) {
    must(X_ID.test(a.id) && a.handle.length <= 320, () => `bad account ${a.id.slice(0, 50)}`);
    handleInvariant(a.handle);
  }
  for (const i of f.items) must(X_ID.test(i.id) && (i.authorId === '' || X_ID.test(i.authorId)), () => `bad item ${i.id.slice(0, 50)}`);
  if (f.viewerId !== undefined) must(X_ID.test(f.viewerId), 'bad viewer id');
}

/** Pages a response may arrive in: the viewer's own Following page, lookalikes of it, others. */
const PAGES = ['/home', '/acme/following', '/\u0430cme/following', '/ACME/following/', '/i/api/graphql/x/Following'].map((path) => {
  const win = new Window({ url: `https://x.com${path}` });
  win.document.body.innerHTML = `<a data-testid="AppTabBar_Profile_Link" href="/${REAL}">me</a>`;
  win.document.cookie = 'twid="u%3D2244994945"';
  return { path, win };
});
/** Request URLs: Following lists by the viewer's id or a spoofed one, huge variables, prototype names. */
const READ_URL = pick([
  'https://x.com/i/api/graphql/abc/Following?variables=%7B%22userId%22%3A%222244994945%22%7D',
  'https://x.com/i/api/graphql/abc/Following?variables=%7B%22userId%22%3A%22%EF%BC%91%22%7D',
  `https://x.com/i/api/graphql/abc/Following?variables=${'%7B'.repeat(5_000)}`,
  'https://x.com/i/api/graphql/abc/HomeTimeline', 'https://x.com/i/api/2/notifications/all.json', 'https://x.com/i/api/graphql/abc/__proto__',
  'https://x.com/i/api/graphql/abc/constructor', 'https://evil.example/i/api/graphql/abc/Following', 'https://x.com/home',
]).map((u) => new URL(u));

const counts: string[] = [];
afterAll(async () => {
  console.log(`fuzz x-page-reader totals: ${counts.join(', ')}`);
  for (const p of PAGES) await p.win.happyDOM.close();
});

describe('fuzz: xPageFacts on mutated real X responses', () => {
  it(`never throws, and yields facts the content script takes whole (${FUZZ_RUNS} cases)`, () => {
    let withFacts = 0;
    const n = fuzz('x page reader', fc.tuple(response, READ_URL, fc.nat({ max: PAGES.length - 1 }), fc.option(pick(SPOOFED_IDS), { nil: undefined }), fc.boolean(), fc.boolean()), ([data, u, p, viewerId, own, viaReader]) => {
      // Half the cases call the reader as the page world does; half call xPageFacts with any options.
      let f: PageFacts | null;
      const page = PAGES[p];
      if (page !== undefined && viaReader) {
        const doc = page.win.document as unknown as Document;
        const read = xPageReader.read(u, data, { path: page.path, viewerId, document: doc });
        if (read?.followingList === true) must(u.pathname.endsWith('/Following'), 'a Following list from another operation');
        f = read === null ? null : { ...read, site: 'x' };
      } else {
        f = xPageFacts(data, { viewerId, ownFollowingList: own });
      }
      if (f === null) return;
      factsInvariants(f);
      if (f.accounts.length + f.items.length > 0) withFacts++;
    });
    counts.push(`page reader ${n}`);
    expect(n).toBeGreaterThanOrEqual(FUZZ_RUNS);
    // Mutations must leave most responses readable, or the fuzz would only ever test the empty path.
    expect(withFacts).toBeGreaterThan(FUZZ_RUNS / 2);
  }, FUZZ_TIMEOUT_MS);

  it('reads a bounded number of times whatever the response (counted reads, 500 cases)', () => {
    let most = 0;
    const n = fuzz('xPageFacts reads', response, (data) => {
      const c = counted(data);
      factsInvariants(xPageFacts(c.value));
      most = Math.max(most, c.steps());
      must(c.steps() <= MAX_READS, () => `${c.steps()} reads`);
    }, 500);
    counts.push(`reads ${n} (most ${most})`);
  }, FUZZ_TIMEOUT_MS);

  it('walks 10,000- and 100,000-level nesting, million-slot arrays and cycles in bounded reads', () => {
    const cyclic: Record<string, unknown> = { __typename: 'User', rest_id: '7', core: { screen_name: REAL } };
    cyclic.self = cyclic;
    cyclic.list = [cyclic, cyclic];
    const inputs: unknown[] = [
      deepValue(10_000, 'array'), deepValue(10_000, 'object'), deepValue(10_000, 'user'), deepValue(100_000, 'array'),
      deepValue(100_000, 'object'), new Array<unknown>(1_000_000).fill({ __typename: 'User', rest_id: '1', core: { screen_name: REAL } }),
      Array.from({ length: 200_000 }, (_, i) => [{ __typename: 'Tweet', rest_id: String(i), legacy: {} }]),
      cyclic,
      JSON.parse(`${'['.repeat(10_000)}{"__typename":"User","rest_id":"1"}${']'.repeat(10_000)}`),
    ];
    for (const data of inputs) {
      const c = counted(data);
      const f = xPageFacts(c.value);
      factsInvariants(f);
      expect(c.steps()).toBeLessThanOrEqual(MAX_READS);
    }
  }, FUZZ_TIMEOUT_MS);

  it('treats prototype keys as plain data: nothing reaches Object.prototype', () => {
    const data = JSON.parse('{"__proto__":{"__typename":"User","rest_id":"1","polluted":true},"constructor":{"prototype":{"polluted":true}},"data":{"__proto__":[{"__typename":"Tweet","rest_id":"2","__proto__":{"rest_id":"3"}}]}}') as unknown;
    const f = xPageFacts(data);
    factsInvariants(f);
    expect(f.accounts.map((a) => a.id)).toEqual(['1']);
    expect(f.items.map((i) => i.id)).toEqual(['2']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, FUZZ_TIMEOUT_MS);

  it('survives hostile objects a caller other than JSON.parse could hand it (throwing getters, proxies)', () => {
    const getter = {};
    Object.defineProperty(getter, '__typename', { enumerable: true, get: () => { throw new Error('boom'); } });
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); } });
    const user = { __typename: 'User', rest_id: '9', core: { screen_name: REAL } };
    for (const data of [getter, trap, { a: [user, getter] }, { a: [user, trap] }, [trap, user]]) {
      expect(() => factsInvariants(xPageFacts(data))).not.toThrow();
    }
  }, FUZZ_TIMEOUT_MS);

  it('keeps a lookalike handle as sent: Cyrillic, fullwidth, zero-width and Kelvin-sign names never become real ones', () => {
    const users = [`\u0430cme`, '\uFF41\uFF43\uFF4D\uFF45', 'ac\u200Bme', 'acme_', KELVIN_LOOKALIKE].map((h, i) =>
      ({ __typename: 'User', rest_id: String(100 + i), core: { screen_name: h } }));
    const f = xPageFacts({ data: { users } });
    expect(f.accounts.map((a) => a.handle)).toEqual(users.map((u) => u.core.screen_name));
    for (const a of f.accounts) handleInvariant(a.handle);
  }, FUZZ_TIMEOUT_MS);
});

describe('xPageReader.read on hostile clues', () => {
  it('tests any response text, however large or broken, for being worth parsing without throwing', () => {
    const text = fc.oneof(nastyString, fc.constant(MEGABYTE), fc.constant(`${'['.repeat(100_000)}"screen_name"`), fc.string({ unit: 'binary' }));
    const n = fuzz('worthParsing', text, (t) => {
      expect(typeof xPageReader.worthParsing?.(t)).toBe('boolean');
    }, 2_000);
    counts.push(`worthParsing ${n}`);
  }, FUZZ_TIMEOUT_MS);

  it('takes a Following list as the viewer\'s own only on real evidence (spoofed ids and lookalike paths do not count)', () => {
    const following = JSON.parse(readFixture('following.json')) as unknown;
    const read = (u: string, path: string, viewerId?: string) => {
      const page = PAGES.find((p) => p.path === path);
      if (!page) throw new Error(path);
      return xPageReader.read(new URL(u), following, { path, viewerId, document: page.win.document as unknown as Document });
    };
    const byFullwidthId = 'https://x.com/i/api/graphql/abc/Following?variables=%7B%22userId%22%3A%22%EF%BC%91%22%7D';
    expect(read(byFullwidthId, '/home', '\uFF11')?.followingList).toBeUndefined();
    expect(read('https://x.com/i/api/graphql/abc/Following', '/\u0430cme/following')?.followingList).toBeUndefined();
    expect(read('https://x.com/i/api/graphql/abc/Following', '/ACME/following/')?.followingList).toBe(true);
    // 10,000 levels of nesting around the list: read or not, never a throw.
    const wrapped = nest<unknown>(10_000, following, (v) => [v]);
    setOwn(wrapped as unknown[], '__proto__', following);
    expect(() => read('https://x.com/i/api/graphql/abc/Following', '/acme/following', '2244994945')).not.toThrow();
    expect(() => xPageReader.read(new URL('https://x.com/i/api/graphql/abc/Following'), wrapped, { path: '/acme/following', viewerId: undefined, document: PAGES[0]!.win.document as unknown as Document })).not.toThrow();
  }, FUZZ_TIMEOUT_MS);
});

// Fuzz: the page → content-script bridge (content/facts-bridge.ts) and the hand-written check behind
// it (shared/facts-check.ts). Payloads are real facts (from the fixtures' API responses) mutated —
// wrong types, spoofed shapes, prototype keys, oversized lists and strings, 10,000-level nesting —
// sent as JSON text, as broken text, and as objects through both channels (CustomEvent and
// postMessage), cyclic and unserialisable ones included. Nothing may throw into the page's event
// loop; every payload is either taken whole, as valid facts, or refused.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { Window as HappyWindow } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { FACTS_EVENT, listenForFacts, parseFactsPayload } from '../../../src/content/facts-bridge';
import { checkPageFacts, checkPageFactsShape, fitSiteSyntax } from '../../../src/shared/facts-check';
import { x as X_DECLARATION } from '../../../src/sites/x/site';
import { FACTS_MESSAGE_TAG, MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS, PageFacts } from '../../../src/shared/facts';
import { xPageFacts } from '../../../src/sites/x/page-facts';
import { readCapture, readFixture } from '../sites/x/helpers';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, MEGABYTE, fuzz, huge, must, nastyString, nest, pick } from './fuzz';
import { applyEdits, cloneTree, deepValue, smallEdit } from './json-mutate';

const REAL_FACTS = [
  xPageFacts(JSON.parse(readCapture('x-api-tweetdetail.json'))),
  ...['home-timeline-legacy.json', 'notifications-all.json', 'following.json', 'viewer.json'].map((f) => xPageFacts(JSON.parse(readFixture(f)))),
];
const ACCOUNT_KEYS = new Set(['id', 'handle', 'displayName', 'followed', 'followsYou', 'verified', 'bot', 'orgProfile', 'createdAt']);
const ITEM_KEYS = new Set(['id', 'authorId', 'promoted', 'inReplyToAuthorId', 'conversationId']);
const FACTS_KEYS = new Set(['site', 'viewerId', 'accounts', 'items', 'followingList']);

/** Real facts cut to a few accounts and items (so a case costs little), then mutated (`oversized` has the big ones). */
const facts: fc.Arbitrary<unknown> = fc.tuple(fc.nat({ max: REAL_FACTS.length - 1 }), fc.nat({ max: 30 }), fc.nat({ max: 30 }), fc.array(smallEdit, { maxLength: 3 }),
  pick(['x', 'x', 'x', 'x', 'x', 'x', 'bsky', 'X', 'x\u200B', '__proto__', ''])).map(([i, a, n, edits, site]) => {
  const base = REAL_FACTS[i] ?? REAL_FACTS[0];
  const f = cloneTree({ ...base, site, accounts: base?.accounts.slice(a, a + 6), items: base?.items.slice(n, n + 6) }) as unknown;
  applyEdits(f, edits);
  return f;
});

/** Oversized and spoofed shapes a page could send on purpose (built once: they are big). */
const OVERSIZED: unknown[] = [
  () => ({ site: 'x', accounts: Array.from({ length: MAX_FACT_ACCOUNTS + 1 }, (_, i) => ({ id: String(i), handle: 'a' })), items: [] }),
  () => ({ site: 'x', accounts: [], items: Array.from({ length: MAX_FACT_ITEMS + 1 }, (_, i) => ({ id: String(i), authorId: '' })) }),
  () => ({ site: 'x', accounts: [{ id: '1', handle: huge('a', 321) }], items: [] }),
  () => ({ site: 'x', accounts: [{ id: '1', handle: 'a', displayName: MEGABYTE }], items: [] }),
  () => ({ site: 'x', accounts: [{ id: huge('1', 201), handle: 'a' }], items: [] }),
  () => ({ site: 'x', accounts: deepValue(10_000, 'array'), items: [] }),
  () => ({ site: 'x', accounts: [], items: [deepValue(10_000, 'object')] }),
  () => ({ site: ['x'], accounts: [], items: [] }),
  () => ({ site: 'x', accounts: { length: 0 }, items: [] }),
  () => ({ site: 'x', accounts: [], items: [], viewerId: 42 }),
  () => [{ site: 'x', accounts: [], items: [] }],
  () => nest<unknown>(10_000, { site: 'x', accounts: [], items: [] }, (v) => ({ site: 'x', accounts: [v], items: [] })),
].map((make) => make());
const oversized = pick(OVERSIZED);

/** JSON text of a test value; a value too deep for JSON.stringify becomes text of the same depth built directly. */
function text(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return `{"site":"x","items":[],"accounts":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
  }
}

/** Payload text as the page-world script would send it, or as a page could forge it. */
const payloadText: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: facts.map(text) },
  { weight: 2, arbitrary: pick(OVERSIZED.map(text)) },
  { weight: 2, arbitrary: facts.map((f) => text(f).slice(0, -1)) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: pick([
    `${'['.repeat(10_000)}${']'.repeat(10_000)}`, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`, `${'['.repeat(100_000)}`,
    huge(' ', 4_000_001), `"${MEGABYTE}"`, '{"__proto__":{"site":"x"},"site":"x","accounts":[],"items":[]}', 'null', '1e999', '"x"',
  ]) },
  { weight: 1, arbitrary: pick([undefined, null, 42, {}, [], true]) },
);

/** What a valid payload must look like once taken: the schema's shape, only known keys, within the caps. */
function taken(f: PageFacts): void {
  must(f.site === 'x', 'facts for another site taken');
  must(f.accounts.length <= MAX_FACT_ACCOUNTS && f.items.length <= MAX_FACT_ITEMS, 'over the caps');
  must(Object.keys(f).every((k) => FACTS_KEYS.has(k)), 'unknown key kept');
  for (const a of f.accounts) must(Object.keys(a).every((k) => ACCOUNT_KEYS.has(k)) && Object.getPrototypeOf(a) === Object.prototype, 'unknown account key kept');
  for (const i of f.items) must(Object.keys(i).every((k) => ITEM_KEYS.has(k)) && Object.getPrototypeOf(i) === Object.prototype, 'unknown item key kept');
}

const counts: string[] = [];
afterAll(() => console.log(`fuzz facts bridge totals: ${counts.join(', ')}`));

describe('fuzz: parseFactsPayload and checkPageFacts', () => {
  it(`take a payload whole as valid facts or refuse it, never throwing (${FUZZ_RUNS} cases)`, () => {
    let accepted = 0;
    let agreed = 0;
    const n = fuzz('parseFactsPayload', payloadText, (payload) => {
      const f = parseFactsPayload(payload, 'x');
      if (f === null) return;
      accepted++;
      taken(f);
      // Checked once, the facts check again to the same value; and the zod schema agrees (every eighth case: zod is slow).
      must(isDeepStrictEqual(checkPageFacts(f, 'x'), f), 'the check is not idempotent');
      if (accepted % 8 === 0) {
        must(PageFacts.safeParse(f).success, 'taken facts the schema refuses');
        agreed++;
      }
    });
    counts.push(`parseFactsPayload ${n} (${accepted} taken, ${agreed} checked with zod)`);
    expect(n).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(accepted).toBeGreaterThan(FUZZ_RUNS / 10);
  }, FUZZ_TIMEOUT_MS);

  it('checkPageFacts agrees with the schema on mutated real facts (1,000 cases)', () => {
    const n = fuzz('checkPageFacts vs schema', fc.oneof({ weight: 8, arbitrary: facts }, { weight: 1, arbitrary: oversized }), (raw) => {
      // JSON round trip first where it can be made: what the bridge checks is JSON.parse output.
      let data: unknown;
      try {
        data = JSON.parse(JSON.stringify(raw) ?? 'null');
      } catch {
        return; // too deep for JSON.stringify here: the bridge never sees such a value (it gets text)
      }
      // The shape step accepts exactly what the schema accepts; the site's syntax step comes after it.
      const ours = checkPageFactsShape(data, 'x');
      const schema = PageFacts.safeParse(data);
      if (schema.success && schema.data.site === 'x') expect(ours).toEqual(schema.data);
      else expect(ours).toBeNull();
      expect(checkPageFacts(data, 'x')).toEqual(ours && fitSiteSyntax(ours, X_DECLARATION));
      if (ours) taken(ours);
    }, 1_000);
    counts.push(`checkPageFacts ${n}`);
  }, FUZZ_TIMEOUT_MS);

  it('treats prototype keys as data: an own __proto__ neither passes nor pollutes', () => {
    const text = '{"site":"x","accounts":[{"id":"1","handle":"a","__proto__":{"followed":true},"constructor":{"prototype":{"polluted":1}}}],"items":[],"__proto__":{"viewerId":"9"}}';
    const f = parseFactsPayload(text, 'x');
    expect(f).toEqual({ site: 'x', accounts: [{ id: '1', handle: 'a' }], items: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).followed).toBeUndefined();
  });
});

describe('fuzz: listenForFacts on both channels', () => {
  const win = new HappyWindow({ url: 'https://x.com/home' });
  afterAll(async () => {
    await win.happyDOM.close();
  });
  const w = win as unknown as Window & typeof globalThis;
  const uncaught: unknown[] = [];
  w.addEventListener('error', (e) => uncaught.push((e as unknown as ErrorEvent).error ?? e));
  let got = 0;
  let rejected = 0;
  const abort = new AbortController();
  listenForFacts(w, 'x', (f) => {
    got++;
    taken(f);
  }, () => rejected++, abort.signal);

  /** Objects with no JSON form: a cycle, a BigInt, a throwing toJSON, nesting too deep to serialise, a symbol. */
  const cyclic: Record<string, unknown> = { site: 'x', accounts: [], items: [] };
  cyclic.self = cyclic;
  const UNSERIALISABLE: unknown[] = [
    cyclic, { site: 'x', accounts: [{ id: 1n, handle: 'a' }], items: [] }, deepValue(100_000, 'object'),
    { site: 'x', accounts: [], items: [], toJSON: () => { throw new Error('boom'); } }, Symbol('x'),
  ];
  /** What a page may post: the real envelope around any data. */
  const envelopeData: fc.Arbitrary<unknown> = fc.oneof(
    { weight: 6, arbitrary: facts },
    { weight: 3, arbitrary: payloadText },
    { weight: 1, arbitrary: oversized },
  );
  const delivery = fc.record({
    channel: pick(['event', 'message', 'message', 'other-source', 'wrong-tag', 'bare-event'] as const),
    data: envelopeData,
  });

  it(`answers every payload once — taken or refused — and throws nothing into the page (${FUZZ_RUNS} cases)`, () => {
    const n = fuzz('listenForFacts', delivery, ({ channel, data }) => {
      const before = got + rejected;
      const errors = uncaught.length;
      if (channel === 'event') w.document.dispatchEvent(new w.CustomEvent(FACTS_EVENT, { detail: data }));
      else if (channel === 'bare-event') w.document.dispatchEvent(new w.Event(FACTS_EVENT));
      else {
        const tag = channel === 'wrong-tag' ? `${FACTS_MESSAGE_TAG} ` : FACTS_MESSAGE_TAG;
        const source = channel === 'other-source' ? null : w;
        w.dispatchEvent(new w.MessageEvent('message', { data: { tag, facts: data }, source }));
      }
      must(uncaught.length === errors, () => `the listener threw: ${String(uncaught[uncaught.length - 1])}`);
      const answers = got + rejected - before;
      must(answers === (channel === 'other-source' || channel === 'wrong-tag' ? 0 : 1), () => `${answers} answers on ${channel}`);
    });
    counts.push(`listenForFacts ${n} (${got} taken, ${rejected} refused)`);
    expect(n).toBeGreaterThanOrEqual(FUZZ_RUNS);
    expect(got).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(uncaught).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it('refuses objects with no JSON form on the message channel, throwing nothing into the page', () => {
    for (const data of UNSERIALISABLE) {
      const before = rejected;
      w.dispatchEvent(new w.MessageEvent('message', { data: { tag: FACTS_MESSAGE_TAG, facts: data }, source: w }));
      w.document.dispatchEvent(new w.CustomEvent(FACTS_EVENT, { detail: data }));
      expect(rejected - before).toBe(2);
    }
    expect(uncaught).toEqual([]);
  });

  it('stops listening when aborted', () => {
    const before = got + rejected;
    abort.abort();
    w.document.dispatchEvent(new w.CustomEvent(FACTS_EVENT, { detail: '{"site":"x","accounts":[],"items":[]}' }));
    expect(got + rejected).toBe(before);
  });
});

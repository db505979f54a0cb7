// Fuzz: the content script's message reader (content/inbox.ts). Valid messages of each of the five
// kinds, mutated — wrong types, missing fields, spoofed types, prototype keys, lists at and past the
// 2,000-entry cap, 10,000-level nesting, 1 MB strings — and random values. The reader must never
// throw, return null or one of the five messages, and hand on only fields within their bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { DELTA_LISTS } from '../../../src/core/lists-delta';
import { readContentMessage } from '../../../src/content/inbox';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, MEGABYTE, REAL, fuzz, huge, must, nest, pick } from './fuzz';
import { applyEdits, cloneTree, deepValue, edit, setOwn } from './json-mutate';

const ref = (i: number) => ({ accountId: String(i + 1), handle: i % 3 === 0 ? REAL : `h${i}` });
const entry = (i: number) => ({ site: 'x', accountId: String(i), handle: `h${i}`, ...(i % 2 === 0 ? { brand: 'brand' } : {}) });
const list = (n: number) => ({ add: Array.from({ length: n }, (_, i) => entry(i)), remove: [entry(n)] });

const VALID: unknown[] = [
  { type: 'content/ping' },
  { type: 'item/reveal', itemId: '1649191520250245121' },
  { type: 'snapshot/changed', snapshot: emptySnapshot() },
  { type: 'follows/changed', delta: { site: 'x', base: 1, revision: 2, add: [ref(0), ref(1)], remove: [ref(2)] } },
  { type: 'follows/changed', delta: { site: 'x', base: 0, revision: 9, add: Array.from({ length: 2_000 }, (_, i) => ref(i)), remove: [] } },
  { type: 'lists/changed', delta: { base: 1, revision: 2, lists: { allowlist: list(2), overrides: list(1), follows: list(0) } } },
];
const TYPES = ['content/ping', 'item/reveal', 'snapshot/changed', 'follows/changed', 'lists/changed'];

const hostile: fc.Arbitrary<unknown> = pick([
  () => ({ type: 'follows/changed', delta: { site: 'x', base: 1, revision: 2, add: Array.from({ length: 2_001 }, (_, i) => ref(i)), remove: [] } }),
  () => ({ type: 'item/reveal', itemId: MEGABYTE }),
  () => ({ type: 'item/reveal', itemId: huge('1', 301) }),
  () => ({ type: 'item/reveal', itemId: ['1'] }),
  () => ({ type: 'follows/changed', delta: { site: 'x', base: 1, revision: 2, add: deepValue(10_000, 'array'), remove: [] } }),
  () => ({ type: 'lists/changed', delta: { base: 1, revision: 2, lists: nest<unknown>(10_000, {}, (v) => ({ allowlist: v })) } }),
  () => ({ type: 'snapshot/changed', snapshot: { ...emptySnapshot(), rules: deepValue(10_000, 'object') } }),
  () => nest<unknown>(10_000, { type: 'content/ping' }, (v) => ({ type: v })),
  () => JSON.parse('{"type":"item/reveal","__proto__":{"itemId":"1"}}') as unknown,
  () => JSON.parse('{"type":"__proto__"}') as unknown,
  () => ({ type: 'constructor' }),
  () => ({ type: 'toString' }),
  () => ['content/ping'],
  () => null,
  () => 'content/ping',
]).map((make) => make());

const message: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.nat({ max: VALID.length - 1 }), fc.array(edit, { maxLength: 3 }), fc.option(pick(TYPES), { freq: 5, nil: undefined }))
    .map(([i, edits, type]) => {
      const m = cloneTree(VALID[i]);
      applyEdits(m, edits);
      // A spoofed type: one message's body under another's name.
      if (type !== undefined && typeof m === 'object' && m !== null) setOwn(m as Record<string, unknown>, 'type', type);
      return m;
    }) },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

const bounded = (v: unknown, min: number, max: number): boolean => typeof v === 'string' && v.length >= min && v.length <= max;

describe('fuzz: readContentMessage', () => {
  it(`never throws, and hands on only the five messages with fields in bounds (${FUZZ_RUNS} cases)`, () => {
    const seen = new Map<string, number>();
    const n = fuzz('readContentMessage', message, (raw) => {
      const m = readContentMessage(raw);
      if (m === null) return;
      seen.set(m.type, (seen.get(m.type) ?? 0) + 1);
      must(TYPES.includes(m.type), `unknown type ${m.type}`);
      if (m.type === 'item/reveal') must(bounded(m.itemId, 1, 300), 'item id out of bounds');
      if (m.type === 'follows/changed') {
        for (const r of [...m.delta.add, ...m.delta.remove]) must(bounded(r.accountId, 1, 200) && bounded(r.handle, 0, 320), 'follow ref out of bounds');
        must(m.delta.add.length <= 2_000 && m.delta.remove.length <= 2_000, 'follow delta past the cap');
      }
      if (m.type === 'lists/changed') {
        for (const name of DELTA_LISTS) {
          const change = m.delta.lists[name];
          must(change.add.length <= 2_000 && change.remove.length <= 2_000, 'list delta past the cap');
          for (const e of [...change.add, ...change.remove]) {
            must(typeof e.site === 'string' && bounded(e.accountId, 0, 200) && bounded(e.handle, 0, 320), 'list entry out of bounds');
            must(e.brand === undefined || e.brand === 'brand' || e.brand === 'not-brand', 'brand out of range');
          }
        }
      }
      if (m.type === 'snapshot/changed') must(Array.isArray(m.snapshot.rules) && Number.isInteger(m.snapshot.revision), 'snapshot envelope');
    });
    console.log(`fuzz readContentMessage accepted: ${JSON.stringify(Object.fromEntries(seen))}`);
    expect(n).toBeGreaterThanOrEqual(FUZZ_RUNS);
    // Every kind of message got through often enough for its checks to mean something.
    for (const t of TYPES) expect(seen.get(t) ?? 0).toBeGreaterThan(50);
  }, FUZZ_TIMEOUT_MS);

  it('refuses an own __proto__ key\'s fields and prototype-named types', () => {
    expect(readContentMessage(JSON.parse('{"type":"item/reveal","__proto__":{"itemId":"1"}}'))).toBeNull();
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(readContentMessage({ type })).toBeNull();
  });
});

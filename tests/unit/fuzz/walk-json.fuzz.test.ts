// Fuzz: walkJson (page-world/walk-json.ts), the walk every site's page reader runs over API
// responses. Random JSON-like trees — prototype keys, deep chains, wide arrays, shared and cyclic
// parts — under random limits: it never throws, visits each plain object at most once per path,
// never more than maxNodes nor deeper than maxDepth, stops when told, and with room enough visits
// exactly what a plain recursive walk would, in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/page-world/json';
import { walkJson } from '../../../src/page-world/walk-json';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, fuzz, must, nest } from './fuzz';
import { setOwn } from './json-mutate';

/** The same walk written the obvious way (recursive, no limits), for trees small enough to recurse over. */
function reference(root: unknown, out: object[] = []): object[] {
  if (typeof root !== 'object' || root === null) return out;
  if (!Array.isArray(root)) out.push(root);
  for (const k of Object.keys(root)) reference((root as Record<string, unknown>)[k], out);
  return out;
}

/** Depth of every plain object in a tree (cycle-free), found iteratively. */
function depths(root: unknown): Map<object, number> {
  const out = new Map<object, number>();
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (!Array.isArray(v) && !out.has(v)) out.set(v, d);
    for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], d + 1]);
  }
  return out;
}

const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '__typename', 'rest_id'));
const tree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.boolean()),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.array(fc.tuple(key, tie('node')), { maxLength: 5 }).map((pairs) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of pairs) setOwn(o, k, v);
      return o;
    }),
  ),
})).node;

/** A tree, sometimes grown a deep chain (up to 10,000 levels) or a wide array somewhere. */
const input = fc.tuple(tree, fc.oneof(fc.constant(0), fc.constant(0), fc.constantFrom(100, 10_000)), fc.nat({ max: 500 }))
  .map(([t, deep, wide]) => ({ t: nest<unknown>(deep, t, (v) => (deep % 3 === 0 ? { a: v } : [v])), wide: Array.from({ length: wide }, (_, i) => ({ i })) }));

const limits = fc.record({ maxDepth: fc.integer({ min: 0, max: 70 }), maxNodes: fc.integer({ min: 0, max: 20_000 }) });

describe('fuzz: walkJson', () => {
  it(`stays within its limits, never throws, and with room visits what a recursive walk does (${FUZZ_RUNS} cases)`, () => {
    const n = fuzz('walkJson', fc.tuple(input, limits, fc.nat({ max: 50 })), ([root, lim, stopAfter]) => {
      const seen: object[] = [];
      walkJson(root, lim, (o) => {
        seen.push(o);
      });
      must(seen.length <= lim.maxNodes, 'visited more objects than maxNodes');
      must(seen.every((o) => !Array.isArray(o)), 'visited an array as an object');
      const at = depths(root);
      must(seen.every((o) => (at.get(o) ?? Infinity) <= lim.maxDepth), 'visited deeper than maxDepth');
      // Stops at once when the visitor says so.
      let calls = 0;
      walkJson(root, lim, () => ++calls > stopAfter);
      must(calls <= stopAfter + 1, 'kept walking after the visitor stopped it');
      // Room enough (and a tree shallow enough to recurse over): exactly the recursive walk.
      if (at.size < 2_000 && Math.max(0, ...at.values()) < 60) {
        const all: object[] = [];
        walkJson(root, { maxDepth: 1_000, maxNodes: 1_000_000 }, (o) => {
          all.push(o);
        });
        const want = reference(root);
        must(all.length === want.length && all.every((o, i) => o === want[i]), 'differs from the recursive walk');
      }
    });
    expect(n).toBeGreaterThanOrEqual(FUZZ_RUNS);
  }, FUZZ_TIMEOUT_MS);

  it('ends on cycles and shared parts within its node budget, and skips keys a page put on Object.prototype', () => {
    const cyclic: Record<string, unknown> = { a: [] };
    (cyclic.a as unknown[]).push(cyclic, cyclic);
    cyclic.self = cyclic;
    let visits = 0;
    walkJson(cyclic, { maxDepth: 1_000_000, maxNodes: 50_000 }, () => {
      visits++;
    });
    expect(visits).toBeGreaterThan(0);
    expect(visits).toBeLessThanOrEqual(50_000);
    const proto = Object.prototype as Record<string, unknown>;
    proto.injected = { planted: true };
    try {
      const seen: Json[] = [];
      walkJson({ a: { b: 1 } }, { maxDepth: 10, maxNodes: 100 }, (o) => {
        seen.push(o);
      });
      expect(seen.some((o) => o.planted === true)).toBe(false);
      expect(seen).toHaveLength(2);
    } finally {
      delete proto.injected;
    }
  });
});

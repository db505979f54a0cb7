// Visits every object in a parsed API response, under hard limits: a hostile or merely huge response
// costs bounded time and can never blow the stack or throw into the page. It runs on every API
// response the site receives, so it allocates nothing per node beyond its two stacks.
import type { Json } from './json';

export interface WalkLimits {
  /** Deepest nesting looked into. */
  maxDepth: number;
  /** Objects, arrays and their slots visited in all. */
  maxNodes: number;
}

const isNode = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** Reverses `a[from..]` in place: children are pushed in order and must pop in order. */
function reverseTail(a: unknown[], from: number): void {
  for (let i = from, j = a.length - 1; i < j; i++, j--) {
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/**
 * Depth-first and iterative (no recursion), in document order. `visit` sees each plain object once;
 * returning true stops the walk (e.g. the caller's buffers are full).
 */
export function walkJson(root: unknown, limits: WalkLimits, visit: (o: Json) => boolean | void): void {
  if (!isNode(root)) return;
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  const hasOwn = Object.prototype.hasOwnProperty;
  let budget = limits.maxNodes;
  while (nodes.length > 0 && budget > 0) {
    const v = nodes.pop() as object;
    const d = depths.pop() as number;
    const deeper = d < limits.maxDepth;
    const from = nodes.length;
    if (Array.isArray(v)) {
      const n = Math.min(v.length, budget);
      budget -= n + 1;
      if (!deeper) continue;
      for (let i = 0; i < n; i++) {
        const child: unknown = v[i];
        if (isNode(child)) {
          nodes.push(child);
          depths.push(d + 1);
        }
      }
    } else {
      const o = v as Json;
      if (visit(o) === true) return;
      let n = 0;
      for (const key in o) {
        if (n >= budget) break;
        // Own keys only: a page may have added enumerable properties to Object.prototype.
        if (!hasOwn.call(o, key)) continue;
        n++;
        const child = o[key];
        if (deeper && isNode(child)) {
          nodes.push(child);
          depths.push(d + 1);
        }
      }
      budget -= n + 1;
    }
    reverseTail(nodes, from);
    reverseTail(depths, from);
  }
}

// Visits every object in a parsed API response, under hard limits: a hostile or merely huge response
// costs bounded time and can never blow the stack or throw into the page.
import { rec, type Json } from './json';

export interface WalkLimits {
  /** Deepest nesting looked into. */
  maxDepth: number;
  /** Objects, arrays and their slots visited in all. */
  maxNodes: number;
}

/**
 * Depth-first and iterative (no recursion), in document order. `visit` sees each plain object once;
 * returning true stops the walk (e.g. the caller's buffers are full).
 */
export function walkJson(root: unknown, limits: WalkLimits, visit: (o: Json) => boolean | void): void {
  const stack: Array<{ v: unknown; d: number }> = [{ v: root, d: 0 }];
  let budget = limits.maxNodes;
  while (stack.length > 0 && budget > 0) {
    const { v, d } = stack.pop()!;
    let children: unknown[];
    if (Array.isArray(v)) {
      children = v;
    } else {
      const o = rec(v);
      if (!o) continue;
      if (visit(o) === true) return;
      children = Object.values(o);
    }
    if (children.length > budget) children = children.slice(0, budget);
    budget -= children.length + 1;
    if (d >= limits.maxDepth) continue;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (typeof child === 'object' && child !== null) stack.push({ v: child, d: d + 1 });
    }
  }
}

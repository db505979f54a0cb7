// Condition tree → test closure, via normalize.ts. Literal-based tests register what they look for
// (needles, handles, link domains) so one text scan, one handle lookup and one walk over the links per item
// serve every rule, and each node reports the evidence it needs, so dispatch can skip rules whose evidence
// did not fire.
import { brandOf, handleHitsOf, linkHitsOf, lowerTextOf, scanStampOf, type EvalContext } from './eval-context';
import { normalize, type Leaf, type Node } from './normalize';
import { requiredLiterals } from './regex-literals';
import type { Condition } from './rules';
import { TOP, allTerms, anyTerms, type Term } from './guard';
import type { Settings } from './settings';
import { compileTextTest, readsLowerText, type TextMode } from './text-match';

export type Test = (ctx: EvalContext) => boolean;

export interface Compiled {
  test: Test;
  /** Rough relative cost, so all/any try cheap parts first (parts are pure, so order cannot change the answer). */
  cost: number;
}

/** Hands out ids for the literals text tests want found in the one scan. */
export class NeedleRegistry {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(needle: string): number {
    let id = this.ids.get(needle);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(needle);
      this.ids.set(needle, id);
    }
    return id;
  }
}

/** handle → ids of the handle tests that list it. */
export class HandleRegistry {
  readonly map = new Map<string, number[]>();
  private next = 0;
  add(handles: Iterable<string>): number {
    const id = this.next++;
    for (const h of handles) {
      const ids = this.map.get(h);
      if (ids === undefined) this.map.set(h, [id]);
      else if (ids[ids.length - 1] !== id) ids.push(id);
    }
    return id;
  }
}

/** domain → ids of the link-domain tests that list it. */
export class LinkRegistry {
  readonly map = new Map<string, number[]>();
  private next = 0;
  add(domains: Iterable<string>): number {
    const id = this.next++;
    for (const d of new Set(domains)) {
      const ids = this.map.get(d);
      if (ids === undefined) this.map.set(d, [id]);
      else ids.push(id);
    }
    return id;
  }
}

export interface Registries {
  needles: NeedleRegistry;
  handles: HandleRegistry;
  links: LinkRegistry;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Literals (lower-case), one of which the lower-cased text must contain for the test to pass; null if unknown. */
function needlesFor(mode: TextMode, pattern: string, caseSensitive: boolean): string[] | null {
  if (pattern === '') return null;
  if (mode === 'regex') return requiredLiterals(pattern, caseSensitive);
  // Case-sensitive: "text contains P" implies "lower(text) contains lower(P)" only for ASCII P.
  if (caseSensitive && !ASCII.test(pattern)) return null;
  return [pattern.toLowerCase()];
}

function compileText(mode: TextMode, pattern: string, caseSensitive: boolean, reg: NeedleRegistry): Compiled & { needleIds: number[] | null } {
  const precise = compileTextTest(mode, pattern, caseSensitive);
  // Lower-case the text (an allocation) only for the tests that read it.
  const direct: Test = readsLowerText(mode, caseSensitive) ? (ctx) => precise(ctx.item.text, lowerTextOf(ctx)) : (ctx) => precise(ctx.item.text, '');
  const needles = needlesFor(mode, pattern, caseSensitive);
  if (needles === null) return { test: direct, cost: mode === 'regex' ? 60 : 10, needleIds: null };
  const ids = needles.map((n) => reg.id(n));
  // For a case-insensitive "contains", finding the needle in the lower-cased text is the whole answer.
  const scanDecides = mode === 'contains' && !caseSensitive;
  const test: Test = (ctx) => {
    const ts = ctx.ruleset.textScan;
    if (ts === null) return direct(ctx);
    const stamp = scanStampOf(ctx, ts);
    const marks = ts.marks;
    for (let i = 0; i < ids.length; i++) {
      if (marks[ids[i]!] === stamp) return scanDecides || direct(ctx);
    }
    return false;
  };
  return { test, cost: 8, needleIds: ids };
}

/** Evidence a leaf leaves behind when it passes: encoded as (kind << 24) | id. */
export const NEEDLE = 0;
export const HANDLE = 1;
export const LINK = 2;
export const evidence = (kind: number, id: number): number => (kind << 24) | id;

export interface CompiledNode extends Compiled {
  /**
   * Evidence of which at least one must have fired for the node to pass; null when it can pass without any
   * (or nothing is known). An empty list means it never passes.
   */
  req: number[] | null;
  /** Every piece of evidence a positive literal test (text with needles, handle, link) in the node leaves. */
  ev: number[];
  /**
   * When none of `ev` fired, the node can pass only if the item's feature word satisfies one of these
   * terms (guard.ts): a necessary condition, over-approximated where exactness would cost too many terms.
   */
  free: Term[];
}

function compileLeaf(c: Leaf, settings: Settings, reg: Registries): CompiledNode {
  switch (c.type) {
    case 'text': {
      const t = compileText(c.mode, c.pattern, c.caseSensitive, reg.needles);
      if (t.needleIds === null) return { ...t, req: null, ev: [], free: [TOP] };
      const ev = t.needleIds.map((id) => evidence(NEEDLE, id));
      return { ...t, req: ev, ev, free: [] };
    }
    case 'handle': {
      const id = reg.handles.add(new Set(c.handles.map((h) => h.replace(/^@/, '').toLowerCase())));
      return {
        test: (ctx) => {
          const hits = handleHitsOf(ctx);
          return hits !== null && hits.includes(id);
        },
        cost: 2,
        req: [evidence(HANDLE, id)],
        ev: [evidence(HANDLE, id)],
        free: [],
      };
    }
    case 'linkDomain': {
      const id = reg.links.add(c.domains.map((d) => d.replace(/^www\./, '').toLowerCase()));
      return {
        test: (ctx) => {
          const hits = linkHitsOf(ctx);
          return hits !== null && hits.includes(id);
        },
        cost: 3,
        req: [evidence(LINK, id)],
        ev: [evidence(LINK, id)],
        free: [],
      };
    }
    case 'accountAge': {
      const days = c.lessThanDays;
      return {
        test: (ctx) => {
          const age = ctx.item.author.accountAgeDays;
          return age !== null && age < days;
        },
        cost: 1,
        req: null,
        ev: [],
        free: [TOP],
      };
    }
    case 'brand': {
      const atLeast = c.atLeast ?? settings.brandThreshold;
      return { test: (ctx) => brandOf(ctx).score >= atLeast, cost: 40, req: null, ev: [], free: [TOP] };
    }
  }
}

const always: Test = () => true;
const never: Test = () => false;

export function compileNode(n: Node, settings: Settings, reg: Registries): CompiledNode {
  switch (n.t) {
    case 'const':
      return { test: n.v ? always : never, cost: 0, req: n.v ? null : [], ev: [], free: n.v ? [TOP] : [] };
    case 'mask': {
      const { m } = n;
      return {
        test: n.neg ? (ctx) => (ctx.features & m) === 0 : (ctx) => (ctx.features & m) !== 0,
        cost: 1,
        req: null,
        ev: [],
        free: [n.neg ? { need: [], none: m } : { need: [m], none: 0 }],
      };
    }
    case 'leaf': {
      const leaf = compileLeaf(n.c, settings, reg);
      if (!n.neg) return leaf;
      const t = leaf.test;
      // A negated literal test can pass with no evidence at all: no condition on the features.
      return { test: (ctx) => !t(ctx), cost: leaf.cost, req: null, ev: [], free: [TOP] };
    }
    case 'all':
      return compileAll(n.need, n.none, n.kids.map((k) => compileNode(k, settings, reg)));
    case 'any':
      return compileAny(n.some, n.lacks, n.kids.map((k) => compileNode(k, settings, reg)));
  }
}

const byCost = (a: Compiled, b: Compiled) => a.cost - b.cost;

function compileAll(need: number[], none: number, parts: CompiledNode[]): CompiledNode {
  parts.sort(byCost);
  const kids = parts.map((p) => p.test);
  const cost = 1 + parts.reduce((s, p) => s + p.cost, 0);
  // Any one part's evidence is required; the shortest list is the sharpest filter.
  let req: number[] | null = null;
  for (const p of parts) if (p.req !== null && (req === null || p.req.length < req.length)) req = p.req;
  const ev = parts.flatMap((p) => p.ev);
  const free = allTerms(need, none, parts.map((p) => p.free));
  const n = kids.length;
  const [k0] = kids;
  if (need.length === 0 && n === 1) return { test: none === 0 ? k0! : (ctx) => (ctx.features & none) === 0 && k0!(ctx), cost, req, ev, free };
  return {
    test: (ctx) => {
      const f = ctx.features;
      if ((f & none) !== 0) return false;
      for (let i = 0; i < need.length; i++) if ((f & need[i]!) === 0) return false;
      for (let i = 0; i < n; i++) if (!kids[i]!(ctx)) return false;
      return true;
    },
    cost,
    req,
    ev,
    free,
  };
}

function compileAny(some: number, lacks: number[], parts: CompiledNode[]): CompiledNode {
  parts.sort(byCost);
  const kids = parts.map((p) => p.test);
  const cost = 1 + parts.reduce((s, p) => s + p.cost, 0);
  // Every way to pass must leave evidence; a mask part can pass without any.
  let req: number[] | null = some === 0 && lacks.length === 0 ? [] : null;
  for (const p of parts) {
    if (req === null) break;
    if (p.req === null) req = null;
    else req = [...req, ...p.req];
  }
  const ev = parts.flatMap((p) => p.ev);
  const free = anyTerms(some, lacks, parts.map((p) => p.free));
  const n = kids.length;
  return {
    test: (ctx) => {
      const f = ctx.features;
      if ((f & some) !== 0) return true;
      for (let i = 0; i < lacks.length; i++) if ((f & lacks[i]!) === 0) return true;
      for (let i = 0; i < n; i++) if (kids[i]!(ctx)) return true;
      return false;
    },
    cost,
    req,
    ev,
    free,
  };
}

export function compileCondition(c: Condition, settings: Settings, reg: Registries): CompiledNode {
  return compileNode(normalize(c), settings, reg);
}

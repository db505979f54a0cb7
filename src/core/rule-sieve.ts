// Picks the rules worth testing on an item. It only ever skips a rule that could not have matched, and
// it works from what a rule's condition says, in two steps:
// 1. Shape. Worked out once per ruleset for each item kind and follow state (most rules are about
//    replies or mentions from people you don't follow): which rules can still hold when only those two
//    are known, and what evidence each of them then needs.
// 2. Evidence. Most rules name what they look for: handles on a list, words in the text, link domains.
//    Per item, the handle, the text (one probe) and the links are looked up once; a rule that needs
//    evidence is tested only if some of it turned up.
import { normalizeDomain } from './domain';
import { probeable, requiredNeedles } from './condition';
import { normalizeHandle } from './handle';
import type { ItemView } from './item-view';
import { ITEM_KINDS, PAGE_CONTEXTS, VERIFIED_KINDS, type TriState } from './vocabulary';
import type { Condition } from './rules';

const FOLLOW_STATES: readonly TriState[] = [true, false, 'unknown'];

/** What is known of an item before looking at it closely. */
interface Shape {
  kind: string;
  followed: TriState;
}

type Tri = boolean | 'unknown';

/** Whether `c` holds for every item of this shape (true), none (false), or it depends ('unknown'). */
export function holdsForShape(c: Condition, shape: Shape): Tri {
  switch (c.type) {
    case 'all': {
      let out: Tri = true;
      for (const part of c.of) {
        const r = holdsForShape(part, shape);
        if (r === false) return false;
        if (r === 'unknown') out = 'unknown';
      }
      return out;
    }
    case 'any': {
      if (coversEveryValue(c.of)) return true;
      let out: Tri = false;
      for (const part of c.of) {
        const r = holdsForShape(part, shape);
        if (r === true) return true;
        if (r === 'unknown') out = 'unknown';
      }
      return out;
    }
    case 'not': {
      const r = holdsForShape(c.of, shape);
      return r === 'unknown' ? r : !r;
    }
    case 'kind':
      return (c.kinds as readonly string[]).includes(shape.kind);
    case 'followed':
      return c.value === shape.followed;
    case 'promoted':
      return shape.kind === 'ad' ? true : 'unknown';
    default:
      return 'unknown';
  }
}

/** `any` of predicates on one field that name every value the field can take always holds. */
function coversEveryValue(parts: readonly Condition[]): boolean {
  const seen = new Map<string, Set<unknown>>();
  const note = (field: string, values: readonly unknown[]) => {
    const s = seen.get(field) ?? new Set();
    for (const v of values) s.add(v);
    seen.set(field, s);
  };
  for (const p of parts) {
    if (p.type === 'followsYou' || p.type === 'followed') note(p.type, [p.value]);
    else if (p.type === 'verified' || p.type === 'kind') note(p.type, p.kinds);
    else if (p.type === 'context') note(p.type, p.contexts);
  }
  const domain: Record<string, number> = {
    followsYou: FOLLOW_STATES.length, followed: FOLLOW_STATES.length,
    verified: VERIFIED_KINDS.length, kind: ITEM_KINDS.length, context: PAGE_CONTEXTS.length,
  };
  for (const [field, values] of seen) if (values.size === domain[field]) return true;
  return false;
}

/** The rule can match only if the handle is in `handles`, the text may hold a needle, or a link is on `domains`. */
interface Evidence {
  handles: string[];
  /** Each needle as its character pairs (text-probe.ts). */
  needles: Uint16Array[];
  domains: string[];
}

const size = (e: Evidence): number => e.handles.length + e.needles.length + e.domains.length;

// The sieve asks for every rule's evidence once per shape; a list of 10,000 handles is normalized once.
const normalizedLists = new WeakMap<object, string[]>();
function normalized(c: object, list: readonly string[], normalize: (s: string) => string): string[] {
  let out = normalizedLists.get(c);
  if (out === undefined) normalizedLists.set(c, (out = list.map(normalize)));
  return out;
}

/** A necessary condition for `c` to hold on an item of this shape, or null when it can hold without evidence. */
export function evidenceFor(c: Condition, shape: Shape): Evidence | null {
  switch (c.type) {
    case 'handle':
      return { handles: normalized(c, c.handles, normalizeHandle), needles: [], domains: [] };
    case 'text': {
      const needles = probeable(requiredNeedles(c));
      return needles === null ? null : { handles: [], needles, domains: [] };
    }
    case 'linkDomain':
      return { handles: [], needles: [], domains: normalized(c, c.domains, normalizeDomain) };
    case 'all': {
      // Any one part's evidence will do; the one naming the fewest things is the sharpest.
      let best: Evidence | null = null;
      for (const part of c.of) {
        const e = evidenceFor(part, shape);
        if (e !== null && (best === null || size(e) < size(best))) best = e;
      }
      return best;
    }
    case 'any': {
      // Every way to pass must leave evidence; a part that cannot hold for this shape is no way.
      const union: Evidence = { handles: [], needles: [], domains: [] };
      for (const part of c.of) {
        if (holdsForShape(part, shape) === false) continue;
        const e = evidenceFor(part, shape);
        if (e === null) return null;
        union.handles.push(...e.handles);
        union.needles.push(...e.needles);
        union.domains.push(...e.domains);
      }
      return union;
    }
    default:
      return null;
  }
}

interface Plan {
  /** Rule indices, ascending, that can match items of this shape. */
  rules: number[];
  /** Per rule index: it needs evidence (see `fired`) before it is tested. */
  waits: boolean[];
}

export class RuleSieve {
  private readonly plans: Plan[] = [];
  /** Every rule's evidence under every shape, merged: a rule may fire for evidence another shape needed, never miss its own. */
  private readonly byHandle = new Map<string, Set<number>>();
  private readonly byDomain = new Map<string, Set<number>>();
  /** Distinct needles, each with the rules waiting for it. */
  private readonly needles: { pairs: Uint16Array; rules: Set<number> }[] = [];
  private readonly everything: Plan;

  constructor(conditions: readonly Condition[]) {
    const needleAt = new Map<string, Set<number>>();
    for (const kind of ITEM_KINDS) {
      for (const followed of FOLLOW_STATES) {
        const plan: Plan = { rules: [], waits: conditions.map(() => false) };
        conditions.forEach((c, i) => {
          const shape = { kind, followed };
          if (holdsForShape(c, shape) === false) return;
          plan.rules.push(i);
          const e = evidenceFor(c, shape);
          if (e === null) return;
          plan.waits[i] = true;
          for (const h of e.handles) add(this.byHandle, h, i);
          for (const d of e.domains) add(this.byDomain, d, i);
          for (const pairs of e.needles) {
            const key = pairs.join(',');
            let rules = needleAt.get(key);
            if (rules === undefined) {
              needleAt.set(key, (rules = new Set()));
              this.needles.push({ pairs, rules });
            }
            rules.add(i);
          }
        });
        this.plans[planIndex(kind, followed)] = plan;
      }
    }
    this.everything = { rules: conditions.map((_, i) => i), waits: conditions.map(() => false) };
  }

  /** Indices of the rules to test on this item, in the user's order. */
  candidates(v: ItemView): number[] {
    // A kind or follow state outside the schema: test everything rather than guess.
    const plan = this.plans[planIndex(v.item.kind, v.followed)] ?? this.everything;
    const fired = this.fired(v);
    const out: number[] = [];
    for (const i of plan.rules) if (!plan.waits[i] || fired?.has(i) === true) out.push(i);
    return out;
  }

  /** The rules whose evidence this item shows, or null for none. */
  private fired(v: ItemView): Set<number> | null {
    const found: Set<number>[] = [];
    if (this.byHandle.size > 0) {
      const rules = this.byHandle.get(v.handle);
      if (rules !== undefined) found.push(rules);
    }
    if (this.byDomain.size > 0 && v.item.linkDomains.length > 0) {
      for (const host of v.linkHosts) {
        const rules = this.byDomain.get(host);
        if (rules !== undefined) found.push(rules);
      }
    }
    if (this.needles.length > 0 && v.item.text !== '') {
      const probe = v.textProbe;
      for (const n of this.needles) if (probe.mayContain(n.pairs)) found.push(n.rules);
    }
    if (found.length === 0) return null;
    if (found.length === 1) return found[0]!;
    const out = new Set<number>();
    for (const rules of found) for (const i of rules) out.add(i);
    return out;
  }
}

const KIND_INDEX: ReadonlyMap<string, number> = new Map(ITEM_KINDS.map((k, i) => [k, i]));

function planIndex(kind: string, followed: TriState): number {
  const k = KIND_INDEX.get(kind);
  const f = FOLLOW_STATES.indexOf(followed);
  if (k === undefined || f < 0) return -1;
  return k * 3 + f;
}

function add(map: Map<string, Set<number>>, key: string, i: number): void {
  const set = map.get(key);
  if (set === undefined) map.set(key, new Set([i]));
  else set.add(i);
}

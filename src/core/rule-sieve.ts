// Picks the rules worth testing on an item, in two steps that each only ever skip a rule that could
// not have matched:
// 1. By kind and follow state. Worked out once per ruleset: which rules can still hold when only the
//    item's kind and whether you follow its author are known (most rules are about replies or
//    mentions from people you don't follow). Per item, one list lookup.
// 2. By evidence. Most rules name what they look for: handles on a list, words in the text. The item's
//    handle and text are looked up once, and a rule that needs evidence is tested only if it turned up.
import { probeable, requiredNeedles } from './condition';
import { normalizeHandle } from './handle';
import type { ItemView } from './item-view';
import { ITEM_KINDS, type TriState } from './model';
import type { Condition } from './rules';

/** The rule can match only if the author's handle is in `handles` or the text may hold one of the needles. */
interface Evidence {
  handles: string[];
  /** Each needle as its character pairs (text-probe.ts). */
  needles: Uint16Array[];
}

/** A necessary condition for `c` to hold, or null when it can hold without any evidence. */
export function evidenceFor(c: Condition): Evidence | null {
  switch (c.type) {
    case 'handle':
      return { handles: c.handles.map(normalizeHandle), needles: [] };
    case 'text': {
      const needles = probeable(requiredNeedles(c));
      return needles === null ? null : { handles: [], needles };
    }
    case 'all': {
      // Any one part's evidence will do; the one naming the fewest things is the sharpest.
      let best: Evidence | null = null;
      for (const part of c.of) {
        const e = evidenceFor(part);
        if (e !== null && (best === null || size(e) < size(best))) best = e;
      }
      return best;
    }
    case 'any': {
      // Every way to pass must leave evidence.
      const union: Evidence = { handles: [], needles: [] };
      for (const part of c.of) {
        const e = evidenceFor(part);
        if (e === null) return null;
        union.handles.push(...e.handles);
        union.needles.push(...e.needles);
      }
      return union;
    }
    default:
      return null;
  }
}

const size = (e: Evidence): number => e.handles.length + e.needles.length;

const FOLLOW_STATES: readonly TriState[] = [true, false, 'unknown'];

type Tri = boolean | 'unknown';

/** Whether `c` holds when only the item's kind and follow state are known ('unknown': can't tell yet). */
export function holdsKnowing(c: Condition, kind: string, followed: TriState): Tri {
  switch (c.type) {
    case 'all': {
      let out: Tri = true;
      for (const part of c.of) {
        const r = holdsKnowing(part, kind, followed);
        if (r === false) return false;
        if (r === 'unknown') out = 'unknown';
      }
      return out;
    }
    case 'any': {
      let out: Tri = false;
      for (const part of c.of) {
        const r = holdsKnowing(part, kind, followed);
        if (r === true) return true;
        if (r === 'unknown') out = 'unknown';
      }
      return out;
    }
    case 'not': {
      const r = holdsKnowing(c.of, kind, followed);
      return r === 'unknown' ? r : !r;
    }
    case 'kind':
      return (c.kinds as readonly string[]).includes(kind);
    case 'followed':
      return c.value === followed;
    case 'promoted':
      return kind === 'ad' ? true : 'unknown';
    default:
      return 'unknown';
  }
}

export class RuleSieve {
  /** Rule indices, ascending, that can match an item of a kind and follow state: see `shapeOf`. */
  private readonly byShape: number[][] = [];
  /** Per rule index: true when the rule needs evidence before it is tested. */
  private readonly waits: boolean[];
  private readonly byHandle = new Map<string, number[]>();
  private readonly needles: { pairs: Uint16Array; rules: number[] }[] = [];

  constructor(conditions: readonly Condition[]) {
    for (const kind of ITEM_KINDS) {
      for (const followed of FOLLOW_STATES) {
        const fits: number[] = [];
        conditions.forEach((c, i) => {
          if (holdsKnowing(c, kind, followed) !== false) fits.push(i);
        });
        this.byShape[shapeOf(kind, followed)] = fits;
      }
    }
    this.waits = conditions.map(() => false);
    conditions.forEach((c, i) => {
      const e = evidenceFor(c);
      if (e === null) return;
      this.waits[i] = true;
      for (const h of e.handles) push(this.byHandle, h, i);
      for (const pairs of e.needles) this.needles.push({ pairs, rules: [i] });
    });
  }

  /** Indices of the rules to test on this item, in the user's order. */
  candidates(v: ItemView): number[] {
    const fits = this.byShape[shapeOf(v.item.kind, v.followed)];
    // A kind outside the schema: test everything rather than guess.
    const all = fits ?? this.waits.map((_, i) => i);
    const fired = this.fired(v);
    return all.filter((i) => !this.waits[i] || (fired !== null && fired.has(i)));
  }

  /** The rules whose evidence this item shows, or null for none. */
  private fired(v: ItemView): Set<number> | null {
    let out: Set<number> | null = null;
    if (this.byHandle.size > 0) {
      const rules = this.byHandle.get(v.handle);
      if (rules !== undefined) out = new Set(rules);
    }
    if (this.needles.length > 0 && v.item.text !== '') {
      const probe = v.textProbe;
      for (const n of this.needles) if (probe.mayContain(n.pairs)) for (const i of n.rules) (out ??= new Set()).add(i);
    }
    return out;
  }
}

const KIND_INDEX: ReadonlyMap<string, number> = new Map(ITEM_KINDS.map((k, i) => [k, i]));

function shapeOf(kind: string, followed: TriState): number {
  const k = KIND_INDEX.get(kind);
  if (k === undefined) return -1;
  return k * 3 + (followed === true ? 0 : followed === false ? 1 : 2);
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

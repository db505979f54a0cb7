// Rewrites a condition tree into a shape that is cheap to evaluate: negations pushed down to the leaves
// (De Morgan), nested all/all and any/any flattened, and every kind/context/badge/follow/flag predicate
// turned into a bitmask over the item's feature word (features.ts), so an `all` or `any` checks all its
// cheap parts with a few AND instructions before it calls anything.
import {
  ALLOWLISTED_BIT,
  BOT_BIT,
  OWN_THREAD_BIT,
  PROMOTED_BIT,
  contextMask,
  followedMask,
  followsYouMask,
  kindMask,
  verifiedMask,
} from './features';
import type { Condition, Predicate } from './rules';

/** Predicates that need real work (text, handles, links, age, brand score). */
export type Leaf = Extract<Predicate, { type: 'text' | 'handle' | 'linkDomain' | 'accountAge' | 'brand' }>;

export type Node =
  | { t: 'const'; v: boolean }
  /** Pass when (features & m) !== 0, or — negated — when it is 0. */
  | { t: 'mask'; m: number; neg: boolean }
  | { t: 'leaf'; c: Leaf; neg: boolean }
  /**
   * all: every `kids` passes, (features & m) !== 0 for every m in `need`, and (features & `none`) === 0.
   * any: some kid passes, or (features & `some`) !== 0, or (features & m) === 0 for some m in `lacks`.
   */
  | { t: 'all'; need: number[]; none: number; kids: Node[] }
  | { t: 'any'; some: number; lacks: number[]; kids: Node[] };

function maskFor(c: Predicate): number | null {
  switch (c.type) {
    case 'followed':
      return followedMask(c.value);
    case 'followsYou':
      return followsYouMask(c.value);
    case 'verified':
      return verifiedMask(c.kinds);
    case 'kind':
      return kindMask(c.kinds);
    case 'context':
      return contextMask(c.contexts);
    case 'promoted':
      return PROMOTED_BIT;
    case 'bot':
      return BOT_BIT;
    case 'inOwnThread':
      return OWN_THREAD_BIT;
    case 'allowlisted':
      return ALLOWLISTED_BIT;
    default:
      return null;
  }
}

export function normalize(c: Condition, neg = false): Node {
  switch (c.type) {
    case 'not':
      return normalize(c.of, !neg);
    case 'all':
    case 'any': {
      // not(all) = any(not …); not(any) = all(not …)
      const type = (c.type === 'all') !== neg ? 'all' : 'any';
      return combine(type, c.of.map((x) => normalize(x, neg)));
    }
    default: {
      const m = maskFor(c);
      if (m === null) return { t: 'leaf', c: c as Leaf, neg };
      // An empty mask (no value can match) is a constant.
      if (m === 0) return { t: 'const', v: neg };
      return { t: 'mask', m, neg };
    }
  }
}

function combine(type: 'all' | 'any', parts: Node[]): Node {
  const isAll = type === 'all';
  const kids: Node[] = [];
  // all: `need` holds positive masks, `merged` the union of negated ones (none may hit).
  // any: `merged` the union of positive masks (one hit suffices), `lacks` holds negated ones.
  const single: number[] = [];
  let merged = 0;
  const take = (p: Node): boolean => {
    // Returns true when the whole combination is decided (a false part of all, a true part of any).
    switch (p.t) {
      case 'const':
        return p.v !== isAll;
      case 'mask':
        if (p.neg === isAll) merged |= p.m;
        else single.push(p.m);
        return false;
      case 'all':
      case 'any':
        if (p.t === type) {
          // Flatten all(all(…)) and any(any(…)).
          if (isAll && p.t === 'all') {
            single.push(...p.need);
            merged |= p.none;
          } else if (!isAll && p.t === 'any') {
            merged |= p.some;
            single.push(...p.lacks);
          }
          kids.push(...p.kids);
          return false;
        }
        kids.push(p);
        return false;
      case 'leaf':
        kids.push(p);
        return false;
    }
  };
  for (const p of parts) if (take(p)) return { t: 'const', v: !isAll };
  if (kids.length === 0 && single.length === 0 && merged === 0) return { t: 'const', v: isAll };
  return isAll ? { t: 'all', need: single, none: merged, kids } : { t: 'any', some: merged, lacks: single, kids };
}

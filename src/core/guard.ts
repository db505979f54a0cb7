// Feature guards: what a condition needs of the item's whole feature word (features.ts) when none of its
// literal tests (text needles, handle lists, link domains) found anything. A guard is a disjunction of
// terms; a term holds when (features & m) !== 0 for every m in `need` and (features & none) === 0.
// Guards are necessary conditions only: where an exact one would take too many terms, they widen to TOP
// (no condition), which is always safe.

export interface Term {
  need: readonly number[];
  none: number;
}

/** The term that always holds. */
export const TOP: Term = Object.freeze({ need: Object.freeze([]) as readonly number[], none: 0 });

/** Beyond this many terms a guard gives up and becomes [TOP]. */
export const MAX_TERMS = 8;

export const isTop = (t: Term): boolean => t.none === 0 && t.need.length === 0;

export function holds(t: Term, features: number): boolean {
  if ((features & t.none) !== 0) return false;
  for (let i = 0; i < t.need.length; i++) if ((features & t.need[i]!) === 0) return false;
  return true;
}

/** A term no feature word satisfies: some needed mask lies wholly inside `none`. */
const impossible = (t: Term): boolean => t.need.some((m) => (m & ~t.none) === 0);

export const termKey = (t: Term): string => `${t.none}:${[...new Set(t.need)].sort((a, b) => a - b).join(',')}`;

function tidy(terms: Term[]): Term[] {
  const out = new Map<string, Term>();
  for (const t of terms) {
    if (impossible(t)) continue;
    // Bits of a need that `none` excludes cannot help meet it.
    const need = [...new Set(t.need.map((m) => m & ~t.none))].sort((a, b) => a - b);
    const tt: Term = need.length === 0 && t.none === 0 ? TOP : { need, none: t.none };
    if (isTop(tt)) return [TOP];
    out.set(termKey(tt), tt);
  }
  if (out.size > MAX_TERMS) return [TOP];
  return [...out.values()];
}

/** Guard of all(masks …, parts …): the term of its own masks and one term of each part's guard. */
export function allTerms(need: readonly number[], none: number, parts: readonly (readonly Term[])[]): Term[] {
  let acc: Term[] = [{ need: [...need], none }];
  for (const p of parts) {
    const next: Term[] = [];
    for (const a of acc) for (const b of p) next.push({ need: [...a.need, ...b.need], none: a.none | b.none });
    acc = tidy(next);
    if (acc.length === 0) return acc;
  }
  return tidy(acc);
}

/** Guard of any(masks …, parts …): any of its own masks, or any part's guard. */
export function anyTerms(some: number, lacks: readonly number[], parts: readonly (readonly Term[])[]): Term[] {
  const terms: Term[] = [];
  if (some !== 0) terms.push({ need: [some], none: 0 });
  for (const m of lacks) terms.push({ need: [], none: m });
  for (const p of parts) terms.push(...p);
  return tidy(terms);
}

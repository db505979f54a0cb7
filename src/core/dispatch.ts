// Picks the rules that can possibly match an item before testing any of them, in two sieves:
// 1. Fields. For each cheap, enumerable item field (site, kind, context, badge, follow state, flags) and
//    each of its values, compile time works out — by evaluating every rule with only that field known —
//    which rules could still match. Per item, the candidates are the AND of one bitset per field.
// 2. Evidence. A rule that can only pass when some literal is in the text, the author is on one of its
//    handle lists, or a link is on one of its domain lists (compile-condition.ts's `req`) stays a candidate
//    only if that evidence fired: one text scan, one handle lookup and one walk over the links tell.
//    A rule that can pass without evidence (its `req` is null) may still need evidence for all but a few
//    feature words: when none of its literal tests found anything, it can pass only if the item's whole
//    feature word meets its guard (guard.ts). Such a rule is tested when its evidence fired or its guard holds.
// Both sieves keep a necessary condition, so they never drop a rule that would have matched; the
// survivors are tested in the user's order.
import type { CompiledRule } from './compile';
import { HANDLE, LINK, NEEDLE } from './compile-condition';
import { handleHitsOf, linkHitsOf, scanStampOf, type EvalContext } from './eval-context';
import {
  ALLOWLISTED_BIT,
  BOT_BIT,
  CONTEXT_AT,
  FOLLOWED_AT,
  FOLLOWS_YOU_AT,
  KIND_AT,
  OWN_THREAD_BIT,
  PROMOTED_BIT,
  VERIFIED_AT,
  siteIndex,
  valueIndex,
} from './features';
import { ITEM_KINDS, PAGE_CONTEXTS, SITE_IDS, VERIFIED_KINDS, type FeedItem } from './model';
import { holds, isTop, termKey, type Term } from './guard';
import type { Condition } from './rules';

/** What compile-condition.ts found about a rule's condition besides `req`: see CompiledNode's ev and free. */
export interface Guard {
  ev: readonly number[];
  free: readonly Term[];
}

const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;
type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** The one field known while evaluating a rule abstractly. */
type Known =
  | { f: 'kind'; v: FeedItem['kind'] }
  | { f: 'context'; v: FeedItem['context'] }
  | { f: 'verified'; v: FeedItem['author']['verified'] }
  | { f: 'followed' | 'followsYou'; v: boolean | 'unknown' }
  | { f: 'promoted' | 'bot' | 'inOwnThread' | 'allowlisted'; v: boolean };

const tri = (b: boolean): Tri => (b ? TRUE : FALSE);

/** Three-valued evaluation of a condition when only one item field is known. */
export function evalKnown(c: Condition, k: Known): Tri {
  switch (c.type) {
    case 'all': {
      let r: Tri = TRUE;
      for (const x of c.of) {
        const v = evalKnown(x, k);
        if (v === FALSE) return FALSE;
        if (v === UNKNOWN) r = UNKNOWN;
      }
      return r;
    }
    case 'any': {
      let r: Tri = FALSE;
      for (const x of c.of) {
        const v = evalKnown(x, k);
        if (v === TRUE) return TRUE;
        if (v === UNKNOWN) r = UNKNOWN;
      }
      return r;
    }
    case 'not': {
      const v = evalKnown(c.of, k);
      return v === UNKNOWN ? UNKNOWN : v === TRUE ? FALSE : TRUE;
    }
    case 'followed':
    case 'followsYou':
      return k.f === c.type ? tri(k.v === c.value) : UNKNOWN;
    case 'verified':
      return k.f === 'verified' ? tri(c.kinds.includes(k.v)) : UNKNOWN;
    case 'kind':
      return k.f === 'kind' ? tri(c.kinds.includes(k.v)) : UNKNOWN;
    case 'context':
      return k.f === 'context' ? tri(c.contexts.includes(k.v)) : UNKNOWN;
    case 'promoted':
      // Known as a whole (promoted flag or kind "ad", one feature bit); kind "ad" alone also proves it.
      if (k.f === 'promoted') return tri(k.v);
      if (k.f === 'kind' && k.v === 'ad') return TRUE;
      return UNKNOWN;
    case 'bot':
    case 'inOwnThread':
    case 'allowlisted':
      return k.f === c.type ? tri(k.v) : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

type Table = Int32Array;

export class RuleDispatch {
  private readonly words: number;
  private readonly all: Table;
  /** Indexed like SITE_IDS, ITEM_KINDS, PAGE_CONTEXTS, VERIFIED_KINDS: the order of features.ts's bits. */
  private readonly site: Table[];
  private readonly kind: Table[];
  private readonly context: Table[];
  private readonly verified: Table[];
  /** Indexed true → 0, false → 1, 'unknown' → 2. */
  private readonly followed: Table[];
  private readonly followsYou: Table[];
  /** Indexed false → 0, true → 1; `promoted` is "promoted flag or kind ad". */
  private readonly promoted: Table[];
  private readonly bot: Table[];
  private readonly inOwnThread: Table[];
  private readonly allowlisted: Table[];
  /** Rules that need no evidence. */
  private readonly always: Table;
  /** Rules that need evidence of each kind, and the rules each piece of evidence lets through. */
  private readonly wants: Table[];
  private readonly byEvidence: (Table | undefined)[][];
  private readonly candidates: Table;
  private readonly fired: Table;
  /** Rules without `req` that are tested only if their evidence fired or their guard holds. */
  private readonly guarded: Table;
  /** Distinct guard terms, and the guarded rules each lets through when it holds. */
  private readonly terms: Term[];
  private readonly termRules: Table[];

  /**
   * `reqs[i]`: evidence rule i needs (null: none; empty: it never passes). With `needlesKnown` false
   * (no text scan), needle evidence cannot be checked and rules needing it are always tested.
   */
  constructor(
    private readonly rules: readonly CompiledRule[],
    whens: readonly Condition[],
    sites: readonly (readonly string[])[],
    reqs: readonly (readonly number[] | null)[],
    needlesKnown: boolean,
    guards: readonly Guard[],
  ) {
    const words = (this.words = Math.max(1, Math.ceil(rules.length / 32)));
    const table = (keep: (i: number) => boolean): Table => {
      const t = new Int32Array(words);
      for (let i = 0; i < rules.length; i++) if (keep(i)) t[i >> 5]! |= 1 << (i & 31);
      return t;
    };
    const byKnown = (k: Known): Table => table((i) => evalKnown(whens[i]!, k) !== FALSE);
    this.all = table(() => true);
    this.site = SITE_IDS.map((s) => table((i) => sites[i]!.length === 0 || sites[i]!.includes(s)));
    this.kind = ITEM_KINDS.map((v) => byKnown({ f: 'kind', v }));
    this.context = PAGE_CONTEXTS.map((v) => byKnown({ f: 'context', v }));
    this.verified = VERIFIED_KINDS.map((v) => byKnown({ f: 'verified', v }));
    const tris = [true, false, 'unknown'] as const;
    this.followed = tris.map((v) => byKnown({ f: 'followed', v }));
    this.followsYou = tris.map((v) => byKnown({ f: 'followsYou', v }));
    const bools = [false, true] as const;
    this.promoted = bools.map((v) => byKnown({ f: 'promoted', v }));
    this.bot = bools.map((v) => byKnown({ f: 'bot', v }));
    this.inOwnThread = bools.map((v) => byKnown({ f: 'inOwnThread', v }));
    this.allowlisted = bools.map((v) => byKnown({ f: 'allowlisted', v }));

    const usable = (r: readonly number[] | null): readonly number[] | null =>
      r === null || (!needlesKnown && r.some((e) => e >>> 24 === NEEDLE)) ? null : r;
    // Rule i is guarded when it has no usable `req`, its guard is not TOP, and it has evidence to wait for
    // (a rule with none is left to the field sieve, which already sees each of its fields).
    const isGuarded = (i: number): boolean => {
      const g = guards[i];
      if (g === undefined || usable(reqs[i]!) !== null || g.ev.length === 0 || g.free.some(isTop)) return false;
      return usable(g.ev) !== null;
    };
    const evidenceOf = (i: number): readonly number[] | null => usable(reqs[i]!) ?? (isGuarded(i) ? guards[i]!.ev : null);
    this.always = table((i) => evidenceOf(i) === null);
    this.guarded = table(isGuarded);
    this.wants = [NEEDLE, HANDLE, LINK].map((kind) => table((i) => evidenceOf(i)?.some((e) => e >>> 24 === kind) ?? false));
    this.byEvidence = [[], [], []];
    for (let i = 0; i < rules.length; i++) {
      for (const e of evidenceOf(i) ?? []) {
        const list = this.byEvidence[e >>> 24]!;
        const id = e & 0xffffff;
        const t = (list[id] ??= new Int32Array(words));
        t[i >> 5]! |= 1 << (i & 31);
      }
    }
    const termIndex = new Map<string, number>();
    this.terms = [];
    this.termRules = [];
    for (let i = 0; i < rules.length; i++) {
      if (!isGuarded(i)) continue;
      for (const t of guards[i]!.free) {
        const key = termKey(t);
        let at = termIndex.get(key);
        if (at === undefined) {
          at = this.terms.length;
          termIndex.set(key, at);
          this.terms.push(t);
          this.termRules.push(new Int32Array(words));
        }
        this.termRules[at]![i >> 5]! |= 1 << (i & 31);
      }
    }
    this.candidates = new Int32Array(words);
    this.fired = new Int32Array(words);
  }

  /** The first rule, in the user's order, whose test passes; null when none does. */
  firstMatch(ctx: EvalContext): CompiledRule | null {
    if (this.rules.length === 0) return null;
    // Every field's value comes from the feature word; a value outside the schema (it should not happen)
    // has no bit, and just lifts that field's restriction.
    const f = ctx.features;
    const all = this.all;
    const s = this.site[siteIndex(ctx.item.site)] ?? all;
    const k = this.kind[valueIndex(f, KIND_AT, ITEM_KINDS.length)] ?? all;
    const c = this.context[valueIndex(f, CONTEXT_AT, PAGE_CONTEXTS.length)] ?? all;
    const v = this.verified[valueIndex(f, VERIFIED_AT, VERIFIED_KINDS.length)] ?? all;
    const fo = this.followed[valueIndex(f, FOLLOWED_AT, 3)] ?? all;
    const fy = this.followsYou[valueIndex(f, FOLLOWS_YOU_AT, 3)] ?? all;
    const pr = this.promoted[(f & PROMOTED_BIT) !== 0 ? 1 : 0]!;
    const bo = this.bot[(f & BOT_BIT) !== 0 ? 1 : 0]!;
    const ot = this.inOwnThread[(f & OWN_THREAD_BIT) !== 0 ? 1 : 0]!;
    const al = this.allowlisted[(f & ALLOWLISTED_BIT) !== 0 ? 1 : 0]!;
    const words = this.words;
    const cand = this.candidates;
    const wantNeedles = this.wants[NEEDLE]!;
    const wantHandles = this.wants[HANDLE]!;
    const wantLinks = this.wants[LINK]!;
    let needles = 0;
    let handles = 0;
    let links = 0;
    const guarded = this.guarded;
    let guarding = 0;
    for (let w = 0; w < words; w++) {
      const m = s[w]! & k[w]! & c[w]! & v[w]! & fo[w]! & fy[w]! & pr[w]! & bo[w]! & ot[w]! & al[w]!;
      cand[w] = m;
      guarding |= m & guarded[w]!;
      needles |= m & wantNeedles[w]!;
      handles |= m & wantHandles[w]!;
      links |= m & wantLinks[w]!;
    }
    const fired = this.fired;
    if ((needles | handles | links) !== 0) fired.fill(0);
    // Gather only the evidence some remaining rule is waiting for.
    if (needles !== 0) {
      const ts = ctx.ruleset.textScan;
      if (ts !== null) {
        scanStampOf(ctx, ts);
        for (let i = 0; i < ts.hitCount; i++) or(fired, this.byEvidence[NEEDLE]![ts.hits[i]!]);
      }
    }
    if (handles !== 0) {
      const hits = handleHitsOf(ctx);
      if (hits !== null) for (const id of hits) or(fired, this.byEvidence[HANDLE]![id]);
    }
    if (links !== 0) {
      const hits = linkHitsOf(ctx);
      if (hits !== null) for (const id of hits) or(fired, this.byEvidence[LINK]![id]);
    }
    // A guarded candidate whose guard holds is tested whatever the evidence: count it as fired.
    if (guarding !== 0) {
      const terms = this.terms;
      for (let t = 0; t < terms.length; t++) if (holds(terms[t]!, f)) or(fired, this.termRules[t]);
    }
    const always = this.always;
    const rules = this.rules;
    const anyEvidence = (needles | handles | links) !== 0;
    for (let w = 0; w < words; w++) {
      let m = cand[w]! & (anyEvidence ? always[w]! | fired[w]! : always[w]!);
      while (m !== 0) {
        const low = m & -m;
        m ^= low;
        const rule = rules[(w << 5) | (31 - Math.clz32(low))]!;
        if (rule.test(ctx)) return rule;
      }
    }
    return null;
  }
}

function or(into: Table, t: Table | undefined): void {
  if (t === undefined) return;
  for (let w = 0; w < into.length; w++) into[w]! |= t[w]!;
}


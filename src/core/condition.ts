// What a rule's condition means, compiled once into a test per rule. Each case below is the whole
// definition of its predicate; compiling only does ahead of time what needs no item (building sets,
// lower-casing patterns, compiling regexes) so a test costs little per item.
import { normalizeDomain } from './domain';
import { normalizeHandle } from './handle';
import type { ItemView } from './item-view';
import { requiredLiterals } from './regex-literals';
import type { TriState } from './model';
import type { Condition, Predicate } from './rules';
import type { Settings } from './settings';
import { compileTextTest, readsLowerText, type RegexEngine, type TextTest } from './text-match';
import { pairsOf } from './text-probe';

export type Test = (v: ItemView) => boolean;

type TextPredicate = Extract<Predicate, { type: 'text' }>;

/**
 * A condition with everything that needs no item worked out. One shape for every type (unused fields
 * stay empty) keeps `holds` fast: it reads the same fields of the same kind of object every time.
 */
interface Node {
  type: Condition['type'];
  /** all, any, not: the parts, cheapest first (parts are pure, so order cannot change the answer). */
  kids: Node[];
  /** verified, handle, kind, context, linkDomain: the values that match. */
  values: ReadonlySet<string>;
  /** followed, followsYou: the state that matches. */
  state: TriState;
  /** accountAge: days; brand: the score. */
  limit: number;
  /** text: the precise test, and the needles of which the text must hold one (null: always test). */
  text: TextTest | null;
  needles: Uint16Array[] | null;
  readsLower: boolean;
}

const NONE: ReadonlySet<string> = new Set();

function node(type: Condition['type'], fields: Partial<Node> = {}): Node {
  return { type, kids: [], values: NONE, state: false, limit: 0, text: null, needles: null, readsLower: false, ...fields };
}

/** `regex`: the engine for regex text tests; null throws on a regex rule (load it first, see usesRegex). */
export function compileCondition(c: Condition, settings: Settings, regex: RegexEngine | null = null): Test {
  const root = prepare(c, { settings, regex });
  return (v) => holds(root, v);
}

interface Env {
  settings: Settings;
  regex: RegexEngine | null;
}

/** Whether any of these conditions tests text with a regex. */
export function usesRegex(c: Condition): boolean {
  switch (c.type) {
    case 'all':
    case 'any':
      return c.of.some(usesRegex);
    case 'not':
      return usesRegex(c.of);
    case 'text':
      return c.mode === 'regex';
    default:
      return false;
  }
}

function prepare(c: Condition, env: Env): Node {
  switch (c.type) {
    case 'all':
    case 'any':
      return node(c.type, { kids: cheapestFirst(c.of).map((x) => prepare(x, env)) });
    case 'not':
      return node('not', { kids: [prepare(c.of, env)] });
    case 'followed':
    case 'followsYou':
      return node(c.type, { state: c.value });
    case 'verified':
    case 'kind':
      return node(c.type, { values: new Set(c.kinds) });
    case 'context':
      return node('context', { values: new Set(c.contexts) });
    case 'handle':
      return node('handle', { values: new Set(c.handles.map(normalizeHandle)) });
    case 'linkDomain':
      return node('linkDomain', { values: new Set(c.domains.map(normalizeDomain)) });
    case 'accountAge':
      return node('accountAge', { limit: c.lessThanDays });
    case 'brand':
      return node('brand', { limit: c.atLeast ?? env.settings.brandThreshold });
    case 'text':
      return node('text', {
        text: compileTextTest(c.mode, c.pattern, c.caseSensitive, env.regex),
        readsLower: readsLowerText(c.mode, c.caseSensitive),
        needles: probeable(requiredNeedles(c)),
      });
    default:
      return node(c.type);
  }
}

/** What each predicate means. */
function holds(n: Node, v: ItemView): boolean {
  const item = v.item;
  switch (n.type) {
    case 'all':
      for (let i = 0; i < n.kids.length; i++) if (!holds(n.kids[i]!, v)) return false;
      return true;
    case 'any':
      for (let i = 0; i < n.kids.length; i++) if (holds(n.kids[i]!, v)) return true;
      return false;
    case 'not':
      return !holds(n.kids[0]!, v);
    case 'followed':
      return v.followed === n.state;
    case 'followsYou':
      return item.author.followsYou === n.state;
    case 'verified':
      return n.values.has(item.author.verified);
    case 'kind':
      return n.values.has(item.kind);
    case 'context':
      return n.values.has(item.context);
    case 'handle':
      return n.values.has(v.handle);
    case 'promoted':
      return item.promoted || item.kind === 'ad';
    case 'bot':
      return item.author.bot;
    case 'inOwnThread':
      return item.inOwnThread;
    case 'allowlisted':
      return v.allowlisted;
    case 'accountAge':
      return item.author.accountAgeDays !== null && item.author.accountAgeDays < n.limit;
    case 'brand':
      return v.brand.score >= n.limit;
    case 'linkDomain': {
      // "example.com" covers itself and its subdomains ("shop.example.com"), never "badexample.com".
      if (item.linkDomains.length === 0) return false;
      const hosts = v.linkHosts;
      for (let i = 0; i < hosts.length; i++) if (n.values.has(hosts[i]!)) return true;
      return false;
    }
    case 'text':
      return textHolds(n, v);
  }
}

function textHolds(n: Node, v: ItemView): boolean {
  // The probe rules out, in a few bit reads, texts that lack every needle the test needs.
  if (n.needles !== null) {
    const probe = v.textProbe;
    let maybe = false;
    for (let i = 0; i < n.needles.length && !maybe; i++) maybe = probe.mayContain(n.needles[i]!);
    if (!maybe) return false;
  }
  return n.text!(v.item.text, n.readsLower ? v.lowerText : '');
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lower-case strings of which the lower-cased text must contain one for the test to pass, or null
 * when there is no such guarantee (then the test always runs).
 */
export function requiredNeedles(c: TextPredicate): string[] | null {
  if (c.mode === 'regex') return requiredLiterals(c.pattern, c.caseSensitive);
  // Case-sensitive: "text contains P" implies "lower(text) contains lower(P)" only for ASCII P.
  if (c.caseSensitive && !ASCII.test(c.pattern)) return null;
  return [c.pattern.toLowerCase()];
}


/** The needles' pairs, or null when there are none or one cannot be probed (then the test always runs). */
export function probeable(needles: readonly string[] | null): Uint16Array[] | null {
  if (needles === null) return null;
  const out: Uint16Array[] = [];
  for (const n of needles) {
    const pairs = pairsOf(n);
    if (pairs === null) return null;
    out.push(pairs);
  }
  return out;
}

/** Rough cost of evaluating a condition: all/any try cheap parts first (parts are pure, so order cannot change the answer). */
function cost(c: Condition): number {
  switch (c.type) {
    case 'all':
    case 'any':
      return c.of.reduce((sum, x) => sum + cost(x), 1);
    case 'not':
      return cost(c.of);
    case 'text':
      return c.mode === 'regex' ? 20 : 5;
    case 'brand':
      return 30;
    case 'handle':
    case 'linkDomain':
      return 2;
    default:
      return 1;
  }
}

function cheapestFirst(cs: readonly Condition[]): Condition[] {
  return cs.map((c) => ({ c, k: cost(c) })).sort((a, b) => a.k - b.k).map((x) => x.c);
}

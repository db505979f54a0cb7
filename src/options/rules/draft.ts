// The rule form's state and its two conversions: Rule → draft (to edit) and draft → rule input (to
// validate with the Rule schema and save). A draft node keeps every field of every predicate type,
// so switching a node's type and back does not lose what was typed. Pure; tested on its own.
import { ITEM_KINDS, PAGE_CONTEXTS, VERIFIED_KINDS, type Action, type ItemKind, type PageContext, type TriState, type VerdictClass, type VerifiedKind } from '../../core/model';
import { SITE_IDS, isSiteId } from '../../sites/registry';
import type { Condition, Predicate, PredicateType, Rule, RuleInput, TEXT_MODES } from '../../core/rules';
import { normalizeHandle } from '../../core/handle';

export const GROUP_TYPES = ['all', 'any', 'not'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

/** Every predicate the Rule schema knows, in the order the form offers them. */
export const PREDICATE_TYPES = [
  'followed', 'followsYou', 'verified', 'handle', 'kind', 'context', 'promoted', 'bot', 'inOwnThread', 'allowlisted',
  'text', 'linkDomain', 'accountAge', 'brand',
] as const satisfies readonly PredicateType[];

// Compile-time check that the list above names every predicate type.
type Missing = Exclude<PredicateType, (typeof PREDICATE_TYPES)[number]>;
const _allPredicatesListed: [Missing] extends [never] ? true : Missing = true;
void _allPredicatesListed;

export type NodeType = GroupType | PredicateType;
export type TriChoice = 'true' | 'false' | 'unknown';
export type TextMode = (typeof TEXT_MODES)[number];

export interface DraftNode {
  /** Stable identity for rendering; not part of the rule. */
  key: string;
  type: NodeType;
  /** all / any: the members; not: exactly one. */
  children: DraftNode[];
  // Predicate fields, as the form holds them (text stays text until converted).
  value: TriChoice;
  verifiedKinds: VerifiedKind[];
  itemKinds: ItemKind[];
  contexts: PageContext[];
  /** Handles or domains, separated by spaces, commas or new lines. */
  list: string;
  mode: TextMode;
  pattern: string;
  caseSensitive: boolean;
  days: string;
  /** Brand score threshold; '' means "my threshold". */
  atLeast: string;
}

export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  /** Empty means every site. May hold ids no site declares any more: kept, never widened to "every site". */
  sites: string[];
  outcomeClass: VerdictClass;
  action: Action;
  when: DraftNode;
}

let seq = 0;
export const nodeKey = (): string => `n${++seq}`;

export function blankNode(type: NodeType = 'text'): DraftNode {
  return {
    key: nodeKey(),
    type,
    children: type === 'not' ? [blankNode('text')] : [],
    value: 'false',
    verifiedKinds: [],
    itemKinds: [],
    contexts: [],
    list: '',
    mode: 'contains',
    pattern: '',
    caseSensitive: false,
    days: '',
    atLeast: '',
  };
}

export const isGroup = (t: NodeType): t is GroupType => (GROUP_TYPES as readonly string[]).includes(t);

/** Changes a node's type, keeping its fields; a group gets a first member, a `not` wraps one. */
export function retype(node: DraftNode, type: NodeType): DraftNode {
  if (type === node.type) return node;
  const next: DraftNode = { ...node, type };
  if (type === 'not') next.children = [node.children[0] ?? blankNode('text')];
  else if (type === 'all' || type === 'any') next.children = node.children.length > 0 ? node.children : [blankNode('text')];
  else next.children = [];
  return next;
}

export function newRuleDraft(id: string): RuleDraft {
  const root = blankNode('all');
  root.children = [{ ...blankNode('kind'), itemKinds: ['reply', 'mention'] }, blankNode('text')];
  return { id, name: '', enabled: true, sites: [], outcomeClass: 'interruption', action: 'collapse', when: root };
}

// ----------------------------------------------------------------------------- Rule → draft

const triToChoice = (v: TriState): TriChoice => (v === 'unknown' ? 'unknown' : v ? 'true' : 'false');

export function conditionToDraft(c: Condition): DraftNode {
  const n = blankNode(c.type);
  switch (c.type) {
    case 'all':
    case 'any':
      return { ...n, children: c.of.map(conditionToDraft) };
    case 'not':
      return { ...n, children: [conditionToDraft(c.of)] };
    case 'followed':
    case 'followsYou':
      return { ...n, value: triToChoice(c.value) };
    case 'verified':
      return { ...n, verifiedKinds: [...c.kinds] };
    case 'handle':
      return { ...n, list: c.handles.join('\n') };
    case 'kind':
      return { ...n, itemKinds: [...c.kinds] };
    case 'context':
      return { ...n, contexts: [...c.contexts] };
    case 'text':
      return { ...n, mode: c.mode, pattern: c.pattern, caseSensitive: c.caseSensitive };
    case 'linkDomain':
      return { ...n, list: c.domains.join('\n') };
    case 'accountAge':
      return { ...n, days: String(c.lessThanDays) };
    case 'brand':
      return { ...n, atLeast: c.atLeast === undefined ? '' : String(c.atLeast) };
    case 'promoted':
    case 'bot':
    case 'inOwnThread':
    case 'allowlisted':
      return n;
  }
}

export function ruleToDraft(rule: Rule): RuleDraft {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    sites: [...rule.sites],
    outcomeClass: rule.then.class,
    action: rule.then.action,
    when: conditionToDraft(rule.when),
  };
}

// ----------------------------------------------------------------------------- draft → rule input

/** Splits a free-text list on white space and commas, trims, normalises each item, drops empties and repeats. */
export function splitList(text: string, normalize: (item: string) => string = (item) => item): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,]+/)) {
    const v = normalize(raw);
    if (v === '' || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}

/** '' → undefined; anything else → a number (NaN when it is not one, which the schema reports). */
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

const choiceToTri = (v: TriChoice): TriState => (v === 'unknown' ? 'unknown' : v === 'true');

/** Keeps the form's order, but in the order the schema lists them, for stable output. */
const ordered = <T extends string>(all: readonly T[], picked: readonly T[]): T[] => all.filter((x) => picked.includes(x));

/** The condition as the schema expects it. Not validated here: the Rule schema does that. */
export function draftToCondition(n: DraftNode): Condition {
  switch (n.type) {
    case 'all':
    case 'any':
      return { type: n.type, of: n.children.map(draftToCondition) };
    case 'not':
      // An empty `not` cannot come from the editor; the schema would report the missing member.
      return { type: 'not', of: n.children[0] ? draftToCondition(n.children[0]) : (undefined as unknown as Condition) };
    case 'followed':
    case 'followsYou':
      return { type: n.type, value: choiceToTri(n.value) };
    case 'verified':
      return { type: 'verified', kinds: ordered(VERIFIED_KINDS, n.verifiedKinds) };
    case 'handle':
      return { type: 'handle', handles: splitList(n.list, normalizeHandle) };
    case 'kind':
      return { type: 'kind', kinds: ordered(ITEM_KINDS, n.itemKinds) };
    case 'context':
      return { type: 'context', contexts: ordered(PAGE_CONTEXTS, n.contexts) };
    case 'text':
      return { type: 'text', mode: n.mode, pattern: n.pattern, caseSensitive: n.caseSensitive };
    case 'linkDomain':
      return { type: 'linkDomain', domains: splitList(n.list, (d) => d.toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?|\/.*$/g, '')) };
    case 'accountAge':
      return { type: 'accountAge', lessThanDays: num(n.days) as number };
    case 'brand': {
      const atLeast = num(n.atLeast);
      return atLeast === undefined ? { type: 'brand' } : { type: 'brand', atLeast };
    }
    case 'promoted':
    case 'bot':
    case 'inOwnThread':
    case 'allowlisted':
      return { type: n.type } as Predicate;
  }
}

export function draftToInput(d: RuleDraft): RuleInput {
  return {
    id: d.id,
    name: d.name.trim(),
    enabled: d.enabled,
    sites: [...ordered(SITE_IDS, d.sites), ...d.sites.filter((s) => !isSiteId(s))],
    when: draftToCondition(d.when),
    then: { class: d.outcomeClass, action: d.action },
  };
}

// ----------------------------------------------------------------------------- tree edits

/** A node's path in the rule as the schema reports it: `when`, `when.of.0`, `when.of.0.of` (inside a not). */
export function childPath(parentPath: string, parent: DraftNode, index: number): string {
  return parent.type === 'not' ? `${parentPath}.of` : `${parentPath}.of.${index}`;
}

/** Replaces the node with `key` (anywhere in the tree) by `fn(node)`; returns a new tree. */
export function updateNode(root: DraftNode, key: string, fn: (n: DraftNode) => DraftNode): DraftNode {
  if (root.key === key) return fn(root);
  let changed = false;
  const children = root.children.map((c) => {
    const next = updateNode(c, key, fn);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? { ...root, children } : root;
}

/** Removes the node with `key`; a group keeps at least one member (removing the last is refused). */
export function removeNode(root: DraftNode, key: string): DraftNode {
  const idx = root.children.findIndex((c) => c.key === key);
  if (idx >= 0) {
    if (root.children.length <= 1) return root;
    return { ...root, children: root.children.filter((c) => c.key !== key) };
  }
  let changed = false;
  const children = root.children.map((c) => {
    const next = removeNode(c, key);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? { ...root, children } : root;
}

export function moveChild(root: DraftNode, key: string, delta: -1 | 1): DraftNode {
  const idx = root.children.findIndex((c) => c.key === key);
  if (idx >= 0) {
    const to = idx + delta;
    if (to < 0 || to >= root.children.length) return root;
    const children = [...root.children];
    const [moved] = children.splice(idx, 1);
    children.splice(to, 0, moved as DraftNode);
    return { ...root, children };
  }
  let changed = false;
  const children = root.children.map((c) => {
    const next = moveChild(c, key, delta);
    if (next !== c) changed = true;
    return next;
  });
  return changed ? { ...root, children } : root;
}

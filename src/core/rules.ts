// User rules: a condition tree over item fields and an outcome. JSON round-trips through these schemas.
import { z } from 'zod';
import { Action, ItemKind, PageContext, SiteKey, TriState, VerdictClass, VerifiedKind } from './model';
import { problem as problemOfCode, type Problem } from './problem';
import { checkPattern } from './re2';
import { measureRule, ruleSetProblems } from './rule-budget';

/** Deepest condition tree accepted; guards the classifier's recursion against hostile imports. */
export const MAX_CONDITION_DEPTH = 8;
export const MAX_LIST_ENTRIES = 5_000;

const handleList = z.array(z.string().min(1).max(320)).max(MAX_LIST_ENTRIES);

export const TEXT_MODES = ['contains', 'word', 'regex'] as const;

export const Predicate = z.discriminatedUnion('type', [
  z.object({ type: z.literal('followed'), value: TriState }),
  z.object({ type: z.literal('followsYou'), value: TriState }),
  z.object({ type: z.literal('verified'), kinds: z.array(VerifiedKind).min(1) }),
  z.object({ type: z.literal('handle'), handles: handleList }),
  z.object({ type: z.literal('kind'), kinds: z.array(ItemKind).min(1) }),
  z.object({ type: z.literal('context'), contexts: z.array(PageContext).min(1) }),
  z.object({ type: z.literal('promoted') }),
  z.object({ type: z.literal('bot') }),
  z.object({ type: z.literal('inOwnThread') }),
  z.object({ type: z.literal('allowlisted') }),
  z.object({
    type: z.literal('text'),
    mode: z.enum(TEXT_MODES),
    pattern: z.string().min(1).max(1_000),
    caseSensitive: z.boolean().default(false),
  }).superRefine((p, ctx) => {
    const problem = checkPattern(p.mode, p.pattern, p.caseSensitive);
    if (problem) ctx.addIssue(coded(problem, ['pattern']));
  }),
  z.object({ type: z.literal('linkDomain'), domains: z.array(z.string().min(1).max(253)).min(1).max(MAX_LIST_ENTRIES) }),
  /** Account younger than `days`. Unknown age never matches. */
  z.object({ type: z.literal('accountAge'), lessThanDays: z.number().positive().max(100_000) }),
  /** Brand-likeness score at or above the user's threshold (or `atLeast` when given). */
  z.object({ type: z.literal('brand'), atLeast: z.number().min(0).max(100).optional() }),
]);
export type Predicate = z.infer<typeof Predicate>;
export type PredicateType = Predicate['type'];

export type Condition =
  | Predicate
  | { type: 'all'; of: Condition[] }
  | { type: 'any'; of: Condition[] }
  | { type: 'not'; of: Condition };

/**
 * A custom issue carrying its problem (core/problem.ts) for db/validation.ts to read; the issue's
 * message is only the problem's code, for zod's own dumps.
 */
export const coded = (p: Problem, path: (string | number)[] = []) =>
  ({ code: 'custom', path, message: p.code, params: { problem: p } }) as const;

const TOO_DEEP = problemOfCode('tooDeep', MAX_CONDITION_DEPTH);

// One schema per nesting level, so parsing stops at level MAX_CONDITION_DEPTH + 1 without looking further:
// a hostile import nested 100,000 levels deep gets a validation error, not a stack overflow.
const levels: z.ZodType<Condition>[] = [];
function conditionAt(level: number): z.ZodType<Condition> {
  if (levels[level] === undefined) {
    const child = z.lazy(() => conditionAt(level + 1));
    levels[level] =
      level > MAX_CONDITION_DEPTH
        ? (z.unknown().superRefine((_, ctx) => ctx.addIssue(coded(TOO_DEEP))) as unknown as z.ZodType<Condition>)
        : (z.union([
            z.object({ type: z.literal('all'), of: z.array(child).max(100) }),
            z.object({ type: z.literal('any'), of: z.array(child).max(100) }),
            z.object({ type: z.literal('not'), of: child }),
            Predicate,
          ]) as z.ZodType<Condition>);
  }
  return levels[level]!;
}

/** A condition tree at most MAX_CONDITION_DEPTH levels deep (a lone predicate is 1 level). */
export const Condition: z.ZodType<Condition> = conditionAt(1);

/** Levels in a condition tree (a lone predicate is 1). Iterative, so any depth is safe to measure. */
export function conditionDepth(c: Condition): number {
  let max = 0;
  const stack: [Condition, number][] = [[c, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    max = Math.max(max, depth);
    if ((node.type === 'all' || node.type === 'any') && Array.isArray(node.of)) {
      for (const x of node.of) stack.push([x, depth + 1]);
    } else if (node.type === 'not' && node.of !== undefined) {
      stack.push([node.of, depth + 1]);
    }
  }
  return max;
}

export const Outcome = z.object({ class: VerdictClass, action: Action });
export type Outcome = z.infer<typeof Outcome>;

const RuleShape = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  enabled: z.boolean().default(true),
  /** Sites the rule applies to; empty means every site. */
  sites: z.array(SiteKey).default([]),
  /** At most MAX_CONDITION_DEPTH levels: the Condition schema itself refuses deeper trees. */
  when: Condition,
  then: Outcome,
});

/**
 * A rule. Its cost budgets (rule-budget.ts) are checked first, on the input as it is: a rule over
 * budget is refused with a problem naming it and the budget, before any of its regexes is compiled
 * (a hostile import's 10,000 regexes would take seconds just to compile).
 */
export const Rule = z.preprocess((input, ctx) => {
  for (const p of measureRule(input).problems) ctx.addIssue(coded(p.problem, p.path));
  return input;
}, RuleShape);
export type Rule = z.infer<typeof RuleShape>;
export type RuleInput = z.input<typeof RuleShape>;

/**
 * Adds an issue for each budget a list of rules is over together (rule-budget.ts), at the rule that
 * takes it over. For schemas of files holding rules: `at` is where the list sits in the file.
 */
export function checkRuleSet(rules: readonly unknown[], ctx: z.RefinementCtx, at: readonly (string | number)[] = ['rules']): void {
  for (const p of ruleSetProblems(rules)) ctx.addIssue(coded(p.problem, [...at, ...p.path]));
}

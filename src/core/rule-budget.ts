// What a rule may cost: budgets on a rule's structure (never on time), so that no rule and no rule
// set, however it was written or wherever it was shared from, can freeze the page. Each regex is
// measured by regex-cost.ts; a rule by its conditions, regexes, listed accounts and text; a rule set
// by the same totals. The Rule schema checks one rule (rules.ts), imports check the set (ruleSetProblems),
// and compile.ts skips, without running it, any stored rule over budget (budgetRules).
//
// The limits: a person's 50 sensible rules with a few regexes stay far inside them, and the most
// expensive rule set inside them classifies a 10,000-character hostile post in milliseconds (the
// figures: bench/hostile-rules.bench.ts; the corpus: tests/fixtures/hostile-rules/).
// Problems are data (core/problem.ts), worded by the pages. Schema-free and engine-free: the content
// script compiles with it.
import { problem, type Problem, type ProblemArg, type ProblemCode } from './problem';
import { regexCost, type RegexCost } from './regex-cost';

/** One regex. */
export const REGEX_LIMITS: Readonly<RegexCost> = {
  /** Program instructions, counted repetitions written out. RE2's work per character grows with them. */
  steps: 400,
  /** Steps testing a Unicode class (\p{L} …): their DFA tables are hundreds of ranges wide. */
  wide: 4,
  alternatives: 200,
  /** Copies written out by counted repetitions ({n}), nested counts multiplied. */
  copies: 250,
};

export interface RuleTotals {
  /** Every node of the condition tree: groups and predicates. */
  conditions: number;
  /** Text predicates of every mode. */
  textTests: number;
  regexes: number;
  /** Regex steps, summed over the regexes. */
  steps: number;
  /** Handles and link domains listed. */
  listEntries: number;
  /** Characters of every text pattern. */
  literalChars: number;
}

/** One rule. */
export const RULE_LIMITS: Readonly<RuleTotals> = {
  conditions: 200,
  textTests: 200,
  regexes: 10,
  steps: 1_000,
  listEntries: 10_000,
  literalChars: 10_000,
};

/** All rules together (of an import or backup; the enabled ones when compiling). */
export const RULE_SET_LIMITS: Readonly<RuleTotals> = {
  conditions: 10_000,
  textTests: 1_000,
  regexes: 20,
  steps: 2_000,
  /** Compiling indexes every listed account once per item shape: 20,000 compile in about 150 ms. */
  listEntries: 20_000,
  literalChars: 100_000,
};

/** A budget a rule is over: where (a path into the rule, for the form) and the problem, naming the rule. */
export interface BudgetProblem {
  path: (string | number)[];
  problem: Problem;
}

/** Deeper trees are refused by the Condition schema; measuring stops there too. */
const MAX_MEASURED_DEPTH = 16;

/** A measured amount as an argument: past 10^12 it is said as "more than 1,000,000,000,000". */
const amount = (n: number): ProblemArg => (n > 1e12 ? { problem: problem('moreThan', 1e12) } : Math.round(n));
const over = (code: ProblemCode, n: number, limit: number): Problem => problem(code, amount(n), amount(limit));

const REGEX_CODES: Record<keyof RegexCost, ProblemCode> = {
  copies: 'regexCopies',
  wide: 'regexWide',
  alternatives: 'regexAlternatives',
  steps: 'regexSteps',
};

/** The first regex budget the pattern is over (the one whose advice helps most), or null. */
export function regexProblem(pattern: string, cost: RegexCost = regexCost(pattern)): Problem | null {
  for (const k of ['copies', 'wide', 'alternatives', 'steps'] as const) {
    if (cost[k] > REGEX_LIMITS[k]) return over(REGEX_CODES[k], cost[k], REGEX_LIMITS[k]);
  }
  return null;
}

const RULE_CODES: Record<keyof RuleTotals, ProblemCode> = {
  conditions: 'ruleConditions',
  textTests: 'ruleTextTests',
  regexes: 'ruleRegexes',
  steps: 'ruleSteps',
  listEntries: 'ruleListEntries',
  literalChars: 'ruleLiteralChars',
};

const SET_CODES: Record<keyof RuleTotals, ProblemCode> = {
  conditions: 'setConditions',
  textTests: 'setTextTests',
  regexes: 'setRegexes',
  steps: 'setSteps',
  listEntries: 'setListEntries',
  literalChars: 'setLiteralChars',
};

const TOTAL_KEYS = ['conditions', 'textTests', 'regexes', 'steps', 'listEntries', 'literalChars'] as const;

const zeroTotals = (): RuleTotals => ({ conditions: 0, textTests: 0, regexes: 0, steps: 0, listEntries: 0, literalChars: 0 });

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const lengthOf = (x: unknown): number => (Array.isArray(x) ? x.length : 0);

/** `inner`, said of the rule by its name (else its id), read from whatever the rule holds. */
export function ofRule(rule: unknown, inner: Problem): Problem {
  if (isObject(rule)) {
    if (typeof rule.name === 'string' && rule.name.trim() !== '') return problem('ruleNamed', rule.name.slice(0, 80), { problem: inner });
    if (typeof rule.id === 'string' && rule.id !== '') return problem('ruleWithId', rule.id.slice(0, 80), { problem: inner });
  }
  return problem('thisRule', { problem: inner });
}

export interface RuleMeasure {
  totals: RuleTotals;
  /** Budgets this rule alone is over, each naming it. */
  problems: BudgetProblem[];
}

interface Frame {
  node: unknown;
  path: (string | number)[];
  depth: number;
}

/**
 * Measures a rule against its budgets. `rule` may be anything (an import not yet validated, a row an
 * older version stored): what is not shaped like a rule counts for nothing, and the schema says why.
 * Iterative, so any depth is safe; regexes past the rule's regex limit are counted, not measured.
 */
export function measureRule(rule: unknown): RuleMeasure {
  const totals = zeroTotals();
  const problems: BudgetProblem[] = [];
  if (!isObject(rule)) return { totals, problems };
  const stack: Frame[] = [{ node: rule.when, path: ['when'], depth: 1 }];
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    const { node, path, depth } = f;
    if (!isObject(node) || depth > MAX_MEASURED_DEPTH) continue;
    totals.conditions++;
    switch (node.type) {
      case 'all':
      case 'any':
        if (Array.isArray(node.of)) for (let i = node.of.length - 1; i >= 0; i--) stack.push({ node: node.of[i], path: [...path, 'of', i], depth: depth + 1 });
        break;
      case 'not':
        stack.push({ node: node.of, path: [...path, 'of'], depth: depth + 1 });
        break;
      case 'handle':
        totals.listEntries += lengthOf(node.handles);
        break;
      case 'linkDomain':
        totals.listEntries += lengthOf(node.domains);
        break;
      case 'text': {
        if (typeof node.pattern !== 'string') break;
        totals.textTests++;
        totals.literalChars += node.pattern.length;
        if (node.mode !== 'regex') break;
        totals.regexes++;
        if (totals.regexes > RULE_LIMITS.regexes) break;
        const cost = regexCost(node.pattern);
        const found = regexProblem(node.pattern, cost);
        // A regex over its own budget is reported as such, not again in the rule's total.
        if (found === null) totals.steps += cost.steps;
        else problems.push({ path: [...path, 'pattern'], problem: ofRule(rule, found) });
        break;
      }
      default:
        break;
    }
  }
  for (const k of TOTAL_KEYS) {
    if (totals[k] > RULE_LIMITS[k]) problems.push({ path: ['when'], problem: ofRule(rule, over(RULE_CODES[k], totals[k], RULE_LIMITS[k])) });
  }
  return { totals, problems };
}

/** Adds a rule's totals to a set's running totals; the first budget that takes over, or null. */
function addToSet(set: RuleTotals, add: RuleTotals): keyof RuleTotals | null {
  for (const k of TOTAL_KEYS) if (set[k] + add[k] > RULE_SET_LIMITS[k]) return k;
  for (const k of TOTAL_KEYS) set[k] += add[k];
  return null;
}

/** The set budget `k` that `rule` takes over, at `n` with it. */
const setProblem = (rule: unknown, k: keyof RuleTotals, n: number): Problem => ofRule(rule, over(SET_CODES[k], n, RULE_SET_LIMITS[k]));

/**
 * Budgets a list of rules is over as a whole, each naming the rule that takes the list over (its
 * index is the path's first element). Rules over their own budget are reported by the Rule schema,
 * not here, and are not added to the totals.
 */
export function ruleSetProblems(rules: readonly unknown[]): BudgetProblem[] {
  const set = zeroTotals();
  const problems: BudgetProblem[] = [];
  rules.forEach((rule, i) => {
    const m = measureRule(rule);
    if (m.problems.length > 0) return;
    const full = addToSet(set, m.totals);
    if (full !== null) problems.push({ path: [i], problem: setProblem(rule, full, set[full] + m.totals[full]) });
  });
  return problems;
}

export interface SkippedRule {
  id: string;
  name: string;
  /** Why it was not run, naming the rule and the budget. */
  problem: Problem;
}

/**
 * The rules to run, in order: each within its own budget and, added in order, within the set's.
 * The others are skipped, never run, and listed with the reason. compile.ts calls this on the
 * enabled rules, so a rule an older version stored or something wrote directly cannot run.
 */
export function budgetRules<R extends { id: string; name: string }>(rules: readonly R[]): { kept: R[]; skipped: SkippedRule[] } {
  const set = zeroTotals();
  const kept: R[] = [];
  const skipped: SkippedRule[] = [];
  for (const rule of rules) {
    const m = measureRule(rule);
    const own = m.problems[0];
    if (own !== undefined) {
      skipped.push({ id: rule.id, name: rule.name, problem: own.problem });
      continue;
    }
    const full = addToSet(set, m.totals);
    if (full !== null) {
      skipped.push({ id: rule.id, name: rule.name, problem: setProblem(rule, full, set[full] + m.totals[full]) });
      continue;
    }
    kept.push(rule);
  }
  return { kept, skipped };
}

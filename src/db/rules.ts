// The user's rules, in order (first match wins). Every write validates the rule with its zod schema.
import { Rule, type RuleInput } from '../core/rules';
import { ruleSetProblems } from '../core/rule-budget';
import type { DoormanDB, RuleRow } from './database';
import { bumpRevision } from './revision';
import { checkRows, type UnreadableRow } from './unreadable';
import { ProblemError, atPath, problem as problemOfCode } from '../core/problem';
import { zodProblem } from './validation';

/** Same cap as a snapshot's rule list, so every stored rule reaches the content scripts. */
export const MAX_RULES = 1_000;

const checked = (rows: readonly RuleRow[]) => checkRows('rules', rows, Rule, (r) => r.id, ['order']);

/** The rules in order. A row today's schema rejects (an older version wrote it) is left stored and out of use. */
export async function listRules(db: DoormanDB): Promise<Rule[]> {
  const { ok } = checked(await db.rules.orderBy('order').toArray());
  return ok.map(({ value }) => value);
}

/** Stored rule rows listRules skips, and why. They stay stored. */
export async function unreadableRules(db: DoormanDB): Promise<UnreadableRow[]> {
  return checked(await db.rules.orderBy('order').toArray()).bad;
}

export function parseRule(input: RuleInput, prefix = 'rule'): Rule {
  const parsed = Rule.safeParse(input);
  if (!parsed.success) throw new ProblemError(zodProblem(parsed.error, [prefix]));
  return parsed.data;
}

/**
 * Throws with the first rule-set budget (core/rule-budget.ts) the rules, in this order, would be over,
 * naming the rule that takes them over: a set the content scripts would only partly run is not stored.
 */
export function assertRuleSetWithinBudget(rules: readonly Rule[]): void {
  const problem = ruleSetProblems(rules)[0];
  if (problem) throw new ProblemError(problem.problem);
}

/** Inserts a new rule at the end, or replaces the rule with the same id in place. */
export async function saveRule(db: DoormanDB, input: RuleInput): Promise<Rule> {
  const rule = parseRule(input);
  await db.transaction('rw', db.rules, db.meta, async () => {
    const existing = await db.rules.get(rule.id);
    let order = existing?.order;
    if (order === undefined) {
      if ((await db.rules.count()) >= MAX_RULES) throw new ProblemError(atPath(['rules'], problemOfCode('rulesFull', MAX_RULES)));
      order = ((await db.rules.orderBy('order').last())?.order ?? -1) + 1;
    }
    const stored = await listRules(db);
    assertRuleSetWithinBudget(existing ? stored.map((r) => (r.id === rule.id ? rule : r)) : [...stored, rule]);
    await db.rules.put({ ...rule, order });
    await bumpRevision(db);
  });
  return rule;
}

export async function deleteRule(db: DoormanDB, id: string): Promise<boolean> {
  return db.transaction('rw', db.rules, db.meta, async () => {
    if (!(await db.rules.get(id))) return false;
    await db.rules.delete(id);
    await bumpRevision(db);
    return true;
  });
}

export async function setRuleEnabled(db: DoormanDB, id: string, enabled: boolean): Promise<boolean> {
  return db.transaction('rw', db.rules, db.meta, async () => {
    const changed = await db.rules.update(id, { enabled });
    if (changed) await bumpRevision(db);
    return changed > 0;
  });
}

/** Puts the rules in the given order. `ids` must name every stored rule exactly once. */
export async function reorderRules(db: DoormanDB, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.rules, db.meta, async () => {
    const stored = new Set(await db.rules.toCollection().primaryKeys());
    const given = new Set(ids);
    if (given.size !== ids.length) throw new Error('reorderRules: an id appears twice');
    if (given.size !== stored.size || ids.some((id) => !stored.has(id))) {
      throw new Error('reorderRules: the ids must be exactly the stored rules');
    }
    await Promise.all(ids.map((id, order) => db.rules.update(id, { order })));
    await bumpRevision(db);
  });
}

/** Moves one rule to `toIndex` (clamped), keeping the others in their order. */
export async function moveRule(db: DoormanDB, id: string, toIndex: number): Promise<void> {
  await db.transaction('rw', db.rules, db.meta, async () => {
    const ids = (await db.rules.orderBy('order').primaryKeys()).filter((k) => k !== id);
    if (!(await db.rules.get(id))) throw new Error(`moveRule: no rule ${id}`);
    ids.splice(Math.max(0, Math.min(toIndex, ids.length)), 0, id);
    await reorderRules(db, ids);
  });
}

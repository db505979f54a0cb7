// The rule-set budget (core/rule-budget.ts) holds for what is stored, not only for one file: saving
// a rule or merging an import that would take the stored set over is refused, naming the rule, and
// leaves the stored rules as they were.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULE_SET_LIMITS } from '../../../src/core/rule-budget';
import { listRules, saveRule } from '../../../src/db/rules';
import { RULES_FORMAT, importRules } from '../../../src/db/transfer';
import { dropAll, freshDb, rule } from './helpers';
import { inEnglish } from '../ui/catalogue';

// Heavy for a unit test: saves and imports rule sets at the budget into fake-indexeddb.
// Its slowest test took 1.5 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(dropAll);

const regexRule = (i: number) => rule(`re${i}`, { name: `Regex ${i}`, when: { type: 'text', mode: 'regex', pattern: `promo${i}\\d+` } });
const file = (rules: unknown[]) => JSON.stringify({ format: RULES_FORMAT, version: 1, exportedAt: 0, rules, allowlist: [] });

describe('the stored rule set stays within its budget', () => {
  it('saveRule refuses the rule that takes the set over, by name; replacing a rule in place is measured as a replacement', async () => {
    const db = freshDb();
    for (let i = 0; i < RULE_SET_LIMITS.regexes; i++) await saveRule(db, regexRule(i));
    await expect(saveRule(db, regexRule(99))).rejects.toMatchObject({ problem: { code: 'ruleNamed', args: ['Regex 99', { problem: { code: 'setRegexes' } }] } });
    expect((await listRules(db)).length).toBe(RULE_SET_LIMITS.regexes);
    // Editing one of the twenty keeps the count, so it is accepted.
    await saveRule(db, { ...regexRule(3), name: 'Regex three' });
    expect((await listRules(db)).find((r) => r.id === 're3')?.name).toBe('Regex three');
  });

  it('a merge import that is fine alone but not with the stored rules is refused whole; replace mode measures the file alone', async () => {
    const db = freshDb();
    for (let i = 0; i < 15; i++) await saveRule(db, regexRule(i));
    const incoming = Array.from({ length: 10 }, (_, i) => regexRule(100 + i));
    const merged = await importRules(db, file(incoming)).then(() => null, (e: unknown) => e);
    expect(merged).toMatchObject({ problem: { code: 'at', args: [{ path: ['rules'] }, { problem: { code: 'mergedRules', args: [{ problem: { code: 'ruleNamed', args: ['Regex 105', {}] } }] } }] } });
    expect(inEnglish(merged)).toMatch(/^rules: merged with your rules, Rule “Regex 105”: with it, the rules have 21 regex conditions together/);
    expect((await listRules(db)).map((r) => r.id)).toEqual(Array.from({ length: 15 }, (_, i) => `re${i}`));
    // Same-id rules replace, so re-importing the stored ones is not counted twice.
    await importRules(db, file(Array.from({ length: 15 }, (_, i) => regexRule(i))));
    expect((await listRules(db)).length).toBe(15);
    await importRules(db, file(incoming), { mode: 'replace' });
    expect((await listRules(db)).length).toBe(10);
  });
});

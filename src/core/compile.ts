// Compiles a snapshot once, when it arrives: each enabled rule into a test and its (item-independent)
// verdict, and the account lists into indexes. classify then does no parsing and no list scans.
import { AccountIndex, type AccountRef } from './accounts';
import type { BrandOverride } from './brand';
import { compileCondition, usesRegex, type Test } from './condition';
import { ItemView, followState, type AccountLists } from './item-view';
import { RuleSieve } from './rule-sieve';
import type { FeedItem, TriState, Verdict } from './model';
import type { Condition } from './rules';
import type { Settings } from './settings';
import type { Snapshot } from './snapshot';
import type { RegexEngine } from './text-match';

export type { Test } from './condition';

export interface CompiledRule {
  id: string;
  name: string;
  /** The sites it applies to; null for every site. */
  sites: ReadonlySet<string> | null;
  test: Test;
  /** Frozen: a rule's verdict does not depend on the item. */
  verdict: Verdict;
}

export interface CompiledRuleset extends AccountLists {
  revision: number;
  settings: Settings;
  /**
   * The enabled rules, in the user's order. The snapshot holds only rules within their budgets
   * (background/snapshot.ts applies core/rule-budget.ts), so the content script carries no cost model.
   */
  rules: readonly CompiledRule[];
  /** Which of `rules` an item can match at all, from the handles and words they look for. */
  sieve: RuleSieve;
  /** Site id → the name reasons use ("X"); core knows no sites of its own. */
  siteNames: Readonly<Record<string, string>>;
}

export interface CompileOptions {
  siteNames?: Readonly<Record<string, string>>;
  /** Needed when some enabled rule is a regex (snapshotUsesRegex); core/re2.ts outside the content script. */
  regex?: RegexEngine;
}

/** Whether compiling this snapshot needs a regex engine. */
export const snapshotUsesRegex = (snapshot: Pick<Snapshot, 'rules'>): boolean =>
  snapshot.rules.some((r) => r.enabled && usesRegex(r.when));

export function compileSnapshot(snapshot: Omit<Snapshot, 'format'>, options: CompileOptions = {}): CompiledRuleset {
  const { settings } = snapshot;
  const rules: CompiledRule[] = [];
  const conditions: Condition[] = [];
  for (const r of snapshot.rules) {
    if (!r.enabled) continue;
    conditions.push(r.when);
    const ruleId = `user:${r.id}`;
    rules.push({
      id: r.id,
      name: r.name,
      sites: r.sites.length === 0 ? null : new Set(r.sites),
      test: compileCondition(r.when, settings, options.regex ?? null),
      verdict: Object.freeze({
        class: r.then.class,
        action: r.then.action,
        ruleId,
        reasonCode: 'user-rule',
        why: Object.freeze({ say: 'rule', rule: r.name, action: r.then.action }),
      }),
    });
  }
  return {
    revision: snapshot.revision,
    settings,
    rules,
    sieve: new RuleSieve(conditions),
    siteNames: options.siteNames ?? {},
    follows: AccountIndex.of(snapshot.follows, () => true as const),
    allowlist: AccountIndex.of(snapshot.allowlist, () => true as const),
    overrides: AccountIndex.of(snapshot.overrides, (o): BrandOverride => o.brand),
  };
}

export const appliesTo = (rule: CompiledRule, site: string): boolean => rule.sites === null || rule.sites.has(site);

/** Whether one compiled rule matches an item (the rule preview asks this of logged items). */
export function ruleMatches(rule: CompiledRule, item: FeedItem, rs: CompiledRuleset): boolean {
  return appliesTo(rule, item.site) && rule.test(new ItemView(item, rs));
}

/** Whether the user follows the item's author, as classify sees it. */
export const followedBy = (rs: CompiledRuleset, item: FeedItem): TriState => followState(item, rs.follows);

export interface FollowDelta {
  site: string;
  add: readonly Omit<AccountRef, 'site'>[];
  remove: readonly Omit<AccountRef, 'site'>[];
}

/**
 * Applies follows learned since the snapshot, so a tab need not recompile everything for a few
 * accounts. The follow list changes the way the database's learnFollows changes it: an account's row
 * replaces any handle-only row for the same handle, added or removed. The ruleset's follow index is
 * updated in place (the caller drops any older reference) and the ruleset to classify with is returned.
 */
export function applyFollowDelta(rs: CompiledRuleset, delta: FollowDelta): CompiledRuleset {
  const site = delta.site;
  for (const r of delta.remove) {
    rs.follows.delete({ site, ...r });
    rs.follows.delete({ site, accountId: '', handle: r.handle });
  }
  for (const a of delta.add) {
    rs.follows.delete({ site, accountId: '', handle: a.handle });
    rs.follows.set({ site, ...a }, true);
  }
  return rs;
}

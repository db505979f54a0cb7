// Compiles a snapshot once into closures, maps, one text scanner and a rule dispatch table, so classify
// does no parsing, no regex building, no list scans and (almost) no allocation per item.
import { ALLOWLISTED, AccountFlags, AccountMap, FOLLOWED } from './account-map';
import { TEXT_SIGNALS, type BrandOverride } from './brand';
import { HandleRegistry, LinkRegistry, NeedleRegistry, compileCondition, type Test } from './compile-condition';
import { RuleDispatch, type Guard } from './dispatch';
import type { EvalContext } from './eval-context';
import { SITE_IDS, type SiteId, type Verdict } from './model';
import { handleKey, idKey } from './lists';
import { NeedleScanner } from './needle-scan';
import { requiredLiterals } from './regex-literals';
import type { Condition, Outcome } from './rules';
import { siteEnabled, type Settings } from './settings';
import type { Snapshot } from './snapshot';

export { brandOf, lowerTextOf, newContext, overrideFor, type EvalContext } from './eval-context';
export type { Test } from './compile-condition';

export interface CompiledRule {
  id: string;
  name: string;
  /** Bit per site (bit i = SITE_IDS[i]). */
  siteMask: number;
  test: Test;
  then: Outcome;
  /** `user:<id>`, precomputed for the verdict. */
  ruleId: string;
  /** The verdict's sentence, precomputed. */
  reason: string;
  /** The verdict itself (frozen): it does not depend on the item. */
  verdict: Verdict;
}

/** The single pass over an item's lower-cased text that every literal-based test shares. */
export interface TextScan {
  scanner: NeedleScanner;
  /** marks[needle id] === stamp of the latest scan ⇔ the needle occurs in that item's text. */
  marks: Int32Array;
  stamp: number;
  /** The ids the latest scan found, each once: hits[0 … hitCount-1]. */
  hits: Int32Array;
  hitCount: number;
  /** Per TEXT_SIGNALS entry: needle ids of which one must occur for its regex to match, or null (always test). */
  brandNeedles: (readonly number[] | null)[];
}

export interface CompiledRuleset {
  revision: number;
  settings: Settings;
  /** Enabled rules, in order. */
  rules: CompiledRule[];
  /** `site#id` and `site@handle` keys (kept for callers that list them; classify uses the maps below). */
  allowIds: Set<string>;
  allowHandles: Set<string>;
  followIds: Set<string>;
  followHandles: Set<string>;
  overrides: Map<string, BrandOverride>;
  /**
   * Follows (FOLLOWED) and allowlist (ALLOWLISTED), and brand overrides: matched by account id; by handle
   * only where the page has not revealed the id or the entry has none.
   */
  accounts: AccountFlags;
  brandOverrides: AccountMap<BrandOverride>;
  /** Bit i set: Doorman is paused on SITE_IDS[i]. */
  pausedSites: number;
  /** Which rules can match an item, from its cheap fields. */
  dispatch: RuleDispatch;
  /** handle → ids of the handle-list tests naming it. */
  handleTests: Map<string, number[]>;
  /** domain → ids of the link-domain tests naming it. */
  linkTests: Map<string, number[]>;
  /** null when the literals are too many for one automaton (tests then search directly). */
  textScan: TextScan | null;
  /** classify's reusable per-item context (classify is synchronous and never re-entered). */
  scratch: EvalContext | null;
}

// Unknown ids get no bit (a rule for them matches nothing); removed by the core rewrite.
export const siteBit = (site: string): number => {
  const i = SITE_IDS.indexOf(site as SiteId);
  return i < 0 ? 0 : 1 << i;
};

const ACTION_WORD = { show: 'Shown', label: 'Labelled', collapse: 'Collapsed', hide: 'Hidden' } as const;

// The literals behind brand.ts's promotional-text regexes, found once per module load.
const BRAND_TEXT_LITERALS = TEXT_SIGNALS.map((s) => requiredLiterals(s.re.source, true));

function buildTextScan(reg: NeedleRegistry): TextScan | null {
  const brandNeedles = BRAND_TEXT_LITERALS.map((lits) => (lits === null ? null : lits.map((l) => reg.id(l))));
  const scanner = NeedleScanner.build(reg.list);
  if (scanner === null) return null;
  return { scanner, marks: new Int32Array(scanner.size), stamp: 0, hits: new Int32Array(scanner.size), hitCount: 0, brandNeedles };
}

export function compileSnapshot(snapshot: Snapshot): CompiledRuleset {
  const { settings } = snapshot;
  const reg = { needles: new NeedleRegistry(), handles: new HandleRegistry(), links: new LinkRegistry() };
  const rules: CompiledRule[] = [];
  const whens: Condition[] = [];
  const ruleSites: string[][] = [];
  const reqs: (number[] | null)[] = [];
  const guards: Guard[] = [];
  for (const r of snapshot.rules) {
    if (!r.enabled) continue;
    const sites: readonly string[] = r.sites.length === 0 ? SITE_IDS : r.sites;
    let siteMask = 0;
    for (const s of sites) siteMask |= siteBit(s);
    const compiled = compileCondition(r.when, settings, reg);
    const ruleId = `user:${r.id}`;
    const reason = `${ACTION_WORD[r.then.action]} by your rule “${r.name}”`;
    rules.push({
      id: r.id,
      name: r.name,
      siteMask,
      test: compiled.test,
      then: r.then,
      ruleId,
      reason,
      verdict: Object.freeze({ class: r.then.class, action: r.then.action, ruleId, reasonCode: 'user-rule', reason }),
    });
    whens.push(r.when);
    ruleSites.push(r.sites);
    reqs.push(compiled.req);
    guards.push({ ev: compiled.ev, free: compiled.free });
  }
  const textScan = buildTextScan(reg.needles);
  const allowIds = new Set<string>();
  const allowHandles = new Set<string>();
  const accounts = new AccountFlags();
  for (const e of snapshot.allowlist) {
    if (e.accountId) allowIds.add(idKey(e.site, e.accountId));
    if (e.handle) allowHandles.add(handleKey(e.site, e.handle));
    accounts.add(e.site, e.accountId, e.handle, ALLOWLISTED);
  }
  const followIds = new Set<string>();
  const followHandles = new Set<string>();
  for (const f of snapshot.follows) {
    if (f.accountId) followIds.add(idKey(f.site, f.accountId));
    if (f.handle) followHandles.add(handleKey(f.site, f.handle));
    accounts.add(f.site, f.accountId, f.handle, FOLLOWED);
  }
  const overrides = new Map<string, BrandOverride>();
  const brandOverrides = new AccountMap<BrandOverride>();
  for (const o of snapshot.overrides) {
    if (o.accountId) overrides.set(idKey(o.site, o.accountId), o.brand);
    if (o.handle) overrides.set(handleKey(o.site, o.handle), o.brand);
    brandOverrides.add(o.site, o.accountId, o.handle, o.brand);
  }
  return {
    revision: snapshot.revision,
    settings,
    rules,
    allowIds,
    allowHandles,
    followIds,
    followHandles,
    overrides,
    accounts,
    brandOverrides,
    pausedSites: SITE_IDS.reduce((m, site, i) => (siteEnabled(settings, site) ? m : m | (1 << i)), 0),
    dispatch: new RuleDispatch(rules, whens, ruleSites, reqs, textScan !== null, guards),
    handleTests: reg.handles.map,
    linkTests: reg.links.map,
    textScan,
    scratch: null,
  };
}

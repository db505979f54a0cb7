// Compiles a snapshot once into closures and sets, so classify does no parsing, no regex building
// and no list scans per item.
import { assessBrand, type BrandAssessment, type BrandOverride } from './brand';
import { SITE_IDS, type FeedItem, type SiteId } from './model';
import { handleKey, idKey } from './lists';
import type { Condition, Outcome } from './rules';
import type { Settings } from './settings';
import type { Snapshot } from './snapshot';
import { compileTextTest } from './text-match';

/** Per-item scratch state: derived values computed at most once per classification. */
export interface EvalContext {
  item: FeedItem;
  lowerText: string | undefined;
  brand: BrandAssessment | undefined;
  followed: boolean | 'unknown';
  allowlisted: boolean;
  ruleset: CompiledRuleset;
}

export type Test = (ctx: EvalContext) => boolean;

export interface CompiledRule {
  id: string;
  name: string;
  /** Bit per site (bit i = SITE_IDS[i]). */
  siteMask: number;
  test: Test;
  then: Outcome;
}

export interface CompiledRuleset {
  revision: number;
  settings: Settings;
  rules: CompiledRule[];
  allowIds: Set<string>;
  allowHandles: Set<string>;
  followIds: Set<string>;
  followHandles: Set<string>;
  overrides: Map<string, BrandOverride>;
}

export const siteBit = (site: SiteId): number => 1 << SITE_IDS.indexOf(site);

export function lowerTextOf(ctx: EvalContext): string {
  if (ctx.lowerText === undefined) ctx.lowerText = ctx.item.text.toLowerCase();
  return ctx.lowerText;
}

export function brandOf(ctx: EvalContext): BrandAssessment {
  if (ctx.brand === undefined) {
    ctx.brand = assessBrand(ctx.item, overrideFor(ctx.ruleset, ctx.item), lowerTextOf(ctx));
  }
  return ctx.brand;
}

export function overrideFor(rs: CompiledRuleset, item: FeedItem): BrandOverride | null {
  const a = item.author;
  return (
    (a.id !== '' ? rs.overrides.get(idKey(item.site, a.id)) : undefined) ??
    rs.overrides.get(handleKey(item.site, a.handle)) ??
    null
  );
}

function inAccountSet(ids: Set<string>, handles: Set<string>, item: FeedItem): boolean {
  const a = item.author;
  return (a.id !== '' && ids.has(idKey(item.site, a.id))) || (a.handle !== '' && handles.has(handleKey(item.site, a.handle)));
}

function compileCondition(c: Condition, settings: Settings): Test {
  switch (c.type) {
    case 'all': {
      const parts = c.of.map((x) => compileCondition(x, settings));
      return (ctx) => {
        for (const p of parts) if (!p(ctx)) return false;
        return true;
      };
    }
    case 'any': {
      const parts = c.of.map((x) => compileCondition(x, settings));
      return (ctx) => {
        for (const p of parts) if (p(ctx)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(c.of, settings);
      return (ctx) => !inner(ctx);
    }
    case 'followed': {
      const v = c.value;
      return (ctx) => ctx.followed === v;
    }
    case 'followsYou': {
      const v = c.value;
      return (ctx) => ctx.item.author.followsYou === v;
    }
    case 'verified': {
      const kinds = new Set(c.kinds);
      return (ctx) => kinds.has(ctx.item.author.verified);
    }
    case 'handle': {
      const handles = new Set(c.handles.map((h) => h.replace(/^@/, '').toLowerCase()));
      return (ctx) => handles.has(ctx.item.author.handle);
    }
    case 'kind': {
      const kinds = new Set(c.kinds);
      return (ctx) => kinds.has(ctx.item.kind);
    }
    case 'context': {
      const contexts = new Set(c.contexts);
      return (ctx) => contexts.has(ctx.item.context);
    }
    case 'promoted':
      return (ctx) => ctx.item.promoted || ctx.item.kind === 'ad';
    case 'bot':
      return (ctx) => ctx.item.author.bot;
    case 'inOwnThread':
      return (ctx) => ctx.item.inOwnThread;
    case 'allowlisted':
      return (ctx) => ctx.allowlisted;
    case 'text': {
      const t = compileTextTest(c.mode, c.pattern, c.caseSensitive);
      return (ctx) => t(ctx.item.text, lowerTextOf(ctx));
    }
    case 'linkDomain': {
      const domains = c.domains.map((d) => d.replace(/^www\./, '').toLowerCase());
      // A rule for "example.com" also covers "shop.example.com".
      return (ctx) => {
        for (const host of ctx.item.linkDomains) {
          for (const d of domains) if (host === d || host.endsWith(`.${d}`)) return true;
        }
        return false;
      };
    }
    case 'accountAge': {
      const days = c.lessThanDays;
      return (ctx) => {
        const age = ctx.item.author.accountAgeDays;
        return age !== null && age < days;
      };
    }
    case 'brand': {
      const atLeast = c.atLeast ?? settings.brandThreshold;
      return (ctx) => brandOf(ctx).score >= atLeast;
    }
  }
}

export function compileSnapshot(snapshot: Snapshot): CompiledRuleset {
  const { settings } = snapshot;
  const rules: CompiledRule[] = [];
  for (const r of snapshot.rules) {
    if (!r.enabled) continue;
    const sites: readonly SiteId[] = r.sites.length === 0 ? SITE_IDS : r.sites;
    let siteMask = 0;
    for (const s of sites) siteMask |= siteBit(s);
    rules.push({
      id: r.id,
      name: r.name,
      siteMask,
      test: compileCondition(r.when, settings),
      then: r.then,
    });
  }
  const allowIds = new Set<string>();
  const allowHandles = new Set<string>();
  for (const e of snapshot.allowlist) {
    if (e.accountId) allowIds.add(idKey(e.site, e.accountId));
    if (e.handle) allowHandles.add(handleKey(e.site, e.handle));
  }
  const followIds = new Set<string>();
  const followHandles = new Set<string>();
  for (const f of snapshot.follows) {
    if (f.accountId) followIds.add(idKey(f.site, f.accountId));
    if (f.handle) followHandles.add(handleKey(f.site, f.handle));
  }
  const overrides = new Map<string, BrandOverride>();
  for (const o of snapshot.overrides) {
    if (o.accountId) overrides.set(idKey(o.site, o.accountId), o.brand);
    if (o.handle) overrides.set(handleKey(o.site, o.handle), o.brand);
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
  };
}

export function newContext(item: FeedItem, rs: CompiledRuleset): EvalContext {
  let followed = item.author.followed;
  // The page's own answer wins; the learned follow graph only fills in what the page did not say.
  if (followed === 'unknown' && inAccountSet(rs.followIds, rs.followHandles, item)) followed = true;
  return {
    item,
    lowerText: undefined,
    brand: undefined,
    followed,
    allowlisted: inAccountSet(rs.allowIds, rs.allowHandles, item),
    ruleset: rs,
  };
}

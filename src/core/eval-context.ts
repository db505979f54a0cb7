// Per-item scratch state and the derived values (lower-cased text, text scan, handle hits, brand score)
// that tests compute at most once per classification.
import { ALL_TEXT_SIGNALS, assessBrand, type BrandAssessment, type BrandOverride } from './brand';
import type { CompiledRuleset, TextScan } from './compile';
import { ALLOWLISTED, FOLLOWED } from './account-map';
import { featuresOf } from './features';
import type { FeedItem } from './model';

export interface EvalContext {
  item: FeedItem;
  lowerText: string | undefined;
  brand: BrandAssessment | undefined;
  followed: boolean | 'unknown';
  allowlisted: boolean;
  ruleset: CompiledRuleset;
  /** This item's stamp in `ruleset.textScan.marks`; 0 until its text has been scanned. */
  scanStamp: number;
  /** Ids of the handle tests the author's handle satisfies: undefined until looked up, null for none. */
  handleHits: readonly number[] | null | undefined;
  /** Ids of the link-domain tests the item's links satisfy: undefined until looked up, null for none. */
  linkHits: readonly number[] | null | undefined;
  /** The item's cheap fields as bits (features.ts). */
  features: number;
}

export function newContext(item: FeedItem, rs: CompiledRuleset): EvalContext {
  const ctx: EvalContext = {
    item,
    lowerText: undefined,
    brand: undefined,
    followed: false,
    allowlisted: false,
    ruleset: rs,
    scanStamp: 0,
    handleHits: undefined,
    linkHits: undefined,
    features: 0,
  };
  return resetContext(ctx, item);
}

/** Points `ctx` (of the same ruleset) at `item`, forgetting everything derived from the previous one. */
export function resetContext(ctx: EvalContext, item: FeedItem): EvalContext {
  const a = item.author;
  let followed = a.followed;
  // The page's own answer wins; the learned follow graph is consulted only for what the page did not say.
  const flags = ctx.ruleset.accounts.get(item.site, a.id, a.handle, followed === 'unknown' ? FOLLOWED | ALLOWLISTED : ALLOWLISTED);
  if (followed === 'unknown' && (flags & FOLLOWED) !== 0) followed = true;
  const allowlisted = (flags & ALLOWLISTED) !== 0;
  ctx.item = item;
  ctx.lowerText = undefined;
  ctx.brand = undefined;
  ctx.followed = followed;
  ctx.allowlisted = allowlisted;
  ctx.scanStamp = 0;
  ctx.handleHits = undefined;
  ctx.linkHits = undefined;
  ctx.features = featuresOf(item, followed, allowlisted);
  return ctx;
}

export function lowerTextOf(ctx: EvalContext): string {
  if (ctx.lowerText === undefined) ctx.lowerText = ctx.item.text.toLowerCase();
  return ctx.lowerText;
}

/** Scans the item's text once (per classification) and returns the stamp its hits carry. */
export function scanStampOf(ctx: EvalContext, ts: TextScan): number {
  // Compare with the latest stamp, not just 0: a context kept past another item's scan must rescan.
  if (ctx.scanStamp === 0 || ctx.scanStamp !== ts.stamp) {
    let stamp = ts.stamp + 1;
    if (stamp > 0x3fffffff) {
      ts.marks.fill(0);
      stamp = 1;
    }
    ts.stamp = stamp;
    ts.hitCount = ts.scanner.scan(ts.scanner.needsLowerCase ? lowerTextOf(ctx) : ctx.item.text, ts.marks, stamp, ts.hits);
    ctx.scanStamp = stamp;
  }
  return ctx.scanStamp;
}

/** One map lookup answers every handle-list test in the ruleset. */
export function handleHitsOf(ctx: EvalContext): readonly number[] | null {
  if (ctx.handleHits === undefined) ctx.handleHits = ctx.ruleset.handleTests.get(ctx.item.author.handle) ?? null;
  return ctx.handleHits;
}

/** One walk over the item's link hosts answers every link-domain test in the ruleset. */
export function linkHitsOf(ctx: EvalContext): readonly number[] | null {
  if (ctx.linkHits === undefined) {
    const hosts = ctx.item.linkDomains;
    const tests = ctx.ruleset.linkTests;
    let hits: number[] | null = null;
    if (tests.size > 0) {
      for (const host of hosts) {
        // A test for "example.com" also covers "shop.example.com": look up the host, then every suffix
        // after a dot (a.b.example.com, b.example.com, example.com, com).
        let h = host;
        for (;;) {
          const ids = tests.get(h);
          if (ids !== undefined) (hits ??= []).push(...ids);
          const dot = h.indexOf('.');
          if (dot < 0) break;
          h = h.slice(dot + 1);
        }
      }
    }
    ctx.linkHits = hits;
  }
  return ctx.linkHits;
}

/** Bit i set ⇔ TEXT_SIGNALS[i] may match this item's text (one of its literals occurs). */
function brandTextMask(ctx: EvalContext): number {
  const ts = ctx.ruleset.textScan;
  if (ts === null || ctx.item.text.length === 0) return ALL_TEXT_SIGNALS;
  const stamp = scanStampOf(ctx, ts);
  let mask = 0;
  for (let i = 0; i < ts.brandNeedles.length; i++) {
    const ids = ts.brandNeedles[i];
    if (ids === null || ids === undefined) {
      mask |= 1 << i;
      continue;
    }
    for (const id of ids) {
      if (ts.marks[id] === stamp) {
        mask |= 1 << i;
        break;
      }
    }
  }
  return mask;
}

export function brandOf(ctx: EvalContext): BrandAssessment {
  if (ctx.brand === undefined) {
    const override = overrideFor(ctx.ruleset, ctx.item);
    const mask = override === 'not-brand' ? 0 : brandTextMask(ctx);
    // Lower-case the text only when a promotional regex still has to run over it.
    ctx.brand = assessBrand(ctx.item, override, mask === 0 ? ctx.lowerText : lowerTextOf(ctx), mask);
  }
  return ctx.brand;
}

export function overrideFor(rs: CompiledRuleset, item: FeedItem): BrandOverride | null {
  return rs.brandOverrides.get(item.site, item.author.id, item.author.handle) ?? null;
}

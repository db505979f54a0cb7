// classify(item, ruleset) → Verdict. The user's rules first (first match wins), then the policy.
// Every verdict names the rule that decided it and says why in a sentence.
import { brandOf, newContext, type CompiledRuleset, type EvalContext } from './compile';
import { resetContext } from './eval-context';
import { siteIndex } from './features';
import { describeSignals } from './brand';
import { SEEK_CONTEXTS, SITE_IDS, type Action, type FeedItem, type ReasonCode, type SiteId, type Verdict, type VerdictClass } from './model';

// removed by the core rewrite (site names belong to src/sites/registry.ts)
export const SITE_NAMES: Record<SiteId, string> = { x: 'X', bsky: 'Bluesky', mastodon: 'Mastodon' };

const UNSOLICITED_KINDS = new Set(['reply', 'mention', 'quote']);

const KIND_NOUN: Record<string, string> = { reply: 'Reply', mention: 'Mention', quote: 'Quote' };

// Verdict ids per policy step, built once rather than per item.
const STEPS = ['followed', 'allowlisted', 'ad', 'seek', 'default', 'verified-org', 'unknown-follow', 'not-followed', 'brand'] as const;
const stepIds = (policy: string) => Object.fromEntries(STEPS.map((s) => [s, `policy:${policy}:${s}`])) as Record<(typeof STEPS)[number], string>;
const POLICY_IDS = { balanced: stepIds('balanced'), strict: stepIds('strict') };

function verdict(cls: VerdictClass, action: Action, ruleId: string, reasonCode: ReasonCode, reason: string): Verdict {
  return { class: cls, action, ruleId, reasonCode, reason };
}

/** A verdict whose reason does not depend on the item: built once, frozen, shared by every item. */
const fixed = (cls: VerdictClass, action: Action, ruleId: string, reasonCode: ReasonCode, reason: string): Verdict =>
  Object.freeze(verdict(cls, action, ruleId, reasonCode, reason));

const PAUSED = Object.fromEntries(
  SITE_IDS.map((s) => [s, fixed('interaction', 'show', 'site:paused', 'site-paused', `Shown: Doorman is paused on ${SITE_NAMES[s]}`)]),
) as Record<SiteId, Verdict>;
const OFF = fixed('interaction', 'show', 'policy:off', 'off', 'Shown: Doorman is off');
const policyVerdicts = (ids: Record<(typeof STEPS)[number], string>) => ({
  seek: Object.fromEntries(
    [...SEEK_CONTEXTS].map((c) => [c, fixed('interaction', 'show', ids.seek, 'seek', `Shown: you opened this ${c}, so only ads are hidden here`)]),
  ) as Record<string, Verdict>,
  notReply: fixed('interaction', 'show', ids.default, 'default', 'Shown: not a reply or mention'),
  brandsOff: fixed('interaction', 'show', ids.default, 'default', 'Shown: muting unsolicited brand replies is turned off'),
});
const POLICY_VERDICTS = { balanced: policyVerdicts(POLICY_IDS.balanced), strict: policyVerdicts(POLICY_IDS.strict) };

const at = (ctx: EvalContext): string => (ctx.item.author.handle ? `@${ctx.item.author.handle}` : 'this account');

export function classify(item: FeedItem, rs: CompiledRuleset): Verdict {
  const { settings } = rs;
  if (((rs.pausedSites >>> siteIndex(item.site)) & 1) !== 0) {
    return PAUSED[item.site as SiteId];
  }
  // One context per ruleset, reset per item: classify is synchronous and never re-entered.
  const ctx = rs.scratch === null ? (rs.scratch = newContext(item, rs)) : resetContext(rs.scratch, item);

  // First match wins, among the rules that can apply to this site and item at all.
  const rule = rs.dispatch.firstMatch(ctx);
  if (rule !== null) return rule.verdict;

  const policy = settings.policy;
  if (policy === 'off') return OFF;
  const ids = POLICY_IDS[policy];
  const fixedFor = POLICY_VERDICTS[policy];

  if (ctx.followed === true) return verdict('interaction', 'show', ids.followed, 'followed', `Shown: you follow ${at(ctx)}`);
  if (ctx.allowlisted) return verdict('interaction', 'show', ids.allowlisted, 'allowlisted', `Shown: you let ${at(ctx)} in`);
  if (item.promoted || item.kind === 'ad') {
    return verdict('interruption', 'hide', ids.ad, 'ad', `Hidden: ad promoted by ${at(ctx)}`);
  }
  if (SEEK_CONTEXTS.has(item.context)) return fixedFor.seek[item.context]!;
  if (!UNSOLICITED_KINDS.has(item.kind)) return fixedFor.notReply;
  const verified = item.author.verified;
  if (settings.letVerifiedOrganizations && (verified === 'organization' || verified === 'government')) {
    return verdict('interaction', 'show', ids['verified-org'], 'verified-org',
      `Shown: ${at(ctx)} is an organisation verified by ${SITE_NAMES[item.site as SiteId] ?? item.site}, and you let those in`);
  }
  if (ctx.followed === 'unknown') {
    return verdict('interaction', 'show', ids['unknown-follow'], 'unknown-follow',
      `Shown: Doorman couldn't tell whether you follow ${at(ctx)}`);
  }
  const noun = KIND_NOUN[item.kind] ?? 'Message';
  const where = item.inOwnThread ? ' under your post' : '';
  if (policy === 'strict') {
    return verdict('interruption', 'collapse', ids['not-followed'], 'not-followed',
      `${noun}${where} from ${at(ctx)}, whom you don't follow (Strict: only people you follow and brands you allow)`);
  }
  if (!settings.hideUnsolicitedBrands) {
    // Don't claim the author "doesn't look like a brand": we didn't look.
    return fixedFor.brandsOff;
  }
  const brand = brandOf(ctx);
  if (brand.score >= settings.brandThreshold) {
    return verdict('interruption', 'collapse', ids.brand, item.kind === 'mention' ? 'brand-mention' : 'brand-reply',
      `${noun}${where} from ${at(ctx)}, a brand you don't follow (${describeSignals(brand)})`);
  }
  return verdict('interaction', 'show', ids.default, 'default', `Shown: ${at(ctx)} doesn't look like a brand`);
}

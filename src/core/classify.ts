// classify(item, ruleset) → Verdict. The user's rules first (first match wins), then the policy.
// Every verdict names the rule that decided it and says why in a sentence.
import { brandOf, newContext, siteBit, type CompiledRuleset, type EvalContext } from './compile';
import { describeSignals } from './brand';
import { SEEK_CONTEXTS, type Action, type FeedItem, type ReasonCode, type SiteId, type Verdict, type VerdictClass } from './model';

export const SITE_NAMES: Record<SiteId, string> = { x: 'X', bsky: 'Bluesky', mastodon: 'Mastodon' };

const ACTION_WORD: Record<Action, string> = { show: 'Shown', label: 'Labelled', collapse: 'Collapsed', hide: 'Hidden' };

const UNSOLICITED_KINDS = new Set(['reply', 'mention', 'quote']);

const KIND_NOUN: Record<string, string> = { reply: 'Reply', mention: 'Mention', quote: 'Quote' };

function verdict(cls: VerdictClass, action: Action, ruleId: string, reasonCode: ReasonCode, reason: string): Verdict {
  return { class: cls, action, ruleId, reasonCode, reason };
}

const at = (ctx: EvalContext): string => (ctx.item.author.handle ? `@${ctx.item.author.handle}` : 'this account');

export function classify(item: FeedItem, rs: CompiledRuleset): Verdict {
  const { settings } = rs;
  if (!settings.sites[item.site].enabled) {
    return verdict('interaction', 'show', 'site:paused', 'site-paused', `Shown: Doorman is paused on ${SITE_NAMES[item.site]}`);
  }
  const ctx = newContext(item, rs);

  const bit = siteBit(item.site);
  for (const rule of rs.rules) {
    if ((rule.siteMask & bit) === 0) continue;
    if (rule.test(ctx)) {
      return verdict(rule.then.class, rule.then.action, `user:${rule.id}`, 'user-rule', `${ACTION_WORD[rule.then.action]} by your rule “${rule.name}”`);
    }
  }

  const policy = settings.policy;
  if (policy === 'off') return verdict('interaction', 'show', 'policy:off', 'off', 'Shown: Doorman is off');
  const p = `policy:${policy}`;

  if (ctx.followed === true) return verdict('interaction', 'show', `${p}:followed`, 'followed', `Shown: you follow ${at(ctx)}`);
  if (ctx.allowlisted) return verdict('interaction', 'show', `${p}:allowlisted`, 'allowlisted', `Shown: you let ${at(ctx)} in`);
  if (item.promoted || item.kind === 'ad') {
    return verdict('interruption', 'hide', `${p}:ad`, 'ad', `Hidden: ad promoted by ${at(ctx)}`);
  }
  if (SEEK_CONTEXTS.has(item.context)) {
    return verdict('interaction', 'show', `${p}:seek`, 'seek', `Shown: you opened this ${item.context}, so only ads are hidden here`);
  }
  if (!UNSOLICITED_KINDS.has(item.kind)) {
    return verdict('interaction', 'show', `${p}:default`, 'default', 'Shown: not a reply or mention');
  }
  const verified = item.author.verified;
  if (settings.letVerifiedOrganizations && (verified === 'organization' || verified === 'government')) {
    return verdict('interaction', 'show', `${p}:verified-org`, 'verified-org',
      `Shown: ${at(ctx)} is an organisation verified by ${SITE_NAMES[item.site]}, and you let those in`);
  }
  if (ctx.followed === 'unknown') {
    return verdict('interaction', 'show', `${p}:unknown-follow`, 'unknown-follow',
      `Shown: Doorman couldn't tell whether you follow ${at(ctx)}`);
  }
  const noun = KIND_NOUN[item.kind] ?? 'Message';
  const where = item.inOwnThread ? ' under your post' : '';
  if (policy === 'strict') {
    return verdict('interruption', 'collapse', `${p}:not-followed`, 'not-followed',
      `${noun}${where} from ${at(ctx)}, whom you don't follow (Strict: only people you follow and brands you allow)`);
  }
  if (settings.hideUnsolicitedBrands) {
    const brand = brandOf(ctx);
    if (brand.score >= settings.brandThreshold) {
      return verdict('interruption', 'collapse', `${p}:brand`, item.kind === 'mention' ? 'brand-mention' : 'brand-reply',
        `${noun}${where} from ${at(ctx)}, a brand you don't follow (${describeSignals(brand)})`);
    }
  }
  return verdict('interaction', 'show', `${p}:default`, 'default', `Shown: ${at(ctx)} doesn't look like a brand`);
}

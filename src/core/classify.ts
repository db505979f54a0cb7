// classify(item, ruleset) → Verdict. The user's rules first (first match wins), then the policy.
// Every verdict names the rule that decided it and says why in a sentence.
import { describeSignals } from './brand';
import { appliesTo, type CompiledRuleset } from './compile';
import { ItemView } from './item-view';
import type { FeedItem, Verdict } from './model';
import type { DefaultSettings } from './settings-defaults';
import { SEEK_CONTEXTS, siteEnabled, type Action, type ReasonCode, type TriState, type VerdictClass } from './vocabulary';

const UNSOLICITED_KINDS: ReadonlySet<string> = new Set(['reply', 'mention', 'quote']);
const KIND_NOUN: Readonly<Record<string, string>> = { reply: 'Reply', mention: 'Mention', quote: 'Quote' };

const verdict = (cls: VerdictClass, action: Action, ruleId: string, reasonCode: ReasonCode, reason: string): Verdict =>
  ({ class: cls, action, ruleId, reasonCode, reason });

const OFF: Verdict = Object.freeze(verdict('interaction', 'show', 'policy:off', 'off', 'Shown: Doorman is off'));

export function classify(item: FeedItem, rs: CompiledRuleset): Verdict {
  const { settings } = rs;
  const siteName = rs.siteNames[item.site] ?? item.site;
  if (!siteEnabled(settings, item.site)) {
    return verdict('interaction', 'show', 'site:paused', 'site-paused', `Shown: Doorman is paused on ${siteName}`);
  }
  const v = new ItemView(item, rs);
  if (rs.rules.length > 0) {
    for (const i of rs.sieve.candidates(v)) {
      const rule = rs.rules[i]!;
      if (appliesTo(rule, item.site) && rule.test(v)) return rule.verdict;
    }
  }

  const policy = settings.policy;
  if (policy === 'off') return OFF;
  const step = (cls: VerdictClass, action: Action, id: string, code: ReasonCode, reason: string) =>
    verdict(cls, action, `policy:${policy}:${id}`, code, reason);
  const who = item.author.handle ? `@${item.author.handle}` : 'this account';

  if (v.followed === true) return step('interaction', 'show', 'followed', 'followed', `Shown: you follow ${who}`);
  if (v.allowlisted) return step('interaction', 'show', 'allowlisted', 'allowlisted', `Shown: you let ${who} in`);
  if (item.promoted || item.kind === 'ad') return step('interruption', 'hide', 'ad', 'ad', `Hidden: ad promoted by ${who}`);
  // Where the user went looking, only ads are hidden.
  if (SEEK_CONTEXTS.has(item.context)) {
    return step('interaction', 'show', 'seek', 'seek', `Shown: you opened this ${item.context}, so only ads are hidden here`);
  }
  const surfaced = surfacedStep(item, v.followed, settings, siteName, step);
  if (surfaced !== null) return surfaced;
  if (!UNSOLICITED_KINDS.has(item.kind)) return step('interaction', 'show', 'default', 'default', 'Shown: not a reply or mention');
  const verified = item.author.verified;
  if (settings.letVerifiedOrganizations && (verified === 'organization' || verified === 'government')) {
    return step('interaction', 'show', 'verified-org', 'verified-org',
      `Shown: ${who} is an organisation verified by ${siteName}, and you let those in`);
  }
  // Unknown follow state fails open.
  if (v.followed === 'unknown') {
    return step('interaction', 'show', 'unknown-follow', 'unknown-follow', `Shown: Doorman couldn't tell whether you follow ${who}`);
  }
  const noun = KIND_NOUN[item.kind] ?? 'Message';
  const where = item.inOwnThread ? ' under your post' : '';
  if (policy === 'strict') {
    return step('interruption', 'collapse', 'not-followed', 'not-followed',
      `${noun}${where} from ${who}, whom you don't follow (Strict: only people you follow and brands you allow)`);
  }
  if (!settings.hideUnsolicitedBrands) {
    // Don't claim the author "doesn't look like a brand": we didn't look.
    return step('interaction', 'show', 'default', 'default', 'Shown: muting unsolicited brand replies is turned off');
  }
  const brand = v.brand;
  if (brand.score >= settings.brandThreshold) {
    return step('interruption', 'collapse', 'brand', item.kind === 'mention' ? 'brand-mention' : 'brand-reply',
      `${noun}${where} from ${who}, a brand you don't follow (${describeSignals(brand)})`);
  }
  return step('interaction', 'show', 'default', 'default', `Shown: ${who} doesn't look like a brand`);
}

const PAGE_NOUN: Readonly<Record<string, string>> = { reply: 'Comment', mention: 'Message', notification: 'Notification' };
type Step = (cls: VerdictClass, action: Action, id: string, code: ReasonCode, reason: string) => Verdict;
type SurfacedSettings = Pick<DefaultSettings, 'policy' | 'hideUnsolicitedBrands' | 'collapseNetworkSuggestions' | 'collapseRecommendations'>;

/**
 * Company pages, network suggestions and platform recommendations (LinkedIn's feed): what the site
 * says about why an item is there, for items from authors the user neither follows nor let in. Null
 * when the item carries none of it.
 */
function surfacedStep(item: FeedItem, followed: TriState, settings: SurfacedSettings, siteName: string, step: Step): Verdict | null {
  const name = item.author.displayName || (item.author.handle ? `@${item.author.handle}` : 'this account');
  if (item.surfacedBy === 'platform') {
    return settings.collapseRecommendations
      ? step('interruption', 'collapse', 'recommendation', 'platform-recommendation', `Recommended by ${siteName}, not by anyone you follow (you collapse recommendations)`)
      : step('interaction', 'label', 'recommendation', 'platform-recommendation', `Recommended by ${siteName}, not by anyone you follow`);
  }
  if (item.fromPage === true && followed === false && (settings.policy === 'strict' || settings.hideUnsolicitedBrands)) {
    return step('interruption', 'collapse', 'brand-page', 'brand-page',
      `${PAGE_NOUN[item.kind] ?? 'Update'} from ${name}, a company page you don't follow`);
  }
  if (item.surfacedBy === 'network') {
    return settings.collapseNetworkSuggestions
      ? step('interruption', 'collapse', 'network', 'network-suggestion', `Suggested by your network: someone you know reacted or commented, but you don't follow ${name} (you collapse these)`)
      : step('interaction', 'label', 'network', 'network-suggestion', `Suggested by your network: someone you know reacted or commented, but you don't follow ${name}`);
  }
  return null;
}

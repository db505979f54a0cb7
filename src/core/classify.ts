// classify(item, ruleset) → Verdict. The user's rules first (first match wins), then the policy.
// Every verdict names the rule that decided it and says why, as data (core/reason.ts) that
// core/reason-text.ts words in the reader's language.
import { appliesTo, type CompiledRuleset } from './compile';
import { ItemView } from './item-view';
import type { FeedItem, Verdict } from './model';
import type { Why } from './reason';
import { strongestSignals } from './reason-signals';
import type { DefaultSettings } from './settings-defaults';
import { SEEK_CONTEXTS, siteEnabled, type Action, type ReasonCode, type TriState, type VerdictClass } from './vocabulary';

const UNSOLICITED_KINDS: ReadonlySet<string> = new Set(['reply', 'mention', 'quote']);

const verdict = (cls: VerdictClass, action: Action, ruleId: string, reasonCode: ReasonCode, why: Why): Verdict =>
  ({ class: cls, action, ruleId, reasonCode, why });

const OFF: Verdict = Object.freeze(verdict('interaction', 'show', 'policy:off', 'off', Object.freeze({ say: 'off' })));

export function classify(item: FeedItem, rs: CompiledRuleset): Verdict {
  const { settings } = rs;
  const siteName = rs.siteNames[item.site] ?? item.site;
  if (!siteEnabled(settings, item.site)) {
    return verdict('interaction', 'show', 'site:paused', 'site-paused', { say: 'paused', site: siteName });
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
  const step = (cls: VerdictClass, action: Action, id: string, code: ReasonCode, why: Why) =>
    verdict(cls, action, `policy:${policy}:${id}`, code, why);
  const who = item.author.handle;

  if (v.followed === true) return step('interaction', 'show', 'followed', 'followed', { say: 'followed', who });
  if (v.allowlisted) return step('interaction', 'show', 'allowlisted', 'allowlisted', { say: 'allowlisted', who });
  if (item.promoted || item.kind === 'ad') {
    // A paid message in the user's inbox (LinkedIn's Sponsored messages) keeps one line: the user
    // sees that the inbox holds it and why it is folded; an ad in a feed leaves nothing.
    return item.kind === 'mention'
      ? step('interruption', 'collapse', 'ad', 'ad', { say: 'sponsoredMessage', who, name: item.author.displayName })
      : step('interruption', 'hide', 'ad', 'ad', { say: 'ad', who });
  }
  // Where the user went looking, only ads are hidden.
  if (SEEK_CONTEXTS.has(item.context)) {
    return step('interaction', 'show', 'seek', 'seek', { say: 'seek', context: item.context });
  }
  const surfaced = surfacedStep(item, v.followed, settings, siteName, step);
  if (surfaced !== null) return surfaced;
  if (!UNSOLICITED_KINDS.has(item.kind)) return step('interaction', 'show', 'default', 'default', { say: 'notUnsolicited' });
  const verified = item.author.verified;
  if (settings.letVerifiedOrganizations && (verified === 'organization' || verified === 'government')) {
    return step('interaction', 'show', 'verified-org', 'verified-org',
      { say: 'verifiedOrg', who, site: siteName });
  }
  // Unknown follow state fails open.
  if (v.followed === 'unknown') {
    return step('interaction', 'show', 'unknown-follow', 'unknown-follow', { say: 'unknownFollow', who });
  }
  const { kind, inOwnThread: ownThread } = item;
  if (policy === 'strict') {
    return step('interruption', 'collapse', 'not-followed', 'not-followed', { say: 'notFollowed', who, kind, ownThread });
  }
  if (!settings.hideUnsolicitedBrands) {
    // Don't claim the author "doesn't look like a brand": we didn't look.
    return step('interaction', 'show', 'default', 'default', { say: 'mutingOff' });
  }
  const brand = v.brand;
  if (brand.score >= settings.brandThreshold) {
    return step('interruption', 'collapse', 'brand', item.kind === 'mention' ? 'brand-mention' : 'brand-reply',
      brand.override === 'brand'
        ? { say: 'brand', who, kind, ownThread, signals: [], marked: true }
        : { say: 'brand', who, kind, ownThread, signals: strongestSignals(brand) });
  }
  return step('interaction', 'show', 'default', 'default', { say: 'notBrand', who });
}

type Step = (cls: VerdictClass, action: Action, id: string, code: ReasonCode, why: Why) => Verdict;
type SurfacedSettings = Pick<DefaultSettings, 'policy' | 'hideUnsolicitedBrands' | 'collapseNetworkSuggestions' | 'collapseRecommendations'>;

/**
 * Company pages, network suggestions and platform recommendations (LinkedIn's feed): what the site
 * says about why an item is there, for items from authors the user neither follows nor let in. Null
 * when the item carries none of it.
 */
function surfacedStep(item: FeedItem, followed: TriState, settings: SurfacedSettings, site: string, step: Step): Verdict | null {
  const who = item.author.handle;
  const name = item.author.displayName;
  if (item.surfacedBy === 'platform') {
    return settings.collapseRecommendations
      ? step('interruption', 'collapse', 'recommendation', 'platform-recommendation', { say: 'recommendation', site, action: 'collapse' })
      : step('interaction', 'label', 'recommendation', 'platform-recommendation', { say: 'recommendation', site, action: 'label' });
  }
  if (item.fromPage === true && followed === false && (settings.policy === 'strict' || settings.hideUnsolicitedBrands)) {
    return step('interruption', 'collapse', 'brand-page', 'brand-page', { say: 'brandPage', who, name, kind: item.kind });
  }
  if (item.surfacedBy === 'network') {
    return settings.collapseNetworkSuggestions
      ? step('interruption', 'collapse', 'network', 'network-suggestion', { say: 'network', who, name, action: 'collapse' })
      : step('interaction', 'label', 'network', 'network-suggestion', { say: 'network', who, name, action: 'label' });
  }
  return null;
}

// What the policy does with LinkedIn's own kinds of item (core's classify, with the FeedItem fields the
// LinkedIn adapter fills): company pages the user doesn't follow, posts the network suggested, the
// platform's recommendations — each with its own reason code and sentence, and the user's two switches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify';
import { whyText } from '../../../../src/ui/reasons';
import { item, ruleset } from '../../core/builders';
import { useUiLanguage } from '../../ui/catalogue';

let restore: (() => void) | undefined;
beforeAll(() => {
  restore = useUiLanguage('en');
});
afterAll(() => restore?.());

const page = (over: Parameters<typeof item>[0] = {}) =>
  item({ site: 'linkedin', kind: 'post', context: 'home', fromPage: true, ...over, author: { handle: 'company/acme', displayName: 'Acme', followed: false, orgProfile: true, ...over.author } });

describe('LinkedIn items under the policy', () => {
  it("collapses a page the user doesn't follow in Balanced and Strict; not when brand muting is off, nor when the follow state is unknown", () => {
    expect(classify(page(), ruleset())).toMatchObject({ class: 'interruption', action: 'collapse', reasonCode: 'brand-page', ruleId: 'policy:balanced:brand-page' });
    expect(classify(page(), ruleset({ settings: { policy: 'strict' } }))).toMatchObject({ action: 'collapse', ruleId: 'policy:strict:brand-page' });
    expect(classify(page(), ruleset({ settings: { hideUnsolicitedBrands: false } }))).toMatchObject({ action: 'show', reasonCode: 'default' });
    expect(classify(page({ author: { followed: 'unknown' } }), ruleset())).toMatchObject({ action: 'show' });
    expect(classify(page({ author: { followed: true } }), ruleset())).toMatchObject({ action: 'show', reasonCode: 'followed' });
    expect(classify(page(), ruleset({ settings: { policy: 'off' } }))).toMatchObject({ action: 'show', reasonCode: 'off' });
  });

  it('names what the page sent: an update, a comment, a message, a notification', () => {
    const reasons = (['post', 'reply', 'mention', 'notification'] as const).map((kind) => whyText(classify(page({ kind }), ruleset()).why));
    expect(reasons).toEqual([
      "Update from Acme, a company page you don't follow",
      "Comment from Acme, a company page you don't follow",
      "Message from Acme, a company page you don't follow",
      "Notification from Acme, a company page you don't follow",
    ]);
  });

  it('still hides ads first, and shows pages where the user went looking', () => {
    expect(classify(page({ promoted: true }), ruleset())).toMatchObject({ action: 'hide', reasonCode: 'ad' });
    expect(classify(page({ context: 'profile' }), ruleset())).toMatchObject({ action: 'show', reasonCode: 'seek' });
    expect(classify(page({ context: 'profile', surfacedBy: 'platform' }), ruleset())).toMatchObject({ action: 'show', reasonCode: 'seek' });
  });

  it('labels network suggestions and platform recommendations, and collapses each only when its switch is on', () => {
    const suggested = item({ site: 'linkedin', kind: 'post', context: 'home', surfacedBy: 'network', author: { handle: 'hana', displayName: 'Hana Ito', followed: false } });
    const jobs = item({ site: 'linkedin', kind: 'post', context: 'home', surfacedBy: 'platform', author: { handle: '', displayName: 'LinkedIn', followed: 'unknown' } });
    expect(classify(suggested, ruleset())).toMatchObject({ class: 'interaction', action: 'label', reasonCode: 'network-suggestion' });
    expect(classify(suggested, ruleset({ settings: { collapseNetworkSuggestions: true } }))).toMatchObject({ class: 'interruption', action: 'collapse' });
    expect(classify(jobs, ruleset())).toMatchObject({ class: 'interaction', action: 'label', reasonCode: 'platform-recommendation' });
    expect(classify(jobs, ruleset({ settings: { collapseRecommendations: true } }))).toMatchObject({ class: 'interruption', action: 'collapse' });
    // The switches are independent.
    expect(classify(jobs, ruleset({ settings: { collapseNetworkSuggestions: true } })).action).toBe('label');
    // A page the user doesn't follow that the network surfaced: a brand interruption first.
    expect(classify(page({ surfacedBy: 'network' }), ruleset()).reasonCode).toBe('brand-page');
    // Someone the user follows is shown, however it got there.
    expect(classify({ ...suggested, author: { ...suggested.author, followed: true } }, ruleset()).reasonCode).toBe('followed');
  });

  it('lets an allowlisted page in', () => {
    expect(classify(page(), ruleset({ allowlist: [{ site: 'linkedin', accountId: '', handle: 'company/acme' }] }))).toMatchObject({ action: 'show', reasonCode: 'allowlisted' });
  });
});

// The built-in policies (off, balanced, strict) and every branch classify takes after the user's rules.
import { describe, expect, it } from 'vitest';
import { classify as classifyData } from '../../../src/core/classify';
import type { CompiledRuleset } from '../../../src/core/compile';
import type { FeedItem, ItemKind, PageContext } from '../../../src/core/model';
import { POLICIES } from '../../../src/core/settings';
import { worded } from '../ui/catalogue';
import { brandAuthor, item, ruleset } from './builders';

// The verdict with its reason worded by the English catalogue, as the placeholder and log show it.
const classify = (i: FeedItem, rs: CompiledRuleset) => worded(classifyData(i, rs));

const balanced = ruleset();
const strict = ruleset({ settings: { policy: 'strict' } });
const off = ruleset({ settings: { policy: 'off' } });

describe('site paused', () => {
  it('shows everything on a paused site and says so, before rules and policy', () => {
    const rs = ruleset({
      settings: { sites: { bsky: { enabled: false } } },
      rules: [{ id: 'all', name: 'Hide all', when: { type: 'all', of: [] }, then: { class: 'interruption', action: 'hide' } }],
    });
    const v = classify(item({ site: 'bsky', promoted: true, kind: 'ad' }), rs);
    expect(v).toEqual({ class: 'interaction', action: 'show', ruleId: 'site:paused', reasonCode: 'site-paused', reason: 'Shown: Doorman is paused on Bluesky' });
    expect(classify(item({ site: 'mastodon', author: brandAuthor() }), ruleset({ settings: { sites: { mastodon: { enabled: false } } } })).reason)
      .toBe('Shown: Doorman is paused on Mastodon');
    // Other sites keep filtering.
    expect(classify(item({ site: 'x' }), rs).ruleId).toBe('user:all');
  });
});

describe('policy off', () => {
  it('shows ads, brands and strangers alike', () => {
    for (const it of [item({ promoted: true }), item({ kind: 'ad' }), item({ author: brandAuthor() }), item({ author: { followed: 'unknown' } })]) {
      expect(classify(it, off)).toEqual({ class: 'interaction', action: 'show', ruleId: 'policy:off', reasonCode: 'off', reason: 'Shown: Doorman is off' });
    }
  });
});

describe.each(['balanced', 'strict'] as const)('policy %s: common steps', (policy) => {
  const rs = ruleset({ settings: { policy } });
  const p = `policy:${policy}`;

  it('shows followed authors, even their ads and brand replies', () => {
    const v = classify(item({ author: brandAuthor({ followed: true }), promoted: true }), rs);
    expect(v).toEqual({ class: 'interaction', action: 'show', ruleId: `${p}:followed`, reasonCode: 'followed', reason: 'Shown: you follow @acme' });
  });

  it('shows allowlisted authors', () => {
    const rs2 = ruleset({ settings: { policy }, allowlist: [{ site: 'x', accountId: 'b1', handle: 'acme' }] });
    const v = classify(item({ author: brandAuthor(), promoted: true }), rs2);
    expect(v).toEqual({ class: 'interaction', action: 'show', ruleId: `${p}:allowlisted`, reasonCode: 'allowlisted', reason: 'Shown: you let @acme in' });
  });

  it('lets allowlisted authors in by handle only when the page has not revealed their id', () => {
    const rs2 = ruleset({ settings: { policy }, allowlist: [{ site: 'x', accountId: 'b1', handle: '@Acme' }] });
    expect(classify(item({ author: brandAuthor({ id: '' }) }), rs2).reason).toBe('Shown: you let @acme in');
    expect(classify(item({ author: brandAuthor({ id: 'b1', handle: 'acme_renamed' }) }), rs2).reasonCode).toBe('allowlisted');
    // Someone else who took the handle is not let in.
    expect(classify(item({ author: brandAuthor({ id: 'squatter' }) }), rs2).reasonCode).not.toBe('allowlisted');
  });

  it.each(['home', 'notifications', 'thread', 'search', 'profile', 'list', 'other'] as PageContext[])('hides ads and promoted items in %s', (context) => {
    for (const it of [item({ context, promoted: true, kind: 'post' }), item({ context, kind: 'ad' })]) {
      expect(classify(it, rs)).toEqual({ class: 'interruption', action: 'hide', ruleId: `${p}:ad`, reasonCode: 'ad', reason: 'Hidden: ad promoted by @someone' });
    }
  });

  it('names "this account" when the handle is unknown', () => {
    expect(classify(item({ kind: 'ad', author: { handle: '' } }), rs).reason).toBe('Hidden: ad promoted by this account');
  });

  it.each(['search', 'profile', 'list'] as PageContext[])('only hides ads where the user went looking (%s)', (context) => {
    const v = classify(item({ context, kind: 'reply', author: brandAuthor() }), rs);
    expect(v).toEqual({
      class: 'interaction', action: 'show', ruleId: `${p}:seek`, reasonCode: 'seek',
      reason: `Shown: you opened this ${context}, so only ads are hidden here`,
    });
  });

  it.each(['post', 'repost', 'notification'] as ItemKind[])('shows non-reply kinds (%s) from brands you do not follow', (kind) => {
    const v = classify(item({ kind, context: 'home', author: brandAuthor() }), rs);
    expect(v).toEqual({ class: 'interaction', action: 'show', ruleId: `${p}:default`, reasonCode: 'default', reason: 'Shown: not a reply or mention' });
  });

  it.each(['organization', 'government'] as const)('lets %s-verified accounts in when opted in', (verified) => {
    const on = ruleset({ settings: { policy, letVerifiedOrganizations: true } });
    const v = classify(item({ author: brandAuthor({ verified }) }), on);
    expect(v).toEqual({
      class: 'interaction', action: 'show', ruleId: `${p}:verified-org`, reasonCode: 'verified-org',
      reason: 'Shown: @acme is an organisation verified by X, and you let those in',
    });
    expect(classify(item({ site: 'bsky', author: brandAuthor({ verified }) }), on).reason).toContain('verified by Bluesky');
    // Not for other badges, and not without the opt-in.
    expect(classify(item({ author: brandAuthor({ verified: 'affiliate' }) }), on).reasonCode).not.toBe('verified-org');
    expect(classify(item({ author: brandAuthor({ verified }) }), rs).reasonCode).not.toBe('verified-org');
  });

  it('fails open when the follow state is unknown, and says why', () => {
    const v = classify(item({ author: brandAuthor({ followed: 'unknown' }) }), rs);
    expect(v).toEqual({
      class: 'interaction', action: 'show', ruleId: `${p}:unknown-follow`, reasonCode: 'unknown-follow',
      reason: "Shown: Doorman couldn't tell whether you follow @acme",
    });
  });

  it('fills unknown follow state from the learned follow graph', () => {
    const rs2 = ruleset({ settings: { policy }, follows: [{ site: 'x', accountId: 'b1', handle: 'acme' }] });
    expect(classify(item({ author: brandAuthor({ followed: 'unknown' }) }), rs2).reasonCode).toBe('followed');
  });

  it("never lets the follow graph override the page's explicit false", () => {
    const rs2 = ruleset({ settings: { policy }, follows: [{ site: 'x', accountId: 'b1', handle: 'acme' }] });
    const v = classify(item({ author: brandAuthor({ followed: false }) }), rs2);
    expect(v.class).toBe('interruption');
    expect(v.action).toBe('collapse');
  });
});

describe('policy strict', () => {
  it.each([
    ['reply', 'Reply'],
    ['mention', 'Mention'],
    ['quote', 'Quote'],
  ] as const)('collapses a %s from anyone not followed, brand or not', (kind, noun) => {
    const v = classify(item({ kind }), strict);
    expect(v).toEqual({
      class: 'interruption', action: 'collapse', ruleId: 'policy:strict:not-followed', reasonCode: 'not-followed',
      reason: `${noun} from @someone, whom you don't follow (Strict: only people you follow and brands you allow)`,
    });
  });

  it('says when the reply sits under your own post', () => {
    expect(classify(item({ inOwnThread: true }), strict).reason)
      .toBe("Reply under your post from @someone, whom you don't follow (Strict: only people you follow and brands you allow)");
  });

  it('collapses regardless of hideUnsolicitedBrands', () => {
    const rs = ruleset({ settings: { policy: 'strict', hideUnsolicitedBrands: false } });
    expect(classify(item(), rs).reasonCode).toBe('not-followed');
  });
});

describe('policy balanced', () => {
  it('collapses a brand reply, naming the strongest signals', () => {
    const v = classify(item({ author: brandAuthor() }), balanced);
    expect(v).toEqual({
      class: 'interruption', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply',
      reason: "Reply from @acme, a brand you don't follow (verified organisation, business profile)",
    });
  });

  it('uses brand-mention for mentions and brand-reply for quotes', () => {
    const m = classify(item({ kind: 'mention', author: brandAuthor() }), balanced);
    expect(m.reasonCode).toBe('brand-mention');
    expect(m.reason).toBe("Mention from @acme, a brand you don't follow (verified organisation, business profile)");
    const q = classify(item({ kind: 'quote', inOwnThread: true, author: brandAuthor() }), balanced);
    expect(q.reasonCode).toBe('brand-reply');
    expect(q.reason).toBe("Quote under your post from @acme, a brand you don't follow (verified organisation, business profile)");
  });

  it('shows replies from people who do not look like brands', () => {
    const v = classify(item(), balanced);
    expect(v).toEqual({ class: 'interaction', action: 'show', ruleId: 'policy:balanced:default', reasonCode: 'default', reason: "Shown: @someone doesn't look like a brand" });
  });

  it('collapses at the threshold, not below it, and the threshold moves', () => {
    const paidPromo = item({ author: { verified: 'paid' }, text: 'DM us for 20% off' }); // 1 + 1 + 1 = 3
    expect(classify(paidPromo, balanced).reasonCode).toBe('brand-reply');
    expect(classify(item({ author: { verified: 'paid' }, text: 'DM us' }), balanced).reasonCode).toBe('default'); // 2
    const t4 = ruleset({ settings: { brandThreshold: 4 } });
    expect(classify(paidPromo, t4).reasonCode).toBe('default');
    expect(classify(item({ author: { verified: 'organization' } }), t4).reasonCode).toBe('default'); // 3
    expect(classify(item({ author: brandAuthor() }), t4).reasonCode).toBe('brand-reply'); // 5
    const t1 = ruleset({ settings: { brandThreshold: 1 } });
    expect(classify(item({ author: { verified: 'paid' } }), t1).reasonCode).toBe('brand-reply');
  });

  it('shows brand replies when hideUnsolicitedBrands is off, and does not call them non-brands', () => {
    const rs = ruleset({ settings: { hideUnsolicitedBrands: false } });
    const v = classify(item({ author: brandAuthor() }), rs);
    expect(v.class).toBe('interaction');
    expect(v.action).toBe('show');
    expect(v.reasonCode).toBe('default');
    expect(v.ruleId).toBe('policy:balanced:default');
    expect(v.reason).toBe('Shown: muting unsolicited brand replies is turned off');
    // Ads are still hidden.
    expect(classify(item({ kind: 'ad' }), rs).reasonCode).toBe('ad');
  });

  it('obeys "brand" and "not-brand" overrides', () => {
    const rs = ruleset({
      overrides: [
        { site: 'x', accountId: 'b1', handle: 'acme', brand: 'not-brand' },
        { site: 'x', accountId: 'a1', handle: 'someone', brand: 'brand' },
      ],
    });
    expect(classify(item({ author: brandAuthor() }), rs).reasonCode).toBe('default');
    expect(classify(item(), rs).reason).toBe("Reply from @someone, a brand you don't follow (you marked it as a brand)");
  });
});

describe('every policy returns a well-formed verdict for every kind and context', () => {
  it.each(POLICIES)('%s', (policy) => {
    const rs = ruleset({ settings: { policy } });
    for (const kind of ['post', 'reply', 'mention', 'quote', 'repost', 'ad', 'notification'] as const) {
      for (const context of ['home', 'notifications', 'thread', 'search', 'profile', 'list', 'other'] as const) {
        const v = classify(item({ kind, context, author: brandAuthor() }), rs);
        expect(v.reason.length).toBeGreaterThan(0);
        expect(v.ruleId.startsWith(`policy:${policy}`)).toBe(true);
        if (policy === 'off') expect(v.action).toBe('show');
      }
    }
  });
});

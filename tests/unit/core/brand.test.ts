// Brand-likeness: every signal in BRAND_SIGNALS, the overrides, and the explanation.
import { describe, expect, it } from 'vitest';
import { BRAND_SIGNALS, assessBrand, describeSignals, type BrandSignalId } from '../../../src/core/brand';
import { item, type ItemOverrides } from './builders';

const ids = (over: ItemOverrides) => assessBrand(item(over), null).signals.map((s) => s.id);
const score = (over: ItemOverrides) => assessBrand(item(over), null).score;

describe('brand signals', () => {
  it('a plain account has no signals and scores 0', () => {
    expect(assessBrand(item(), null)).toEqual({ score: 0, signals: [], override: null });
  });

  it.each([
    ['organization', { author: { verified: 'organization' } }],
    ['government', { author: { verified: 'government' } }],
    ['affiliate', { author: { verified: 'affiliate' } }],
    ['paid', { author: { verified: 'paid' } }],
    ['orgProfile', { author: { orgProfile: true } }],
    ['bot', { author: { bot: true } }],
    ['domainHandle', { site: 'bsky', author: { handle: 'acme.com' } }],
    ['brandName', { author: { displayName: 'Acme Official' } }],
    ['promoCode', { text: 'Use code SPRING for 20% OFF' }],
    ['callToAction', { text: 'Sorry to hear that! DM us your order number.' }],
    ['trackingLink', { text: 'see https://acme.example/p?utm_source=x' }],
  ] as [BrandSignalId, ItemOverrides][])('%s', (id, over) => {
    const a = assessBrand(item(over), null);
    expect(a.signals.map((s) => s.id)).toEqual([id]);
    expect(a.score).toBe(BRAND_SIGNALS[id].weight);
    expect(a.signals[0]).toEqual({ id, weight: BRAND_SIGNALS[id].weight, label: BRAND_SIGNALS[id].label });
  });

  it('every signal in BRAND_SIGNALS is covered above', () => {
    expect(Object.keys(BRAND_SIGNALS).sort()).toEqual(
      ['affiliate', 'bot', 'brandName', 'callToAction', 'domainHandle', 'government', 'orgProfile', 'organization', 'paid', 'promoCode', 'trackingLink'],
    );
  });

  it('weights: organisation 3; government, affiliate, business profile, bot 2; the rest 1', () => {
    expect(Object.fromEntries(Object.entries(BRAND_SIGNALS).map(([k, v]) => [k, v.weight]))).toEqual({
      organization: 3, government: 2, affiliate: 2, orgProfile: 2, bot: 2, paid: 1, domainHandle: 1, brandName: 1, promoCode: 1, callToAction: 1, trackingLink: 1,
    });
  });

  it('no signal for domain, platform or no badge', () => {
    for (const verified of ['none', 'domain', 'platform'] as const) expect(ids({ author: { verified } })).toEqual([]);
  });

  it('domain handles only count on Bluesky, and not on the default hosts', () => {
    expect(ids({ site: 'bsky', author: { handle: 'alice.bsky.social' } })).toEqual([]);
    expect(ids({ site: 'bsky', author: { handle: 'team.bsky.team' } })).toEqual([]);
    expect(ids({ site: 'bsky', author: { handle: 'nodots' } })).toEqual([]);
    expect(ids({ site: 'x', author: { handle: 'acme.com' } })).toEqual([]);
    expect(ids({ site: 'mastodon', author: { handle: 'acme@shop.example' } })).not.toContain('domainHandle');
  });

  it('brand words in the name or at the end of the handle', () => {
    expect(ids({ author: { handle: 'acmesupport' } })).toEqual(['brandName']);
    expect(ids({ author: { handle: 'ACMEHQ' } })).toEqual(['brandName']);
    expect(ids({ author: { displayName: 'Acme Customer Care' } })).toEqual(['brandName']);
    expect(ids({ author: { displayName: 'Team Rocket' } })).toEqual(['brandName']);
    // Whole words in names only: "Teamwork Tess", "Shopkeeper Sam" are people.
    expect(ids({ author: { displayName: 'Teamwork Tess', handle: 'tess' } })).toEqual([]);
    expect(ids({ author: { displayName: 'Shopkeeper Sam', handle: 'sam' } })).toEqual([]);
  });

  it('promotional text, case-insensitively', () => {
    for (const text of ['PROMO CODE inside', 'coupon', 'big discount', '50% off', 'end of season SALE', 'free shipping', 'GIVEAWAY', 'limited time only', 'with our code X']) {
      expect(ids({ text }), text).toEqual(['promoCode']);
    }
    for (const text of ['Send us a DM', 'link in our bio', 'Shop now', 'sign up today', 'book a demo', 'check out our blog', 'visit our site', "we'd love to help", 'please reach out to us']) {
      expect(ids({ text }), text).toEqual(['callToAction']);
    }
    for (const text of ['x.com?ref=abc', 'a.io/?affiliate=3', 'bit.ly/abc', 'amzn.to/xyz', '&utm_medium=social']) {
      expect(ids({ text }), text).toEqual(['trackingLink']);
    }
    for (const text of ['wholesale prices', 'the code is clean', 'reference', '']) {
      expect(ids({ text }), text).not.toContain('callToAction');
    }
    expect(ids({ text: 'the wholesale market' })).toEqual([]);
  });

  it('scores add up', () => {
    expect(score({ author: { verified: 'organization', orgProfile: true, bot: true, displayName: 'Acme Official' }, text: 'DM us for 10% off bit.ly/x' })).toBe(3 + 2 + 2 + 1 + 1 + 1 + 1);
  });

  it('takes the lower-cased text from the caller when given', () => {
    const it = item({ text: 'nothing here' });
    expect(assessBrand(it, null, 'dm us').signals.map((s) => s.id)).toEqual(['callToAction']);
  });
});

describe('overrides', () => {
  it("'brand' scores infinitely and still lists the signals it found", () => {
    const a = assessBrand(item({ author: { bot: true } }), 'brand');
    expect(a.score).toBe(Number.POSITIVE_INFINITY);
    expect(a.override).toBe('brand');
    expect(a.signals.map((s) => s.id)).toEqual(['bot']);
  });

  it("'not-brand' scores 0 with no signals, whatever the account looks like", () => {
    expect(assessBrand(item({ author: { verified: 'organization', orgProfile: true }, text: 'DM us' }), 'not-brand')).toEqual({ score: 0, signals: [], override: 'not-brand' });
  });
});

describe('describeSignals', () => {
  it('names the strongest signals first, at most three, keeping ties in order', () => {
    const a = assessBrand(item({ author: { verified: 'paid', orgProfile: true, bot: true, displayName: 'Acme Official' }, text: 'DM us' }), null);
    expect(describeSignals(a)).toBe('business profile, automated account, paid badge');
  });

  it('says when the user marked the account', () => {
    expect(describeSignals(assessBrand(item(), 'brand'))).toBe('you marked it as a brand');
  });

  it('is empty without signals', () => {
    expect(describeSignals(assessBrand(item(), null))).toBe('');
  });

  it('uses the labels', () => {
    expect(describeSignals(assessBrand(item({ author: { verified: 'organization' }, text: 'see bit.ly/x' }), null))).toBe('verified organisation, tracking link');
    expect(describeSignals(assessBrand(item({ text: 'Link in bio' }), null))).toBe('sales pitch ("DM us", "link in bio")');
  });
});

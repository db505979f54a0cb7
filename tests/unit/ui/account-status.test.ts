// The popup and options say "allowed" / "marked" exactly when the classifier would let the author in.
import { describe, expect, it } from 'vitest';
import { AccountIndex } from '../../../src/core/accounts';
import { classify } from '../../../src/core/classify';
import type { BrandOverride } from '../../../src/core/brand';
import { brandOverride, isAllowed, type AccountStatus } from '../../../src/ui/account-status';
import { item, ruleset } from '../core/builders';

const allow = [{ site: 'x', accountId: '42', handle: 'goodbrand' }, { site: 'x', accountId: '', handle: 'typed' }];
const overrides = [{ site: 'x', accountId: '7', handle: 'shop', brand: 'not-brand' as const }];
const status: AccountStatus = {
  allowed: AccountIndex.of(allow, () => true as const),
  brand: AccountIndex.of(overrides, (o): BrandOverride => o.brand),
};

describe('account status in the popup and options', () => {
  it('does not call an account allowed when only its handle matches an entry with another id', () => {
    expect(isAllowed(status, 'x', '666', 'goodbrand')).toBe(false);
    expect(isAllowed(status, 'x', '42', 'renamed')).toBe(true);
    expect(isAllowed(status, 'x', '', 'GoodBrand')).toBe(true);
    expect(isAllowed(status, 'x', '99', 'typed')).toBe(true);
    expect(isAllowed(undefined, 'x', '42', 'goodbrand')).toBe(false);
  });

  it('agrees with the classifier on every case above', () => {
    const rs = ruleset({ allowlist: allow });
    for (const [id, handle] of [['666', 'goodbrand'], ['42', 'renamed'], ['', 'goodbrand'], ['99', 'typed'], ['5', 'nobody']] as const) {
      const it = item({ kind: 'reply', author: { id, handle, followed: false } });
      expect(isAllowed(status, 'x', id, handle), `${id}/${handle}`).toBe(classify(it, rs).reasonCode === 'allowlisted');
    }
  });

  it('reads brand marks by id first, by handle only when the id is unknown', () => {
    expect(brandOverride(status, 'x', '7', 'other')).toBe('not-brand');
    expect(brandOverride(status, 'x', '', 'shop')).toBe('not-brand');
    expect(brandOverride(status, 'x', '8', 'shop')).toBeNull();
  });
});

// The fact store keeps the page's newest word on each account, but an unknown handle ('' — what
// facts-check leaves of one the site could not have) does not erase a known one, and a handle
// finds an account only while that account still has it.
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../../src/content/fact-store';
import type { AccountFact } from '../../../src/shared/facts';

const facts = (...accounts: AccountFact[]) => ({ site: 'x', accounts, items: [] });

describe('FactStore', () => {
  it('keeps a known handle when a later fact has none', () => {
    const store = new FactStore();
    store.merge(facts({ id: '1', handle: 'Alice', followed: false }));
    store.merge(facts({ id: '1', handle: '', followed: true }));
    expect(store.account('1')).toEqual({ id: '1', handle: 'Alice', followed: true });
    expect(store.accountByHandle('@alice')?.id).toBe('1');
  });

  it('forgets a handle binding once the account shows another handle, and binds it to whoever shows it next', () => {
    const store = new FactStore();
    store.merge(facts({ id: '1', handle: 'brandx' }));
    store.merge(facts({ id: '1', handle: 'brandx_old' }));
    expect(store.accountByHandle('brandx')).toBeUndefined();
    expect(store.accountByHandle('brandx_old')?.id).toBe('1');
    store.merge(facts({ id: '2', handle: 'BrandX' }));
    expect(store.accountByHandle('brandx')?.id).toBe('2');
  });
});

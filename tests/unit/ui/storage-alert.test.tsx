// @vitest-environment happy-dom
// The popup's storage alert, rendered in the whole popup: it says what was not saved, why in words
// and how many, and goes away once the background's fault record is clear. Strings are the message
// keys (no i18n catalogue outside the extension), with their substitutions.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import type { StorageFault } from '../../../src/shared/messages';
import { FakePlatform, dropDbs, mount, testEnv, waitFor } from './dom';

// Heavy for a unit test: drives the background through storage faults and retries over fake-indexeddb.
// Its slowest test took 2.2 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

const fault = (over: Partial<StorageFault> = {}): StorageFault => ({
  what: 'log', kind: 'quota', detail: 'QuotaExceededError: full', at: 1_700_000_000_000, lost: 4, ...over,
});

describe('popup storage alert', () => {
  it('says how many filtered items were not saved and why, and clears when the record does', async () => {
    const platform = new FakePlatform({ id: 1, url: 'https://x.com/home' });
    platform.faults = [fault()];
    const { container } = mount(testEnv(platform), <Popup />);
    const alert = await waitFor(() => container.querySelector('[data-testid="storage-alert"]'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.querySelector('[data-what="log"] .storage-alert__headline')?.textContent).toBe('storageLostLog_other 4 storageReasonQuota');
    expect(alert.textContent).toContain('storageAdviceQuotaLog');
    // Offers the log, where space can be freed.
    (alert.querySelector('button') as HTMLButtonElement).click();
    await waitFor(() => platform.openedOptions.includes('log'));

    platform.faults = [];
    await waitFor(() => container.querySelector('[data-testid="storage-alert"]') === null);
  });

  it('lists each failed kind with its own reason: follows refused by a blocked database, a database error', async () => {
    const platform = new FakePlatform({ id: 1, url: 'https://x.com/home' });
    platform.faults = [fault({ what: 'follows', kind: 'blocked', lost: 1 }), fault({ what: 'open', kind: 'error', detail: 'UnknownError: disk', lost: 0 })];
    const { container } = mount(testEnv(platform), <Popup />);
    const alert = await waitFor(() => container.querySelector('[data-testid="storage-alert"]'));
    const lines = [...alert.querySelectorAll('.storage-alert__headline')].map((p) => p.textContent);
    expect(lines).toEqual(['storageLostFollows_one 1 storageReasonBlocked', 'storageOpenFailed storageReasonError UnknownError: disk']);
    expect(alert.textContent).toContain('storageAdviceBlocked');
    expect(alert.querySelector('button')).toBeNull(); // nothing to free: no quota fault
  });

  it('shows nothing when every write went through', async () => {
    const platform = new FakePlatform({ id: 1, url: 'https://x.com/home' });
    const { container } = mount(testEnv(platform), <Popup />);
    await waitFor(() => container.querySelector('.tab'));
    expect(container.querySelector('[data-testid="storage-alert"]')).toBeNull();
  });
});

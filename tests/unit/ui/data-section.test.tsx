// @vitest-environment happy-dom
// Restoring a good backup onto a database the browser refuses to write (storage full): the options
// page says the storage is full and the file is fine, not that the file cannot be used, and the
// database is unchanged.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, toJson } from '../../../src/db/transfer';
import { saveRule } from '../../../src/db/rules';
import { DataSection } from '../../../src/options/sections/DataSection';
import { injectWriteFaults } from '../db/fault-injection';
import { dumpDb, rule } from '../db/helpers';
import { byText, dropDbs, mount, testEnv, waitFor } from './dom';

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

function pick(container: HTMLElement, index: number, file: File) {
  const input = container.querySelectorAll<HTMLInputElement>('input[type="file"]')[index]!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('DataSection on a full disk', () => {
  it('restore: "storage is full… the file is fine", nothing changed; a broken file is still blamed as the file', async () => {
    const env = testEnv();
    const faults = injectWriteFaults(env.db);
    await saveRule(env.db, rule('mine'));
    const backup = toJson(await exportBackup(env.db, 1));
    const before = await dumpDb(env.db);
    const { container } = mount(env, <DataSection />);

    pick(container, 0, new File([backup], 'backup.json', { type: 'application/json' }));
    const restore = await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'restoreYes'));
    faults.failAlways('wrapped');
    restore.click();
    const error = await waitFor(() => container.querySelector('[data-testid="import-error"]'));
    expect(error.getAttribute('data-cause')).toBe('quota');
    expect(error.querySelector('strong')?.textContent).toBe('writeFailedQuota');
    expect(error.textContent).toMatch(/storageQuota QuotaExceededError/); // the problem's code and the browser's words: no catalogue here
    expect(error.textContent).not.toContain('importRejected');
    faults.heal();
    expect(await dumpDb(env.db)).toBe(before);

    pick(container, 0, new File(['{"format":"doorman-backup","version":1}'], 'broken.json'));
    await waitFor(() => container.querySelector('[data-testid="import-error"]')?.getAttribute('data-cause') === 'file');
    expect(container.querySelector('[data-testid="import-error"] strong')?.textContent).toBe('importRejected broken.json');
  });
});

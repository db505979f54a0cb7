// @vitest-environment happy-dom
// Writes from the pages on a full disk: the person is told in words that the browser's storage is
// full, nothing was half-written, and what they were doing is still theirs (a new rule stays in
// its form and saves once the disk has room).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings';
import { listRules, saveRule } from '../../../src/db/rules';
import { getSettings } from '../../../src/db/settings';
import { RulesSection } from '../../../src/options/sections/RulesSection';
import { PolicyControls } from '../../../src/ui/PolicyControls';
import { injectWriteFaults } from '../db/fault-injection';
import { rule } from '../db/helpers';
import { byText, dropDbs, mount, testEnv, tick, typeInto, waitFor } from './dom';

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

const status = (root: HTMLElement) => root.querySelector('[role="status"]')?.textContent ?? '';

describe('page writes on a full disk', () => {
  it('a switch: "storage for extensions is full" is announced and the setting is unchanged', async () => {
    const env = testEnv();
    const faults = injectWriteFaults(env.db).failAlways('wrapped');
    const { container } = mount(env, <PolicyControls settings={defaultSettings()} />);
    container.querySelector<HTMLButtonElement>('[data-name="hideUnsolicitedBrands"]')!.click();
    await waitFor(() => status(container).includes('actionFailed'));
    expect(status(container)).toMatch(/^actionFailed storageQuota /); // frame and problem by key: no catalogue here
    expect(faults.injected).toBe(1);
    expect((await getSettings(env.db)).hideUnsolicitedBrands).toBe(true);
    expect(env.platform.notified).toBe(0);
  });

  it('a new rule stays in its form with the reason, and saves once the disk has room', async () => {
    const env = testEnv();
    const faults = injectWriteFaults(env.db);
    const { container } = mount(env, <RulesSection />);
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'ruleAdd'))).click();
    const form = await waitFor(() => container.querySelector<HTMLFormElement>('form.rule-form'));
    typeInto(container.querySelector<HTMLInputElement>('#rule-name')!, 'No giveaways');
    typeInto(container.querySelector<HTMLInputElement>('.cond__pattern')!, 'giveaway');
    await waitFor(() => container.querySelectorAll('.field-error').length === 0);
    faults.failNext(1, 'quota');
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => /storageQuota/.test(container.querySelector('.form-alert')?.textContent ?? ''));
    expect(await listRules(env.db)).toEqual([]);
    expect(container.querySelector<HTMLInputElement>('#rule-name')!.value).toBe('No giveaways'); // still in the form
    await tick();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(async () => (await listRules(env.db)).length === 1);
  });

  it('a rule toggle that fails is announced, not lost as an unhandled rejection', async () => {
    const env = testEnv();
    const faults = injectWriteFaults(env.db);
    await saveRule(env.db, rule('r1'));
    const { container } = mount(env, <RulesSection />);
    const sw = await waitFor(() => container.querySelector<HTMLButtonElement>('.rule [role="switch"]'));
    faults.failAlways('quota');
    sw.click();
    await waitFor(() => status(container).includes('actionFailed'));
    expect((await listRules(env.db))[0]?.enabled).toBe(true);
  });
});

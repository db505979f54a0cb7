// @vitest-environment happy-dom
// The pieces with behaviour, rendered: the windowed list keeps the DOM small, the switches and
// one-click answers write through the stores and notify the background, Undo reverts, the rule
// form creates a valid rule and shows schema errors inline, and the log view filters 2,000 entries.
// fake-indexeddb must install its globals before Dexie loads (Dexie reads them at import time).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addLogEntries } from '../../../src/db/log';
import { listAllowlist } from '../../../src/db/allowlist';
import { listAccountOverrides } from '../../../src/db/overrides';
import { listRules } from '../../../src/db/rules';
import { getSettings } from '../../../src/db/settings';
import type { LogEntryInput } from '../../../src/shared/messages';
import { defaultSettings } from '../../../src/core/settings';
import { AllowedBrands } from '../../../src/ui/AllowedBrands';
import { EntryActions } from '../../../src/ui/EntryActions';
import { PolicyControls } from '../../../src/ui/PolicyControls';
import { VirtualList } from '../../../src/ui/VirtualList';
import { RulesSection } from '../../../src/options/sections/RulesSection';
import { LogSection } from '../../../src/options/sections/LogSection';
import { byText, choose, dropDbs, mount, testEnv, tick, typeInto, waitFor } from './dom';

// Heavy for a unit test: renders and filters a 2,000-entry log in happy-dom.
// Its slowest test took 3.1 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

function entry(i: number, over: Partial<LogEntryInput> = {}): LogEntryInput {
  return {
    site: 'x', itemId: String(i), permalink: `https://x.com/acme/status/${i}`, authorId: '42', handle: 'acme', displayName: 'Acme Inc.',
    snippet: `Use code SAVE${i}`, kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand',
    reasonCode: 'brand-reply', reason: 'Reply from @acme, a brand you don\'t follow', at: 1_700_000_000_000 + i * 1000, ...over,
  };
}

describe('VirtualList', () => {
  it('renders only a window of 10,000 rows and moves it on scroll', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const env = testEnv();
    const { container } = mount(env, (
      <VirtualList items={items} rowHeight={40} initialHeight={400} overscan={5} label="numbers" rowKey={(n) => n} renderRow={(n) => <span>row {n}</span>} />
    ));
    const rows = () => container.querySelectorAll('[role="listitem"]');
    expect(rows().length).toBe(15); // 10 visible + 5 overscan below
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('10000');
    const spacer = container.querySelector<HTMLElement>('.vlist__spacer')!;
    expect(spacer.style.height).toBe('400000px');

    const scroller = container.querySelector<HTMLElement>('.vlist')!;
    // happy-dom has no layout, so it would clamp scrollTop to 0: stand in for the browser.
    Object.defineProperty(scroller, 'scrollTop', { value: 40 * 5_000, writable: true });
    scroller.dispatchEvent(new Event('scroll'));
    await waitFor(() => rows()[0]?.getAttribute('data-index') === '4995');
    expect(rows().length).toBe(20);
    expect(rows()[5]!.textContent).toBe('row 5000');
  });

  it('moves focus between rows with the keyboard', async () => {
    const env = testEnv();
    const { container } = mount(env, (
      <VirtualList items={[0, 1, 2, 3]} rowHeight={40} initialHeight={400} label="n" rowKey={(n) => n} renderRow={(n) => <span>{n}</span>} />
    ));
    const first = container.querySelector<HTMLElement>('[data-index="0"]')!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await waitFor(() => document.activeElement?.getAttribute('data-index') === '3');
    expect(container.querySelector<HTMLElement>('[data-index="3"]')!.tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);
  });
});

describe('PolicyControls', () => {
  it('toggles a setting through the store, notifies, and Undo puts it back', async () => {
    const env = testEnv();
    const { container } = mount(env, <PolicyControls settings={defaultSettings()} />);
    const sw = container.querySelector<HTMLButtonElement>('[data-name="hideUnsolicitedBrands"]')!;
    expect(sw.getAttribute('role')).toBe('switch');
    expect(sw.getAttribute('aria-checked')).toBe('true');
    sw.click();
    expect(await waitForSetting(env, (s) => s.hideUnsolicitedBrands === false)).toBe(true);
    expect(env.platform.notified).toBe(1);
    const undo = await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'undo'));
    expect(container.querySelector('[role="status"]')!.textContent).toContain('hideBrandsOffNow');
    undo.click();
    expect(await waitForSetting(env, (s) => s.hideUnsolicitedBrands === true)).toBe(true);
    expect(env.platform.notified).toBe(2);
  });

  it('sets the policy from the segmented control', async () => {
    const env = testEnv();
    const { container } = mount(env, <PolicyControls settings={defaultSettings()} />);
    const strict = container.querySelector<HTMLInputElement>('input[name="policy"][value="strict"]')!;
    strict.checked = true;
    choose(strict);
    expect(await waitForSetting(env, (s) => s.policy === 'strict')).toBe(true);
  });
});

async function waitForSetting(env: ReturnType<typeof testEnv>, ok: (s: Awaited<ReturnType<typeof getSettings>>) => boolean): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < 3_000) {
    if (ok(await getSettings(env.db))) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

describe('EntryActions', () => {
  it('"Always allow" allows the author by stable id; "Not a brand" sets the override', async () => {
    const env = testEnv();
    const e = entry(1);
    const { container } = mount(env, <EntryActions entry={e} index={undefined} />);
    byText<HTMLButtonElement>(container, 'button', 'entryAllow')!.click();
    const allowed = await pollList(() => listAllowlist(env.db));
    expect(allowed).toMatchObject([{ site: 'x', accountId: '42', handle: 'acme' }]);

    byText<HTMLButtonElement>(container, 'button', 'entryNotBrand')!.click();
    const overrides = await pollList(() => listAccountOverrides(env.db));
    expect(overrides).toMatchObject([{ site: 'x', accountId: '42', brand: 'not-brand' }]);
    expect(env.platform.notified).toBe(2);

    // Undo the override: the account is judged by its signals again.
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'undo'))).click();
    const start = Date.now();
    while ((await listAccountOverrides(env.db)).length > 0 && Date.now() - start < 3_000) await new Promise((r) => setTimeout(r, 10));
    expect(await listAccountOverrides(env.db)).toEqual([]);
  });

  it('offers "Show on page" only when told how to reveal', () => {
    const env = testEnv();
    let revealed = 0;
    const { container } = mount(env, <EntryActions entry={entry(1)} index={undefined} onReveal={() => revealed++} />);
    byText<HTMLButtonElement>(container, 'button', 'entryShow')!.click();
    expect(revealed).toBe(1);
  });
});

async function pollList<T>(read: () => Promise<T[]>): Promise<T[]> {
  const start = Date.now();
  for (;;) {
    const v = await read();
    if (v.length > 0 || Date.now() - start > 3_000) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('AllowedBrands', () => {
  it('fills the account id from the log when adding by handle, and lists the entry', async () => {
    const env = testEnv();
    await addLogEntries(env.db, [entry(1)]);
    const { container } = mount(env, <AllowedBrands />);
    const input = container.querySelector<HTMLInputElement>('input[type="text"]')!;
    typeInto(input, '@Acme');
    await tick();
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const allowed = await pollList(() => listAllowlist(env.db));
    expect(allowed).toMatchObject([{ accountId: '42', handle: 'acme', displayName: 'Acme Inc.' }]);
    await waitFor(() => container.querySelector('.allowed__item'));
    expect(container.querySelector('.allowed__item')!.textContent).toContain('@acme');
  });

  it('rejects an empty handle inline without writing', async () => {
    const env = testEnv();
    const { container } = mount(env, <AllowedBrands />);
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => container.querySelector('.field-error'));
    expect(container.querySelector('.field-error')!.textContent).toBe('allowHandleMissing');
    expect(await listAllowlist(env.db)).toEqual([]);
  });
});

describe('RulesSection', () => {
  it('creates a rule through the form; errors show inline until fixed', async () => {
    const env = testEnv();
    const { container } = mount(env, <RulesSection />);
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'ruleAdd'))).click();
    const form = await waitFor(() => container.querySelector<HTMLFormElement>('form.rule-form'));

    // Saving the blank form: a summary and an error under each offending field, nothing written.
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => container.querySelector('.form-alert'));
    expect(container.querySelector('#rule-name-err')!.textContent).toBe('errRequired');
    expect(container.querySelectorAll('.field-error').length).toBe(2);
    expect(await listRules(env.db)).toEqual([]);

    typeInto(container.querySelector<HTMLInputElement>('#rule-name')!, 'No giveaways');
    const pattern = container.querySelector<HTMLInputElement>('.cond__pattern')!;
    typeInto(pattern, 'giveaway');
    await waitFor(() => container.querySelectorAll('.field-error').length === 0);
    choose(container.querySelector<HTMLSelectElement>('#rule-action')!, 'hide');
    await tick();
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

    const rules = await pollList(() => listRules(env.db));
    expect(rules).toMatchObject([{
      name: 'No giveaways',
      enabled: true,
      sites: [],
      when: { type: 'all', of: [{ type: 'kind', kinds: ['reply', 'mention'] }, { type: 'text', mode: 'contains', pattern: 'giveaway' }] },
      then: { class: 'interruption', action: 'hide' },
    }]);
    expect(env.platform.notified).toBe(1);
    await waitFor(() => container.querySelector('.rule'));
    expect(container.querySelector('.rule__name')!.textContent).toBe('No giveaways');
  });

  it('shows a bad regex error under the pattern as it is typed', async () => {
    const env = testEnv();
    const { container } = mount(env, <RulesSection />);
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'ruleAdd'))).click();
    await waitFor(() => container.querySelector('.cond__text'));
    choose(container.querySelector<HTMLSelectElement>('.cond__text select')!, 'regex');
    typeInto(container.querySelector<HTMLInputElement>('.cond__pattern')!, '(oops');
    const err = await waitFor(() => container.querySelector('.cond__text .field-error'));
    expect(err.textContent).toMatch(/^notRegex /); // the problem's code: no catalogue here
    expect(container.querySelector('.cond__pattern')!.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('LogSection', () => {
  it('renders a window of a 2,000-entry log and filters it by search', async () => {
    const env = testEnv();
    const entries = Array.from({ length: 2_000 }, (_, i) => entry(i, i % 10 === 0 ? { handle: 'shopco', authorId: '7', displayName: 'Shop Co' } : {}));
    await addLogEntries(env.db, entries);
    const { container } = mount(env, <LogSection />);
    await waitFor(() => container.querySelector('[data-testid="log-count"]')?.textContent === 'logTotal_other 2,000');
    expect(container.querySelectorAll('.logrow').length).toBeLessThan(30);
    typeInto(container.querySelector<HTMLInputElement>('#log-q')!, 'shopco');
    await waitFor(() => container.querySelector('[data-testid="log-count"]')?.textContent === 'logShowingOf 200 2,000');
    expect(container.querySelector('.logrow')!.textContent).toContain('@shopco');
  });
});

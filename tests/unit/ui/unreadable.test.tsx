// @vitest-environment happy-dom
// The options page says when stored rows cannot be read: how many are ignored, that nothing was
// deleted, and what is wrong with each; the readable rows are listed as usual.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AllowRow, RuleRow } from '../../../src/db/database';
import { saveRule } from '../../../src/db/rules';
import { AllowedSection } from '../../../src/options/sections/AllowedSection';
import { RulesSection } from '../../../src/options/sections/RulesSection';
import { GeneralSection } from '../../../src/options/sections/GeneralSection';
import { dropDbs, mount, testEnv, waitFor } from './dom';

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

describe('unreadable rows on the options page', () => {
  it('rules: "1 rule could not be read and is ignored", with the problem, next to the readable rules', async () => {
    const env = testEnv();
    await saveRule(env.db, { id: 'ok', name: 'Fine rule', when: { type: 'bot' }, then: { class: 'interruption', action: 'collapse' } });
    await env.db.rules.put({ id: 'bad', name: 'Bad', when: { type: 'all', of: [{ type: 'nope' }] }, order: 7 } as unknown as RuleRow);
    const { container } = mount(env, <RulesSection />);
    const note = await waitFor(() => container.querySelector('[data-testid="unreadable-rules"]'));
    expect(note.querySelector('strong')?.textContent).toBe('unreadableRules_one 1');
    expect(note.textContent).toContain('unreadableKept');
    expect(note.querySelector('.form-alert__detail')?.textContent).toMatch(/^bad: at when\.of\[0\]\.type unknownType /); // by key: no catalogue here
    expect([...container.querySelectorAll('.rule__name')].map((n) => n.textContent)).toEqual(['Fine rule']);
  });

  it('allowed brands: a row with no site is named and ignored; without bad rows there is no note', async () => {
    const env = testEnv();
    await env.db.allowlist.put({ key: 'x@ghost', accountId: '', handle: 'ghost', displayName: '', addedAt: 1 } as unknown as AllowRow);
    const { container } = mount(env, <AllowedSection />);
    const note = await waitFor(() => container.querySelector('[data-testid="unreadable-allowlist"]'));
    expect(note.querySelector('strong')?.textContent).toBe('unreadableAllowed_one 1');
    expect(container.querySelector('[data-testid="unreadable-accounts"]')).toBeNull();
  });

  it('settings: names the stored fields that read as their defaults', async () => {
    const env = testEnv();
    await env.db.settings.put({ key: 'settings', value: { policy: 'paranoid' } });
    const { container } = mount(env, <GeneralSection />);
    const note = await waitFor(() => container.querySelector('[data-testid="unreadable-settings"]'));
    expect(note.querySelector('strong')?.textContent).toBe('unreadableSettings_one 1');
    expect(note.querySelector('code')?.textContent).toBe('policy');
  });
});

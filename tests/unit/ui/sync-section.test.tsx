// @vitest-environment happy-dom
// Options → Shortcuts & sync against a stand-in for the extension API on the page's global: both
// commands listed with their keys, the background's "too big" sentence shown as an alert, and the
// switch writing `enabled` into this device's sync state (keeping what the background recorded).
// Sync is opt-in: a state that records no choice shows the switch off, and turning it on records one.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_STATE_KEY, type SyncState } from '../../../src/db';
import { SyncSection } from '../../../src/options/sections/SyncSection';
import { dropDbs, mount, testEnv, waitFor } from './dom';

type Listener = (changes: Record<string, unknown>, area: string) => void;

function fakeBrowser(state: SyncState) {
  const local = new Map<string, unknown>([[SYNC_STATE_KEY, state]]);
  const listeners = new Set<Listener>();
  const opened: string[] = [];
  const api = {
    runtime: { getURL: (p: string) => `chrome-extension://id/${p}` },
    commands: { getAll: async () => [{ name: 'toggle-site', shortcut: 'Alt+Shift+P' }, { name: 'reveal-all', shortcut: '' }] },
    tabs: { create: async ({ url }: { url: string }) => { opened.push(url); } },
    storage: {
      local: {
        get: async (key: string) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) local.set(k, structuredClone(v));
          for (const l of listeners) l(Object.fromEntries(Object.keys(items).map((k) => [k, {}])), 'local');
        },
      },
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
  (globalThis as { browser?: unknown }).browser = api;
  return { local, opened };
}

afterEach(async () => {
  delete (globalThis as { browser?: unknown }).browser;
  await dropDbs();
});

describe('the Shortcuts & sync section', () => {
  it('lists both commands, says what is too big, opens the shortcut settings, and switches sync off', async () => {
    const problem = { kind: 'too-big' as const, message: 'Too big to sync: your settings and lists need 131.2 KB', at: 1 };
    const fake = fakeBrowser({ enabled: true, chosen: true, profile: 'p1', parts: { settings: { at: 1, by: 'p1', h: 'abc' } }, problem });
    const { container, unmount } = mount(testEnv(), <SyncSection />);
    const alert = await waitFor(() => container.querySelector('[data-testid="sync-problem"]'));
    expect(alert.textContent).toBe(problem.message);
    expect(alert.getAttribute('role')).toBe('alert');

    const rows = await waitFor(() => (container.querySelector('kbd') ? [...container.querySelectorAll('.shortcuts__row')] : null));
    expect(rows.map((r) => r.textContent)).toEqual(['commandToggleSiteAlt+Shift+P', 'commandRevealAllshortcutUnset']);
    [...container.querySelectorAll('button')].find((b) => b.textContent === 'shortcutsOpen')?.click();
    await waitFor(() => fake.opened.length > 0);
    expect(fake.opened).toEqual(['chrome://extensions/shortcuts']);

    container.querySelector<HTMLButtonElement>('button[role="switch"][data-name="sync"]')?.click();
    await waitFor(() => (fake.local.get(SYNC_STATE_KEY) as SyncState).enabled === false);
    expect(fake.local.get(SYNC_STATE_KEY)).toMatchObject({ enabled: false, profile: 'p1', parts: { settings: { h: 'abc' } } });
    // Off: the problem is no longer this device's concern.
    await waitFor(() => container.querySelector('[data-testid="sync-problem"]') === null);
    expect(container.querySelector<HTMLButtonElement>('button[role="switch"]')?.getAttribute('aria-checked')).toBe('false');
    unmount();
  });

  it('shows sync off for a profile that never chose (the old default), and turning it on records the choice', async () => {
    const fake = fakeBrowser({ enabled: true, profile: 'p1', parts: { rules: { at: 1, by: 'p1', h: 'r' } } });
    const { container, unmount } = mount(testEnv(), <SyncSection />);
    const sw = await waitFor(() => container.querySelector<HTMLButtonElement>('button[role="switch"][data-name="sync"]'));
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(container.querySelector('[data-testid="sync-opt-in"]')?.textContent).toBe('syncOptIn');
    sw.click();
    await waitFor(() => (fake.local.get(SYNC_STATE_KEY) as SyncState).chosen === true);
    expect(fake.local.get(SYNC_STATE_KEY)).toMatchObject({ enabled: true, chosen: true, profile: 'p1', parts: { rules: { h: 'r' } } });
    await waitFor(() => container.querySelector('button[role="switch"]')?.getAttribute('aria-checked') === 'true');
    unmount();
  });
});

// Install and update notices: the first-run page opens on install only, once per profile; an update
// to a version with visible changes leaves the popup's note, one without changes (or a reload of the
// same version) leaves nothing.
import { describe, expect, it } from 'vitest';
import { FIRST_RUN_PAGE, onInstalledNotice, type FirstRunDeps } from '../../../src/background/first-run';
import { WHATS_NEW_KEY } from '../../../src/shared/release-notes';

function deps(version = '0.2.0') {
  const opened: string[] = [];
  const store: Record<string, unknown> = {};
  const d: FirstRunDeps = {
    openTab: async (path) => opened.push(path),
    local: {
      get: async (key) => (key in store ? { [key]: store[key] } : {}),
      set: async (items) => void Object.assign(store, items),
    },
    version,
    notes: { '0.2.0': 'Right-click a post to allow its author.' },
  };
  return { d, opened, store };
}

describe('install and update notices', () => {
  it('opens the first-run page on install, and not on a second install report for the same profile', async () => {
    const t = deps();
    expect(await onInstalledNotice({ reason: 'install' }, t.d)).toBe('first-run');
    expect(await onInstalledNotice({ reason: 'install' }, t.d)).toBe('nothing');
    expect(t.opened).toEqual([FIRST_RUN_PAGE]);
  });

  it('never opens a page on update; leaves the note only for a version with visible changes', async () => {
    const t = deps();
    expect(await onInstalledNotice({ reason: 'update', previousVersion: '0.1.0' }, t.d)).toBe('whats-new');
    expect(t.store[WHATS_NEW_KEY]).toEqual({ version: '0.2.0' });
    expect(t.opened).toEqual([]);

    const quiet = deps('0.2.1');
    expect(await onInstalledNotice({ reason: 'update', previousVersion: '0.2.0' }, quiet.d)).toBe('nothing');
    expect(await onInstalledNotice({ reason: 'update', previousVersion: '0.2.1' }, deps().d)).toBe('whats-new');
    const same = deps();
    expect(await onInstalledNotice({ reason: 'update', previousVersion: '0.2.0' }, same.d)).toBe('nothing');
    expect(await onInstalledNotice({ reason: 'chrome_update' }, same.d)).toBe('nothing');
    expect(quiet.store).toEqual({});
    expect(same.opened).toEqual([]);
  });
});

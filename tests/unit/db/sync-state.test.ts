// This device's sync state: sync is off unless the user turned it on. A new install (nothing stored)
// reads off; a state the previous version wrote by default (`enabled: true`, no choice recorded)
// reads off and keeps the rest; a choice made with the switch (`chooseSync`) is kept either way.
import { describe, expect, it } from 'vitest';
import { SYNC_STATE_KEY, chooseSync, readSyncState, syncEnabled } from '../../../src/db/sync-state';
import { FakeArea } from './helpers';

const id = () => 'new-id';

describe('sync state', () => {
  it('is off for a new install, with a fresh profile id', () => {
    expect(readSyncState(undefined, id)).toEqual({ enabled: false, profile: 'new-id', parts: {} });
    expect(syncEnabled(undefined)).toBe(false);
    expect(syncEnabled('garbage')).toBe(false);
  });

  it('reads an old default-on state as off and keeps what it recorded', () => {
    const old = { enabled: true, profile: 'p1', parts: { settings: { at: 5, by: 'p1', h: 'abc' } }, lastSyncAt: 5, usage: { bytes: 10, items: 2 } };
    expect(readSyncState(old, id)).toEqual({ ...old, enabled: false });
    expect(syncEnabled(old)).toBe(false);
  });

  it('keeps the user\'s choice, on or off', () => {
    expect(readSyncState({ enabled: true, chosen: true, profile: 'p1', parts: {} }, id)).toMatchObject({ enabled: true, chosen: true });
    expect(readSyncState({ enabled: false, chosen: true, profile: 'p1', parts: {} }, id)).toMatchObject({ enabled: false, chosen: true });
    expect(syncEnabled({ enabled: true, chosen: true })).toBe(true);
  });

  it('chooseSync records the choice and keeps the profile id and parts the engine wrote', async () => {
    const local = new FakeArea();
    await local.set({ [SYNC_STATE_KEY]: { enabled: true, profile: 'p1', parts: { rules: { at: 1, by: 'p1', h: 'x' } } } });
    await chooseSync(local, true);
    expect(local.data.get(SYNC_STATE_KEY)).toEqual({ enabled: true, chosen: true, profile: 'p1', parts: { rules: { at: 1, by: 'p1', h: 'x' } } });
    await chooseSync(local, false);
    expect(syncEnabled(local.data.get(SYNC_STATE_KEY))).toBe(false);
    // Before any sync ran there is no profile id yet: none is invented (the engine makes one).
    const fresh = new FakeArea();
    await chooseSync(fresh, true);
    expect(fresh.data.get(SYNC_STATE_KEY)).toEqual({ enabled: true, chosen: true, parts: {} });
  });
});

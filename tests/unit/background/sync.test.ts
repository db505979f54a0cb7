// Sync between two browser profiles, each its own Dexie database and storage.local, sharing one
// storage.sync area that enforces the browsers' quotas (tests/unit/db/sync-fake-area.ts): what one
// profile saves arrives in the other; follows and the log stay put; a write too big for the area is
// refused with a sentence that says so, and nothing is lost on either side.
import { afterEach, describe, expect, it } from 'vitest';
import { createSync, SYNC_STATE_KEY, type SyncEngine, type SyncState } from '../../../src/background/sync';
import { addAllow, allowRow, listAllowlist, removeAllow } from '../../../src/db/allowlist';
import type { DoormanDB } from '../../../src/db/database';
import { learnFollowsDelta, listFollows } from '../../../src/db/follows';
import { addLogEntries } from '../../../src/db/log';
import { listAccountOverrides, setBrandOverride } from '../../../src/db/overrides';
import { listRules, saveRule } from '../../../src/db/rules';
import { getSettings, updateSettings } from '../../../src/db/settings';
import { SYNC_QUOTA, chunkKey, headerKey } from '../../../src/db/sync-chunks';
import { chooseSync } from '../../../src/db/sync-state';
import { FakeArea, dropAll, dumpDb, freshDb, logEntry, rule } from '../db/helpers';
import { FakeSyncArea } from '../db/sync-fake-area';
import { inEnglish } from '../ui/catalogue';

afterEach(dropAll);

/** storage.local as the sync engine uses it (FakeArea plus the engine's one key). */
class LocalArea extends FakeArea {}

interface Profile {
  db: DoormanDB;
  local: LocalArea;
  engine: SyncEngine;
  /** How many times a synced write asked for the snapshot to be published. */
  published: number;
  state(): Promise<SyncState>;
}

let clock = 1_700_000_000_000;
const tick = () => (clock += 1_000);

/** A profile whose user turned sync on (it is off by default), unless `optedIn` is false. */
function profile(sync: FakeSyncArea, id: string, optedIn = true): Profile {
  const db = freshDb();
  const local = new LocalArea();
  if (optedIn) local.data.set(SYNC_STATE_KEY, { enabled: true, chosen: true });
  const p: Profile = {
    db, local, published: 0,
    engine: createSync({ db, sync, local, applied: async () => { p.published++; }, now: tick, newProfileId: () => id }),
    state: async () => (await local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState,
  };
  return p;
}

/** `n` allowlist entries (ids from 10000), stored the way addAllow stores them, in one write. */
async function manyAllowed(db: DoormanDB, n: number, entry: (i: number) => { handle: string; displayName: string }): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => allowRow({ site: 'x', accountId: String(10_000 + i), ...entry(i) }, 1));
  await db.allowlist.bulkPut(rows);
}

describe('sync between two profiles', () => {
  it('settings, rules, allowlist and overrides written in one profile arrive in another; follows and the log stay', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await updateSettings(a.db, { policy: 'strict', brandThreshold: 9, sites: { bsky: { enabled: false } } });
    await saveRule(a.db, rule('promo'));
    await addAllow(a.db, { site: 'x', accountId: '42', handle: 'friendlyco', displayName: 'Friendly Co' });
    await setBrandOverride(a.db, { site: 'x', accountId: '7', handle: 'smallshop' }, 'not-brand');
    await learnFollowsDelta(a.db, 'x', [{ accountId: '99', handle: 'pal', following: true }], 'page');
    await addLogEntries(a.db, [logEntry('1')]);
    expect(await a.engine.run()).toEqual({ pushed: ['settings', 'rules', 'allowlist', 'overrides'], pulled: [] });

    const b = profile(sync, 'bbbb');
    expect(await b.engine.run()).toMatchObject({ pulled: ['settings', 'rules', 'allowlist', 'overrides'] });
    const settings = await getSettings(b.db);
    expect(settings).toMatchObject({ policy: 'strict', brandThreshold: 9, sites: { bsky: { enabled: false } } });
    expect(await listRules(b.db)).toEqual(await listRules(a.db));
    expect(await listAllowlist(b.db)).toEqual(await listAllowlist(a.db));
    expect((await listAccountOverrides(b.db)).map(({ seenAt: _s, ...o }) => o)).toEqual((await listAccountOverrides(a.db)).map(({ seenAt: _s, ...o }) => o));
    expect(b.published).toBe(1);
    // The follow graph and the log are this device's own.
    expect(await listFollows(b.db)).toEqual([]);
    expect(await b.db.log.count()).toBe(0);
    expect(JSON.stringify([...sync.data.values()])).not.toContain('pal');

    // And back: a change in B, a removal included, reaches A on its next sync.
    await removeAllow(b.db, { site: 'x', accountId: '42', handle: 'friendlyco' });
    await updateSettings(b.db, { policy: 'off' });
    expect(await b.engine.run()).toMatchObject({ pushed: ['settings', 'allowlist'] });
    expect(await a.engine.run()).toMatchObject({ pulled: ['settings', 'allowlist'], pushed: [] });
    expect((await getSettings(a.db)).policy).toBe('off');
    expect(await listAllowlist(a.db)).toEqual([]);
    // Nothing changed since: neither side writes again.
    const sets = sync.sets;
    expect(await a.engine.run()).toEqual({ pushed: [], pulled: [] });
    expect(await b.engine.run()).toEqual({ pushed: [], pulled: [] });
    expect(sync.sets).toBe(sets);
  });

  it('a profile joining sync keeps its own lists, merged with the synced ones', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await addAllow(a.db, { site: 'x', accountId: '1', handle: 'one' });
    await saveRule(a.db, rule('from-a'));
    await a.engine.run();
    const b = profile(sync, 'bbbb');
    await addAllow(b.db, { site: 'x', accountId: '2', handle: 'two' });
    await saveRule(b.db, rule('from-b'));
    await b.engine.run();
    expect((await listAllowlist(b.db)).map((e) => e.handle).sort()).toEqual(['one', 'two']);
    expect((await listRules(b.db)).map((r) => r.id)).toEqual(['from-a', 'from-b']);
    await a.engine.run();
    expect((await listAllowlist(a.db)).map((e) => e.handle).sort()).toEqual(['one', 'two']);
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['from-a', 'from-b']);
  });

  it('when both profiles changed a part, the newer write wins', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    const b = profile(sync, 'bbbb');
    await a.engine.run();
    await b.engine.run();
    await updateSettings(a.db, { brandThreshold: 4 });
    await updateSettings(b.db, { brandThreshold: 12 });
    await a.engine.run(); // A's write reaches sync first…
    await b.engine.run(); // …B syncs later: its change is the newer one and replaces A's
    await a.engine.run();
    expect((await getSettings(a.db)).brandThreshold).toBe(12);
    expect((await getSettings(b.db)).brandThreshold).toBe(12);
  });

  it('chunks a large allowlist across items within the per-item quota', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await manyAllowed(a.db, 600, (i) => ({ handle: `account_${i}`, displayName: `Ünïcode "name" ${i}` }));
    expect(await a.engine.run()).toMatchObject({ pushed: ['settings', 'rules', 'allowlist', 'overrides'] });
    const header = sync.data.get(headerKey('allowlist')) as { n: number };
    console.log(`600 allowlist entries: ${header.n} chunks, ${sync.bytesInUse()} bytes in sync`);
    expect(header.n).toBeGreaterThan(1);
    for (let i = 0; i < header.n; i++) expect(sync.data.has(chunkKey('allowlist', i))).toBe(true);
    expect(sync.refused).toBe(0);
    const b = profile(sync, 'bbbb');
    await b.engine.run();
    expect(await listAllowlist(b.db)).toEqual(await listAllowlist(a.db));

    // Shrinking it leaves no chunks of the longer write behind.
    await a.db.allowlist.clear();
    await addAllow(a.db, { site: 'x', accountId: '1', handle: 'one' });
    await a.engine.run();
    expect([...sync.data.keys()].filter((k) => k.startsWith(`${headerKey('allowlist')}:`))).toEqual([chunkKey('allowlist', 0)]);
  }, 30_000);

  it('too big for the area: a clear message, nothing written anywhere, nothing lost; it syncs once it fits', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await updateSettings(a.db, { policy: 'strict' });
    await a.engine.run();
    const synced = JSON.stringify([...sync.data.entries()]);
    await manyAllowed(a.db, 2_000, (i) => ({ handle: `account_number_${i}`, displayName: `Display name ${i}` }));
    const before = await dumpDb(a.db);
    const outcome = await a.engine.run();
    expect(outcome.pushed).toEqual([]);
    expect(outcome.problem?.kind).toBe('too-big');
    expect(outcome.problem?.detail).toMatchObject({ code: 'syncTooBig', args: [expect.any(Number), 100, { list: expect.any(Array) }] });
    expect(inEnglish(outcome.problem?.detail)).toMatch(
      /^Too big to sync: your settings and lists need [\d.]+ KB and the browser's sync storage holds 100 KB \(.*allowed brands [\d.]+ KB.*\)\. Everything stays on this device/,
    );
    expect((await a.state()).problem?.detail).toEqual(outcome.problem?.detail);
    expect(await dumpDb(a.db)).toBe(before);
    expect(JSON.stringify([...sync.data.entries()])).toBe(synced);
    expect(sync.bytesInUse()).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);

    // Another profile still gets the last good copy; the big list is still whole on the first.
    const b = profile(sync, 'bbbb');
    await b.engine.run();
    expect((await getSettings(b.db)).policy).toBe('strict');
    expect(await a.db.allowlist.count()).toBe(2_000);

    // Trimmed to fit, it goes through and the message clears.
    await a.db.allowlist.filter((r) => Number(r.accountId) >= 10_100).delete();
    const later = await a.engine.run();
    expect(later.problem).toBeUndefined();
    expect(later.pushed).toEqual(['allowlist']);
    expect((await a.state()).problem).toBeUndefined();
  }, 30_000);

  it('a quota error from the browser itself loses nothing and is retried on the next sync', async () => {
    // An area smaller than the real one stands for a browser that counts differently (or a write-rate limit).
    const sync = new FakeSyncArea({ QUOTA_BYTES: 100_000_000, MAX_ITEMS: 3 });
    const a = profile(sync, 'aaaa');
    await saveRule(a.db, rule('promo'));
    await addAllow(a.db, { site: 'x', accountId: '42', handle: 'friendlyco' });
    const before = await dumpDb(a.db);
    // Our own count allows 512 items; the browser's refusal is what stops it here.
    const outcome = await a.engine.run();
    expect(sync.refused).toBe(1);
    expect(outcome.problem).toMatchObject({ kind: 'quota' });
    expect(outcome.problem?.detail).toEqual({ code: 'syncRefused', args: ['MAX_ITEMS quota exceeded'] });
    expect(inEnglish(outcome.problem?.detail)).toBe('The browser refused to sync (MAX_ITEMS quota exceeded). Everything stays on this device; Doorman tries again on the next change.');
    expect(sync.data.size).toBe(0);
    expect(await dumpDb(a.db)).toBe(before);
    expect((await a.state()).parts).toEqual({});

    sync.quota.MAX_ITEMS = SYNC_QUOTA.MAX_ITEMS;
    expect(await a.engine.run()).toMatchObject({ pushed: ['settings', 'rules', 'allowlist', 'overrides'] });
    const b = profile(sync, 'bbbb');
    await b.engine.run();
    expect((await listRules(b.db)).map((r) => r.id)).toEqual(['promo']);
  });

  it('a torn write (chunks of two writes) or a damaged part is not taken', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await updateSettings(a.db, { policy: 'strict' });
    await a.engine.run();
    const b = profile(sync, 'bbbb');
    await b.engine.run();
    // A chunk of a later write arrives before its header: the checksum no longer matches.
    await sync.set({ [chunkKey('settings', 0)]: '{"policy":"lenient"' });
    await updateSettings(b.db, { brandThreshold: 3 });
    const before = await getSettings(b.db);
    await b.engine.run();
    expect(await getSettings(b.db)).toEqual(before);
  });

  it('with sync switched off nothing is read or written', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await a.local.set({ [SYNC_STATE_KEY]: { enabled: false } });
    await updateSettings(a.db, { policy: 'strict' });
    expect(await a.engine.run()).toEqual({ pushed: [], pulled: [] });
    expect(sync.data.size).toBe(0);
    expect((await a.engine.state()).enabled).toBe(false);
  });

  it('is off by default: a profile that never chose sends and takes nothing', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await updateSettings(a.db, { policy: 'strict' });
    await a.engine.run();
    const b = profile(sync, 'bbbb', false);
    await updateSettings(b.db, { brandThreshold: 7 });
    await saveRule(b.db, rule('r-local'));
    const before = await sync.get(null);
    expect(await b.engine.run()).toEqual({ pushed: [], pulled: [] });
    expect(await sync.get(null)).toEqual(before);
    expect(await getSettings(b.db)).toMatchObject({ policy: 'balanced', brandThreshold: 7 });
    expect((await b.engine.state()).enabled).toBe(false);
  });

  it('an old profile synced by default (enabled, no choice recorded) stops; its data stays local, nothing lost', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa');
    await updateSettings(a.db, { policy: 'strict' });
    await saveRule(a.db, rule('r1'));
    await a.engine.run();
    // What the previous version left: the engine wrote its default `enabled: true` back with its parts.
    const old = { ...(await a.state()) } as Partial<SyncState>;
    delete old.chosen;
    await a.local.set({ [SYNC_STATE_KEY]: old });
    const dbBefore = await dumpDb(a.db);
    const syncBefore = await sync.get(null);

    expect(await a.engine.run()).toEqual({ pushed: [], pulled: [] });
    expect(await dumpDb(a.db)).toBe(dbBefore);
    expect((await a.engine.state()).enabled).toBe(false);
    expect((await listRules(a.db)).map((r) => r.id)).toEqual(['r1']);
    expect(await getSettings(a.db)).toMatchObject({ policy: 'strict' });
    // A later change stays on this device too.
    await updateSettings(a.db, { brandThreshold: 8 });
    await a.engine.run();
    expect(await sync.get(null)).toEqual(syncBefore);
  });

  it('a profile that turned sync on keeps it across the engine writing its state', async () => {
    const sync = new FakeSyncArea();
    const a = profile(sync, 'aaaa', false);
    await chooseSync(a.local, true);
    await updateSettings(a.db, { policy: 'strict' });
    expect((await a.engine.run()).pushed).toContain('settings');
    expect(await a.state()).toMatchObject({ enabled: true, chosen: true, profile: 'aaaa' });
    expect((await a.engine.run()).problem).toBeUndefined();
    expect((await a.engine.state()).enabled).toBe(true);
  });
});

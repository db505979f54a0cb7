// Corrupted rows (a rule with a broken condition, an allowed brand with no site, an override with
// an unknown choice) are skipped by every read that feeds a snapshot, listed with what is wrong,
// and never deleted.
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotFromDb } from '../../../src/background/snapshot';
import { compileSnapshot } from '../../../src/core/compile';
import { re2 } from '../../../src/core/re2';
import { Snapshot } from '../../../src/core/snapshot';
import { addAllow, listAllowlist, unreadableAllowRows } from '../../../src/db/allowlist';
import type { AccountRow, AllowRow, DoormanDB, RuleRow } from '../../../src/db/database';
import { listAccountOverrides, listOverrides, setBrandOverride, unreadableOverrideRows } from '../../../src/db/overrides';
import { listRules, saveRule, unreadableRules } from '../../../src/db/rules';
import { exportBackup, restoreBackup, toJson } from '../../../src/db/transfer';
import { getSettings, unreadableSettings } from '../../../src/db/settings';
import { defaultSettings } from '../../../src/core/settings';
import { dropAll, freshDb, rule } from './helpers';
import { inEnglish } from '../ui/catalogue';

afterEach(dropAll);

async function withCorruptRows(): Promise<DoormanDB> {
  const db = freshDb();
  await saveRule(db, rule('good1'));
  await saveRule(db, rule('good2'));
  await addAllow(db, { site: 'x', accountId: '1', handle: 'fine' }, 5);
  await setBrandOverride(db, { site: 'x', accountId: '2', handle: 'shop' }, 'brand', 6);
  // What an older version, a hand-edited profile or a bad disk might leave behind.
  await db.rules.put({ id: 'broken', name: 'Broken', enabled: true, sites: [], when: { type: 'text', mode: 'regex', pattern: '(' }, then: { class: 'interruption', action: 'hide' }, order: 1 } as unknown as RuleRow);
  await db.rules.put({ id: 'alien', name: 'Alien', when: { type: 'moonPhase' }, order: 9 } as unknown as RuleRow);
  await db.allowlist.put({ key: 'x@nosite', accountId: '', handle: 'nosite', displayName: '', addedAt: 1 } as unknown as AllowRow);
  await db.accounts.put({ key: 'x#3', site: 'x', accountId: '3', handle: 'odd', brand: 'maybe', setAt: 1, displayName: '', seenAt: 0 } as unknown as AccountRow);
  return db;
}

describe('unreadable rows', () => {
  it('are skipped by the lists, so the snapshot builds, passes its schema and compiles', async () => {
    const db = await withCorruptRows();
    expect((await listRules(db)).map((r) => r.id)).toEqual(['good1', 'good2']);
    expect((await listAllowlist(db)).map((e) => e.handle)).toEqual(['fine']);
    expect((await listOverrides(db)).map((e) => e.accountId)).toEqual(['2']);
    expect((await listAccountOverrides(db)).map((e) => e.accountId)).toEqual(['2']);
    const snapshot = await snapshotFromDb(db);
    expect(Snapshot.safeParse(snapshot).success).toBe(true);
    expect(() => compileSnapshot(Snapshot.parse(snapshot), { regex: re2 })).not.toThrow();
  });

  it('are listed with their key and what is wrong, and stay stored', async () => {
    const db = await withCorruptRows();
    const rules = await unreadableRules(db);
    expect(rules.map((r) => r.key)).toEqual(['broken', 'alien']);
    expect(rules[0]?.problem).toMatchObject({ code: 'at', args: [{ path: ['when', 'pattern'] }, {}] });
    expect(inEnglish(rules[1]?.problem)).toMatch(/when\.type: unknown type/);
    expect(await unreadableAllowRows(db)).toEqual([{ table: 'allowlist', key: 'x@nosite', problem: expect.objectContaining({ code: 'at', args: [{ path: ['site'] }, expect.anything()] }) }]);
    expect(await unreadableOverrideRows(db)).toEqual([{ table: 'accounts', key: 'x#3', problem: expect.objectContaining({ code: 'at', args: [{ path: ['brand'] }, expect.anything()] }) }]);
    expect([await db.rules.count(), await db.allowlist.count(), await db.accounts.count()]).toEqual([4, 2, 2]);
  });

  it('a backup of such a database is still a valid file: it restores every readable row', async () => {
    const db = await withCorruptRows();
    const target = freshDb();
    const counts = await restoreBackup(target, toJson(await exportBackup(db)));
    expect(counts).toMatchObject({ rules: 2, allowlist: 1, overrides: 1 });
  });

  it('settings: each invalid field reads as its default and is named; the row stays as stored', async () => {
    const db = freshDb();
    const stored = { policy: 'paranoid', brandThreshold: 7, log: { maxEntries: 5, maxAgeDays: 10 } };
    await db.settings.put({ key: 'settings', value: stored });
    expect(await getSettings(db)).toMatchObject({ policy: defaultSettings().policy, brandThreshold: 7, log: { maxEntries: defaultSettings().log.maxEntries, maxAgeDays: 10 } });
    expect((await unreadableSettings(db)).sort()).toEqual(['log.maxEntries', 'policy']);
    expect((await db.settings.get('settings'))?.value).toEqual(stored);
    expect(await unreadableSettings(freshDb())).toEqual([]); // nothing stored yet: nothing wrong
  });
});

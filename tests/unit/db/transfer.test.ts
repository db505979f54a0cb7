// Export/import of rules + allowlist and full backup/restore: validated whole, applied all or nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT, ImportError, MAX_IMPORT_BYTES, RULES_FORMAT, exportBackup, exportRules, importRules, restoreBackup, toJson,
} from '../../../src/db/transfer';
import type { DoormanDB } from '../../../src/db/database';
import { addAllow, listAllowlist } from '../../../src/db/allowlist';
import { learnFollows, listFollows } from '../../../src/db/follows';
import { addLogEntries } from '../../../src/db/log';
import { listAccountOverrides, setBrandOverride } from '../../../src/db/overrides';
import { currentRevision } from '../../../src/db/revision';
import { listRules, saveRule } from '../../../src/db/rules';
import { getSettings, updateSettings } from '../../../src/db/settings';
import { dropAll, dumpDb, freshDb, logEntry, rule } from './helpers';

afterEach(dropAll);

async function seeded(): Promise<DoormanDB> {
  const db = freshDb();
  await updateSettings(db, { policy: 'strict', brandThreshold: 5, sites: { mastodon: { enabled: false } } });
  await saveRule(db, rule('promo'));
  await saveRule(db, rule('regex', { when: { type: 'text', mode: 'regex', pattern: '\\bcode\\s+[A-Z0-9]{4,}\\b' } }));
  await saveRule(db, rule('nested', {
    sites: ['x'],
    when: { type: 'all', of: [{ type: 'followed', value: false }, { type: 'any', of: [{ type: 'bot' }, { type: 'brand', atLeast: 4 }] }] },
    then: { class: 'interruption', action: 'hide' },
  }));
  await addAllow(db, { site: 'x', accountId: '42', handle: 'acme', displayName: 'Acme' }, 100);
  await addAllow(db, { site: 'x', accountId: '', handle: 'shop.example' }, 200);
  await learnFollows(db, 'x', [{ accountId: '7', handle: 'friend', following: true }], 'page', 300);
  await setBrandOverride(db, { site: 'x', accountId: '9', handle: 'notabrand', displayName: 'Nat' }, 'not-brand', 400);
  await addLogEntries(db, [logEntry('1', { at: 10 }), logEntry('2', { at: 20 })]);
  return db;
}

const rulesFile = (over: Record<string, unknown> = {}) => ({
  format: RULES_FORMAT,
  version: 1,
  rules: [rule('a'), rule('b'), rule('c'), rule('d')],
  allowlist: [{ site: 'x', accountId: '1', handle: 'one' }],
  ...over,
});

describe('rules export → import', () => {
  it('round-trips rules and allowlist into an empty database', async () => {
    const source = await seeded();
    const json = toJson(await exportRules(source, 1));
    expect(JSON.parse(json)).toMatchObject({ format: 'doorman-rules', version: 1 });

    const target = freshDb();
    expect(await importRules(target, json)).toEqual({ rules: 3, allowlist: 2 });
    expect(await listRules(target)).toEqual(await listRules(source));
    expect(await listAllowlist(target)).toEqual(await listAllowlist(source));
  });

  it('merges: same-id rules replaced in place, new ones appended', async () => {
    const db = freshDb();
    await saveRule(db, rule('a', { name: 'old a' }));
    await saveRule(db, rule('z'));
    await importRules(db, JSON.stringify(rulesFile({ rules: [rule('b'), rule('a', { name: 'new a' })] })));
    const rules = await listRules(db);
    expect(rules.map((r) => `${r.id}:${r.name}`)).toEqual(['a:new a', 'z:Rule z', 'b:Rule b']);
  });

  it('replaces when asked to', async () => {
    const db = await seeded();
    await importRules(db, JSON.stringify(rulesFile()), { mode: 'replace', now: 5 });
    expect((await listRules(db)).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(await listAllowlist(db)).toEqual([{ site: 'x', accountId: '1', handle: 'one', displayName: '', addedAt: 5 }]);
  });

  it('accepts a regex that would backtrack catastrophically elsewhere (RE2 is linear)', async () => {
    const db = freshDb();
    const file = rulesFile({ rules: [rule('redos', { when: { type: 'text', mode: 'regex', pattern: '(a+)+$' } })] });
    await importRules(db, JSON.stringify(file));
    expect((await listRules(db))[0]?.when).toMatchObject({ pattern: '(a+)+$' });
  });
});

describe('a bad import leaves the database byte-for-byte unchanged', () => {
  let db: DoormanDB;
  let before: string;
  beforeEach(async () => {
    db = await seeded();
    before = await dumpDb(db);
  });

  const cases: [string, () => string | Blob, RegExp][] = [
    ['not JSON', () => '{"format": "doorman-rules", "rules": [', /^not JSON: /],
    ['JSON but not an object', () => '[1, 2, 3]', /^not a Doorman file: expected a JSON object$/],
    ['wrong format tag', () => JSON.stringify(rulesFile({ format: 'something-else' })), /^format: expected "doorman-rules", found "something-else"$/],
    ['a backup given to rules import', () => JSON.stringify(rulesFile({ format: BACKUP_FORMAT })), /use Restore/],
    ['a newer version', () => JSON.stringify(rulesFile({ version: 2 })), /^version: this file is version 2, written by a newer Doorman/],
    [
      'one bad field deep in a rule (lookbehind is not RE2)',
      () => {
        const rules = [rule('a'), rule('b'), rule('c'),
          rule('d', { when: { type: 'all', of: [{ type: 'bot' }, { type: 'not', of: { type: 'text', mode: 'regex', pattern: '(?<=x)' } }] } })];
        return JSON.stringify(rulesFile({ rules }));
      },
      /^rules\[3\]\.when\.of\[1\]\.of\.pattern: not a supported regular expression/,
    ],
    [
      'an unknown condition type',
      () => JSON.stringify(rulesFile({ rules: [rule('a', { when: { type: 'vibes' } as never })] })),
      /^rules\[0\]\.when\.type: unknown type; expected one of all, any, not, followed/,
    ],
    [
      'a group whose `of` is not a list',
      () => JSON.stringify(rulesFile({ rules: [rule('a'), rule('b', { when: { type: 'any', of: 'bot' } as never })] })),
      /^rules\[1\]\.when\.of: Invalid input: expected array/,
    ],
    [
      'a bad allowlist entry after valid rules',
      () => JSON.stringify(rulesFile({ allowlist: [{ site: 'x', accountId: '1', handle: 'a' }, { site: 'myspace', accountId: '2', handle: 'b' }] })),
      /^allowlist\[1\]\.site: /,
    ],
    [
      'a rule for a site Doorman does not know',
      () => JSON.stringify(rulesFile({ rules: [rule('a'), rule('b', { sites: ['x', 'facebook'] })] })),
      /^rules\[1\]\.sites\[1\]: unknown site "facebook"; Doorman knows x(, [a-z-]+)*$/,
    ],
    ['duplicate rule ids', () => JSON.stringify(rulesFile({ rules: [rule('a'), rule('a')] })), /^rules\[1\]\.id: duplicate rule id "a"$/],
    ['an oversized string', () => ' '.repeat(MAX_IMPORT_BYTES + 1), /^file is too large \(52,428,801 bytes; the limit is 52,428,800 bytes, 50 MB\)$/],
    ['an oversized file', () => new Blob([new Uint8Array(MAX_IMPORT_BYTES + 10)]), /^file is too large/],
  ];

  for (const [name, input, message] of cases) {
    it(`rules import: ${name}`, async () => {
      const error = await importRules(db, input()).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect(await dumpDb(db)).toBe(before);
    });
  }

  it('rules import: too many rules in total is refused inside the transaction', async () => {
    const many = Array.from({ length: 998 }, (_, i) => rule(`bulk${i}`));
    await expect(importRules(db, JSON.stringify(rulesFile({ rules: many, allowlist: [] })))).rejects.toThrow(/^rules: importing would make 1001 rules; the limit is 1000$/);
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: a backup with one bad log entry at the end', async () => {
    const backup = await exportBackup(db);
    const bad = { ...backup, log: [...backup.log, { ...logEntry('3'), reasonCode: 'because' }] };
    await expect(restoreBackup(freshDb(), JSON.stringify(bad))).rejects.toThrow(/^log\[2\]\.reasonCode: /);
    await expect(restoreBackup(db, JSON.stringify(bad))).rejects.toThrow(/^log\[2\]\.reasonCode: /);
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: a write failing midway rolls back the tables already cleared', async () => {
    const backup = toJson(await exportBackup(db));
    const spy = vi.spyOn(db.log, 'bulkAdd').mockRejectedValue(new Error('disk full'));
    await expect(restoreBackup(db, backup)).rejects.toThrow('disk full');
    expect(spy).toHaveBeenCalledTimes(1); // the clears and earlier puts had run by then
    spy.mockRestore();
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: a rules file is not a backup', async () => {
    await expect(restoreBackup(db, JSON.stringify(rulesFile()))).rejects.toThrow(/^format: expected "doorman-backup", found "doorman-rules" \(this is a rules file/);
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: a follow on a site Doorman does not know', async () => {
    const backup = await exportBackup(db);
    const bad = { ...backup, follows: [...backup.follows, { site: 'myspace', accountId: '8', handle: 'tom' }] };
    await expect(restoreBackup(db, JSON.stringify(bad))).rejects.toThrow(/^follows\[1\]\.site: unknown site "myspace"/);
    const badLog = { ...backup, log: [...backup.log, logEntry('3', { site: 'myspace' })] };
    await expect(restoreBackup(db, JSON.stringify(badLog))).rejects.toThrow(/^log\[2\]\.site: unknown site "myspace"/);
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: bad settings', async () => {
    const backup = await exportBackup(db);
    const bad = { ...backup, settings: { ...backup.settings, log: { maxEntries: 5, maxAgeDays: 30 } } };
    await expect(restoreBackup(db, JSON.stringify(bad))).rejects.toThrow(/^settings\.log\.maxEntries: /);
    expect(await dumpDb(db)).toBe(before);
  });
});

describe('backup → restore', () => {
  it('restores everything into an empty database', async () => {
    const source = await seeded();
    const json = toJson(await exportBackup(source, 1));
    const target = freshDb();
    expect(await restoreBackup(target, json)).toEqual({ rules: 3, allowlist: 2, follows: 1, overrides: 1, log: 2 });
    expect(await getSettings(target)).toEqual(await getSettings(source));
    expect(await listRules(target)).toEqual(await listRules(source));
    expect(await listAllowlist(target)).toEqual(await listAllowlist(source));
    expect(await listFollows(target)).toEqual(await listFollows(source));
    expect(await listAccountOverrides(target)).toEqual(await listAccountOverrides(source));
    const strip = (rows: { id?: number }[]) => rows.map(({ id: _id, ...r }) => r);
    expect(strip(await target.log.orderBy('at').toArray())).toEqual(strip(await source.log.orderBy('at').toArray()));
    // A second export of the restored database is the same file.
    expect(toJson(await exportBackup(target, 1))).toBe(json);
  });

  it('keeps settings switches for sites no longer declared (every older backup has bsky and mastodon)', async () => {
    const db = await seeded();
    const backup = await exportBackup(db);
    const old = { ...backup, settings: { ...backup.settings, sites: { x: { enabled: true }, bsky: { enabled: false }, mastodon: { enabled: true } } } };
    await restoreBackup(db, JSON.stringify(old));
    expect((await getSettings(db)).sites).toEqual(old.settings.sites);
  });

  it('replaces what was there and keeps the revision rising', async () => {
    const db = await seeded();
    const empty = toJson(await exportBackup(freshDb(), 1));
    const revision = await currentRevision(db);
    await restoreBackup(db, empty);
    expect(await currentRevision(db)).toBe(revision + 1);
    expect(await db.rules.count()).toBe(0);
    expect(await db.log.count()).toBe(0);
    expect((await getSettings(db)).policy).toBe('balanced');
  });

  it('drops duplicate log items in a backup instead of failing on the unique index', async () => {
    const db = freshDb();
    const backup = await exportBackup(await seeded(), 1);
    const doubled = { ...backup, log: [...backup.log, ...backup.log] };
    expect((await restoreBackup(db, JSON.stringify(doubled))).log).toBe(2);
  });
});

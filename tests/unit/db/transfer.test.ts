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
import { problemOf, type Problem } from '../../../src/core/problem';
import { inEnglish } from '../ui/catalogue';

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

  const at = (path: (string | number)[], p: Problem): Problem => ({ code: 'at', args: [{ path }, { problem: p }] });
  const cases: [string, () => string | Blob, Problem][] = [
    ['not JSON', () => '{"format": "doorman-rules", "rules": [', { code: 'notJson', args: [expect.any(String)] }],
    ['JSON but not an object', () => '[1, 2, 3]', { code: 'notObject' }],
    ['wrong format tag', () => JSON.stringify(rulesFile({ format: 'something-else' })), at(['format'], { code: 'wrongFormat', args: ['doorman-rules', '"something-else"'] })],
    ['a backup given to rules import', () => JSON.stringify(rulesFile({ format: BACKUP_FORMAT })), at(['format'], { code: 'wrongFormatBackup', args: ['doorman-rules', '"doorman-backup"'] })],
    ['a newer version', () => JSON.stringify(rulesFile({ version: 2 })), at(['version'], { code: 'newerVersion', args: ['2', '1'] })],
    [
      'one bad field deep in a rule (lookbehind is not RE2)',
      () => {
        const rules = [rule('a'), rule('b'), rule('c'),
          rule('d', { when: { type: 'all', of: [{ type: 'bot' }, { type: 'not', of: { type: 'text', mode: 'regex', pattern: '(?<=x)' } }] } })];
        return JSON.stringify(rulesFile({ rules }));
      },
      at(['rules', 3, 'when', 'of', 1, 'of', 'pattern'], { code: 'notRegex', args: [expect.stringContaining('(?<')] }),
    ],
    [
      'an unknown condition type',
      () => JSON.stringify(rulesFile({ rules: [rule('a', { when: { type: 'vibes' } as never })] })),
      at(['rules', 0, 'when', 'type'], { code: 'unknownType', args: [{ list: expect.arrayContaining(['all', 'any', 'not', 'followed', 'text', 'brand']) }] }),
    ],
    [
      'a group whose `of` is not a list',
      () => JSON.stringify(rulesFile({ rules: [rule('a'), rule('b', { when: { type: 'any', of: 'bot' } as never })] })),
      at(['rules', 1, 'when', 'of'], { code: 'expected', args: [{ term: 'array' }] }),
    ],
    [
      'a bad allowlist entry after valid rules',
      () => JSON.stringify(rulesFile({ allowlist: [{ site: 'x', accountId: '1', handle: 'a' }, { site: 'myspace', accountId: '2', handle: 'b' }] })),
      at(['allowlist', 1, 'site'], { code: 'unknownSite', args: ['"myspace"', { list: expect.arrayContaining(['x', 'bsky']) }] }),
    ],
    [
      'a rule for a site Doorman does not know',
      () => JSON.stringify(rulesFile({ rules: [rule('a'), rule('b', { sites: ['x', 'facebook'] })] })),
      at(['rules', 1, 'sites', 1], { code: 'unknownSite', args: ['"facebook"', { list: expect.arrayContaining(['x']) }] }),
    ],
    ['duplicate rule ids', () => JSON.stringify(rulesFile({ rules: [rule('a'), rule('a')] })), at(['rules', 1, 'id'], { code: 'duplicateRuleId', args: ['a'] })],
    ['an oversized string', () => ' '.repeat(MAX_IMPORT_BYTES + 1), { code: 'fileTooBigBytes', args: [MAX_IMPORT_BYTES + 1, MAX_IMPORT_BYTES, 50] }],
    ['an oversized file', () => new Blob([new Uint8Array(MAX_IMPORT_BYTES + 10)]), { code: 'fileTooBigBytes', args: [MAX_IMPORT_BYTES + 10, MAX_IMPORT_BYTES, 50] }],
  ];

  for (const [name, input, expected] of cases) {
    it(`rules import: ${name}`, async () => {
      const error = await importRules(db, input()).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problem).toEqual(expected);
      expect(await dumpDb(db)).toBe(before);
    });
  }

  it('rules import: the problems in English, field first', async () => {
    const said = async (input: string) => inEnglish(await importRules(db, input).then(() => null, (e: unknown) => e));
    expect(await said(JSON.stringify(rulesFile({ version: 2 })))).toBe('version: this file is version 2, written by a newer Doorman; this one reads version 1');
    expect(await said(JSON.stringify(rulesFile({ rules: [rule('a'), rule('b', { when: { type: 'any', of: 'bot' } as never })] })))).toBe('rules[1].when.of: expected a list');
    expect(await said(JSON.stringify(rulesFile({ rules: [rule('a', { when: { type: 'vibes' } as never })] })))).toMatch(
      /^rules\[0\]\.when\.type: unknown type; expected one of all, any, not, followed, /,
    );
    expect(await said(' '.repeat(MAX_IMPORT_BYTES + 1))).toBe('the file is too large (52,428,801 bytes; the limit is 52,428,800 bytes, 50 MB)');
    expect(await said(JSON.stringify(rulesFile({ format: BACKUP_FORMAT })))).toBe(
      'format: expected “doorman-rules”, found "doorman-backup": this is a full backup, use “Restore from file…”',
    );
    expect(await dumpDb(db)).toBe(before);
  });

  const rejection = (p: Promise<unknown>): Promise<Problem | undefined> => p.then(() => undefined, (e: unknown) => problemOf(e));

  it('rules import: too many rules in total is refused inside the transaction', async () => {
    const many = Array.from({ length: 998 }, (_, i) => rule(`bulk${i}`));
    expect(await rejection(importRules(db, JSON.stringify(rulesFile({ rules: many, allowlist: [] }))))).toEqual(at(['rules'], { code: 'tooManyRules', args: [1001, 1000] }));
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: a backup with one bad log entry at the end', async () => {
    const backup = await exportBackup(db);
    const bad = { ...backup, log: [...backup.log, { ...logEntry('3'), reasonCode: 'because' }] };
    const reasonCode = at(['log', 2, 'reasonCode'], { code: 'oneOf', args: [{ list: expect.arrayContaining(['"off"', '"brand-reply"']) }] });
    expect(await rejection(restoreBackup(freshDb(), JSON.stringify(bad)))).toEqual(reasonCode);
    expect(await rejection(restoreBackup(db, JSON.stringify(bad)))).toEqual(reasonCode);
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
    expect(await rejection(restoreBackup(db, JSON.stringify(rulesFile())))).toEqual(at(['format'], { code: 'wrongFormatRules', args: ['doorman-backup', '"doorman-rules"'] }));
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: a follow on a site Doorman does not know', async () => {
    const backup = await exportBackup(db);
    const bad = { ...backup, follows: [...backup.follows, { site: 'myspace', accountId: '8', handle: 'tom' }] };
    expect(await rejection(restoreBackup(db, JSON.stringify(bad)))).toMatchObject(at(['follows', 1, 'site'], { code: 'unknownSite', args: ['"myspace"', { list: expect.arrayContaining(['x']) }] }));
    const badLog = { ...backup, log: [...backup.log, logEntry('3', { site: 'myspace' })] };
    expect(await rejection(restoreBackup(db, JSON.stringify(badLog)))).toMatchObject({ code: 'at', args: [{ path: ['log', 2, 'site'] }, {}] });
    expect(await dumpDb(db)).toBe(before);
  });

  it('restore: bad settings', async () => {
    const backup = await exportBackup(db);
    const bad = { ...backup, settings: { ...backup.settings, log: { maxEntries: 5, maxAgeDays: 30 } } };
    expect(await rejection(restoreBackup(db, JSON.stringify(bad)))).toEqual(at(['settings', 'log', 'maxEntries'], { code: 'numberMin', args: [100] }));
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

// Backups lose nothing: export → restore into a fresh database → export gives the same file, for
// generated databases (property test); a restore or import that fails on storage says so, not that
// the file is bad, and changes nothing; a file just over the size limit is not reported as equal
// to it; handles are trimmed and lose their "@" wherever entries are imported.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotFromDb } from '../../../src/background/snapshot';
import { classify } from '../../../src/core/classify';
import { compileSnapshot, followedBy } from '../../../src/core/compile';
import { ACTIONS, ITEM_KINDS, PAGE_CONTEXTS, REASON_CODES } from '../../../src/core/model';
import { re2 } from '../../../src/core/re2';
import type { RuleInput } from '../../../src/core/rules';
import { POLICIES } from '../../../src/core/settings';
import { Snapshot } from '../../../src/core/snapshot';
import { addAllow } from '../../../src/db/allowlist';
import { StorageWriteError } from '../../../src/db/faults';
import { learnFollows } from '../../../src/db/follows';
import { addLogEntries } from '../../../src/db/log';
import { setBrandOverride } from '../../../src/db/overrides';
import { saveRule } from '../../../src/db/rules';
import { updateSettings } from '../../../src/db/settings';
import {
  BACKUP_FORMAT, MAX_IMPORT_BYTES, RULES_FORMAT, exportBackup, importRules, parseBackupFile, restoreBackup, toJson, tooBig,
} from '../../../src/db/transfer';
import type { LogEntryInput } from '../../../src/shared/messages';
import { inEnglish } from '../ui/catalogue';
import { condition } from '../core/arbitraries';
import { item } from '../core/builders';
import { injectWriteFaults } from './fault-injection';
import { dropAll, dumpDb, freshDb, logEntry, rule } from './helpers';

afterEach(dropAll);

// ------------------------------------------------------------------------- generated databases

const handle = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
const accountId = fc.stringMatching(/^[0-9]{1,6}$/);
const time = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000_000_000 })); // 0: an entry from before times were kept
const text = (max: number) => fc.string({ maxLength: max });

const ruleArb: fc.Arbitrary<RuleInput> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 20 }),
  enabled: fc.boolean(),
  sites: fc.subarray(['x']),
  when: condition,
  then: fc.record({ class: fc.constantFrom('interruption' as const, 'interaction' as const), action: fc.constantFrom(...ACTIONS) }),
}).map((r) => ({ ...r, id: '' }));

const account = fc.record({ accountId: fc.oneof(accountId, fc.constant('')), handle });

const logArb: fc.Arbitrary<LogEntryInput> = fc.record({
  site: fc.constant('x'),
  itemId: fc.stringMatching(/^[0-9]{1,8}$/),
  permalink: text(40),
  authorId: fc.oneof(accountId, fc.constant('')),
  handle: fc.oneof(handle, fc.constant('')),
  displayName: text(20),
  snippet: fc.string({ unit: 'grapheme', maxLength: 40 }),
  kind: fc.constantFrom(...ITEM_KINDS),
  context: fc.constantFrom(...PAGE_CONTEXTS),
  action: fc.constantFrom(...ACTIONS),
  ruleId: text(20),
  reasonCode: fc.constantFrom(...REASON_CODES),
  reason: text(40),
  // Few distinct times, so entries filtered in the same millisecond keep their order too.
  at: fc.integer({ min: 0, max: 5 }).map((n) => 1_700_000_000_000 + n),
});

const dbContents = fc.record({
  settings: fc.record({
    policy: fc.constantFrom(...POLICIES),
    hideUnsolicitedBrands: fc.boolean(),
    letVerifiedOrganizations: fc.boolean(),
    brandThreshold: fc.integer({ min: 1, max: 20 }),
    sites: fc.record({ x: fc.record({ enabled: fc.boolean() }) }),
    log: fc.record({ maxEntries: fc.integer({ min: 100, max: 100_000 }), maxAgeDays: fc.integer({ min: 1, max: 3650 }) }),
  }),
  rules: fc.array(ruleArb, { maxLength: 6 }),
  allowlist: fc.array(fc.record({ account, displayName: text(20), at: time }), { maxLength: 6 }),
  follows: fc.array(fc.record({ accountId, handle, following: fc.boolean(), at: time, list: fc.boolean() }), { maxLength: 8 }),
  overrides: fc.array(fc.record({ account, displayName: text(20), brand: fc.constantFrom('brand' as const, 'not-brand' as const), at: time }), { maxLength: 6 }),
  log: fc.array(logArb, { maxLength: 12 }),
});
type Contents = typeof dbContents extends fc.Arbitrary<infer T> ? T : never;

/** Builds the database the way Doorman does: through the store functions, in a plausible order. */
async function build(c: Contents) {
  const db = freshDb();
  await updateSettings(db, c.settings);
  for (const [i, r] of c.rules.entries()) await saveRule(db, { ...r, id: `rule-${i}` });
  for (const a of c.allowlist) await addAllow(db, { site: 'x', ...a.account, displayName: a.displayName }, a.at);
  for (const f of c.follows) await learnFollows(db, 'x', [f], f.list ? 'following-list' : 'page', f.at);
  for (const o of c.overrides) await setBrandOverride(db, { site: 'x', ...o.account, displayName: o.displayName }, o.brand, o.at);
  await addLogEntries(db, c.log);
  return db;
}

describe('backup → restore round-trips exactly', () => {
  it('export → restore into a fresh database → export gives the same file (generated databases)', async () => {
    await fc.assert(
      fc.asyncProperty(dbContents, async (c) => {
        const source = await build(c);
        const first = toJson(await exportBackup(source, 1));
        const target = freshDb();
        await restoreBackup(target, first);
        expect(toJson(await exportBackup(target, 1))).toBe(first);
        // Restoring over a database that already holds other things replaces it just the same.
        const busy = await build({ ...c, rules: c.rules.slice(1), log: [logEntry('stale')] });
        await restoreBackup(busy, first);
        expect(toJson(await exportBackup(busy, 1))).toBe(first);
        await dropAll();
      }),
      { numRuns: 30, seed: 10_2026 },
    );
  }, 120_000); // 30 × four databases built and dumped: a budget, not a timing claim

  it('keeps times of 0 and entries as written (a hand-made or old backup)', async () => {
    const file = {
      ...(await exportBackup(freshDb(), 1)),
      allowlist: [{ site: 'x', accountId: '1', handle: 'a', displayName: '', addedAt: 0 }],
      overrides: [{ site: 'x', accountId: '2', handle: 'b', brand: 'brand', setAt: 0, displayName: '', seenAt: 0 }],
    };
    const db = freshDb();
    await restoreBackup(db, JSON.stringify(file));
    expect(toJson(await exportBackup(db, 1))).toBe(toJson(await parseBackupFile(JSON.stringify(file))));
  });
});

// ------------------------------------------------------------------------- storage failures

async function seeded() {
  const db = freshDb();
  await saveRule(db, rule('mine'));
  await addAllow(db, { site: 'x', accountId: '1', handle: 'friend' }, 5);
  await learnFollows(db, 'x', [{ accountId: '7', handle: 'pal', following: true }], 'page', 6);
  await addLogEntries(db, [logEntry('1')]);
  return db;
}

describe('a restore or import the disk refuses', () => {
  for (const shape of ['quota', 'wrapped', 'bulk'] as const) {
    it(`restore (${shape}): says the browser's storage is full, not that the file is bad, and changes nothing`, async () => {
      const source = await seeded();
      const backup = toJson(await exportBackup(source, 1));
      const db = freshDb();
      const faults = injectWriteFaults(db);
      await saveRule(db, rule('before'));
      const before = await dumpDb(db);
      faults.tables = new Set(['log']); // the clears and the first puts go through, then the log is refused
      faults.failAlways(shape);
      const error = await restoreBackup(db, backup).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StorageWriteError);
      expect((error as StorageWriteError).kind).toBe('quota');
      expect((error as Error).message).toMatch(/^the browser's storage for extensions is full, so nothing was written/);
      expect((error as StorageWriteError).problem).toEqual({ code: 'storageQuota', args: [(error as StorageWriteError).detail] });
      expect(faults.injected).toBeGreaterThan(0);
      expect(await dumpDb(db)).toBe(before); // lost: nothing
    });
  }

  it('import: the same, and a bad file is still blamed as the file', async () => {
    const db = freshDb();
    const faults = injectWriteFaults(db);
    await saveRule(db, rule('before'));
    const before = await dumpDb(db);
    const file = JSON.stringify({ format: RULES_FORMAT, version: 1, rules: [rule('new')], allowlist: [] });
    faults.failNext(1, 'wrapped');
    await expect(importRules(db, file)).rejects.toThrow(StorageWriteError);
    expect(await dumpDb(db)).toBe(before);
    await expect(importRules(db, JSON.stringify({ format: RULES_FORMAT, version: 1, rules: [{ id: 'x' }], allowlist: [] })))
      .rejects.toMatchObject({ problem: { code: 'at', args: [{ path: ['rules', 0, 'name'] }, { problem: { code: 'missing' } }] } });
    expect(await importRules(db, file)).toEqual({ rules: 1, allowlist: 0 }); // the fault passed
  });
});

// ------------------------------------------------------------------------- size and handles

describe('the size limit', () => {
  it('never reports a file over the limit as the limit itself', () => {
    for (const over of [1, 10, 1_000, 52_428]) {
      const message = inEnglish(tooBig(MAX_IMPORT_BYTES + over));
      expect(message).not.toMatch(/50\.0 MB; the limit is 50 MB/);
      const [shown, limit] = [...message.matchAll(/([\d,.]+) (MB|bytes)/g)].map((m) => Number(m[1]!.replace(/,/g, '')) * (m[2] === 'MB' ? 1024 * 1024 : 1));
      expect(shown).toBeGreaterThan(limit!);
    }
    expect(tooBig(MAX_IMPORT_BYTES + 1)).toEqual({ code: 'fileTooBigBytes', args: [MAX_IMPORT_BYTES + 1, MAX_IMPORT_BYTES, 50] });
    expect(inEnglish(tooBig(MAX_IMPORT_BYTES + 1))).toBe('the file is too large (52,428,801 bytes; the limit is 52,428,800 bytes, 50 MB)');
    expect(tooBig(80 * 1024 * 1024)).toEqual({ code: 'fileTooBig', args: [80, 50] });
    expect(inEnglish(tooBig(80.04 * 1024 * 1024))).toBe('the file is too large (80 MB; the limit is 50 MB)');
    expect(inEnglish(tooBig(80.25 * 1024 * 1024))).toBe('the file is too large (80.3 MB; the limit is 50 MB)');
  });
});

describe('imported handles are trimmed and lose their "@"', () => {
  it('in a rules file\'s allowlist, a backup\'s follows and overrides, and a rule\'s handle list: each matches @acme', async () => {
    const db = freshDb();
    await importRules(db, JSON.stringify({
      format: RULES_FORMAT, version: 1,
      rules: [{ id: 'by-handle', name: 'By handle', when: { type: 'handle', handles: [' @Rule_Target '] }, then: { class: 'interruption', action: 'hide' } }],
      allowlist: [{ site: 'x', accountId: '', handle: ' @acme ' }],
    }));
    const backup = { ...(await exportBackup(db, 1)), format: BACKUP_FORMAT };
    backup.follows = [{ site: 'x', accountId: '', handle: '\t@Friend\n', learnedAt: 1, source: 'import' }];
    backup.overrides = [{ site: 'x', accountId: '', handle: ' @NotABrand ', brand: 'not-brand', setAt: 1, displayName: '', seenAt: 0 }];
    await restoreBackup(db, JSON.stringify(backup));

    expect((await db.allowlist.toArray()).map((r) => [r.key, r.handle])).toEqual([['x@acme', 'acme']]);
    expect((await db.follows.toArray()).map((r) => [r.key, r.handle])).toEqual([['x@friend', 'friend']]);
    expect((await db.accounts.toArray()).map((r) => [r.key, r.handle])).toEqual([['x@notabrand', 'notabrand']]);

    const rs = compileSnapshot(Snapshot.parse(await snapshotFromDb(db)), { regex: re2, siteNames: { x: 'X' } });
    const by = (h: string) => item({ author: { id: '', handle: h, followed: 'unknown' } });
    expect(classify(by('acme'), rs).reasonCode).toBe('allowlisted');
    expect(classify(by('rule_target'), rs).ruleId).toBe('user:by-handle');
    expect(followedBy(rs, by('friend'))).toBe(true);
  });
});

// The Mastodon following-list import: the CSV read row by row (header or none, CRLF, BOM, quotes),
// the good rows applied as imports in one transaction, the bad ones named by line, the caps said.
import { describe, afterEach, expect, it, vi } from 'vitest';
import { badLineProblem, parseMastodonCsv } from '../../../src/core/mastodon-csv';
import type { Problem } from '../../../src/core/problem';
import { countFollows, learnFollows, listFollows, FOLLOW_CAPS } from '../../../src/db/follows';
import { ImportError, importMastodonFollows, parseMastodonFollows } from '../../../src/db/follow-import';
import { MAX_IMPORT_BYTES } from '../../../src/db/transfer';
import { injectWriteFaults } from './fault-injection';
import { dropAll, dumpDb, freshDb } from './helpers';
import { inEnglish } from '../ui/catalogue';

const notAddress = (shown: string): Problem => ({ code: 'csvNotAddress', args: [shown] });

// Heavy for a unit test: imports a 5,000-row CSV and files past the row caps into fake-indexeddb.
// Its slowest test took 5 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(dropAll);

const HEADER = 'Account address,Show boosts,Notify on new posts,Languages';
const acct = (i: number) => `user${i}@server${i % 7}.example`;

async function rejection(run: Promise<unknown>): Promise<ImportError> {
  const e = await run.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('parseMastodonCsv', () => {
  it('reads the current export (header, four columns) and the old one (addresses only)', () => {
    const current = parseMastodonCsv(`${HEADER}\nalice@mastodon.social,true,false,\nBob@Fosstodon.org,false,true,"en,de"\n`);
    expect(current).toMatchObject({ header: true, rows: 2, accounts: ['alice@mastodon.social', 'bob@fosstodon.org'], badCount: 0, duplicates: 0 });
    const old = parseMastodonCsv('alice@mastodon.social\n@carol@example.social\n');
    expect(old).toMatchObject({ header: false, rows: 2, accounts: ['alice@mastodon.social', 'carol@example.social'] });
  });

  it('takes CRLF and CR line ends, a BOM, quoted fields and blank lines; lines stay the file\'s', () => {
    const text = `\uFEFF${HEADER}\r\n"alice@mastodon.social",true,false,\r\n\r\n"x""y",true,false,\r\n"dave@a.example",true,false,"en,\r\nfr"\r\nerin@b.example\rnope\r`;
    const csv = parseMastodonCsv(text);
    expect(csv.header).toBe(true);
    expect(csv.accounts).toEqual(['alice@mastodon.social', 'dave@a.example', 'erin@b.example']);
    expect(csv.bad).toEqual([
      { line: 4, problem: notAddress('"x\\"y"') },
      { line: 8, problem: notAddress('"nope"') },
    ]);
  });

  it('folds duplicates (any spelling) and names a quote left open', () => {
    const csv = parseMastodonCsv('a@b.example\n@A@B.example\na@b.example,true\n"c@d.example,true\n');
    expect(csv).toMatchObject({ accounts: ['a@b.example'], duplicates: 2, badCount: 1 });
    expect(csv.bad).toEqual([{ line: 4, problem: { code: 'csvUnclosed' } }]);
  });

  it('refuses what is not user@server, and says why', () => {
    const csv = parseMastodonCsv(['foo', 'a@b', 'a b@c.example', '@c.example', 'a@-c.example', `${'u'.repeat(200)}@c.example`, ',true'].join('\n'));
    expect(csv.bad.map((b) => inEnglish(badLineProblem(b)))).toEqual([
      'line 1: "foo" is not an account address (user@server)',
      'line 2: "a@b" is not an account address (user@server)',
      'line 3: "a b@c.example" is not an account address (user@server)',
      'line 4: "@c.example" is not an account address (user@server)',
      'line 5: "a@-c.example" is not an account address (user@server)',
      'line 6: the account address is longer than 200 characters',
      'line 7: no account address',
    ]);
    expect(parseMastodonCsv('ünïcode@bücher.example\n').accounts).toEqual(['ünïcode@bücher.example']);
  });

  it('lists at most 100 bad lines but counts them all', () => {
    const csv = parseMastodonCsv(Array.from({ length: 500 }, (_, i) => `bad${i}`).join('\n'));
    expect(csv.bad).toHaveLength(100);
    expect(csv.badCount).toBe(500);
  });
});

describe('importMastodonFollows', () => {
  it('a 5,000-row file with 3 bad rows imports the 4,997 good ones in one go and names the 3 bad by line', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 5_000 }, (_, i) => `${acct(i)},true,false,`);
    rows[16] = 'foo,true,false,';
    rows[2_500] = 'someone@,true,false,';
    rows[4_999] = '"not an address",true,false,';
    const result = await importMastodonFollows(db, new Blob([[HEADER, ...rows].join('\n')]), { now: 5 });
    expect(result).toMatchObject({ rows: 5_000, badCount: 3, duplicates: 0, offered: 4_997, kept: 4_997, overCap: 0, refused: 0, changed: 4_997 });
    expect(result.bad).toEqual([
      { line: 18, problem: notAddress('"foo"') },
      { line: 2_502, problem: notAddress('"someone@"') },
      { line: 5_001, problem: notAddress('"not an address"') },
    ]);
    expect(await countFollows(db, 'mastodon')).toBe(4_997);
    const follows = await listFollows(db, 'mastodon');
    expect(follows.every((f) => f.source === 'import' && f.learnedAt === 5 && f.accountId === f.handle)).toBe(true);
    expect(follows.map((f) => f.accountId)).toContain(acct(17));
  });

  it('takes the site as data: any site key', async () => {
    const db = freshDb();
    await importMastodonFollows(db, 'a@b.example\n', { site: 'fedi', now: 1 });
    expect(await listFollows(db, 'fedi')).toEqual([{ site: 'fedi', accountId: 'a@b.example', handle: 'a@b.example', learnedAt: 1, source: 'import' }]);
  });

  it('an empty file, a header alone, or a file of nothing but bad rows is refused with a sentence, nothing written', async () => {
    const db = freshDb();
    const before = await dumpDb(db);
    for (const text of ['', '\uFEFF', `${HEADER}\r\n`, '\n\n']) {
      expect((await rejection(importMastodonFollows(db, text))).problem).toEqual({ code: 'csvNoAccounts' });
      expect(inEnglish(await rejection(importMastodonFollows(db, text)))).toMatch(/^the file lists no accounts/);
    }
    expect(inEnglish(await rejection(importMastodonFollows(db, '{"format":"doorman-backup"}\n')))).toMatch(
      /^no row of the file is an account address \(user@server\); the first bad one is line 1: /,
    );
    expect(await dumpDb(db)).toBe(before);
  });

  it('a 50 MB file is refused by its size before it is read', async () => {
    const big = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    let read = false;
    Object.defineProperty(big, 'text', { value: () => { read = true; return Promise.resolve(''); } });
    const e = await rejection(parseMastodonFollows(big));
    expect(inEnglish(e)).toMatch(/^the file is too large/);
    expect(read).toBe(false);
  });

  it('past the cap of list and import rows, the rest are counted and said, not lost silently; the graph stays within its cap', async () => {
    const db = freshDb();
    const n = FOLLOW_CAPS.trusted + 50;
    const lines = Array.from({ length: n }, (_, i) => acct(i)).join('\n');
    expect(await importMastodonFollows(db, lines, { now: 9 })).toMatchObject({ offered: n, notImported: 50, kept: FOLLOW_CAPS.trusted, overCap: 0, refused: 0 });
    expect(await countFollows(db, 'mastodon')).toBe(FOLLOW_CAPS.trusted);

    // 100 Following-list rows leave room for 7,900 imports: the last 100 of the file's first 8,000 are kept as page-learned.
    const other = freshDb();
    await learnFollows(other, 'mastodon', Array.from({ length: 100 }, (_, i) => ({ accountId: `listed${i}@x.example`, handle: `listed${i}@x.example`, following: true })), 'following-list', 1);
    await learnFollows(other, 'mastodon', Array.from({ length: 1_900 }, (_, i) => ({ accountId: `seen${i}@x.example`, handle: `seen${i}@x.example`, following: true })), 'page', 1);
    expect(await importMastodonFollows(other, lines, { now: 9 })).toMatchObject({ notImported: 50, kept: FOLLOW_CAPS.trusted - 100, overCap: 100 });
    expect(await countFollows(other, 'mastodon')).toBe(FOLLOW_CAPS.total);
  });

  it('a page-learned follow becomes an import; a Following-list row stays the user\'s own (now as an import)', async () => {
    const db = freshDb();
    await learnFollows(db, 'mastodon', [{ accountId: 'a@b.example', handle: 'a@b.example', following: true }], 'page', 1);
    await learnFollows(db, 'mastodon', [{ accountId: 'c@d.example', handle: 'c@d.example', following: true }], 'following-list', 1);
    const result = await importMastodonFollows(db, 'a@b.example\nc@d.example\n', { now: 2 });
    expect(result).toMatchObject({ kept: 2, overCap: 0 });
    const sources = Object.fromEntries((await listFollows(db, 'mastodon')).map((f) => [f.accountId, f.source]));
    expect(sources).toEqual({ 'a@b.example': 'import', 'c@d.example': 'import' });
  });

  it('a storage failure writes nothing and says it is the storage', async () => {
    const db = freshDb();
    const faults = injectWriteFaults(db);
    const before = await dumpDb(db);
    faults.failAlways('wrapped');
    const e = await importMastodonFollows(db, 'a@b.example\n').then(() => null, (err: unknown) => err);
    expect((e as Error).name).toBe('StorageWriteError');
    faults.heal();
    expect(await dumpDb(db)).toBe(before);
  });
});

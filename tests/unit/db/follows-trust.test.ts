// The follow graph's trust rules: page facts are hints that never override what the Following list or
// an import said, a handle names one account at a time, and the table keeps to its per-site caps.
import { afterEach, describe, expect, it } from 'vitest';
import { FOLLOW_CAPS, MAX_FOLLOW_DELTA, countFollows, learnFollows, learnFollowsDelta, listFollows } from '../../../src/db/follows';
import type { FollowRow } from '../../../src/db/database';
import { currentRevision } from '../../../src/db/revision';
import { dropAll, freshDb } from './helpers';

afterEach(dropAll);

const T = 1_800_000_000_000;
const follow = (accountId: string, handle: string, following = true) => ({ accountId, handle, following });
const row = (accountId: string, handle: string, source: FollowRow['source'], learnedAt = T): FollowRow =>
  ({ key: accountId ? `x#${accountId}` : `x@${handle}`, site: 'x', accountId, handle, learnedAt, source });
const rows = async (db: ReturnType<typeof freshDb>) => (await db.follows.toArray()).map((r) => `${r.key} ${r.handle} ${r.source}`);

describe('page facts never override the Following list or an import', () => {
  it('a page fact neither downgrades nor rebinds a list row', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'alice')], 'following-list', T);
    expect(await learnFollows(db, 'x', [follow('1', 'alice')], 'page', T + 2 * 86_400_000)).toBe(0);
    expect(await learnFollows(db, 'x', [follow('1', 'mallory')], 'page', T)).toBe(0);
    expect(await listFollows(db)).toEqual([{ site: 'x', accountId: '1', handle: 'alice', learnedAt: T, source: 'following-list' }]);
    // The list itself may: a handle change it shows is the user's own list.
    expect(await learnFollows(db, 'x', [follow('1', 'alice2')], 'following-list', T + 1)).toBe(1);
    expect((await listFollows(db))[0]).toMatchObject({ handle: 'alice2', source: 'following-list' });
  });

  it('a page "not following" removes page-learned rows only; the Following list removes its own', async () => {
    const db = freshDb();
    await db.follows.bulkPut([row('1', 'alice', 'following-list'), row('2', 'bob', 'import'), row('', 'carol', 'import'), row('4', 'dave', 'page')]);
    const before = await currentRevision(db);
    const page = await learnFollowsDelta(db, 'x', [follow('1', 'alice', false), follow('2', 'bob', false), follow('3', 'carol', false), follow('4', 'dave', false)], 'page', T);
    expect(page).toMatchObject({ changed: 1, removed: [{ accountId: '4', handle: 'dave' }], added: [], base: before, revision: before + 1 });
    expect(await rows(db)).toEqual(['x#1 alice following-list', 'x#2 bob import', 'x@carol carol import']);
    expect(await learnFollows(db, 'x', [follow('1', 'alice', false), follow('2', 'bob', false), follow('3', 'carol', false)], 'following-list', T)).toBe(3);
    expect(await countFollows(db)).toBe(0);
  });

  it('a page fact does not tie an import by handle to an id; the Following list does', async () => {
    const db = freshDb();
    await db.follows.put(row('', 'goodbrand', 'import'));
    expect(await learnFollows(db, 'x', [follow('666', 'goodbrand')], 'page', T)).toBe(0);
    expect(await rows(db)).toEqual(['x@goodbrand goodbrand import']);
    const list = await learnFollowsDelta(db, 'x', [follow('123', 'goodbrand')], 'following-list', T);
    expect(list).toMatchObject({ changed: 1, added: [{ accountId: '123', handle: 'goodbrand' }], removed: [{ accountId: '123', handle: 'goodbrand' }] });
    expect(await rows(db)).toEqual(['x#123 goodbrand following-list']);
  });
});

describe('a handle names one account at a time', () => {
  it('the site showing a handle on another id deletes the page-learned row that had it', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('666', 'goodbrand')], 'page', T); // forged, or a handle that changed hands
    const real = await learnFollowsDelta(db, 'x', [follow('123', 'GoodBrand', false)], 'page', T + 1);
    expect(real).toMatchObject({ changed: 1, removed: [{ accountId: '666', handle: 'goodbrand' }], added: [] });
    expect(await countFollows(db)).toBe(0);
    // Followed or not: the same binding.
    await learnFollows(db, 'x', [follow('666', 'goodbrand')], 'page', T + 2);
    await learnFollows(db, 'x', [follow('123', 'goodbrand')], 'page', T + 3);
    expect(await rows(db)).toEqual(['x#123 goodbrand page']);
  });

  it('a list or import row keeps its follow under its id and loses the handle', async () => {
    const db = freshDb();
    await db.follows.bulkPut([row('5', 'bob', 'following-list'), row('6', 'erin', 'import')]);
    const learned = await learnFollowsDelta(db, 'x', [follow('9', 'bob', false), follow('10', 'erin')], 'page', T);
    expect(learned.removed).toEqual([{ accountId: '5', handle: 'bob' }, { accountId: '6', handle: 'erin' }]);
    expect(learned.added).toEqual([{ accountId: '5', handle: '' }, { accountId: '6', handle: '' }, { accountId: '10', handle: 'erin' }]);
    expect(await rows(db)).toEqual(['x#10 erin page', 'x#5  following-list', 'x#6  import']);
    // The next Following list visit names the account again.
    await learnFollows(db, 'x', [follow('5', 'bob_new')], 'following-list', T + 1);
    expect((await db.follows.get('x#5'))?.handle).toBe('bob_new');
  });

  it('within one batch, the last fact to show a handle holds it', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'same'), follow('2', 'same')], 'page', T);
    expect(await rows(db)).toEqual(['x#2 same page']);
  });

  it('keeps other sites\' rows with the same handle', async () => {
    const db = freshDb();
    await db.follows.put({ ...row('1', 'alice', 'page'), key: 'bsky#1', site: 'bsky' });
    await learnFollows(db, 'x', [follow('2', 'alice')], 'page', T);
    expect(await countFollows(db)).toBe(2);
  });
});

describe('handle and id syntax', () => {
  it('leaves out ids X never uses and keeps the follow of a handle X could not have, without the handle', async () => {
    const db = freshDb();
    expect(await learnFollows(db, 'x', [follow('not-an-id', 'alice'), follow('1', 'a'.repeat(16)), follow('2', 'ok_handle')], 'page', T)).toBe(2);
    expect(await rows(db)).toEqual(['x#1  page', 'x#2 ok_handle page']);
  });
});

describe('caps', () => {
  const pageRows = (n: number, from = 0, learnedAt = (i: number) => T + i) =>
    Array.from({ length: n }, (_, i) => row(String(100_000 + from + i), `p${from + i}`, 'page', learnedAt(from + i)));

  it('evicts page-learned rows oldest first, never list or import rows, and stays at the cap', async () => {
    const db = freshDb();
    // The list and imports were learned first: oldest of all, and still kept.
    await db.follows.bulkPut([row('1', 'friend', 'following-list', 1), row('2', 'imported', 'import', 1), row('', 'byhandle', 'import', 1)]);
    await db.follows.bulkPut(pageRows(FOLLOW_CAPS.total - 3));
    expect(await countFollows(db, 'x')).toBe(FOLLOW_CAPS.total);
    const learned = await learnFollowsDelta(db, 'x', [follow('9', 'newcomer'), follow('10', 'another')], 'page', T + 1_000_000);
    expect(learned.added).toEqual([{ accountId: '9', handle: 'newcomer' }, { accountId: '10', handle: 'another' }]);
    expect(learned.removed).toEqual([{ accountId: '100000', handle: 'p0' }, { accountId: '100001', handle: 'p1' }]);
    expect(await countFollows(db, 'x')).toBe(FOLLOW_CAPS.total);
    expect(await db.follows.bulkGet(['x#1', 'x#2', 'x@byhandle', 'x#9', 'x#10', 'x#100002'])).not.toContain(undefined);
  });

  it('keeps list rows past their share as page-learned rows', async () => {
    const db = freshDb();
    const list = Array.from({ length: FOLLOW_CAPS.trusted - 1 }, (_, i) => row(String(i + 1), `l${i}`, 'following-list'));
    await db.follows.bulkPut(list);
    expect(await learnFollows(db, 'x', [follow('900001', 'last_fit'), follow('900002', 'one_over')], 'following-list', T)).toBe(2);
    expect((await db.follows.get('x#900001'))?.source).toBe('following-list');
    expect((await db.follows.get('x#900002'))?.source).toBe('page');
    expect(await db.follows.filter((r) => r.source !== 'page').count()).toBe(FOLLOW_CAPS.trusted);
  });

  it('a change too large for one delta is a gap: tabs at the old revision fetch the snapshot', async () => {
    const db = freshDb();
    const before = await currentRevision(db);
    const many = Array.from({ length: MAX_FOLLOW_DELTA + 1 }, (_, i) => follow(String(i + 1), `h${i}`));
    const learned = await learnFollowsDelta(db, 'x', many, 'page', T);
    expect(learned).toEqual({ changed: MAX_FOLLOW_DELTA + 1, added: [], removed: [], base: before + 1, revision: before + 2, gap: true });
    expect(await currentRevision(db)).toBe(before + 2);
    expect(await countFollows(db)).toBe(MAX_FOLLOW_DELTA + 1);
  });
});

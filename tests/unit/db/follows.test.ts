// learnFollows: the follow graph learned from pages, and what counts as a change.
import { afterEach, describe, expect, it } from 'vitest';
import { LEARNED_AT_REFRESH_MS, clearFollows, countFollows, learnFollows, listFollows } from '../../../src/db/follows';
import { currentRevision } from '../../../src/db/revision';
import { dropAll, freshDb } from './helpers';

afterEach(dropAll);

const T = 1_800_000_000_000;
const follow = (accountId: string, handle: string, following = true) => ({ accountId, handle, following });

describe('learnFollows', () => {
  it('stores followed accounts and ignores not-followed accounts it never knew', async () => {
    const db = freshDb();
    const changed = await learnFollows(db, 'x', [follow('1', '@Alice'), follow('2', 'bob'), follow('3', 'carol', false)], 'page', T);
    expect(changed).toBe(2);
    expect(await listFollows(db, 'x')).toEqual([
      { site: 'x', accountId: '1', handle: 'alice', learnedAt: T, source: 'page' },
      { site: 'x', accountId: '2', handle: 'bob', learnedAt: T, source: 'page' },
    ]);
  });

  it('reports no change when it sees the same follows again', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'alice')], 'page', T);
    const revision = await currentRevision(db);
    expect(await learnFollows(db, 'x', [follow('1', 'alice')], 'page', T + 1000)).toBe(0);
    expect(await currentRevision(db)).toBe(revision);
    // Within the refresh window the row is not even rewritten.
    expect((await listFollows(db))[0]?.learnedAt).toBe(T);
  });

  it('refreshes learnedAt once a day without calling it a change', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'alice')], 'page', T);
    expect(await learnFollows(db, 'x', [follow('1', 'alice')], 'page', T + LEARNED_AT_REFRESH_MS)).toBe(0);
    expect((await listFollows(db))[0]?.learnedAt).toBe(T + LEARNED_AT_REFRESH_MS);
  });

  it('counts a handle change and an unfollow as changes', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'alice'), follow('2', 'bob')], 'page', T);
    const before = await currentRevision(db);
    expect(await learnFollows(db, 'x', [follow('1', 'alice_new'), follow('2', 'bob', false)], 'page', T)).toBe(2);
    expect(await listFollows(db)).toEqual([{ site: 'x', accountId: '1', handle: 'alice_new', learnedAt: T, source: 'page' }]);
    expect(await currentRevision(db)).toBe(before + 1);
  });

  it('keeps the last word on an account within one batch', async () => {
    const db = freshDb();
    expect(await learnFollows(db, 'x', [follow('1', 'alice'), follow('1', 'alice', false)], 'page', T)).toBe(0);
    expect(await countFollows(db)).toBe(0);
  });

  it('replaces a handle-only row (from an import) once the account id is known', async () => {
    const db = freshDb();
    await db.follows.put({ key: 'x@alice', site: 'x', accountId: '', handle: 'alice', learnedAt: 1, source: 'import' });
    expect(await learnFollows(db, 'x', [follow('1', 'alice')], 'following-list', T)).toBe(1);
    expect(await db.follows.toCollection().primaryKeys()).toEqual(['x#1']);
    expect((await listFollows(db))[0]?.source).toBe('following-list');
  });

  it('keeps sites apart', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'alice')], 'page', T);
    // Bluesky account ids are DIDs (its declared syntax).
    await learnFollows(db, 'bsky', [follow('did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', 'alice.bsky.social')], 'page', T);
    expect(await learnFollows(db, 'bsky', [follow('did:plc:aaaaaaaaaaaaaaaaaaaaaaaa', 'alice.bsky.social', false)], 'page', T)).toBe(1);
    expect((await listFollows(db)).map((f) => f.site)).toEqual(['x']);
  });
});

describe('clearFollows', () => {
  it('removes one site\'s follows and bumps the revision only when something went', async () => {
    const db = freshDb();
    await learnFollows(db, 'x', [follow('1', 'a'), follow('2', 'b')], 'page', T);
    await learnFollows(db, 'mastodon', [follow('c@example.social', 'c@example.social')], 'page', T);
    const before = await currentRevision(db);
    expect(await clearFollows(db, 'x')).toBe(2);
    expect(await currentRevision(db)).toBe(before + 1);
    expect(await clearFollows(db, 'x')).toBe(0);
    expect(await currentRevision(db)).toBe(before + 1);
    expect(await countFollows(db, 'mastodon')).toBe(1);
  });
});

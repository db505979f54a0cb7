// Rules, allowlist, brand overrides and settings: CRUD, validation and the revision each write bumps.
import { afterEach, describe, expect, it } from 'vitest';
import { addAllow, listAllowlist, removeAllow } from '../../../src/db/allowlist';
import { listAccountOverrides, listOverrides, noteAccountsSeen, setBrandOverride } from '../../../src/db/overrides';
import { currentRevision } from '../../../src/db/revision';
import {
  deleteRule, listRules, moveRule, reorderRules, saveRule, setRuleEnabled, unreadableRules,
} from '../../../src/db/rules';
import { getSettings, updateSettings } from '../../../src/db/settings';
import { SETTINGS_ROW_KEY } from '../../../src/db/settings-parse';
import { siteEnabled } from '../../../src/core/settings';
import { dropAll, freshDb, rule } from './helpers';

afterEach(dropAll);

describe('rules', () => {
  it('appends new rules, replaces same-id rules in place, deletes', async () => {
    const db = freshDb();
    await saveRule(db, rule('a'));
    await saveRule(db, rule('b'));
    await saveRule(db, rule('c'));
    await saveRule(db, rule('a', { name: 'Renamed' }));
    const rules = await listRules(db);
    expect(rules.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rules[0]).toMatchObject({ name: 'Renamed', enabled: true, sites: [] });
    expect(await deleteRule(db, 'b')).toBe(true);
    expect(await deleteRule(db, 'b')).toBe(false);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('rejects an invalid rule naming the field, writing nothing', async () => {
    const db = freshDb();
    const bad = rule('r', { when: { type: 'any', of: [{ type: 'text', mode: 'regex', pattern: '(?<=x)' }] } });
    await expect(saveRule(db, bad)).rejects.toMatchObject({ problem: { code: 'at', args: [{ path: ['rule', 'when', 'of', 0, 'pattern'] }, { problem: { code: 'notRegex' } }] } });
    expect(await db.rules.count()).toBe(0);
    expect(await currentRevision(db)).toBe(0);
  });

  it('reorders and moves, refusing an incomplete order', async () => {
    const db = freshDb();
    for (const id of ['a', 'b', 'c', 'd']) await saveRule(db, rule(id));
    await reorderRules(db, ['d', 'c', 'b', 'a']);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
    await moveRule(db, 'a', 1);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['d', 'a', 'c', 'b']);
    await moveRule(db, 'd', 99);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
    await expect(reorderRules(db, ['a', 'b'])).rejects.toThrow(/exactly the stored rules/);
    await expect(reorderRules(db, ['a', 'a', 'b', 'c'])).rejects.toThrow(/twice/);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('toggles enabled and bumps the revision only when a rule exists', async () => {
    const db = freshDb();
    await saveRule(db, rule('a'));
    const rev = await currentRevision(db);
    expect(await setRuleEnabled(db, 'a', false)).toBe(true);
    expect((await listRules(db))[0]?.enabled).toBe(false);
    expect(await setRuleEnabled(db, 'missing', false)).toBe(false);
    expect(await currentRevision(db)).toBe(rev + 1);
  });

  it('skips a stored row that no longer validates instead of failing the list', async () => {
    const db = freshDb();
    await saveRule(db, rule('good'));
    await db.rules.put({ ...rule('bad'), enabled: true, sites: [], when: { type: 'nonsense' } as never, order: 5 });
    expect((await listRules(db)).map((r) => r.id)).toEqual(['good']);
    // Listed for the options page with what is wrong, and left stored.
    expect(await unreadableRules(db)).toEqual([
      { table: 'rules', key: 'bad', problem: { code: 'at', args: [{ path: ['when', 'type'] }, { problem: { code: 'unknownType', args: [{ list: expect.arrayContaining(['all', 'any', 'not', 'followed']) }] } }] } },
    ]);
    expect(await db.rules.count()).toBe(2);
  });
});

describe('allowlist', () => {
  it('adds by id or handle, normalises handles and lists per site', async () => {
    const db = freshDb();
    await addAllow(db, { site: 'x', accountId: '42', handle: '@AcmeCo', displayName: 'Acme' }, 1000);
    await addAllow(db, { site: 'bsky', accountId: '', handle: 'shop.example.com' }, 2000);
    expect(await listAllowlist(db, 'x')).toEqual([{ site: 'x', accountId: '42', handle: 'acmeco', displayName: 'Acme', addedAt: 1000 }]);
    expect((await db.allowlist.toCollection().primaryKeys()).sort()).toEqual(['bsky@shop.example.com', 'x#42']);
  });

  it('keeps one row per account when the id becomes known, and the first addedAt', async () => {
    const db = freshDb();
    await addAllow(db, { site: 'x', accountId: '', handle: 'acme' }, 1000);
    await addAllow(db, { site: 'x', accountId: '42', handle: 'acme' }, 2000);
    await addAllow(db, { site: 'x', accountId: '42', handle: 'acme', displayName: 'Acme' }, 3000);
    expect(await listAllowlist(db)).toEqual([{ site: 'x', accountId: '42', handle: 'acme', displayName: 'Acme', addedAt: 2000 }]);
  });

  it('rejects an entry with neither id nor handle', async () => {
    const db = freshDb();
    await expect(addAllow(db, { site: 'x', accountId: '', handle: '' })).rejects.toMatchObject({ problem: { code: 'at', args: [{ path: ['allowlist', 'accountId'] }, { problem: { code: 'needsAccount' } }] } });
  });

  it('removes under both keys and reports how many rows went', async () => {
    const db = freshDb();
    await addAllow(db, { site: 'x', accountId: '42', handle: 'acme' });
    await db.allowlist.put({ key: 'x@acme', site: 'x', accountId: '', handle: 'acme', displayName: '', addedAt: 1 });
    const rev = await currentRevision(db);
    expect(await removeAllow(db, { site: 'x', accountId: '42', handle: '@ACME' })).toBe(2);
    expect(await removeAllow(db, { site: 'x', accountId: '42', handle: 'acme' })).toBe(0);
    expect(await db.allowlist.count()).toBe(0);
    expect(await currentRevision(db)).toBe(rev + 1);
  });
});

describe('brand overrides', () => {
  it('sets, changes and clears an override, one row per account', async () => {
    const db = freshDb();
    await setBrandOverride(db, { site: 'x', accountId: '', handle: 'Acme' }, 'brand', 10);
    await setBrandOverride(db, { site: 'x', accountId: '42', handle: 'acme', displayName: 'Acme Inc.' }, 'not-brand', 20);
    expect(await listOverrides(db)).toEqual([{ site: 'x', accountId: '42', handle: 'acme', brand: 'not-brand', setAt: 20 }]);
    expect(await listAccountOverrides(db)).toEqual([
      { site: 'x', accountId: '42', handle: 'acme', brand: 'not-brand', setAt: 20, displayName: 'Acme Inc.', seenAt: 20 },
    ]);
    await setBrandOverride(db, { site: 'x', accountId: '42', handle: 'acme' }, null);
    expect(await db.accounts.count()).toBe(0);
  });

  it('refreshes how an overridden account looks when it is seen again; a rename bumps the revision', async () => {
    const db = freshDb();
    await setBrandOverride(db, { site: 'x', accountId: '42', handle: 'acme', displayName: 'Acme' }, 'brand', 10);
    const rev = await currentRevision(db);
    const seen = (handle: string, displayName: string, at: number) => ({ site: 'x' as const, accountId: '42', handle, displayName, at });
    expect(await noteAccountsSeen(db, [seen('acme', 'Acme 🎉', 20)])).toEqual({ updated: 1, renamed: false });
    expect(await currentRevision(db)).toBe(rev);
    expect(await noteAccountsSeen(db, [seen('AcmeNew', 'Acme 🎉', 30)])).toEqual({ updated: 1, renamed: true });
    expect(await currentRevision(db)).toBe(rev + 1);
    expect(await listAccountOverrides(db)).toMatchObject([{ handle: 'acmenew', displayName: 'Acme 🎉', seenAt: 30 }]);
    // Accounts without an override are not recorded.
    expect(await noteAccountsSeen(db, [{ ...seen('x', 'y', 40), accountId: '7' }])).toEqual({ updated: 0, renamed: false });
    expect(await db.accounts.count()).toBe(1);
  });
});

describe('settings', () => {
  it('reads defaults from an empty database and merges patches', async () => {
    const db = freshDb();
    expect((await getSettings(db)).policy).toBe('balanced');
    const next = await updateSettings(db, { policy: 'strict', sites: { bsky: { enabled: false } }, log: { maxAgeDays: 7 } });
    expect(['x', 'bsky', 'mastodon'].map((site) => siteEnabled(next, site))).toEqual([true, false, true]);
    expect(next.log).toEqual({ maxEntries: 10_000, maxAgeDays: 7 });
    expect(await getSettings(db)).toEqual(next);
  });

  it('refuses an invalid patch naming the field and keeps the stored settings', async () => {
    const db = freshDb();
    await updateSettings(db, { policy: 'strict' });
    await expect(updateSettings(db, { brandThreshold: 500 })).rejects.toMatchObject({ problem: { code: 'at', args: [{ path: ['settings', 'brandThreshold'] }, { problem: { code: 'numberMax', args: [20] } }] } });
    expect((await getSettings(db)).brandThreshold).toBe(3);
    expect((await getSettings(db)).policy).toBe('strict');
  });

  it('salvages a damaged stored row field by field', async () => {
    const db = freshDb();
    await db.settings.put({ key: SETTINGS_ROW_KEY, value: { policy: 'strict', brandThreshold: 'lots', sites: { x: { enabled: false }, bsky: 'no' } } });
    const s = await getSettings(db);
    expect(s.policy).toBe('strict');
    expect(s.brandThreshold).toBe(3);
    expect(['x', 'bsky', 'mastodon'].map((site) => siteEnabled(s, site))).toEqual([false, true, true]);
  });
});

// Schema migrations: a database written by v1 opens with today's code and its data is carried over.
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_V1 } from '../../../src/db/database';
import { reasonCodeFromRuleId, unflattenSettings } from '../../../src/db/migrations';
import { queryLog } from '../../../src/db/log';
import { listRules } from '../../../src/db/rules';
import { getSettings } from '../../../src/db/settings';
import { listOverrides } from '../../../src/db/overrides';
import { defaultSettings, siteEnabled } from '../../../src/core/settings';
import { dropAll, freshDb, logEntry, rawDb, rule, uniqueName } from './helpers';

afterEach(dropAll);

/** Writes a database exactly as v1 left it: settings one row per key, log rows without reasonCode. */
async function seedV1(name: string): Promise<void> {
  const v1 = rawDb(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.open();
  await v1.table('settings').bulkPut([
    { key: 'policy', value: 'strict' },
    { key: 'brandThreshold', value: 5 },
    { key: 'sites.bsky.enabled', value: false },
    { key: 'log.maxEntries', value: 500 },
    { key: 'letVerifiedOrganizations', value: 'yes please' }, // invalid in v1 already: must fall back, not break
  ]);
  const withoutReason = ({ reasonCode: _r, ...e }: ReturnType<typeof logEntry>) => e;
  await v1.table('log').bulkAdd([
    withoutReason(logEntry('1', { ruleId: 'user:r1', at: 1 })),
    withoutReason(logEntry('2', { ruleId: 'policy:balanced:brand', kind: 'mention', at: 2 })),
    withoutReason(logEntry('3', { ruleId: 'policy:strict:not-followed', at: 3 })),
    withoutReason(logEntry('4', { ruleId: 'policy:balanced:ad', kind: 'ad', at: 4 })),
    withoutReason(logEntry('5', { ruleId: 'something-unheard-of', at: 5 })),
  ]);
  await v1.table('rules').put({ ...rule('r1'), enabled: true, sites: [], order: 0 });
  await v1.table('accounts').put({ key: 'x#42', site: 'x', accountId: '42', handle: 'acme', brand: 'not-brand', setAt: 7 });
  v1.close();
}

describe('v1 → v2 migration', () => {
  it('merges per-key settings into one validated object, defaults filling the rest', async () => {
    const name = uniqueName();
    await seedV1(name);
    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const rows = await db.settings.toArray();
    expect(rows.map((r) => r.key)).toEqual(['settings']);
    const s = await getSettings(db);
    expect(s.policy).toBe('strict');
    expect(s.brandThreshold).toBe(5);
    expect(siteEnabled(s, 'bsky')).toBe(false);
    expect(siteEnabled(s, 'x')).toBe(true);
    expect(s.log).toEqual({ maxEntries: 500, maxAgeDays: 30 });
    expect(s.letVerifiedOrganizations).toBe(defaultSettings().letVerifiedOrganizations);
  });

  it('derives each log entry\'s reasonCode from its ruleId and indexes it', async () => {
    const name = uniqueName();
    await seedV1(name);
    const db = freshDb(name);
    const byItem = Object.fromEntries((await db.log.toArray()).map((r) => [r.itemId, r.reasonCode]));
    expect(byItem).toEqual({ 1: 'user-rule', 2: 'brand-mention', 3: 'not-followed', 4: 'ad', 5: 'default' });
    expect((await queryLog(db, { reasonCode: 'ad' })).map((e) => e.itemId)).toEqual(['4']);
    expect(await db.log.where('reasonCode').equals('user-rule').count()).toBe(1);
  });

  it('keeps rules and overrides, adding the fields v2 rows carry', async () => {
    const name = uniqueName();
    await seedV1(name);
    const db = freshDb(name);
    expect((await listRules(db)).map((r) => r.id)).toEqual(['r1']);
    expect(await listOverrides(db)).toEqual([{ site: 'x', accountId: '42', handle: 'acme', brand: 'not-brand', setAt: 7 }]);
    const row = await db.accounts.get('x#42');
    expect(row).toMatchObject({ displayName: '', seenAt: 0 });
    expect(await db.accounts.where('brand').equals('not-brand').count()).toBe(1);
  });

  it('opens a new database straight at v2 with default settings', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(2);
    expect(await getSettings(db)).toEqual(defaultSettings());
  });
});

describe('migration helpers', () => {
  it('maps every classify rule id shape to its reason code', () => {
    expect(reasonCodeFromRuleId('site:paused', 'reply')).toBe('site-paused');
    expect(reasonCodeFromRuleId('policy:off', 'reply')).toBe('off');
    expect(reasonCodeFromRuleId('policy:balanced:brand', 'reply')).toBe('brand-reply');
    expect(reasonCodeFromRuleId('policy:balanced:unknown-follow', 'reply')).toBe('unknown-follow');
    expect(reasonCodeFromRuleId('policy:balanced:nonsense', 'reply')).toBe('default');
  });

  it('unflattens dotted keys without touching prototypes', () => {
    const out = unflattenSettings([
      { key: 'sites.x.enabled', value: false },
      { key: '__proto__.polluted', value: true },
      { key: 'policy', value: 'off' },
    ]);
    expect(out).toEqual({ sites: { x: { enabled: false } }, policy: 'off' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

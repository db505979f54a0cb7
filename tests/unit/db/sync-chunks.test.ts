// The storage.sync layout: any JSON cuts into items that each fit the per-item quota as the browser
// counts it (key + JSON of the value, UTF-8), joins back to the same text, and a mix of two writes'
// chunks is noticed instead of being read as data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYNC_QUOTA, chunkKey, cutJson, escapedBytes, itemBytes, joinPart, newer, partItems } from '../../../src/db/sync-chunks';

describe('sync chunks', () => {
  it('count every code point as JSON.stringify and UTF-8 do', () => {
    const wrong: string[] = [];
    const encoder = new TextEncoder();
    for (let c = 0; c < 0x110000; c++) {
      const ch = String.fromCodePoint(c);
      if (escapedBytes(ch) !== encoder.encode(JSON.stringify(ch)).length - 2) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('cut any text into items within the per-item quota that join back exactly', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3_000 }), fc.integer({ min: 40, max: 400 }), (s, limit) => {
      const json = JSON.stringify({ s });
      const chunks = cutJson('rules', json, limit);
      chunks.forEach((c, i) => expect(itemBytes(chunkKey('rules', i), c)).toBeLessThanOrEqual(limit));
      expect(chunks.join('')).toBe(json);
    }), { numRuns: 100 });
  }, 30_000);

  it('fill items close to the quota (quotes and non-ASCII counted as the browser counts them)', () => {
    const json = JSON.stringify(Array.from({ length: 2_000 }, (_, i) => `"Ünïcode" 名前 ${i}`));
    const items = partItems('allowlist', json, { at: 1, by: 'p' });
    const sizes = Object.entries(items).filter(([k]) => k.includes(':allowlist:')).map(([k, v]) => itemBytes(k, v));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM);
    // Every chunk but the last is at least 95% full.
    for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThan(SYNC_QUOTA.QUOTA_BYTES_PER_ITEM * 0.95);
    expect(joinPart('allowlist', items)?.json).toBe(json);
  });

  it('notice chunks of two different writes', () => {
    const first = partItems('rules', JSON.stringify({ a: 'x'.repeat(20_000) }), { at: 1, by: 'p' });
    const second = partItems('rules', JSON.stringify({ a: 'y'.repeat(20_000) }), { at: 2, by: 'p' });
    expect(joinPart('rules', { ...first, [chunkKey('rules', 1)]: second[chunkKey('rules', 1)] })).toBeNull();
    expect(joinPart('rules', { ...first })?.header.at).toBe(1);
    expect(joinPart('rules', {})).toBeNull();
  });

  it('order writes by time, then by profile id', () => {
    expect(newer({ at: 2, by: 'a' }, { at: 1, by: 'z' })).toBe(true);
    expect(newer({ at: 1, by: 'b' }, { at: 1, by: 'a' })).toBe(true);
    expect(newer({ at: 1, by: 'a' }, { at: 1, by: 'b' })).toBe(false);
    expect(newer({ at: 1, by: 'a' }, undefined)).toBe(true);
  });
});

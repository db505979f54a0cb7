// Each site declares what its handles and ids look like (sites/site.ts); X's declaration must accept
// every account in the captured responses and refuse what no X account could be called.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeHandle } from '../../../src/core/handle';
import { accountIdFits, defineSite, handleFits, siteProblems } from '../../../src/sites/site';
import { x } from '../../../src/sites/x/site';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/x');

/** Every `screen_name` and user `rest_id` in the captured X API responses. */
function capturedAccounts(): { handles: string[]; ids: string[] } {
  const handles: string[] = [];
  const ids: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (typeof o.screen_name === 'string') handles.push(o.screen_name);
    if (o.__typename === 'User' && typeof o.rest_id === 'string') ids.push(o.rest_id);
    Object.values(o).forEach(walk);
  };
  for (const f of readdirSync(fixtures).filter((n) => n.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(fixtures, f), 'utf8')));
  return { handles, ids };
}

describe('X account syntax', () => {
  it('accepts every captured handle and user id', () => {
    const { handles, ids } = capturedAccounts();
    expect(handles.length).toBeGreaterThan(10);
    expect(ids.length).toBeGreaterThan(10);
    expect(handles.filter((h) => !handleFits(x, normalizeHandle(h)))).toEqual([]);
    expect(ids.filter((id) => !accountIdFits(x, id))).toEqual([]);
  });

  it('refuses what no X account could be called', () => {
    for (const bad of ['a'.repeat(16), 'good.brand', 'good-brand', 'gödbrand', 'alice@example.social', 'a b']) {
      expect(handleFits(x, normalizeHandle(bad)), bad).toBe(false);
    }
    expect(handleFits(x, '')).toBe(true); // unknown, not wrong
    for (const bad of ['did:plc:abc', '12a', '', '1'.repeat(31)]) expect(accountIdFits(x, bad), bad).toBe(false);
  });

  it('lets a site without declared syntax take any handle and id', () => {
    const open = defineSite({ id: 'open', name: 'Open', hosts: ['open.example'], content: 'src/sites/open/content.ts' });
    expect(handleFits(open, 'alice@example.social')).toBe(true);
    expect(accountIdFits(open, 'did:plc:abc')).toBe(true);
  });

  it('is checked: a pattern must be anchored', () => {
    const loose = defineSite({ ...x, id: 'loose', hosts: ['loose.example'], content: 'src/sites/loose/content.ts', pageWorld: undefined, accounts: { handle: /[a-z]+/, id: /^\d+$/g } });
    expect(siteProblems([loose])).toEqual([
      'site "loose": accounts.handle /[a-z]+/ must be anchored (^…$) and not global or sticky',
      'site "loose": accounts.id /^\\d+$/g must be anchored (^…$) and not global or sticky',
    ]);
  });
});

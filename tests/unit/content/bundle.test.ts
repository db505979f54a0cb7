// What each site's content script carries: it is parsed and run at document_start on every page
// load of a supported site, so it must not pull in the schema library, the regex engine (loaded only
// when a rule needs it, see src/content/regex-loader.ts), the database or the UI.
import { join } from 'node:path';
import { build } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../../src/sites/registry';

const ROOT = join(import.meta.dirname, '..', '..', '..');
// The polyfill too: it alone cost ~5 ms at document_start (src/content/extension-api.ts).
const FORBIDDEN = ['zod', 're2js', 'dexie', 'preact', 'webextension-polyfill'];

async function modulesOf(entry: string): Promise<string[]> {
  const out = await build({ input: join(ROOT, entry), platform: 'browser', write: false, logLevel: 'silent', output: { format: 'iife' } });
  return Object.keys(out.output[0].modules).map((id) => id.replace(`${ROOT}/`, ''));
}

const packageOf = (id: string): string | null => id.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? null;

describe('content script bundles', () => {
  for (const site of SITES) {
    it(`${site.id}: ${site.content} carries no schema library, regex engine, polyfill, database or UI`, async () => {
      const modules = await modulesOf(site.content);
      const packages = new Set(modules.map(packageOf).filter((p) => p !== null));
      expect([...packages].filter((p) => FORBIDDEN.includes(p))).toEqual([]);
      // The schema modules stay out too (they would bring zod back with them).
      expect(modules.filter((m) => /src\/core\/(model|rules|settings|lists|snapshot)\.ts$|src\/shared\/(messages|facts)\.ts$/.test(m))).toEqual([]);
      expect(modules.filter((m) => m.startsWith('src/') && !/^src\/(content|core|shared|sites)\//.test(m))).toEqual([]);
      // Rule budgets are applied where snapshots are built (background/snapshot.ts), not on every page load.
      expect(modules.filter((m) => /src\/core\/(rule-budget|regex-cost)\.ts$/.test(m))).toEqual([]);
    });
  }

  it('the regex engine file holds the engine (so the content script can do without it)', async () => {
    const packages = new Set((await modulesOf('src/content/regex-engine.ts')).map(packageOf));
    expect(packages.has('re2js')).toBe(true);
    expect(packages.has('zod')).toBe(false);
  });
});

// Page-world bundles run inside the site's own JS world: they must not pull in zod, extension APIs or
// the content / background layers. Type-only imports are erased and allowed. Lint checks the files by
// name; this follows every runtime import of every declared pageWorld entry, whatever the helpers are called.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as facts from '../../../src/shared/facts';
import * as tag from '../../../src/shared/facts-tag';
import { SITES } from '../../../src/sites/registry';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const root = path.join(project, 'src');
const FORBIDDEN = /^(zod|webextension-polyfill|dexie|preact)(\/|$)/;

/** Runtime (non-type) import specifiers of a TypeScript file. */
function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const typeOnly = m[2] !== undefined || /^\{\s*(type\s+[\w$]+\s*(as\s+[\w$]+\s*)?,?\s*)+\}$/.test(m[3] ?? '');
    if (!typeOnly) out.push(m[4]!);
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const specs = runtimeImports(file);
    seen.set(file, specs);
    for (const spec of specs) if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), `${spec}.ts`));
  }
  return seen;
}

describe('page-world bundle', () => {
  const entries = SITES.flatMap((s) => (s.pageWorld ? [[s.id, s.pageWorld] as const] : []));

  it('follows the whole runtime graph (X: its reader, the shared machinery, the facts constants)', () => {
    const names = [...graph(path.join(project, 'src/sites/x/page-world.ts')).keys()].map((f) => path.relative(root, f)).sort();
    expect(names).toContain('sites/x/page-facts.ts');
    expect(names).toContain('page-world/install.ts');
    expect(names).toContain('page-world/hooks.ts');
    expect(names).toContain('shared/facts-tag.ts');
  });

  it.each(entries)('%s: imports no zod, no extension APIs, nothing from content or background', (_, entry) => {
    for (const [file, specs] of graph(path.join(project, entry))) {
      const rel = path.relative(root, file);
      // core/handle.ts is the one core module the page world takes: one pure function, no imports.
      expect(rel, `${rel} is outside src/sites, src/page-world and src/shared`).toMatch(/^(sites\/|page-world\/|shared\/|core\/handle\.ts$)/);
      expect(rel).not.toBe('shared/facts.ts');
      expect(rel, 'the registry carries zod').not.toBe('sites/registry.ts');
      for (const spec of specs) expect(spec, `${rel} imports ${spec}`).not.toMatch(FORBIDDEN);
    }
  });

  it('the zod-free constants agree with the facts schema module', () => {
    expect(tag.FACTS_MESSAGE_TAG).toBe(facts.FACTS_MESSAGE_TAG);
    expect(tag.MAX_FACT_ACCOUNTS).toBe(facts.MAX_FACT_ACCOUNTS);
    expect(tag.MAX_FACT_ITEMS).toBe(facts.MAX_FACT_ITEMS);
  });
});

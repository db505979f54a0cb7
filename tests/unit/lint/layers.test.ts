// The layer rules of eslint.config.js, proved on probe files placed in the real layer folders: each
// rule must fire on a violation (a rule that silently resolves nothing would pass every file) and stay
// quiet on the allowed import next to it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

/** Lint `code` as if it were the file at `file` (relative to the repository; it need not exist). */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages;
}

const errors = (messages: Linter.LintMessage[], ruleId: string) =>
  messages.filter((m) => m.ruleId === ruleId && m.severity === 2);

// The first lint builds the TypeScript resolver's program: seconds on a busy 2-core machine.
describe('layer boundaries', { timeout: 30_000 }, () => {
  it('core importing ../db is an error', async () => {
    const messages = await lint('src/core/lint-probe.ts', "import { getDb } from '../db';\nexport const x = getDb;\n");
    expect(errors(messages, 'import-x/no-restricted-paths')).toHaveLength(1);
  });

  it('core may use zod and its own files, but no other package', async () => {
    const ok = await lint('src/core/lint-probe.ts', "import { z } from 'zod';\nimport { SITE_IDS } from './model';\nexport const x = [z, SITE_IDS];\n");
    expect(ok).toEqual([]);
    const bad = await lint('src/core/lint-probe.ts', "import Dexie from 'dexie';\nimport fs from 'node:fs';\nexport const x = [Dexie, fs];\n");
    expect(errors(bad, 'no-restricted-imports')).toHaveLength(2);
  });

  it('UI importing src/db/log directly is an error; src/db is fine', async () => {
    const direct = await lint('src/ui/lint-probe.ts', "import { countLog } from '../db/log';\nexport const x = countLog;\n");
    expect(errors(direct, 'import-x/no-restricted-paths')).toHaveLength(1);
    const viaIndex = await lint('src/ui/lint-probe.ts', "import { countLog } from '../db';\nexport const x = countLog;\n");
    expect(viaIndex).toEqual([]);
    const deeper = await lint('src/options/sections/lint-probe.ts', "import { countLog } from '../../db/log.ts';\nexport const x = countLog;\n");
    expect(errors(deeper, 'import-x/no-restricted-paths')).toHaveLength(1);
  });

  it('content importing background is an error', async () => {
    const messages = await lint('src/content/lint-probe.ts', "import { handlers } from '../background/handlers';\nexport const x = handlers;\n");
    expect(errors(messages, 'import-x/no-restricted-paths')).toHaveLength(1);
  });

  it('page-world code takes no zod and no extension globals', async () => {
    const messages = await lint('src/sites/x/page-world-probe.ts', "import { z } from 'zod';\nexport const x = [z, browser.runtime];\n");
    expect(errors(messages, 'no-restricted-imports')).toHaveLength(1);
    expect(errors(messages, 'no-restricted-globals')).toHaveLength(1);
  });

  it('an import that does not resolve is an error (it would escape the zones)', async () => {
    const messages = await lint('src/ui/lint-probe.ts', "import { x } from './no-such-file';\nexport const y = x;\n");
    expect(errors(messages, 'import-x/no-unresolved')).toHaveLength(1);
  });
});

describe('import cycles', { timeout: 30_000 }, () => {
  let dir = '';
  beforeAll(() => {
    // The rule reads the other side of a cycle from disk, so the probes are real files (removed after).
    dir = fs.mkdtempSync(path.join(root, 'src/ui/lint-cycle-'));
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import type { D } from './d';\nexport interface C { d?: D }\n");
    fs.writeFileSync(path.join(dir, 'd.ts'), "import type { C } from './c';\nexport interface D { c?: C }\n");
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a two-file cycle in both files', async () => {
    const results = await eslint.lintFiles([path.join(dir, 'a.ts'), path.join(dir, 'b.ts')]);
    for (const r of results) {
      const cycle = errors(r.messages, 'doorman/no-import-cycle');
      expect(cycle, r.filePath).toHaveLength(1);
      expect(cycle[0]!.message).toMatch(/lint-cycle-\w+\/(a|b)\.ts → .*\/(a|b)\.ts → .*\/(a|b)\.ts/);
    }
  });

  it('counts type-only imports', async () => {
    const results = await eslint.lintFiles([path.join(dir, 'c.ts')]);
    expect(errors(results[0]!.messages, 'doorman/no-import-cycle')).toHaveLength(1);
  });

  it('is quiet when the edge back is removed', async () => {
    const messages = await lint(path.relative(root, path.join(dir, 'a.ts')), 'export const a = 1;\n');
    expect(messages).toEqual([]);
  });
});

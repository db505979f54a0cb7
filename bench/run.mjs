// Runs every benchmark under bench/ (files named *.bench.ts), one after another, each in its own Node
// process so one benchmark's JIT state and heap cannot colour the next.
// Each file is bundled with rolldown (it ships with vite 8) the way the extension's code is bundled:
// TypeScript stripped, our own modules inlined, packages left to Node's own resolver.
//
//   node bench/run.mjs              run them all
//   node bench/run.mjs classify     only files whose name contains "classify"
//   node bench/run.mjs --prof ...   also write a V8 CPU profile per benchmark into .tmp/bench-prof/
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');
// Under node_modules so the bundles resolve packages from the project's node_modules.
const outDir = join(root, 'node_modules', '.cache', 'doorman-bench');
const profDir = join(root, '.tmp', 'bench-prof');

const args = process.argv.slice(2);
const prof = args.includes('--prof');
const filters = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ') || '*.bench.ts'} in ${benchDir}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
if (prof) mkdirSync(profDir, { recursive: true });

let failed = 0;
for (const file of files) {
  const name = file.replace(/\.ts$/, '');
  console.log(`\n━━ ${file} ━━`);
  const nodeArgs = ['--enable-source-maps'];
  if (prof) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}.cpuprofile`);
  let script;
  if (file.endsWith('.browser.bench.ts')) {
    // Drives Chromium through the e2e harness: run the sources as they are (see run-in-vite.mjs).
    script = [join(benchDir, 'run-in-vite.mjs'), join(benchDir, file)];
  } else {
    const outFile = join(outDir, `${name}.mjs`);
    await build({
      input: join(benchDir, file),
      platform: 'node',
      logLevel: 'warn',
      // Bare specifiers (zod, re2js, playwright-core …) stay imports; relative ones are bundled.
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: { file: outFile, format: 'esm', sourcemap: true },
    });
    script = [outFile];
  }
  const r = spawnSync(process.execPath, [...nodeArgs, ...script], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    failed++;
    console.error(`✗ ${file} exited with ${r.status ?? r.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);

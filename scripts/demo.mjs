// Runs scripts/demo.ts. Node 20 cannot execute TypeScript, so the demo (and the e2e harness it
// uses) is loaded through Vite's module runner, which the project already depends on.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./demo.ts', import.meta.url));
const { module } = await runnerImport(entry, { configFile: false, logLevel: 'error' });
process.exitCode = await module.main(process.argv.slice(2));

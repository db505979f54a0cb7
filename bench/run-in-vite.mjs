// Runs one TypeScript benchmark through Vite's module runner instead of a bundle. Browser benchmarks
// use the e2e harness, which finds the repo and the replica's files from each module's own
// import.meta.url; bundling would move those URLs.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/run-in-vite.mjs <bench file>');
await runnerImport(resolve(file), { configFile: false, logLevel: 'error' });

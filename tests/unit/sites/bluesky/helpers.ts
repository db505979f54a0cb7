// Shared test plumbing for Bluesky: the vendored captures (tests/fixtures/bluesky), happy-dom pages with
// scripts off, and a parse environment as the controller would build it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterTools } from '../adapter-harness';
import { bskyAdapter } from '../../../../src/sites/bluesky/adapter';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/bluesky');

/** A real capture of bsky.app or its API, vendored with its source and licence (tests/fixtures/bluesky/README.md). */
export const readCapture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const readJson = (name: string): unknown => JSON.parse(readCapture(name));

export { loadPage, type Parsed } from '../adapter-harness';
export const { envFor, parseAll } = adapterTools(bskyAdapter);

// Shared test plumbing: the fixtures (real captures and hand-made replicas), happy-dom pages
// with scripts off, and a parse environment as the controller would build it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adapterTools } from '../adapter-harness';
import { xAdapter } from '../../../../src/sites/x/adapter';

const here = path.dirname(fileURLToPath(import.meta.url));

const FIXTURES = path.resolve(here, '../../../fixtures/x');

/** A real capture of x.com, vendored with its source and licence (tests/fixtures/x/README.md). */
export const readCapture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A hand-made replica of a page or response (tests/fixtures/x/README.md). */
export const readFixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

export { loadPage, type Parsed } from '../adapter-harness';
export const { envFor, parseAll } = adapterTools(xAdapter);

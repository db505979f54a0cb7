// Shared test plumbing: the fixtures (real captures and hand-made replicas), happy-dom pages
// with scripts off, and a parse environment as the controller would build it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { FeedItem } from '../../../../src/core/model';
import { isParseFailure, type ParseEnv, type ParseFailure } from '../../../../src/content/adapter';
import { FactStore } from '../../../../src/content/fact-store';
import { xAdapter } from '../../../../src/sites/x/adapter';

const here = path.dirname(fileURLToPath(import.meta.url));

const FIXTURES = path.resolve(here, '../../../fixtures/x');

/** A real capture of x.com, vendored with its source and licence (tests/fixtures/x/README.md). */
export const readCapture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** A hand-made replica of a page or response (tests/fixtures/x/README.md). */
export const readFixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

export function loadPage(html: string, url: string): { win: Window; doc: Document } {
  const win = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  win.document.write(html);
  return { win, doc: win.document as unknown as Document };
}

export function envFor(url: string, facts = new FactStore()): ParseEnv {
  const u = new URL(url);
  return { url: u, context: xAdapter.contextFor(u), facts, batch: new Map() };
}

export interface Parsed {
  items: FeedItem[];
  failures: ParseFailure[];
  skipped: number;
}

export function parseAll(doc: Document, env: ParseEnv): Parsed {
  const out: Parsed = { items: [], failures: [], skipped: 0 };
  for (const el of doc.querySelectorAll(xAdapter.itemSelector)) {
    const r = xAdapter.parse(el, env);
    if (r === null) out.skipped++;
    else if (isParseFailure(r)) out.failures.push(r);
    else out.items.push(r);
  }
  return out;
}

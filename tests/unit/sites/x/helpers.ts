// Shared test plumbing: the real captures (found wherever the shared folder sits), happy-dom pages
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

/**
 * A capture from the shared folder (/work/shared/captures next to the repo). Looks in
 * $DOORMAN_CAPTURES first, then in a `shared/captures` beside any ancestor of this file, so the tests
 * work from a worktree or a checkout at another depth.
 */
export function capturePath(name: string): string {
  const tried: string[] = [];
  if (process.env.DOORMAN_CAPTURES) tried.push(path.join(process.env.DOORMAN_CAPTURES, name));
  for (let dir = here; ; dir = path.dirname(dir)) {
    tried.push(path.join(dir, 'shared', 'captures', name));
    if (path.dirname(dir) === dir) break;
  }
  const found = tried.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`capture ${name} not found; set DOORMAN_CAPTURES (tried ${tried.slice(0, 4).join(', ')} …)`);
  return found;
}

export const readCapture = (name: string): string => fs.readFileSync(capturePath(name), 'utf8');

export const readFixture = (name: string): string =>
  fs.readFileSync(path.resolve(here, '../../../fixtures/x', name), 'utf8');

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
  return { url: u, context: xAdapter.contextFor(u), facts };
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

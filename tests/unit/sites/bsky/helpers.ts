// Shared test plumbing for Bluesky: the vendored captures (tests/fixtures/bsky), happy-dom pages with
// scripts off, and a parse environment as the controller would build it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { FeedItem } from '../../../../src/core/model';
import { isParseFailure, type ParseEnv, type ParseFailure } from '../../../../src/content/adapter';
import { FactStore } from '../../../../src/content/fact-store';
import { bskyAdapter } from '../../../../src/sites/bsky/adapter';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/bsky');

/** A real capture of bsky.app or its API, vendored with its source and licence (tests/fixtures/bsky/README.md). */
export const readCapture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
export const readJson = (name: string): unknown => JSON.parse(readCapture(name));

export function loadPage(html: string, url: string): { win: Window; doc: Document } {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  win.document.write(html);
  return { win, doc: win.document as unknown as Document };
}

export function envFor(url: string, facts = new FactStore()): ParseEnv {
  const u = new URL(url);
  return { url: u, context: bskyAdapter.contextFor(u), facts, batch: new Map() };
}

export interface Parsed {
  items: FeedItem[];
  failures: ParseFailure[];
  skipped: number;
}

export function parseAll(doc: Document, env: ParseEnv): Parsed {
  const out: Parsed = { items: [], failures: [], skipped: 0 };
  for (const el of doc.querySelectorAll(bskyAdapter.itemSelector)) {
    const r = bskyAdapter.parse(el, env);
    if (r === null) out.skipped++;
    else if (isParseFailure(r)) out.failures.push(r);
    else out.items.push(r);
  }
  return out;
}

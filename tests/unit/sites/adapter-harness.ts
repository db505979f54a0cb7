// Test plumbing every site's adapter tests share: happy-dom pages with scripts off, and a parse
// environment and a parse of every item root as the controller would make them.
import { Window } from 'happy-dom';
import type { FeedItem } from '../../../src/core/model';
import { isParseFailure, type ParseEnv, type ParseFailure, type SiteAdapter } from '../../../src/content/adapter';
import { FactStore } from '../../../src/content/fact-store';

export function loadPage(html: string, url: string): { win: Window; doc: Document } {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  win.document.write(html);
  return { win, doc: win.document as unknown as Document };
}

export interface Parsed {
  items: FeedItem[];
  failures: ParseFailure[];
  skipped: number;
}

/** `envFor` and `parseAll` bound to one site's adapter. */
export function adapterTools(adapter: SiteAdapter): {
  envFor(url: string, facts?: FactStore): ParseEnv;
  parseAll(doc: Document, env: ParseEnv): Parsed;
} {
  return {
    envFor(url, facts = new FactStore()) {
      const u = new URL(url);
      return { url: u, context: adapter.contextFor(u), facts, batch: new Map() };
    },
    parseAll(doc, env) {
      const out: Parsed = { items: [], failures: [], skipped: 0 };
      for (const el of doc.querySelectorAll(adapter.itemSelector)) {
        const r = adapter.parse(el, env);
        if (r === null) out.skipped++;
        else if (isParseFailure(r)) out.failures.push(r);
        else out.items.push(r);
      }
      return out;
    },
  };
}

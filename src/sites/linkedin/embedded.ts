// The Voyager responses LinkedIn's initial HTML carries (the server renders them into hidden <code>
// elements, as the captures show): `<code id="bpr-guid-N">` holds a response body (HTML-escaped
// JSON), and the `<code id="datalet-bpr-guid-N">` after it the request it answered
// (`{"request":"/voyager/api/…","body":"bpr-guid-N",…}`). The app renders its first updates from
// these, never fetching them, so the page-world script reads them as they are parsed.
import type { PageReader, ReadFacts } from '../../page-world/install';
import { rec, str } from '../../page-world/json';

const BODY_PREFIX = 'bpr-guid-';
const DATALET_PREFIX = 'datalet-bpr-guid-';
/** A capped body: the feed's first page is ~200 KiB; nothing legitimate is near this. */
const MAX_BODY_CHARS = 4_000_000;
const MAX_BLOCKS = 200;

/** One datalet → the request URL and the body element's text, when both are sound. */
function blockOf(doc: Document, datalet: Element, origin: string): { url: URL; text: string } | null {
  let meta: unknown;
  try {
    meta = JSON.parse(datalet.textContent ?? '');
  } catch {
    return null;
  }
  const request = str(rec(meta)?.request);
  const bodyId = str(rec(meta)?.body);
  if (request === undefined || bodyId === undefined || !bodyId.startsWith(BODY_PREFIX) || request.length > 4_000) return null;
  const body = doc.getElementById(bodyId);
  const text = body?.tagName === 'CODE' ? (body.textContent ?? '') : '';
  if (text === '' || text.length > MAX_BODY_CHARS) return null;
  let url: URL;
  try {
    url = new URL(request, origin);
  } catch {
    return null;
  }
  return url.origin === origin ? { url, text } : null;
}

/**
 * Reads every embedded response once: now, each time a datalet is parsed (its body precedes it, so
 * both are complete then), and at DOMContentLoaded for any left. `deliver` posts the facts.
 */
export function readEmbedded(win: Window & typeof globalThis, reader: PageReader, deliver: (facts: ReadFacts) => void): void {
  const doc = win.document;
  const done = new WeakSet<Element>();
  let blocks = 0;
  let viewerId: string | undefined;
  const parse = win.JSON.parse;
  const scan = (): void => {
    for (const el of doc.querySelectorAll(`code[id^="${DATALET_PREFIX}"]`)) {
      if (done.has(el) || blocks >= MAX_BLOCKS) continue;
      done.add(el);
      blocks++;
      const block = blockOf(doc, el, win.location.origin);
      if (block === null || !reader.shouldRead(block.url)) continue;
      if (reader.worthParsing && !reader.worthParsing(block.text)) continue;
      try {
        const facts = reader.read(block.url, parse(block.text), { path: win.location.pathname, viewerId, document: doc });
        if (facts === null) continue;
        viewerId = facts.viewerId ?? viewerId;
        deliver(facts);
      } catch {
        // A malformed block is the page's business; the next one may be fine.
      }
    }
  };
  scan();
  if (doc.readyState !== 'loading') return;
  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if ((n as Element).tagName === 'CODE' && ((n as Element).id ?? '').startsWith(DATALET_PREFIX)) {
          scan();
          return;
        }
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', () => {
    observer.disconnect();
    scan();
  }, { once: true });
}

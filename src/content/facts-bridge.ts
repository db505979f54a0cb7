// Receives facts from the page-world reader. The page is untrusted: every payload is size-checked
// and validated before it touches the fact store.
import type { PageFacts as Facts } from '../shared/facts';
import { checkPageFacts } from '../shared/facts-check';
import { FACTS_EVENT, FACTS_MESSAGE_TAG } from '../shared/facts-tag';
import type { SiteId } from '../sites/registry';

export { FACTS_EVENT };
const MAX_PAYLOAD_CHARS = 4_000_000;

export function parseFactsPayload(payload: unknown, site: SiteId): Facts | null {
  if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD_CHARS) return null;
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  return checkPageFacts(data, site);
}

/**
 * Facts posted as an object, as JSON text to check like any payload; undefined (refused) when the
 * object has no JSON form: a cycle, a BigInt, a throwing toJSON, nesting too deep to serialise. The
 * page posts what it likes, and a throw here would land in the page's event loop.
 */
function asText(facts: unknown): string | undefined {
  try {
    return JSON.stringify(facts ?? null);
  } catch {
    return undefined;
  }
}

/**
 * Listens on both channels the page-world script may use: a synchronous CustomEvent on the document
 * (so facts land before the page renders the response) and window.postMessage as a fallback.
 */
export function listenForFacts(win: Window, site: SiteId, onFacts: (facts: Facts) => void, onRejected: () => void, signal: AbortSignal): void {
  const handle = (payload: unknown) => {
    const facts = parseFactsPayload(payload, site);
    if (facts) onFacts(facts);
    else onRejected();
  };
  const onEvent = (e: Event) => handle((e as CustomEvent<unknown>).detail);
  const onMessage = (e: MessageEvent<unknown>) => {
    if (e.source !== win || typeof e.data !== 'object' || e.data === null) return;
    const envelope = e.data as { tag?: unknown; facts?: unknown };
    if (envelope.tag !== FACTS_MESSAGE_TAG) return;
    handle(typeof envelope.facts === 'string' ? envelope.facts : asText(envelope.facts));
  };
  win.document.addEventListener(FACTS_EVENT, onEvent, { signal });
  win.addEventListener('message', onMessage, { signal });
}

// What the page's API already told an old instance, handed to the new one that replaces it: the
// page will not fetch those responses again, and without the facts (follow state, badges) the new
// instance would show brand replies the old one had collapsed. Sent as DOM events (the two
// instances live in different JS worlds), validated like any facts from the page.
import type { SiteId } from '../sites/registry';
import type { PageFacts } from '../shared/facts';
import type { FactStore } from './fact-store';
import { parseFactsPayload } from './facts-bridge';

export const HANDOVER_EVENT = 'doorman:handover';

/** The accounts and items most likely still on the page; more would only cost the new instance time. */
const HANDOVER_ACCOUNTS = 5_000;
const HANDOVER_ITEMS = 10_000;

export function sendHandover(win: Window, site: SiteId, facts: FactStore): void {
  const Custom = (win as Window & typeof globalThis).CustomEvent;
  for (const chunk of facts.exportChunks(site, HANDOVER_ACCOUNTS, HANDOVER_ITEMS)) {
    win.document.dispatchEvent(new Custom(HANDOVER_EVENT, { detail: JSON.stringify(chunk) }));
  }
}

/**
 * Listens until `signal` aborts. An old instance may only learn it is orphaned after the new one has
 * started (at its next mutation batch or message), so hand-overs are taken at any time, and validated
 * like the page's own facts, which is all the page could forge them into.
 */
export function receiveHandover(win: Window, site: SiteId, onFacts: (facts: PageFacts) => void, signal: AbortSignal): void {
  win.document.addEventListener(HANDOVER_EVENT, (e) => {
    const parsed = parseFactsPayload((e as CustomEvent<unknown>).detail, site);
    if (parsed) onFacts(parsed);
  }, { signal });
}

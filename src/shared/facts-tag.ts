// Zod-free constants shared by the page-world readers and the isolated content script. The page
// world must stay tiny and free of zod, so these live apart from the facts schema (facts.ts).
// Keep in step with src/shared/facts.ts (a test compares them until facts.ts re-exports these).

/** Tag on window.postMessage envelopes so the content script ignores the page's own messages. */
export const FACTS_MESSAGE_TAG = 'doorman:facts/v1';

/**
 * Name of the CustomEvent (detail: the facts as a JSON string) dispatched on the document. Unlike
 * postMessage it is delivered synchronously, so facts land before the page renders the response.
 */
export const FACTS_EVENT = 'doorman:facts';

export const MAX_FACT_ACCOUNTS = 1_000;
export const MAX_FACT_ITEMS = 2_000;

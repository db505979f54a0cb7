// Runs in LinkedIn's own JS world at document_start, before the app's scripts: reads the Voyager
// responses the app fetches as you scroll (through the shared fetch/XHR hooks) and those the initial
// HTML embeds in <code> elements (embedded.ts), and hands compact facts (actor type, follow and
// connection state, sponsored updates) to the isolated content script.
import { installPageReader, isEmptyFacts, type ReadFacts } from '../../page-world/install';
import { FACTS_EVENT } from '../../shared/facts-tag';
import { readEmbedded } from './embedded';
import { linkedInPageReader } from './page-reader';

installPageReader(window, linkedInPageReader);

try {
  // Captured now, before the page's scripts run, as the shared machinery does for fetched responses.
  const doc = window.document;
  const dispatch = window.EventTarget.prototype.dispatchEvent;
  const Custom = window.CustomEvent;
  const stringify = window.JSON.stringify;
  const deliver = (facts: ReadFacts): void => {
    if (isEmptyFacts(facts)) return;
    Reflect.apply(dispatch, doc, [new Custom(FACTS_EVENT, { detail: stringify({ ...facts, site: linkedInPageReader.site }) })]);
  };
  readEmbedded(window, linkedInPageReader, deliver);
} catch {
  // Doorman failing must leave the site exactly as it was.
}

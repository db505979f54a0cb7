// Whether a page is a Mastodon web app at all, by the markers Mastodon's own layout renders (SITES.md):
// `script#initial-state` (the JSON the app boots from) or `meta[name="initialPath"]`. Doorman runs on
// servers the user adds, whose host says nothing: on a page without these it does nothing.
//
// The initial-state JSON carries `meta.access_token`, the user's bearer token. Doorman never parses
// that JSON and never copies its text: the one thing it reads from it is the viewer's numeric account
// id (`"me":"<digits>"`), by a regex that can only match digits.

/**
 * Mastodon's own markers are in the document (true as soon as the parser has passed them). Self-
 * contained (no module state) so the popup can run it in a tab as it is (scripting.executeScript's
 * `func`, with no arguments: `doc` is then that page's document).
 */
export function isMastodonPage(doc: Document = document): boolean {
  return doc.getElementById('initial-state') !== null || doc.querySelector('meta[name="initialPath"]') !== null;
}

/** `"me":"123"` inside initial-state's `meta`; digits only, so nothing else of the JSON is kept. */
const ME = /"me"\s*:\s*"(\d{1,30})"/;

/** The viewer's per-server account id from the initial state, or undefined (signed out, or no marker). */
export function viewerServerId(doc: Document): string | undefined {
  const script = doc.getElementById('initial-state');
  if (script === null || script.tagName !== 'SCRIPT') return undefined;
  const m = ME.exec(script.textContent ?? '');
  return m?.[1];
}

// Waits for Mastodon's markers before anything starts. The content script runs at document_start,
// before the parser reaches `<head>`; Mastodon's markers (script#initial-state, meta[name=initialPath])
// come in the server-rendered head, and the app renders no post before DOMContentLoaded, so waiting for
// the markers costs no verdict-before-paint. No marker by DOMContentLoaded: not a Mastodon app page.
import { isMastodonPage } from './markers';

/** Calls `start` once, as soon as `doc` shows Mastodon's markers; never when it does not by DOMContentLoaded. */
export function whenMastodonPage(doc: Document, start: () => void): void {
  if (isMastodonPage(doc)) {
    start();
    return;
  }
  if (doc.readyState !== 'loading') return;
  let started = false;
  const go = (): void => {
    if (started) return;
    started = true;
    observer.disconnect();
    start();
  };
  const observer = new MutationObserver(() => {
    // getElementById is a hash lookup: cheap enough for every parser batch until the head is in.
    if (doc.getElementById('initial-state') !== null) go();
  });
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', () => {
    observer.disconnect();
    if (!started && isMastodonPage(doc)) go();
  }, { once: true });
}

// Whether this script's extension is still there: free of the polyfill, so a content script can ask.

/**
 * After an update, reload, disable or uninstall Chromium leaves old content scripts running,
 * orphaned: `chrome.runtime.id` reads undefined from then on (and every API call throws). Read from
 * the raw global, not a wrapper, so nothing cached can answer for it.
 */
export function extensionAlive(): boolean {
  try {
    const g = globalThis as { chrome?: { runtime?: { id?: unknown } }; browser?: { runtime?: { id?: unknown } } };
    const raw = g.chrome ?? g.browser;
    return typeof raw?.runtime?.id === 'string' && raw.runtime.id !== '';
  } catch {
    return false;
  }
}

// One Doorman content script per page, even across extension updates. Chromium does not unload an
// updated extension's content scripts: the old one stays, orphaned, beside the new one. Three ways
// it learns it must retire, whichever world it runs in:
//  - same JS world (a second injection; Chromium re-using the world after an update): the new
//    instance finds the old one's handle on the global and stops it directly;
//  - another world: the new instance announces itself with a DOM event on the document; an old
//    instance whose extension is gone retires. A live one ignores it, so the page cannot switch
//    Doorman off by dispatching the event itself;
//  - nobody new (disabled, uninstalled): the next mutation batch finds the runtime gone (session.ts).
// Firefox unloads an updated extension's scripts outright; its leftovers are swept by the new one.

const KEY = Symbol.for('doorman.content');
export const STARTED_EVENT = 'doorman:content-started';

interface Holder {
  /** `forSuccessor`: a newer instance is starting (hand it what it needs before going). */
  retire(forSuccessor: boolean): void;
}

/** Retires whatever instance holds the page, then holds it until `signal` aborts. */
export function claimPage(win: Window, alive: () => boolean, retire: (forSuccessor: boolean) => void, signal: AbortSignal): void {
  const global = win as unknown as Record<symbol, Holder | undefined>;
  const previous = global[KEY];
  if (previous) {
    try {
      previous.retire(true);
    } catch {
      // Its world may be half torn down; the sweep after this removes what it left.
    }
  }
  const holder: Holder = { retire };
  global[KEY] = holder;
  signal.addEventListener('abort', () => {
    if (global[KEY] === holder) delete global[KEY];
  });
  win.document.dispatchEvent(new (win as Window & typeof globalThis).CustomEvent(STARTED_EVENT));
  win.document.addEventListener(STARTED_EVENT, () => {
    if (!alive()) retire(true);
  }, { signal });
}

/** How long a retired orphan waits for its successor before giving up on handing it anything. */
export const SUCCESSOR_WAIT_MS = 60_000;

/**
 * Calls `handOver` once when the next instance announces itself (within SUCCESSOR_WAIT_MS). An orphan
 * can notice it is orphaned before the update's new script is injected: it then waits for it.
 */
export function awaitSuccessor(win: Window, handOver: () => void): void {
  const doc = win.document;
  const done = new AbortController();
  doc.addEventListener(STARTED_EVENT, () => {
    done.abort();
    handOver();
  }, { signal: done.signal });
  setTimeout(() => done.abort(), SUCCESSOR_WAIT_MS);
}

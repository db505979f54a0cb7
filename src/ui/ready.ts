// Marks the moment a page first shows its data (not just its frame): a performance mark the
// benchmark reads, and a data attribute end-to-end tests can wait for.
import { useEffect, useLayoutEffect } from 'preact/hooks';

export const READY_MARK = 'doorman:first-render';
export const BOOT_MARK = 'doorman:boot';
export const LOG_COMPLETE_MARK = 'doorman:log-complete';

export function useReadyMark(ready: boolean): void {
  // A layout effect runs right after the DOM has the data, before the browser renders; the animation
  // frame callback then runs as the frame that paints it begins. (A plain effect would run only
  // after that paint, and add a frame to the figure.)
  useLayoutEffect(() => {
    if (!ready || document.documentElement.dataset.ready === '1') return;
    document.documentElement.dataset.ready = '1';
    requestAnimationFrame(() => performance.mark(READY_MARK));
  }, [ready]);
}

/** Marks, once, that a page's data is complete (e.g. the whole log read, after its first page showed). */
export function useCompleteMark(name: string, complete: boolean): void {
  useEffect(() => {
    if (!complete || performance.getEntriesByName(name).length > 0) return;
    requestAnimationFrame(() => performance.mark(name));
  }, [name, complete]);
}

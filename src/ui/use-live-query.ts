// Dexie's liveQuery as a Preact hook: re-runs the query whenever a table it read changes, in this
// page or any other context of the extension origin (background, popup, options).
import { liveQuery } from '../db';
import { useLayoutEffect, useState } from 'preact/hooks';

export interface Live<T> {
  /** undefined until the first result arrives. */
  value: T | undefined;
  error: unknown;
}

export function useLive<T>(query: () => Promise<T> | T, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ value: undefined, error: undefined });
  // Subscribed in a layout effect, i.e. before the first paint rather than after it: the query is
  // under way while the browser paints the skeleton, which is what first-render time depends on.
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: unknown) => {
        console.error('doorman: live query failed', error);
        setState((s) => ({ value: s.value, error }));
      },
    });
    return () => sub.unsubscribe();
    // The caller lists the query's inputs, as with useEffect.
  }, deps);
  return state;
}

/** The value alone (undefined while loading); errors are logged. */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): T | undefined {
  return useLive(query, deps).value;
}

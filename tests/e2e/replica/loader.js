// How the bsky.app, Mastodon and LinkedIn replica apps load, in the browser (served on each replica
// host at LOADER_PATH, loading.ts): a fetched JSON body is parsed as soon as it is complete, as the
// real apps render at once, while the rest of the held-open response is still read to its end (the
// server ends it `?lag=N` ms later: Doorman's fetch reader gets its facts then); and the home feed's
// infinite scroll (`?items=N`, the benchmarks) asks for the next page whenever the bottom comes
// within NEAR_BOTTOM_PX. Each app keeps its own markup, requests and paging. Plain browser JavaScript.

/** How near the bottom of the page the next page is asked for (the apps' own thresholds are alike). */
export const NEAR_BOTTOM_PX = 800;

/** The body of `res` as JSON once it is whole; `ended()` runs when the response has been read to its end. */
export async function readJsonEarly(res, ended) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // not whole yet
    }
    void (async () => {
      while (!(await reader.read()).done);
      ended();
    })();
    return data;
  }
  ended();
  return JSON.parse(text);
}

/**
 * Infinite scroll: while the bottom is near and `hasMore()`, `loadNext()` (one page, rendered) runs,
 * one at a time, and again after each page while the bottom stays near.
 */
export function pageWhileNearBottom(hasMore, loadNext) {
  let loading = false;
  const more = async () => {
    if (loading || !hasMore() || innerHeight + scrollY < document.documentElement.scrollHeight - NEAR_BOTTOM_PX) return;
    loading = true;
    await loadNext();
    loading = false;
    void more();
  };
  addEventListener('scroll', () => void more(), { passive: true });
  void more();
}

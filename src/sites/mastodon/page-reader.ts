// What Mastodon's MAIN-world script reads: the app's API responses (by path, on the page's own
// server), and only on a page that is a Mastodon app by its own markers (markers.ts). The viewer's
// per-server id comes from initial-state's `meta.me` (digits only: the access token beside it is never
// read into anything).
import type { PageReader } from '../../page-world/install';
import { isMastodonPage, viewerServerId } from './markers';
import { MastodonIds, mastodonPageFacts } from './page-facts';
import { mastodonApi } from './routes';
import { mastodon } from './site';

/** A reader for one page; it keeps the page's per-server id → address map between responses. */
export function mastodonPageReader(win: Window): PageReader {
  const ids = new MastodonIds(win.location.hostname);
  let viewer: string | undefined;
  return {
    site: mastodon.id,
    // Same origin only: Mastodon's app talks to its own server; any other host is not its API.
    shouldRead: (url) => url.origin === win.location.origin && mastodonApi(url.pathname) !== null && isMastodonPage(win.document),
    worthParsing: (text) => text.includes('"acct"') || text.includes('"followed_by"'),
    read(url, data, page) {
      const api = mastodonApi(url.pathname);
      if (api === null) return null;
      viewer ??= viewerServerId(page.document);
      return mastodonPageFacts(data, { api, requestPath: url.pathname, ids, viewerServerId: viewer });
    },
  };
}

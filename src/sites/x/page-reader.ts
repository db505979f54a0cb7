// What X's MAIN-world script reads: which API responses (GraphQL and REST v2 notifications, by path),
// and how one becomes facts, with the viewer and own-Following-list clues the response alone lacks.
import type { PageReader } from '../../page-world/install';
import { viewerIdFromCookie, xPageFacts } from './page-facts';
import { isOwnFollowingList, xApiOperation } from './routes';
import { x } from './site';
import { navViewerHandle } from './viewer';

export const xPageReader: PageReader = {
  site: x.id,
  shouldRead: (url) => xApiOperation(url.pathname) !== null,
  // Every account X sends, in either schema and in REST v2, has a screen_name; the viewer's id alone
  // comes as a rest_id. A body with neither (settings, feature switches, acks) has nothing to read.
  worthParsing: (text) => text.includes('"screen_name"') || text.includes('"rest_id"'),
  read(url, data, page) {
    const operation = xApiOperation(url.pathname);
    if (operation === null) return null;
    // The signed-in user's id: from a Viewer-type response, else X's `twid` cookie (`u=<id>`, not a secret).
    const viewerId = page.viewerId ?? viewerIdFromCookie(page.document.cookie);
    const ownFollowingList = operation === 'Following' && isOwnFollowingList({
      operation, requestUrl: url, pagePath: page.path, viewerId, viewerHandle: navViewerHandle(page.document) ?? undefined,
    });
    return xPageFacts(data, { viewerId, ownFollowingList });
  },
};

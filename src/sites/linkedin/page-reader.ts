// What LinkedIn's MAIN-world script reads: the Voyager API responses the app fetches (by path,
// `/voyager/api/…`, REST and GraphQL alike), and how one becomes facts, with the page's own
// connections and following lists marked as the user's word.
import type { PageReader } from '../../page-world/install';
import { linkedInPageFacts } from './page-facts';
import { isVoyagerApi, ownListOf } from './routes';
import { linkedin } from './site';

export const linkedInPageReader: PageReader = {
  site: linkedin.id,
  shouldRead: isVoyagerApi,
  // Every entity Doorman reads is keyed by a dash URN (profiles, companies, updates) or is the
  // signed-in member's /me; a body with neither (badges, config, tracking acks) has nothing to read.
  worthParsing: (text) => text.includes('urn:li:fsd_') || text.includes('"*miniProfile"'),
  read(url, data, page) {
    if (!isVoyagerApi(url)) return null;
    return linkedInPageFacts(data, { viewerId: page.viewerId, requestPath: url.pathname, ownList: ownListOf(page.path) });
  },
};

// Every site Doorman knows. Adding a site = declaring it in its own folder (site.ts) and one line in
// SITES; ids, names, host lookups, the manifest entries and the pages' lists all derive from it.
import { siteLookup } from './lookup';
import { bsky } from './bluesky/site';
import { linkedin } from './linkedin/site';
import { mastodon } from './mastodon/site';
import { x } from './x/site';

export const SITES = [x, bsky, mastodon, linkedin] as const;

export type Site = (typeof SITES)[number];
export type SiteId = Site['id'];

const lookup = siteLookup(SITES);

export const SITE_IDS: readonly SiteId[] = lookup.ids;
/** Sites with a content script today. */
export const LIVE_SITES: readonly SiteId[] = lookup.live;
export const { isSiteId, siteName, siteForHost, siteForUrl } = lookup;

/** The sentence for an id no site declares, e.g. `unknown site "myspace"; Doorman knows x`. */
export function unknownSite(id: unknown): string {
  return `unknown site ${JSON.stringify(id)}; Doorman knows ${SITE_IDS.join(', ')}`;
}

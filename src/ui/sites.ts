// Which sites Doorman runs on today, and the host names that mean each one. A site joins by getting
// a content script in the manifest and its hosts here; the pages list SITE_IDS and need no redesign.
import { SITE_IDS, type SiteId } from '../core/model';

/** Proper names, the same in every language (kept here so the pages need not load the classifier for them). */
export const SITE_NAMES: Record<SiteId, string> = { x: 'X', bsky: 'Bluesky', mastodon: 'Mastodon' };

export const SITE_HOSTS: Record<SiteId, readonly string[]> = {
  x: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  bsky: [],
  mastodon: [],
};

/** Sites with a content script today; the others show as "coming". */
export const LIVE_SITES: readonly SiteId[] = SITE_IDS.filter((s) => SITE_HOSTS[s].length > 0);

export function siteForUrl(url: string | undefined): SiteId | null {
  if (!url) return null;
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:') return null;
    host = u.hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const site of SITE_IDS) if (SITE_HOSTS[site].includes(host)) return site;
  return null;
}

export const hostOf = (url: string | undefined): string => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

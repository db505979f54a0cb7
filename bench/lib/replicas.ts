// The replicas the overhead and profile benchmarks drive: where each one's feed is and where its
// posts are (the post root, the element Doorman marks, an ad wrapper when the site has ads).
import type { PostMarkup } from './browser';

export interface Replica {
  name: string;
  /** The page to open; it must load more posts by itself while its bottom is near. */
  url: (items: number) => string;
  /** Where its posts are (X's markup when absent). */
  markup?: PostMarkup;
  /** The site shows ads in this feed (the baseline's painted-ads line proves the paint instrument sees them). */
  hasAds: boolean;
}

export const X_REPLICA: Replica = { name: 'x.com replica', url: () => 'https://x.com/home', hasAds: true };
/** Scroll mode: a page of 20 whenever the bottom comes within 800 px, up to the count, like the x.com replica. */
export const LEAN_REPLICA: Replica = { name: 'lean replica', url: (items) => `https://x.com/home?lean=1&mode=scroll&items=${items}`, hasAds: true };
/** The bsky.app replica's home feed, paged by cursor while the bottom is near; facts trail each page by its default lag. */
export const BSKY_REPLICA: Replica = {
  name: 'bsky.app replica',
  url: (items) => `https://bsky.app/?items=${items}`,
  markup: { post: '[data-testid^="feedItem-by-"]', cell: '[data-testid^="feedItem-by-"]', ad: null },
  hasAds: false,
};
/** The home timeline, paged by `max_id` while the bottom is near; Doorman marks the timeline cell (article[data-id]). */
export const MASTODON_REPLICA: Replica = {
  name: 'Mastodon replica',
  url: (items) => `https://mastodon.social/home?items=${items}`,
  markup: { post: '.status[data-id]', cell: 'article[data-id]', ad: null },
  hasAds: false,
};
const UPDATE = 'div.feed-shared-update-v2[data-urn]';
/** The home feed, paged by `start` while the bottom is near, up to `?items=`; Doorman marks the update itself. */
export const LINKEDIN_REPLICA: Replica = {
  name: 'www.linkedin.com replica',
  url: (items) => `https://www.linkedin.com/feed/?items=${items}`,
  markup: { post: UPDATE, cell: UPDATE, ad: null },
  hasAds: false,
};

export const REPLICAS: Record<string, Replica> = {
  x: X_REPLICA, lean: LEAN_REPLICA, bsky: BSKY_REPLICA, mastodon: MASTODON_REPLICA, linkedin: LINKEDIN_REPLICA,
};

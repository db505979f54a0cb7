// Every piece of bsky.app's markup Doorman relies on, in one place (react-native-web turns the app's
// testID props into data-testid). What the vendored captures (tests/fixtures/bluesky) show is marked
// "seen"; the rest is inferred and says so. Plain strings only: the page-world bundle may import this.

/**
 * A post in a feed, or a notification row, by its author's handle (seen: feed and profile captures).
 * On the notifications page (no capture; social-app's src/view/com/notifications/NotificationFeedItem.tsx):
 * a reply, mention or quote is a `feedItem-by-<author>` link around the post as a feed renders it;
 * likes, reposts and follows are `feedItem-by-<first author>` rows with no post of their own.
 */
export const FEED_ITEM_PREFIX = 'feedItem-by-';
/**
 * A post on a thread page (no capture; social-app's src/screens/PostThread/components/): replies are
 * ThreadItemPost / ThreadItemTreePost, the focal post ThreadItemAnchor.tsx, a view whose date is plain
 * text (ExpandedPostDetails' niceDate) with no link to the post itself.
 */
export const THREAD_ITEM_PREFIX = 'postThreadItem-by-';
export const FEED_ITEM = `[data-testid^="${FEED_ITEM_PREFIX}"]`;
export const THREAD_ITEM = `[data-testid^="${THREAD_ITEM_PREFIX}"]`;
/** Every root the adapter reads; the two never nest. */
export const ITEM_ROOTS = `${FEED_ITEM}, ${THREAD_ITEM}`;

/** The post's own text (seen). A quoted post's text has no test id. */
export const POST_TEXT = '[data-testid="postText"]';
/** A post's permalink: `/profile/<handle>/post/<rkey>`, the timestamp link (seen). */
export const POST_LINK = 'a[href*="/post/"]';
/** A quoted post embedded in this one (seen: `div[role="link"][aria-label="Post by <handle>"]`; English UI only, AVATAR_IMAGE covers every language). */
export const QUOTE_LABEL_PREFIX = 'Post by ';
/** The "Reposted by <name>" line above a repost (seen on the profile capture). English UI only. */
export const REPOST_LABEL_PREFIX = 'Reposted by ';
/**
 * The same line by its icon, in any language (seen on the profile capture): the repost arrows drawn
 * first in a `div[role="link"]`. The repost button draws them too, but inside a button.
 */
export const REPOST_LINE_ICON = 'div[role="link"] > svg > path[d^="M17.957 2.293a1 1 0 1 0-1.414 1.414L17.836 5H6"]';
/** An avatar (seen). Inside a `div[role="link"]` other than the post's own, it is a quoted post's author. */
export const AVATAR_IMAGE = '[data-testid="userAvatarImage"]';

/** Feed containers, for drift checks (seen: customFeedPage-feed-flatlist, postsFeed-flatlist). */
export const FEED_LIST = '[data-testid$="-flatlist"]';
/** Any post permalink with a timestamp tooltip (seen): the signature of a post, whatever its container. */
export const STAMPED_POST_LINK = 'a[href*="/post/"][data-tooltip]';

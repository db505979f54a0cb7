// Every piece of X's markup Doorman relies on, in one place. X renames things without notice: when a
// fixture test fails or detectDrift fires, this is the file to fix. Plain strings only — the page-world
// bundle imports this file too and must stay free of anything heavier.

/** One virtualised timeline row (a post, a header, a carousel, a spacer). */
export const CELL_ID = 'cellInnerDiv';
export const CELL = `[data-testid="${CELL_ID}"]`;
/** A post, reply, quote or ad. Quoted posts inside it are not articles. */
export const TWEET = 'article[data-testid="tweet"]';
/** A grouped notification on /notifications (likes, reposts, follows). */
export const NOTIFICATION = '[data-testid="notification"]';
/** Every root the adapter reads; the two never nest. */
export const ITEM_ROOTS = `${TWEET}, ${NOTIFICATION}`;

/** Header block with display name, @handle, badge and timestamp. */
export const USER_NAME = '[data-testid="User-Name"]';
export const TWEET_TEXT_ID = 'tweetText';
export const TWEET_TEXT = `[data-testid="${TWEET_TEXT_ID}"]`;
/** Candidate permalinks; the real one contains a TIME element. */
export const STATUS_LINK = 'a[href*="/status/"]';
export const TIME = 'time';

/** Wraps promoted posts (as an ancestor) — and also video players inside ordinary posts. */
export const PLACEMENT_TRACKING_ID = 'placementTracking';
export const PLACEMENT_TRACKING = `[data-testid="${PLACEMENT_TRACKING_ID}"]`;
/** "<name> reposted", "Pinned", "<name> liked" line above a post. */
export const SOCIAL_CONTEXT = '[data-testid="socialContext"]';
/** A quoted post: a clickable block inside the post, holding its own User-Name and tweetText (post-dom.ts tests it by hand too). */
export const QUOTE_BLOCK = 'div[role="link"]';
/** Horizontal carousels ("Pinned by people you follow"): condensed previews, not feed items. */
export const CAROUSEL_ID = 'ScrollSnap-List';
export const CAROUSEL = `[data-testid="${CAROUSEL_ID}"]`;

/** The timeline column; drift checks look here only. */
export const PRIMARY_COLUMN = '[data-testid="primaryColumn"]';
/** Fallback when the primary column's test id changes too. */
export const MAIN = 'main, [role="main"]';
/** Any article: used to notice posts that no longer match TWEET. */
export const ANY_ARTICLE = 'article';
/** A timestamped permalink anywhere: the signature of a post, whatever its container is called. */
export const TIMESTAMP_PERMALINK = 'a[href*="/status/"] time';

/** An avatar; its link names the account but holds a picture (or initials), not the display name. */
export const AVATAR = '[data-testid^="UserAvatar-Container"]';

/** The signed-in user's own profile link in the side navigation: `/<viewer screen_name>`. */
export const PROFILE_NAV_LINK = 'a[data-testid="AppTabBar_Profile_Link"]';

/** Labels X puts in a promoted post's header (English UI; the API flag covers other languages). */
export const AD_LABELS: ReadonlySet<string> = new Set(['Ad', 'Promoted']);
/** socialContext wording for reposts (English UI). */
export const REPOST_CONTEXT = /\b(reposted|retweeted)\b/i;
/** The "Replying to @x" line above a reply's text (English UI). */
export const REPLYING_TO = /^\s*Replying to\b/i;
/** The same words anywhere in a post: a cheap test before looking for the line itself. */
export const REPLYING_TO_WORDS = /Replying to\b/i;

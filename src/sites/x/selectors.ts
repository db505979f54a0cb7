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

/** An impression pixel (`top-impression-pixel`, …): X puts four around an ad, none around other posts. */
export const IMPRESSION_PIXEL = '[data-testid$="-impression-pixel"]';
/** A link carrying X's ad click id: only ads have them. */
export const AD_CLICK_LINK = 'a[href*="twclid="]';

// Icons, by the start of their svg path: the drawing says what a line is in every language. Sources:
// Control Panel for Twitter (insin/control-panel-for-twitter script.js @ 0962235a, `Svgs` and
// getTweetType: PROMOTED_PATH, RETWEET, the pinned and community prefixes) and X's own bundle and
// other public X filters recording the repost arrow beside socialContext ("M4.75 3.79l4.603 4.3").
/** The arrow beside "<name> reposted" (current drawing, then the older one). */
export const REPOST_ICON_PATHS: readonly string[] = ['M4.75 3.79l4.603 4.3', 'M4.5 3.88l4.432 4.14'];
/** The pin beside "Pinned", and the people beside a community's name: context lines that are not reposts. */
export const NOT_REPOST_ICON_PATHS: readonly string[] = ['M13 21l-1 2-1-2v-5H4.5v-2.287l', 'M7.471 21H.472l.029-1.027c.184'];
/** The box-and-arrow X draws beside "Promoted". */
export const PROMOTED_ICON = 'svg path[d^="M19.498 3h-15c-1.381"]';

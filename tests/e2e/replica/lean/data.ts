// The lean replica's timeline: an endless, stateless HomeTimeline whose n-th item follows from n.
// Every 10 items: 7 posts by people the viewer follows, 1 reply between two of them, 1 ad
// (promotedMetadata) and 1 reply from a brand the viewer does not follow (Business-verified or an
// affiliate, "DM us", a promo code, a tracking link). Built with the x.com replica's GraphQL
// builders, so the page-world reader sees the same response shapes as on the main replica.
import type { XTweet, XUser } from '../x/data';
import { USERS } from '../x/data';
import { FRIENDS } from '../x/filler';
import { cursorEntry, decodeCursor, encodeCursor, sortIndexes, tweetEntry, type BuildCtx } from '../x/graphql';

type Json = Record<string, unknown>;

export const LEAN_FEED = 'lean';
/** Items a page holds when the request does not say (X's web app asks for 20). */
export const LEAN_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** What item n is; the page and tests use the same rule (see lean.js). */
export type LeanKind = 'post' | 'reply' | 'ad' | 'brand-reply';
export function leanKind(n: number): LeanKind {
  switch (n % 10) {
    case 3: return 'ad';
    case 5: return 'reply';
    case 7: return 'brand-reply';
    default: return 'post';
  }
}

/** 19-digit ids under their own prefix (the main replica's filler uses 1912…–1915…). */
export const leanId = (n: number): string => `191600000000${String(n).padStart(7, '0')}`;

const ADVERTISERS: readonly XUser[] = [USERS.cloudhq, USERS.zapbank];
const BRANDS: readonly XUser[] = [USERS.acme, USERS.megamart, USERS.goodbrand, USERS.acmeSam];
const friendOf = (n: number): XUser => FRIENDS[(n * 7) % FRIENDS.length] ?? USERS.alice;

// ASCII only: the page cuts display_text_range and entity indices (code points) with plain string indices.
const POSTS = [
  'Morning run done. The river path is finally dry.',
  'Reading list for the weekend: three novels and a field guide to mosses.',
  'The light at 6pm right now is unreal.',
  'Trying a new cafe. Croissant 9/10, wifi 2/10.',
  'Our community garden needs volunteers on Saturday, come by!',
  'Made dumplings from scratch for the first time. Ugly but tasty.',
];
const REPLIES = ['Same here, it was great.', 'Save me a seat next time!', 'Looks lovely.'];
const BRAND_REPLIES = [
  'Hi! Sorry to hear that. DM us your order number and use code SAVE20 for 20% off: https://acme.example/help?utm_source=x',
  'Spring Sale! Use promo code SPRING50 for 50% off everything: https://megamart.example/deals?utm_campaign=spring',
  'Thanks for sharing! DM us and we will sort it out today.',
];
const ADS = ['Ship faster with CloudHQ. Start your free trial today: https://cloudhq.example/trial', 'Open an account in 3 minutes and get a $50 bonus. https://zapbank.example/join'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

export function leanTweet(n: number): XTweet {
  const id = leanId(n);
  const minutesAgo = 2 + n;
  const kind = leanKind(n);
  if (kind === 'ad') {
    const a = pick(ADVERTISERS, Math.floor(n / 10));
    return { id, authorId: a.id, text: pick(ADS, Math.floor(n / 10)), minutesAgo: 60 * 24, promoted: true, likes: 40 };
  }
  if (kind === 'reply' || kind === 'brand-reply') {
    const parent = friendOf(n - 1);
    const author = kind === 'reply' ? friendOf(n + 3) : pick(BRANDS, Math.floor(n / 10));
    const text = kind === 'reply' ? pick(REPLIES, n) : pick(BRAND_REPLIES, Math.floor(n / 10));
    // The parent is not served as its own item: the author of the post replied to is named directly.
    return { id, authorId: author.id, text, minutesAgo, replyTo: leanId(n - 1), replyToUser: { id: parent.id, handle: parent.handle }, likes: n % 5 };
  }
  return { id, authorId: friendOf(n).id, text: pick(POSTS, n), minutesAgo, likes: (n * 37) % 400, views: 500 + ((n * 911) % 20_000) };
}

/** HomeTimeline-shaped page of `count` items from `cursor` (a Bottom cursor always follows: the feed never ends). */
export function leanTimeline(variables: Record<string, unknown>, now: number): Json {
  const offset = decodeCursor(typeof variables.cursor === 'string' ? variables.cursor : undefined, LEAN_FEED);
  const asked = Number(variables.count);
  const count = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_PAGE_SIZE) : LEAN_PAGE_SIZE;
  const page = Math.floor(offset / LEAN_PAGE_SIZE);
  // Like the main replica: the 2025–26 user schema on even pages, the older `legacy` one on odd pages.
  const ctx: BuildCtx = { now, schema: page % 2 === 0 ? 'new' : 'legacy' };
  const sort = sortIndexes(1916000000000000000n - BigInt(offset));
  const entries: Json[] = [];
  for (let n = offset; n < offset + count; n++) entries.push(tweetEntry(leanTweet(n), ctx, sort));
  entries.push(cursorEntry('Top', encodeCursor(`${LEAN_FEED}-top`, offset), sort));
  entries.push(cursorEntry('Bottom', encodeCursor(LEAN_FEED, offset + count), sort));
  return { data: { home: { home_timeline_urt: { instructions: [{ type: 'TimelineAddEntries', entries }], metadata: { scribeConfig: { page: 'for_you' } } } } } };
}

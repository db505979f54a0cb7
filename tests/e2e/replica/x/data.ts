// The deterministic world the x.com replica serves: who the viewer is, whom they follow, and the
// scenario items Doorman must get right. Tests import the ids and handles from here and assert on
// `SCENARIO` expectations; the replica's API responses are built from the same records.
//
// Times are "minutes before the server started", so pages read like a live timeline ("5m", "2h")
// while ids, text and order never change.

export type Verification = 'none' | 'blue' | 'Business' | 'Government';

export interface XUser {
  id: string;
  handle: string;
  name: string;
  /** The viewer follows this account. */
  followed: boolean;
  followsYou: boolean;
  /** 'blue' is the paid badge alone (is_blue_verified); Business/Government are verified_type. */
  verification: Verification;
  professional?: 'Business' | 'Creator';
  /** X draws organisations' avatars square. */
  shape: 'Circle' | 'Square';
  /** Handle of the organisation whose affiliate label (BusinessLabel) the account carries. */
  affiliateOf?: string;
  /** Account creation, days before the server started. */
  ageDays: number;
  followers: number;
  bio: string;
}

export interface XTweet {
  id: string;
  authorId: string;
  /** Visible text; http(s) URLs become t.co entities, @handles become mention entities. */
  text: string;
  minutesAgo: number;
  /** Id of the post this replies to (the API adds the leading "@handle " and in_reply_to_*). */
  replyTo?: string;
  /** Author of the replied-to post when that post is not in the replica's data (the capture). */
  replyToUser?: { id: string; handle: string };
  quoteOf?: string;
  /** A repost: authorId reposted this post (text is ignored). */
  retweetOf?: string;
  media?: 'video' | 'photo';
  /** Served wrapped as {__typename: "TweetWithVisibilityResults", tweet: {...}}. */
  limitedVisibility?: boolean;
  likes?: number;
  views?: number;
  /** Served as an ad (promotedMetadata, placementTracking ancestor) — for generated filler ads. */
  promoted?: boolean;
}

export const VIEWER_ID = '1000';
export const VIEWER_HANDLE = 'doorman_demo';

const user = (u: Omit<XUser, 'followsYou' | 'ageDays' | 'followers' | 'bio'> & Partial<XUser>): XUser => ({
  followsYou: false, ageDays: 1500, followers: 800, bio: '', ...u,
});

/** Named accounts of the scenario, by role. */
export const USERS = {
  viewer: user({ id: VIEWER_ID, handle: VIEWER_HANDLE, name: 'Doorman Demo', followed: false, verification: 'none', shape: 'Circle', bio: 'Testing Doorman on a replica of x.com.' }),
  // People the viewer follows.
  alice: user({ id: '1001', handle: 'alice_writes', name: 'Alice Park', followed: true, followsYou: true, verification: 'none', shape: 'Circle', bio: 'Writer. Coffee. Long walks.' }),
  bob: user({ id: '1002', handle: 'bob_builds', name: 'Bob Ortiz', followed: true, followsYou: true, verification: 'blue', shape: 'Circle', bio: 'I build things out of wood and TypeScript.' }),
  carol: user({ id: '1003', handle: 'carol_reyes', name: 'Carol Reyes', followed: true, verification: 'none', shape: 'Circle', professional: 'Creator', bio: 'Illustrator.' }),
  dana: user({ id: '1004', handle: 'dana_films', name: 'Dana Films', followed: true, verification: 'blue', shape: 'Circle', professional: 'Creator', bio: 'Short films, long takes.' }),
  metro: user({ id: '1005', handle: 'metro_transit', name: 'Metro Transit', followed: true, verification: 'Government', shape: 'Square', bio: 'Official account of the city transit authority.' }),
  // Brands the viewer does not follow.
  acme: user({ id: '2001', handle: 'acmecorp', name: 'Acme Corp', followed: false, verification: 'Business', professional: 'Business', shape: 'Square', followers: 250_000, bio: 'Official Acme. Rocket skates, anvils, support.' }),
  megamart: user({ id: '2002', handle: 'shopmegamart', name: 'MegaMart Deals', followed: false, verification: 'Business', professional: 'Business', shape: 'Square', followers: 90_000, bio: 'Deals every day.' }),
  goodbrand: user({ id: '2003', handle: 'goodbrand', name: 'Good Brand Co.', followed: false, verification: 'Business', professional: 'Business', shape: 'Square', followers: 40_000, bio: 'Kind products. Real support.' }),
  acmeSam: user({ id: '2004', handle: 'sam_at_acme', name: 'Sam from Acme', followed: false, verification: 'blue', shape: 'Circle', affiliateOf: 'acmecorp', bio: 'Community @acmecorp.' }),
  cloudhq: user({ id: '2005', handle: 'cloudhq', name: 'CloudHQ', followed: false, verification: 'Business', professional: 'Business', shape: 'Square', followers: 60_000, bio: 'Ship faster.' }),
  zapbank: user({ id: '2006', handle: 'zapbank', name: 'ZapBank', followed: false, verification: 'Business', professional: 'Business', shape: 'Square', followers: 70_000, bio: 'Banking, zapped.' }),
  // Strangers who are not brands.
  pat: user({ id: '3001', handle: 'randompat', name: 'Pat Random', followed: false, verification: 'none', shape: 'Circle', ageDays: 400, bio: 'Just here for the skates.' }),
  blueGuy: user({ id: '3002', handle: 'blue_check_guy', name: 'Kyle ✓', followed: false, verification: 'blue', shape: 'Circle', ageDays: 60, bio: 'Opinions.' }),
} satisfies Record<string, XUser>;

const T = (n: number) => `19100000000000${String(n).padStart(5, '0')}`;

/** Scenario post ids, by role. */
export const IDS = {
  viewerPost: T(100),
  viewerOlderPost: T(101),
  aliceReply: T(110),
  acmeReply: T(111),
  patReply: T(112),
  viewerSelfReply: T(113),
  goodbrandReply: T(114),
  samReply: T(115),
  blueGuyReply: T(116),
  megaMention: T(120),
  goodbrandMention: T(121),
  alicePost: T(130),
  danaVideo: T(131),
  carolPost: T(132),
  bobReplyToCarol: T(133),
  patPost: T(134),
  patPost2: T(139),
  carolRepostOfPat: T(135),
  aliceQuote: T(136),
  acmeOwnPost: T(137),
  metroPost: T(138),
  adHome: T(140),
  adHomePage2: T(141),
  adThread: T(142),
  acmePinned: T(150),
} as const;

const U = USERS;
/** Every scenario post. Filler posts (filler.ts) are generated from their ids. */
export const TWEETS: readonly XTweet[] = [
  { id: IDS.viewerPost, authorId: U.viewer.id, minutesAgo: 95, likes: 12, views: 2400, text: "Anyone else's Acme Rocket Skates arriving with a wobbly wheel? Third pair this year. 🛼" },
  { id: IDS.viewerOlderPost, authorId: U.viewer.id, minutesAgo: 60 * 30, likes: 40, text: 'Shipping the first version of my little browser extension today.' },
  { id: IDS.aliceReply, authorId: U.alice.id, replyTo: IDS.viewerPost, minutesAgo: 90, likes: 3, text: 'Same here! Mine started wobbling after a week.' },
  { id: IDS.acmeReply, authorId: U.acme.id, replyTo: IDS.viewerPost, minutesAgo: 88, likes: 1, text: "Hi @doorman_demo, sorry to hear about the wobble! 😟 DM us your order number and use code ACME20 for 20% off a replacement pair: https://acme.example/support?utm_source=x" },
  { id: IDS.patReply, authorId: U.pat.id, replyTo: IDS.viewerPost, minutesAgo: 80, text: 'Have you tried tightening the axle nut? Fixed mine.' },
  { id: IDS.viewerSelfReply, authorId: U.viewer.id, replyTo: IDS.patReply, minutesAgo: 78, text: 'Tried it, no luck. Will try a new bearing.' },
  { id: IDS.goodbrandReply, authorId: U.goodbrand.id, replyTo: IDS.viewerPost, minutesAgo: 70, limitedVisibility: true, text: 'Thanks for sharing, @doorman_demo! Our wheels fit Acme skates too if you ever want to swap.' },
  { id: IDS.samReply, authorId: U.acmeSam.id, replyTo: IDS.viewerPost, minutesAgo: 65, text: "Hey! Sam from the Acme team here. DM us and we'll sort it out today." },
  { id: IDS.blueGuyReply, authorId: U.blueGuy.id, replyTo: IDS.viewerPost, minutesAgo: 50, text: 'Skill issue tbh' },
  { id: IDS.megaMention, authorId: U.megamart.id, minutesAgo: 40, text: '@doorman_demo 👋 Spring Sale! Use promo code SPRING50 for 50% off everything: https://megamart.example/deals?utm_campaign=spring' },
  { id: IDS.goodbrandMention, authorId: U.goodbrand.id, minutesAgo: 35, text: '@doorman_demo we loved your review of the bearings. Thanks for being a customer 💚' },
  { id: IDS.alicePost, authorId: U.alice.id, minutesAgo: 5, likes: 24, views: 980, text: 'Spring is finally here. First coffee on the balcony ☕' },
  { id: IDS.danaVideo, authorId: U.dana.id, minutesAgo: 12, media: 'video', likes: 310, views: 12_000, text: "Behind the scenes from today's shoot 🎬" },
  { id: IDS.carolPost, authorId: U.carol.id, minutesAgo: 30, likes: 58, text: 'Finished the poster for the zine fair. Printing tomorrow!' },
  { id: IDS.bobReplyToCarol, authorId: U.bob.id, replyTo: IDS.carolPost, minutesAgo: 25, likes: 4, text: 'Looks amazing. Save me a copy?' },
  { id: IDS.patPost, authorId: U.pat.id, minutesAgo: 200, likes: 7, text: 'Hot take: the best skate park is the empty parking lot behind the library.' },
  { id: IDS.patPost2, authorId: U.pat.id, minutesAgo: 140, likes: 2, text: 'Anyone know a good skate shop downtown? Asking for a friend (me).' },
  { id: IDS.carolRepostOfPat, authorId: U.carol.id, retweetOf: IDS.patPost, minutesAgo: 45, text: '' },
  { id: IDS.aliceQuote, authorId: U.alice.id, quoteOf: IDS.viewerPost, minutesAgo: 20, likes: 9, text: 'Can confirm, this happened to me too.' },
  { id: IDS.acmeOwnPost, authorId: U.acme.id, minutesAgo: 150, likes: 1200, views: 88_000, media: 'photo', text: 'Introducing Acme Rocket Skates 2.0 🚀 Shop now: https://acme.example/skates?utm_source=x' },
  { id: IDS.metroPost, authorId: U.metro.id, minutesAgo: 55, likes: 45, text: 'Line 4 is running on a weekend schedule today because of track works.' },
  { id: IDS.adHome, authorId: U.cloudhq.id, minutesAgo: 60 * 24 * 3, likes: 210, media: 'photo', text: 'Ship faster with CloudHQ. Start your free trial today: https://cloudhq.example/trial' },
  { id: IDS.adHomePage2, authorId: U.zapbank.id, minutesAgo: 60 * 24 * 5, likes: 90, text: 'Open an account in 3 minutes and get a $50 bonus. https://zapbank.example/join' },
  { id: IDS.adThread, authorId: U.cloudhq.id, minutesAgo: 60 * 24 * 4, likes: 30, text: 'Your team deserves better deploys. Try CloudHQ free.' },
  { id: IDS.acmePinned, authorId: U.acme.id, minutesAgo: 60 * 24 * 40, likes: 5000, text: 'Need help? Our support team is here 24/7. DM us!' },
];

/** Posts served as ads: `itemContent.promotedMetadata` and a `placementTracking` ancestor in the DOM. */
export const PROMOTED_IDS: ReadonlySet<string> = new Set([IDS.adHome, IDS.adHomePage2, IDS.adThread]);

export type Expected = 'shown' | 'collapsed' | 'hidden';
export type ReplicaPage = 'home' | 'thread' | 'notifications' | 'mentions';

export interface ScenarioCase {
  /** The post id the DOM shows (its permalink `/<handle>/status/<tweetId>`). */
  tweetId: string;
  handle: string;
  authorId: string;
  /** Replica pages whose first API page carries it. */
  pages: ReplicaPage[];
  /** What Doorman's default (Balanced) policy should do with it. */
  balanced: Expected;
  /** What it should become once the author is allowlisted (only where that differs). */
  allowlisted?: Expected;
  why: string;
}

const c = (key: keyof typeof IDS, u: XUser, pages: ReplicaPage[], balanced: Expected, why: string, allowlisted?: Expected): ScenarioCase =>
  ({ tweetId: IDS[key], handle: u.handle, authorId: u.id, pages, balanced, why, ...(allowlisted ? { allowlisted } : {}) });
/** Extra facts about a case that tests may need. */
export const REPOST = { repostId: IDS.carolRepostOfPat, reposterHandle: U.carol.handle, originalId: IDS.patPost, socialContext: 'Carol Reyes reposted' } as const;

/** The cases end-to-end tests assert on, keyed by role. */
export const SCENARIO = {
  followedReply: c('aliceReply', U.alice, ['thread', 'notifications', 'mentions'], 'shown', 'reply from someone the viewer follows'),
  unsolicitedBrandReply: c('acmeReply', U.acme, ['thread', 'notifications', 'mentions'], 'collapsed', 'unfollowed Business-verified brand replying to the viewer, "DM us", promo code, tracking link'),
  brandMention: c('megaMention', U.megamart, ['notifications', 'mentions'], 'collapsed', 'unfollowed Business brand mentioning the viewer with a promo code'),
  affiliateReply: c('samReply', U.acmeSam, ['thread', 'notifications', 'mentions'], 'collapsed', 'unfollowed account carrying an organisation affiliate label (BusinessLabel), "DM us"'),
  allowlistCandidateReply: c('goodbrandReply', U.goodbrand, ['thread'], 'collapsed', 'unfollowed Business brand; served as TweetWithVisibilityResults', 'shown'),
  allowlistCandidateMention: c('goodbrandMention', U.goodbrand, ['notifications', 'mentions'], 'collapsed', 'unfollowed Business brand mentioning the viewer', 'shown'),
  strangerReply: c('patReply', U.pat, ['thread', 'notifications', 'mentions'], 'shown', 'stranger who is not a brand (Strict would collapse it)'),
  paidBadgeStrangerReply: c('blueGuyReply', U.blueGuy, ['thread', 'mentions'], 'shown', 'paid badge alone is not a brand signal (Strict would collapse it)'),
  homeAd: c('adHome', U.cloudhq, ['home'], 'hidden', 'promoted entry (promotedMetadata, placementTracking ancestor, "Ad" label)'),
  threadAd: c('adThread', U.cloudhq, ['thread'], 'hidden', 'promoted entry injected into the conversation'),
  followedPost: c('alicePost', U.alice, ['home'], 'shown', 'post from someone the viewer follows'),
  videoPost: c('danaVideo', U.dana, ['home'], 'shown', 'followed post whose video player sits in a placementTracking element INSIDE the post: not an ad'),
  followedRepostOfStranger: c('patPost', U.pat, ['home'], 'shown', 'followed Carol reposted a stranger (REPOST): socialContext "Carol Reyes reposted"; the article shows the original author and post id'),
  followedQuoteOfViewer: c('aliceQuote', U.alice, ['home'], 'shown', 'followed Alice quotes the viewer; the quoted post inside has its own User-Name'),
  brandOwnPost: c('acmeOwnPost', U.acme, ['home'], 'shown', "a brand's own post (not a reply or mention) in For You"),
  governmentPost: c('metroPost', U.metro, ['home'], 'shown', 'followed Government-verified account'),
  strangerPost: c('patPost2', U.pat, ['home'], 'shown', 'stranger post in For You'),
} satisfies Record<string, ScenarioCase>;

/** The ad that arrives with the second home page (after one infinite-scroll fetch). */
export const HOME_PAGE_2_AD = { tweetId: IDS.adHomePage2, handle: U.zapbank.handle, authorId: U.zapbank.id, balanced: 'hidden' as Expected };

/** The captured conversation (tests/fixtures/x/x-api-tweetdetail.json), served with injected cases. */
export const CAPTURED_THREAD = {
  focalId: '1649191520250245121',
  handle: 'XDevelopers',
  /** An @acmecorp reply injected into the captured conversation (new-schema user, like the capture). */
  injectedBrandReplyId: T(160),
  /** A captured reply re-served wrapped as TweetWithVisibilityResults. */
  wrappedReplyId: '1649263296434806785',
};

/** Paths of the replica pages (relative to https://x.com). */
export const PATHS = {
  home: '/home',
  thread: `/${VIEWER_HANDLE}/status/${IDS.viewerPost}`,
  notifications: '/notifications',
  mentions: '/notifications/mentions',
  capturedThread: `/${CAPTURED_THREAD.handle}/status/${CAPTURED_THREAD.focalId}`,
  following: `/${VIEWER_HANDLE}/following`,
  viewerProfile: `/${VIEWER_HANDLE}`,
  brandProfile: `/${U.acme.handle}`,
  search: '/search?q=acme',
} as const;

/** Items per page of every paginated replica endpoint, and how many pages each has. */
export const PAGING = { homePageSize: 10, homePages: 120, threadReplyPages: 3, notificationPages: 5, followingPageSize: 20 } as const;

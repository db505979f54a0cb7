// The bsky.app replica's people, posts and what Doorman should do with each, and the XRPC responses
// built from them in the shapes of the real captures (tests/fixtures/bluesky: getPostThread,
// listNotifications, getFollows) and the app.bsky lexicons: profile views with `viewer.following`
// (the follow record's at:// URI, whose repository is the viewer's DID), `verification`,
// `associated.labeler`; post views with `record.reply.{root,parent}` strong refs.

export type Expected = 'shown' | 'collapsed' | 'hidden';
export type ReplicaPage = 'home' | 'thread' | 'notifications' | 'search' | 'profile';

/** A did:plc from a name of letters: 24 characters of the base32 alphabet. */
const did = (name: string): string => `did:plc:${(name + '2'.repeat(24)).slice(0, 24)}`;

export interface Person {
  did: string;
  handle: string;
  displayName: string;
  followed: boolean;
  followsYou: boolean;
  labeler?: boolean;
  verification?: { verifiedStatus: 'valid' | 'none'; trustedVerifierStatus: 'valid' | 'none' };
}

export const PEOPLE = {
  viewer: { did: did('viewer'), handle: 'morgan.bsky.social', displayName: 'Morgan Lee', followed: false, followsYou: false },
  sam: { did: did('samrivera'), handle: 'sam.bsky.social', displayName: 'Sam Rivera', followed: true, followsYou: true },
  pat: { did: did('patkim'), handle: 'pat.bsky.social', displayName: 'Pat Kim', followed: false, followsYou: false },
  acme: { did: did('acmeoutlet'), handle: 'acme-outlet.com', displayName: 'Acme Outlet Official', followed: false, followsYou: false },
  good: { did: did('goodcoffee'), handle: 'goodcoffee.com', displayName: 'Good Coffee Co. Official', followed: false, followsYou: false },
  mega: { did: did('megacorp'), handle: 'megacorp.com', displayName: 'MegaCorp Store', followed: false, followsYou: false },
  bot: { did: did('alertbot'), handle: 'alerts.example.net', displayName: 'Alert Bot', followed: false, followsYou: false, labeler: true },
  news: {
    did: did('dailynews'), handle: 'dailynews.com', displayName: 'Daily News', followed: true, followsYou: false,
    verification: { verifiedStatus: 'valid', trustedVerifierStatus: 'valid' },
  },
} as const satisfies Record<string, Person>;
export type PersonKey = keyof typeof PEOPLE;

export interface Post {
  key: string;
  /** 13-character record key (a TID's shape). */
  rkey: string;
  by: PersonKey;
  text: string;
  /** Whose post it answers (its parent), and the thread's root post key. */
  replyTo?: { parent: string; root: string };
  /** The key of the post it quotes. */
  quotes?: string;
  link?: string;
  /** Reposted into the home feed by this person (a feed reason, not a new post). */
  repostedBy?: PersonKey;
  /** Expected verdicts (Balanced, defaults; the allowlist holds @goodcoffee.com). */
  expect: Partial<Record<ReplicaPage, Expected>>;
}

const rk = (n: number): string => `3lr${String(n).padStart(3, 'a').replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] ?? 'a')}2222222`.slice(0, 13);

export const POSTS: readonly Post[] = [
  // The viewer's own post: the thread page's root.
  { key: 'root', rkey: rk(1), by: 'viewer', text: 'Our community garden opens on Saturday. Who is coming?', expect: {} },
  { key: 'samPost', rkey: rk(2), by: 'sam', text: 'Morning run done, coffee next.', expect: { home: 'shown' } },
  { key: 'patPost', rkey: rk(3), by: 'pat', text: 'Anyone read a good novel lately?', expect: { home: 'shown' } },
  { key: 'acmeHomeReply', rkey: rk(4), by: 'acme', text: 'Need new running shoes? DM us for 20% off today!', replyTo: { parent: 'samPost', root: 'samPost' }, expect: { home: 'collapsed' } },
  { key: 'newsPost', rkey: rk(5), by: 'news', text: 'City council approves the new bike lanes.', link: 'https://dailynews.com/bike-lanes', expect: { home: 'shown' } },
  { key: 'acmePost', rkey: rk(6), by: 'acme', text: 'Spring sale: everything must go. Shop now!', repostedBy: 'sam', expect: { home: 'shown', profile: 'shown', search: 'shown' } },
  // Replies under the viewer's own post (the thread page).
  { key: 'samReply', rkey: rk(7), by: 'sam', text: 'Count me in!', replyTo: { parent: 'root', root: 'root' }, expect: { thread: 'shown', notifications: 'shown' } },
  { key: 'acmeReply', rkey: rk(8), by: 'acme', text: 'Gardening gloves 30% off with code GARDEN. DM us!', replyTo: { parent: 'root', root: 'root' }, expect: { thread: 'collapsed', notifications: 'collapsed', profile: 'shown' } },
  { key: 'patReply', rkey: rk(9), by: 'pat', text: 'I can bring seedlings.', replyTo: { parent: 'root', root: 'root' }, expect: { thread: 'shown', notifications: 'shown' } },
  { key: 'goodReply', rkey: rk(10), by: 'good', text: 'We would love to help, DM us for free coffee for the volunteers.', replyTo: { parent: 'root', root: 'root' }, expect: { thread: 'shown' } },
  // Further down: Pat answering Sam inside the viewer's thread still sits in a thread the viewer started.
  { key: 'patToSam', rkey: rk(11), by: 'pat', text: 'See you there Sam.', replyTo: { parent: 'samReply', root: 'root' }, expect: { thread: 'shown' } },
  // Notifications: mentions and a quote.
  { key: 'botMention', rkey: rk(12), by: 'bot', text: '@morgan.bsky.social your post was flagged for review.', expect: { notifications: 'collapsed' } },
  { key: 'acmeMention', rkey: rk(13), by: 'acme', text: 'Hey @morgan.bsky.social, check out our garden deals!', expect: { notifications: 'collapsed', search: 'shown' } },
  { key: 'megaQuote', rkey: rk(14), by: 'mega', text: 'Great idea! Check out our garden store, link in bio.', quotes: 'root', expect: { notifications: 'collapsed' } },
  { key: 'samMention', rkey: rk(15), by: 'sam', text: '@morgan.bsky.social lunch tomorrow?', expect: { notifications: 'shown' } },
];

export const postByKey = (key: string): Post => {
  const p = POSTS.find((x) => x.key === key);
  if (!p) throw new Error(`no replica post ${key}`);
  return p;
};

export const uriOf = (p: Post): string => `at://${PEOPLE[p.by].did}/app.bsky.feed.post/${p.rkey}`;
const cidOf = (p: Post): string => `bafyrei${p.rkey}${'q'.repeat(40)}`.slice(0, 59);

export const PATHS = {
  home: '/',
  thread: `/profile/${PEOPLE.viewer.handle}/post/${postByKey('root').rkey}`,
  notifications: '/notifications',
  search: '/search?q=acme',
  profile: `/profile/${PEOPLE.acme.handle}`,
} as const satisfies Record<ReplicaPage, string>;

/** The allowlist file the e2e test imports: Good Coffee is a brand the user lets in. */
export const ALLOWLIST = [{ site: 'bsky', accountId: PEOPLE.good.did, handle: PEOPLE.good.handle, displayName: PEOPLE.good.displayName }];

// --- XRPC JSON -------------------------------------------------------------------------------

const followUri = (p: Person): string => `at://${PEOPLE.viewer.did}/app.bsky.graph.follow/3lf${p.did.slice(8, 18)}`;

/** app.bsky.actor.defs#profileViewBasic as the viewer's session sees it. */
export function profileView(p: Person, created: string): Record<string, unknown> {
  const viewer: Record<string, unknown> = { muted: false, blockedBy: false };
  if (p.did !== PEOPLE.viewer.did) {
    if (p.followed) viewer.following = followUri(p);
    if (p.followsYou) viewer.followedBy = `at://${p.did}/app.bsky.graph.follow/3lg${PEOPLE.viewer.did.slice(8, 18)}`;
  }
  return {
    did: p.did,
    handle: p.handle,
    displayName: p.displayName,
    avatar: `https://cdn.bsky.app/img/avatar/plain/${p.did}/bafkrei${p.did.slice(8, 20)}@jpeg`,
    associated: p.labeler ? { labeler: true, chat: { allowIncoming: 'none' } } : { chat: { allowIncoming: 'following' } },
    viewer,
    labels: [],
    createdAt: created,
    ...(p.verification ? { verification: { verifications: [], ...p.verification } } : {}),
  };
}

function record(p: Post, created: string): Record<string, unknown> {
  const r: Record<string, unknown> = { $type: 'app.bsky.feed.post', text: p.text, createdAt: created, langs: ['en'] };
  if (p.replyTo) {
    const parent = postByKey(p.replyTo.parent);
    const root = postByKey(p.replyTo.root);
    r.reply = {
      root: { $type: 'com.atproto.repo.strongRef', cid: cidOf(root), uri: uriOf(root) },
      parent: { $type: 'com.atproto.repo.strongRef', cid: cidOf(parent), uri: uriOf(parent) },
    };
  }
  if (p.quotes) {
    const q = postByKey(p.quotes);
    r.embed = { $type: 'app.bsky.embed.record', record: { cid: cidOf(q), uri: uriOf(q) } };
  }
  if (p.link) r.embed = { $type: 'app.bsky.embed.external', external: { uri: p.link, title: p.text, description: '' } };
  return r;
}

/** app.bsky.feed.defs#postView. */
export function postView(p: Post, now: number, i = 0): Record<string, unknown> {
  const created = new Date(now - (i + 1) * 600_000).toISOString();
  const view: Record<string, unknown> = {
    uri: uriOf(p), cid: cidOf(p),
    author: profileView(PEOPLE[p.by], '2023-05-01T10:00:00.000Z'),
    record: record(p, created),
    replyCount: 0, repostCount: 0, likeCount: 3, quoteCount: 0,
    indexedAt: created, viewer: { threadMuted: false, embeddingDisabled: false }, labels: [],
  };
  if (p.quotes) {
    const q = postByKey(p.quotes);
    view.embed = {
      $type: 'app.bsky.embed.record#view',
      record: { $type: 'app.bsky.embed.record#viewRecord', uri: uriOf(q), cid: cidOf(q), author: profileView(PEOPLE[q.by], '2023-05-01T10:00:00.000Z'), value: record(q, created), indexedAt: created },
    };
  }
  if (p.link) view.embed = { $type: 'app.bsky.embed.external#view', external: { uri: p.link, title: p.text, description: '' } };
  return view;
}

/** A feed of feedViewPosts (getTimeline, getAuthorFeed): reply context and repost reasons as the AppView sends them. */
function feedOf(keys: readonly string[], now: number): Record<string, unknown>[] {
  return keys.map((k, i) => {
    const p = postByKey(k);
    const item: Record<string, unknown> = { post: postView(p, now, i) };
    if (p.replyTo) item.reply = { root: postView(postByKey(p.replyTo.root), now, i + 1), parent: postView(postByKey(p.replyTo.parent), now, i + 1) };
    if (p.repostedBy) item.reason = { $type: 'app.bsky.feed.defs#reasonRepost', by: profileView(PEOPLE[p.repostedBy], '2023-05-01T10:00:00.000Z'), indexedAt: new Date(now).toISOString() };
    return item;
  });
}

export const HOME_FEED = ['samPost', 'acmeHomeReply', 'patPost', 'newsPost', 'acmePost'] as const;
const THREAD_REPLIES = ['samReply', 'acmeReply', 'patReply', 'goodReply'] as const;
const NOTIFIED = [
  ['samReply', 'reply'], ['acmeReply', 'reply'], ['patReply', 'reply'], ['botMention', 'mention'],
  ['acmeMention', 'mention'], ['megaQuote', 'quote'], ['samMention', 'mention'],
] as const;

/** A record key for the n-th filler post: 13 characters of the TID alphabet, unique per n. */
function fillerRkey(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (let v = n, i = 0; i < 6; i++, v = Math.floor(v / 32)) out = alphabet[v % 32]! + out;
  return `3lz${out}2222`;
}

const FILLER_TEXTS = ['Long walk by the river today.', 'Trying a new bread recipe this weekend.', 'Anyone else watching the match?', 'Finished the book, loved the ending.'];
const FILLER_BRAND = 'Running low on coffee? DM us for 20% off your first order!';
/** Filler authors in turn: every fifth post is a brand reply to Sam (an interruption to collapse). */
const FILLER_BY: readonly PersonKey[] = ['sam', 'pat', 'news', 'sam', 'acme'];

/** The n-th filler post of an infinite home feed. */
export function fillerPost(n: number): Post {
  const by = FILLER_BY[n % FILLER_BY.length]!;
  return by === 'acme'
    ? { key: `filler${n}`, rkey: fillerRkey(n), by, text: FILLER_BRAND, replyTo: { parent: 'samPost', root: 'samPost' }, expect: { home: 'collapsed' } }
    : { key: `filler${n}`, rkey: fillerRkey(n), by, text: `${FILLER_TEXTS[n % FILLER_TEXTS.length]!} (#${n})`, expect: { home: 'shown' } };
}

/** Items per page after the first, as the app asks (limit=30 first; the replica pages by 20). */
const PAGE = 20;

/**
 * app.bsky.feed.getTimeline: the scenario's feed; with `total` (the bench's infinite scroll), filler
 * pages of PAGE after it, by cursor, until `total` items were sent.
 */
export function timeline(now: number, cursor: string | null = null, total = 0) {
  if (cursor === null) {
    const more = total > HOME_FEED.length;
    return { ...(more ? { cursor: `filler:0` } : { cursor: `${now}::home` }), feed: feedOf(HOME_FEED, now) };
  }
  const from = Number(/^filler:(\d{1,7})$/.exec(cursor)?.[1] ?? NaN);
  if (!Number.isFinite(from)) return { feed: [] };
  const count = Math.max(0, Math.min(PAGE, total - HOME_FEED.length - from));
  const feed = Array.from({ length: count }, (_, i) => {
    const p = fillerPost(from + i);
    return { post: postView(p, now, from + i) };
  });
  const next = from + count;
  return { ...(next < total - HOME_FEED.length ? { cursor: `filler:${next}` } : {}), feed };
}
export const authorFeed = (now: number) => ({ feed: feedOf(['acmePost', 'acmeReply'], now) });
export const searchPosts = (now: number) => ({ hitsTotal: 2, posts: ['acmePost', 'acmeMention'].map((k, i) => postView(postByKey(k), now, i)) });

/** app.bsky.feed.getPostThread for the viewer's root post: replies, and a reply to a reply. */
export function postThread(now: number) {
  const node = (k: string, i: number, replies: Record<string, unknown>[] = []) => ({
    $type: 'app.bsky.feed.defs#threadViewPost', post: postView(postByKey(k), now, i), replies,
  });
  const replies = THREAD_REPLIES.map((k, i) => node(k, i + 1, k === 'samReply' ? [node('patToSam', 6)] : []));
  return { thread: node('root', 0, replies), threadgate: null };
}

/** app.bsky.notification.listNotifications: a like and a follow (rows), then the posts. */
export function notifications(now: number) {
  const at = (i: number) => new Date(now - i * 300_000).toISOString();
  const root = postByKey('root');
  const rows: Record<string, unknown>[] = [
    {
      uri: `at://${PEOPLE.sam.did}/app.bsky.feed.like/3llike2222222`, cid: 'bafyreilike', author: profileView(PEOPLE.sam, '2023-05-01T10:00:00.000Z'),
      reason: 'like', reasonSubject: uriOf(root), record: { $type: 'app.bsky.feed.like', subject: { uri: uriOf(root), cid: cidOf(root) }, createdAt: at(0) },
      isRead: false, indexedAt: at(0), labels: [],
    },
    {
      uri: `at://${PEOPLE.pat.did}/app.bsky.graph.follow/3lfollow222222`, cid: 'bafyreifollow', author: profileView(PEOPLE.pat, '2023-05-01T10:00:00.000Z'),
      reason: 'follow', record: { $type: 'app.bsky.graph.follow', subject: PEOPLE.viewer.did, createdAt: at(1) },
      isRead: false, indexedAt: at(1), labels: [],
    },
  ];
  NOTIFIED.forEach(([k, reason], i) => {
    const p = postByKey(k);
    const v = postView(p, now, i + 2);
    rows.push({
      uri: v.uri, cid: v.cid, author: v.author, reason, ...(reason === 'mention' ? {} : { reasonSubject: uriOf(root) }),
      record: v.record, isRead: false, indexedAt: at(i + 2), labels: [],
    });
  });
  return { notifications: rows, cursor: at(20), priority: false, seenAt: at(30) };
}

/** app.bsky.feed.getPosts: the posts notifications name (the app fetches them to render the rows). */
export function getPosts(now: number, uris: readonly string[]) {
  return { posts: POSTS.filter((p) => uris.includes(uriOf(p))).map((p, i) => postView(p, now, i)) };
}

/** app.bsky.actor.getProfile for the viewer (the app asks for it at start). */
export const viewerProfile = () => ({ ...profileView(PEOPLE.viewer, '2023-05-01T10:00:00.000Z'), followersCount: 120, followsCount: 80, postsCount: 42 });

/** What the page renders for each notification, beyond the post itself. */
export const NOTIFICATION_POSTS: readonly string[] = NOTIFIED.map(([k]) => k);
export const THREAD_POSTS: readonly string[] = ['root', ...THREAD_REPLIES, 'patToSam'];

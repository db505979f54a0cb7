// The Mastodon replica's world: accounts and statuses in the API's real shapes (Account, Status,
// Relationship, grouped notifications — as in tests/fixtures/mastodon), and what Doorman should do
// with each item on the default (Balanced) policy. The viewer is `me` on the server the page is on.

export const FAKE_TOKEN = 'replica-token-Zx81q0LmS3cr3t';
export const VIEWER_ID = '900';

interface Person {
  id: string;
  /** As the API spells it on the replica's server: bare for a local account. */
  acct: string;
  name: string;
  following: boolean;
  bot?: boolean;
  verifiedLink?: boolean;
}

export const PEOPLE = {
  me: { id: VIEWER_ID, acct: 'me', name: 'Me Myself', following: false },
  friend: { id: '901', acct: 'friend@mas.to', name: 'Friendly Fran', following: true },
  acme: { id: '902', acct: 'acme@brands.example', name: 'Acme Deals Official', following: false, verifiedLink: true },
  goodco: { id: '903', acct: 'goodco@brands.example', name: 'GoodCo Store Official', following: false },
  bot: { id: '904', acct: 'newsbot@bots.example', name: 'News Bot', following: false, bot: true },
  dana: { id: '905', acct: 'dana@town.example', name: 'Dana', following: false },
} as const satisfies Record<string, Person>;
export type Who = keyof typeof PEOPLE;

export function account(p: Person, host: string): Record<string, unknown> {
  const [user = p.acct, domain = host] = p.acct.split('@');
  return {
    id: p.id, username: user, acct: p.acct, display_name: p.name, locked: false, bot: p.bot ?? false, discoverable: true,
    indexable: true, group: false, created_at: '2022-11-01T00:00:00.000Z', note: '<p></p>', url: `https://${domain}/@${user}`,
    uri: `https://${domain}/users/${user}`, avatar: `https://${host}/avatars/original/missing.png`, avatar_static: `https://${host}/avatars/original/missing.png`,
    header: '', header_static: '', followers_count: 10, following_count: 10, statuses_count: 10, last_status_at: '2026-08-01',
    emojis: [], roles: [],
    fields: [{ name: 'Website', value: `<a href="https://${domain}/" rel="nofollow noopener me">${domain}</a>`, verified_at: p.verifiedLink ? '2024-01-01T00:00:00.000+00:00' : null }],
  };
}

export interface Post {
  id: string;
  by: Who;
  html: string;
  replyTo?: { id: string; who: Who };
  mentions?: Who[];
}

/** What Doorman should do with each scenario item on Balanced. */
export type Expected = 'shown' | 'collapsed';

export const HOME: readonly (Post & { expect: Expected })[] = [
  { id: '1001', by: 'friend', html: '<p>Morning, everyone. Coffee first.</p>', expect: 'shown' },
  { id: '1002', by: 'acme', html: '<p>DM us for 20% off! Use code SAVE20, shop now at <a href="https://acme.example/deals?utm_source=masto">acme.example/deals</a></p>', replyTo: { id: '1001', who: 'friend' }, expect: 'collapsed' },
  { id: '1003', by: 'goodco', html: '<p>Use code GOOD10 for 10% off, link in bio</p>', replyTo: { id: '1001', who: 'friend' }, expect: 'shown' },
];

/** A thread the viewer started: every reply below it is an interaction. */
export const MY_THREAD = {
  focal: { id: '2000', by: 'me' as Who, html: '<p>What is your favourite bread?</p>' },
  replies: [
    { id: '2001', by: 'dana', html: '<p>Sourdough, always.</p>', replyTo: { id: '2000', who: 'me' }, expect: 'shown' },
    { id: '2002', by: 'friend', html: '<p>Rye!</p>', replyTo: { id: '2000', who: 'me' }, expect: 'shown' },
  ] as (Post & { expect: Expected })[],
};

/** Someone else's thread: a brand's unsolicited reply collapses, the allowlisted brand shows. */
export const FRIEND_THREAD = {
  focal: { id: '3000', by: 'friend' as Who, html: '<p>My bike got a flat again.</p>' },
  replies: [
    { id: '3001', by: 'acme', html: '<p>Sorry to hear! DM us, use code FIXIT for 15% off a new tube. Shop now!</p>', replyTo: { id: '3000', who: 'friend' }, expect: 'collapsed' },
    { id: '3002', by: 'goodco', html: '<p>Check out our repair kits, use code GOOD10 for 10% off</p>', replyTo: { id: '3000', who: 'friend' }, expect: 'shown' },
  ] as (Post & { expect: Expected })[],
};

export const MENTIONS: readonly (Post & { expect: Expected | 'policy' })[] = [
  { id: '4001', by: 'acme', html: '<p><span class="h-card"><a href="https://HOST/@me" class="u-url mention">@<span>me</span></a></span> DM us! Use code SAVE20 for 20% off, shop now</p>', mentions: ['me'], expect: 'collapsed' },
  // A bot you don't follow: what the policy says for it is computed in the test from Doorman's own core.
  { id: '4002', by: 'bot', html: '<p><span class="h-card"><a href="https://HOST/@me" class="u-url mention">@<span>me</span></a></span> New article: ten facts about bread</p>', mentions: ['me'], expect: 'policy' },
  { id: '4003', by: 'friend', html: '<p><span class="h-card"><a href="https://HOST/@me" class="u-url mention">@<span>me</span></a></span> lunch tomorrow?</p>', mentions: ['me'], expect: 'shown' },
];

/** Search results and a brand's profile: places the user went looking, where nothing is hidden. */
export const SEARCH: readonly Post[] = [
  { id: '5001', by: 'acme', html: '<p>Use code SAVE20 for 20% off, shop now!</p>' },
  { id: '5002', by: 'dana', html: '<p>Bread is great.</p>' },
];

/** The benchmarks' infinite home timeline (`/home?items=N`): after HOME, filler statuses, newest first. */
const FILLER_BY: readonly Who[] = ['friend', 'dana', 'friend', 'bot', 'acme'];
const FILLER_TEXTS = ['Long walk by the river today.', 'Trying a new bread recipe this weekend.', 'Anyone else watching the match?', 'Finished the book, loved the ending.'];
const FILLER_BRAND = '<p>Running low on coffee? DM us for 20% off your first order, shop now!</p>';
/** Filler status ids count down from here (Mastodon's ids are time-ordered; a timeline is newest first). */
const FILLER_TOP = 800_000;

export function fillerPost(n: number): Post & { expect: Expected } {
  const by = FILLER_BY[n % FILLER_BY.length]!;
  const id = String(FILLER_TOP - n);
  return by === 'acme'
    ? { id, by, html: FILLER_BRAND, replyTo: { id: '1001', who: 'friend' }, expect: 'collapsed' }
    : { id, by, html: `<p>${FILLER_TEXTS[n % FILLER_TEXTS.length]!} (#${n})</p>`, expect: 'shown' };
}

/** Statuses per page, as the web app asks (`limit=20`, api/v1/timelines/home's default). */
export const PAGE = 20;

/** One page of the home timeline: HOME then filler, `total` items in all, paged by `max_id` (exclusive). */
export function homePage(total: number, maxId: string | null): { posts: Post[]; next: string | null } {
  const all = Math.max(total, HOME.length);
  const start = maxId === null ? 0 : HOME.length + (FILLER_TOP - Number(maxId)) + 1;
  if (!Number.isFinite(start) || start < 0) return { posts: [], next: null };
  const posts: Post[] = [];
  for (let i = start; i < Math.min(all, start + PAGE); i++) posts.push(i < HOME.length ? HOME[i]! : fillerPost(i - HOME.length));
  const last = posts.at(-1);
  return { posts, next: last !== undefined && start + posts.length < all ? last.id : null };
}

// Deterministic filler around the scenario: the viewer's other friends, strangers, and posts whose
// content follows from their id, so any page of any endpoint can be rebuilt (and any filler post
// opened as a thread) without state.
import { TWEETS, USERS, VIEWER_ID, IDS, type XTweet, type XUser } from './data';

const FIRST = ['Maya', 'Jonah', 'Priya', 'Leo', 'Sofia', 'Omar', 'Hana', 'Felix', 'Zoe', 'Ravi', 'Ines', 'Theo', 'Nora', 'Kai', 'Lena', 'Sami'];
const LAST = ['Lee', 'Kim', 'Novak'];

/** 48 more people the viewer follows (ids 1100…): the bulk of the home timeline and the Following list. */
export const FRIENDS: readonly XUser[] = Array.from({ length: 48 }, (_, i) => {
  const first = FIRST[i % FIRST.length] ?? 'Alex';
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Doe';
  return {
    id: String(1100 + i),
    handle: `${first}_${last}`.toLowerCase(),
    name: `${first} ${last}`,
    followed: true,
    followsYou: i % 3 === 0,
    verification: i % 7 === 3 ? 'blue' : 'none',
    ...(i % 5 === 2 ? { professional: 'Creator' as const } : {}),
    shape: 'Circle',
    ageDays: 500 + i * 37,
    followers: 100 + i * 53,
    bio: `${first} posts about ${['cycling', 'books', 'gardening', 'jazz', 'maps', 'bread'][i % 6]}.`,
  };
});

/** Strangers (ids 3100…) who reply under the viewer's post on later reply pages; none is a brand. */
export const STRANGERS: readonly XUser[] = Array.from({ length: 12 }, (_, i) => ({
  id: String(3100 + i),
  handle: `skater_${String(i + 1).padStart(2, '0')}`,
  name: `${FIRST[(i * 5) % FIRST.length] ?? 'Alex'} on wheels`,
  followed: false,
  followsYou: false,
  verification: i % 4 === 1 ? 'blue' : 'none',
  shape: 'Circle',
  ageDays: 90 + i * 40,
  followers: 20 + i * 7,
  bio: 'Skating since forever.',
}));

const POST_TEXT = [
  'Morning run done. The river path is finally dry.',
  'Does anyone have a good sourdough starter recipe? Mine keeps dying.',
  'Reading list for the weekend: three novels and a field guide to mosses.',
  'New blog post: what I learned rewriting our build in a weekend.',
  'The light at 6pm right now is unreal.',
  'Hot take: tabs are fine. Spaces are fine. Arguing is not fine.',
  'Trying a new café. Croissant 9/10, wifi 2/10.',
  'Finished the puzzle. 1000 pieces, 3 cats, 0 patience left.',
  'Concert tonight! Haven’t seen this band live since 2019.',
  'Our community garden needs volunteers on Saturday, come by!',
  'Fixed a bug that only happened on Tuesdays. Do not ask.',
  'Map nerds: this old transit map from 1962 is gorgeous.',
  'Made dumplings from scratch for the first time. Ugly but tasty.',
  'If you need me I’ll be at the library until it closes.',
  'Tiny thread on why I switched to a paper notebook 🧵',
  'Rain all day. Perfect excuse for soup.',
];
const MENTION_TEXT = [
  '@doorman_demo did you see the new bike lanes downtown?',
  '@doorman_demo lunch on Thursday?',
  '@doorman_demo that extension of yours looks handy!',
  '@doorman_demo sending you the photos from Saturday 📸',
];
const REPLY_TEXT = [
  'Happened to me as well, ended up returning them.',
  'Mine are fine, maybe a bad batch?',
  'Check the bearing spacers, they slip.',
  'Following for the answer.',
  'I switched brands after that, no regrets.',
];

// Filler id ranges: 19 digits, a 12-digit prefix per kind, then page (4) and slot (3).
const PREFIX = { home: '191200000000', reply: '191300000000', mention: '191400000000', profile: '191500000000' } as const;
const fillerId = (kind: keyof typeof PREFIX, page: number, slot: number) =>
  `${PREFIX[kind]}${String(page).padStart(4, '0')}${String(slot).padStart(3, '0')}`;

const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length] as T;

/** Deeper home pages carry an ad in slot 6 of every other page, as X's timeline does. */
export const isFillerAd = (page: number, slot: number): boolean => page >= 2 && page % 2 === 0 && slot === 6;

export function homeFiller(page: number, slot: number): XTweet {
  const n = page * 10 + slot;
  if (isFillerAd(page, slot)) {
    const brand = page % 4 === 0 ? USERS.cloudhq : USERS.zapbank;
    return { id: fillerId('home', page, slot), authorId: brand.id, text: 'Ship faster with our platform. Book a demo today.', minutesAgo: 5, promoted: true };
  }
  const friend = pick(FRIENDS, page * 7 + slot * 3);
  return {
    id: fillerId('home', page, slot),
    authorId: friend.id,
    text: pick(POST_TEXT, page * 5 + slot),
    minutesAgo: 60 + page * 90 + slot * 9,
    ...(n % 6 === 1 ? { media: 'photo' as const } : {}),
    ...(page === 1 && slot === 7 ? { limitedVisibility: true } : {}),
    likes: (n * 37) % 400,
    views: 500 + ((n * 911) % 20_000),
  };
}

/** Replies from strangers under the viewer's post, on reply pages 1… (page 0 is the scenario). */
export function threadReplyFiller(page: number, slot: number): XTweet {
  const stranger = pick(STRANGERS, page * 4 + slot);
  return {
    id: fillerId('reply', page, slot),
    authorId: stranger.id,
    replyTo: IDS.viewerPost,
    text: pick(REPLY_TEXT, page + slot),
    minutesAgo: 40 - page * 5 - slot,
    likes: slot,
  };
}

/** Mentions of the viewer by friends, on notification pages 1…. */
export function mentionFiller(page: number, slot: number): XTweet {
  const friend = pick(FRIENDS, page * 3 + slot * 5);
  return { id: fillerId('mention', page, slot), authorId: friend.id, text: pick(MENTION_TEXT, page + slot), minutesAgo: 120 + page * 200 + slot * 17, likes: slot };
}

/** Posts on a profile that has no scenario posts of its own. */
export function profileFiller(user: XUser, slot: number): XTweet {
  const n = Number(user.id) + slot;
  return { id: fillerId('profile', Number(user.id) % 10_000, slot), authorId: user.id, text: pick(POST_TEXT, n), minutesAgo: 300 + slot * 600, likes: n % 90 };
}

const ALL_USERS: readonly XUser[] = [...Object.values(USERS), ...FRIENDS, ...STRANGERS];
const USERS_BY_ID = new Map(ALL_USERS.map((u) => [u.id, u]));
const USERS_BY_HANDLE = new Map(ALL_USERS.map((u) => [u.handle.toLowerCase(), u]));
const EXTRA_TWEETS: XTweet[] = [];
const TWEETS_BY_ID = new Map(TWEETS.map((t) => [t.id, t]));

export const userById = (id: string): XUser | undefined => USERS_BY_ID.get(id);
export const userByHandle = (handle: string): XUser | undefined => USERS_BY_HANDLE.get(handle.toLowerCase());
export const viewer = (): XUser => USERS.viewer;
export const isViewer = (u: XUser): boolean => u.id === VIEWER_ID;

/** Adds posts that live outside data.ts (the ones injected into the captured thread). */
export function registerTweets(tweets: readonly XTweet[]): void {
  for (const t of tweets) if (!TWEETS_BY_ID.has(t.id)) { TWEETS_BY_ID.set(t.id, t); EXTRA_TWEETS.push(t); }
}

/** Any post the replica knows: scenario, registered, or filler decoded from its id. */
export function tweetById(id: string): XTweet | undefined {
  const known = TWEETS_BY_ID.get(id);
  if (known) return known;
  if (!/^\d{19}$/.test(id)) return undefined;
  const page = Number(id.slice(12, 16));
  const slot = Number(id.slice(16));
  switch (id.slice(0, 12)) {
    case PREFIX.home: return homeFiller(page, slot);
    case PREFIX.reply: return threadReplyFiller(page, slot);
    case PREFIX.mention: return mentionFiller(page, slot);
    case PREFIX.profile: {
      const u = [...USERS_BY_ID.values()].find((x) => Number(x.id) % 10_000 === page);
      return u ? profileFiller(u, slot) : undefined;
    }
    default: return undefined;
  }
}

/** Every post the replica knows by name (scenario + registered); filler is not enumerated. */
export const namedTweets = (): readonly XTweet[] => [...TWEETS, ...EXTRA_TWEETS];

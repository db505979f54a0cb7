// The www.linkedin.com replica's members, pages, updates and what Doorman should do with each, and
// the Voyager responses built from them in the shapes the real captures show (tests/fixtures/
// linkedin): normalised `{ data, included }` bodies whose `included[]` holds dash entities by
// `$type` and `entityUrn` — Profile, Company, FollowingState, feed Update (actor, header,
// commentary, `metadata.trackingData.sponsoredTracking` on ads). Notification cards and messaging
// conversations have no capture: their entities are kept minimal and say so.

export type Expected = 'shown' | 'labelled' | 'collapsed' | 'hidden';
export type ReplicaPage = 'home' | 'company' | 'notifications' | 'messaging';

export const PATHS: Readonly<Record<ReplicaPage, string>> = {
  home: '/feed/',
  company: '/company/acme-outlet/posts/',
  notifications: '/notifications/',
  messaging: '/messaging/',
};

export interface Member {
  kind: 'member';
  key: string;
  /** The opaque part of urn:li:fsd_profile:… */
  profileId: string;
  memberNumber: number;
  slug: string;
  firstName: string;
  lastName: string;
  headline: string;
  degree: 1 | 2 | 3;
  following: boolean;
}

export interface Page {
  kind: 'page';
  key: string;
  companyNumber: number;
  slug: string;
  name: string;
  followers: number;
  following: boolean;
}

const member = (key: string, n: number, slug: string, first: string, last: string, headline: string, degree: 1 | 2 | 3, following: boolean): Member => ({
  kind: 'member', key, profileId: `ACoAA${key.toUpperCase().padEnd(10, 'X')}${n}`, memberNumber: 700_000 + n, slug, firstName: first, lastName: last, headline, degree, following,
});
const page = (key: string, n: number, slug: string, name: string, followers: number, following: boolean): Page => ({
  kind: 'page', key, companyNumber: 90_000 + n, slug, name, followers, following,
});

export const MEMBERS = {
  viewer: member('viewer', 1, 'morgan-lee', 'Morgan', 'Lee', 'Community organiser', 1, false),
  sam: member('sam', 2, 'sam-rivera', 'Sam', 'Rivera', 'Product designer', 1, true),
  pat: member('pat', 3, 'pat-kim', 'Pat', 'Kim', 'Writer and editor', 2, true),
  lee: member('lee', 4, 'lee-chen', 'Lee', 'Chen', 'Engineer at a startup', 2, false),
  nils: member('nils', 5, 'nils-berg', 'Nils', 'Berg', 'Founder @ MegaCorp', 2, false),
  hana: member('hana', 6, 'hana-ito', 'Hana', 'Ito', 'Growth at Somewhere', 2, false),
  riley: member('riley', 7, 'riley-recruits', 'Riley', 'Stone', 'Recruiter', 3, false),
} as const satisfies Record<string, Member>;

export const PAGES = {
  acme: page('acme', 1, 'acme-outlet', 'Acme Outlet', 48_210, false),
  good: page('good', 2, 'goodcoffee', 'Good Coffee Co.', 3_120, false),
  news: page('news', 3, 'dailynews', 'Daily News', 120_400, true),
  mega: page('mega', 4, 'megacorp', 'MegaCorp', 250_000, false),
} as const satisfies Record<string, Page>;

export type Actor = Member | Page;

/** Good Coffee is a brand the user lets in (imported through the options page in the e2e test). */
export const ALLOWLIST = [{ site: 'linkedin', accountId: `urn:li:fsd_company:${PAGES.good.companyNumber}`, handle: `company/${PAGES.good.slug}`, displayName: PAGES.good.name }];

export interface Update {
  key: string;
  activity: string;
  by: Actor | null;
  text: string;
  /** "<name> likes this" / "<name> commented on this": shown because of someone in the network. */
  header?: { who: Member; verb: 'likes this' | 'commented on this' } | { platform: string };
  /** A company's ad ("Promoted") or a member's post a company paid for ("Promoted by <page>"). */
  promoted?: { by: Page | null };
  /** A platform module (jobs) instead of an activity. */
  urn?: string;
  expect: Partial<Record<ReplicaPage, Expected>>;
}

const act = (n: number): string => `urn:li:activity:73150${String(n).padStart(8, '0')}`;

export const UPDATES: readonly Update[] = [
  { key: 'samPost', activity: act(1), by: MEMBERS.sam, text: 'Wrapped up a great design sprint with the team today.', expect: { home: 'shown' } },
  { key: 'patPost', activity: act(2), by: MEMBERS.pat, text: 'My essay on slow reading is out this week.', expect: { home: 'shown' } },
  { key: 'nilsPromo', activity: act(3), by: MEMBERS.nils, text: 'Announcing MegaCorp Verify: 1,000,000 leads checked every day. Book a demo!', promoted: { by: PAGES.mega }, expect: { home: 'hidden' } },
  { key: 'acmeAd', activity: act(4), by: PAGES.acme, text: 'Spring sale: 30% off every order this week. Shop now!', promoted: { by: null }, expect: { home: 'hidden' } },
  { key: 'acmeLiked', activity: act(5), by: PAGES.acme, text: 'Meet the team behind our new outlet store.', header: { who: MEMBERS.sam, verb: 'likes this' }, expect: { home: 'collapsed' } },
  { key: 'goodLiked', activity: act(6), by: PAGES.good, text: 'Our new single-origin roast is here.', header: { who: MEMBERS.sam, verb: 'likes this' }, expect: { home: 'shown' } },
  { key: 'newsPost', activity: act(7), by: PAGES.news, text: 'City council approves the new bike lanes.', expect: { home: 'shown' } },
  { key: 'hanaSuggested', activity: act(8), by: MEMBERS.hana, text: 'Five lessons from scaling a growth team.', header: { who: MEMBERS.sam, verb: 'commented on this' }, expect: { home: 'labelled' } },
  {
    key: 'jobs', activity: '', urn: 'urn:li:aggregate:(urn:li:jobPosting:4202944445,urn:li:jobPosting:3687624158)', by: null,
    text: 'Product Designer · Acme Outlet — Senior Designer · Good Coffee Co.', header: { platform: 'Jobs recommended for you' }, expect: { home: 'labelled' },
  },
  { key: 'leePost', activity: act(10), by: MEMBERS.lee, text: 'Shipped our first release today!', expect: { home: 'shown' } },
  // The company's own page: its posts and someone else's ad.
  { key: 'acmeOwn1', activity: act(11), by: PAGES.acme, text: 'We are opening a second store in the old mill.', expect: { company: 'shown' } },
  { key: 'acmeOwn2', activity: act(12), by: PAGES.acme, text: 'Thank you to everyone who came to our open day.', expect: { company: 'shown' } },
  { key: 'megaAd', activity: act(13), by: PAGES.mega, text: 'MegaCorp Cloud: save 40% on your first year. Sign up today.', promoted: { by: null }, expect: { company: 'hidden' } },
];

export const HOME_FEED = UPDATES.filter((u) => u.expect.home !== undefined);
export const COMPANY_FEED = UPDATES.filter((u) => u.expect.company !== undefined);

export interface NotificationCard {
  key: string;
  by: Actor;
  text: string;
  expect: Expected;
}

export const NOTIFICATIONS: readonly NotificationCard[] = [
  { key: 'samComment', by: MEMBERS.sam, text: 'Sam Rivera commented on your post: "Count me in!"', expect: 'shown' },
  { key: 'acmeMention', by: PAGES.acme, text: 'Acme Outlet mentioned you in a post: "Gardening gloves 30% off for you"', expect: 'collapsed' },
  { key: 'patLike', by: MEMBERS.pat, text: 'Pat Kim likes your post about the community garden.', expect: 'shown' },
];

export interface Conversation {
  key: string;
  thread: string;
  by: Actor;
  snippet: string;
  /** The badge beside the snippet: "Sponsored" on a paid message, "InMail" on a recruiter's. */
  pill?: 'Sponsored' | 'InMail';
  expect: Expected;
}

export const CONVERSATIONS: readonly Conversation[] = [
  { key: 'samChat', thread: '2-c2FtY2hhdA==', by: MEMBERS.sam, snippet: 'Sam: See you at the garden on Saturday?', expect: 'shown' },
  { key: 'megaSponsored', thread: '2-bWVnYWFk', by: PAGES.mega, snippet: 'Morgan, unlock 40% off MegaCorp Cloud. Claim your offer.', pill: 'Sponsored', expect: 'collapsed' },
  { key: 'rileyInMail', thread: '2-cmlsZXk=', by: MEMBERS.riley, snippet: 'Riley: I came across your profile and have a role…', pill: 'InMail', expect: 'shown' },
];

// --- Voyager JSON ----------------------------------------------------------------------------

const profileUrn = (m: Member): string => `urn:li:fsd_profile:${m.profileId}`;
const companyUrn = (p: Page): string => `urn:li:fsd_company:${p.companyNumber}`;
export const actorUrl = (a: Actor): string =>
  a.kind === 'member' ? `https://www.linkedin.com/in/${a.slug}?miniProfileUrn=${encodeURIComponent(profileUrn(a))}` : `https://www.linkedin.com/company/${a.slug}/posts`;
export const actorName = (a: Actor): string => (a.kind === 'member' ? `${a.firstName} ${a.lastName}` : a.name);
const degreeText = (m: Member): string => (m.degree === 1 ? ' • 1st' : m.following ? ' • Following' : m.degree === 2 ? ' • 2nd' : ' • 3rd+');
const tv = (text: string, extra: Record<string, unknown> = {}) => ({ text, attributesV2: [], $type: 'com.linkedin.voyager.dash.common.text.TextViewModel', ...extra });

function entitiesOf(a: Actor): unknown[] {
  if (a.kind === 'member') {
    return [
      { $type: 'com.linkedin.voyager.dash.identity.profile.Profile', entityUrn: profileUrn(a), firstName: a.firstName, lastName: a.lastName, publicIdentifier: a.slug },
      { $type: 'com.linkedin.voyager.dash.feed.FollowingState', entityUrn: `urn:li:fsd_followingState:${profileUrn(a)}`, following: a.following || a.degree === 1, trackingUrn: `urn:li:member:${a.memberNumber}`, followingType: 'DEFAULT' },
    ];
  }
  return [
    { $type: 'com.linkedin.voyager.dash.organization.Company', entityUrn: companyUrn(a), name: a.name, url: `https://www.linkedin.com/company/${a.slug}/` },
    { $type: 'com.linkedin.voyager.dash.feed.FollowingState', entityUrn: `urn:li:fsd_followingState:${companyUrn(a)}`, following: a.following, followerCount: a.followers, followingType: 'DEFAULT' },
  ];
}

function actorModel(a: Actor, u: Update) {
  const sub = u.promoted ? (u.promoted.by ? `Promoted by ${u.promoted.by.name}` : 'Promoted') : '2h • ';
  return {
    $type: 'com.linkedin.voyager.dash.feed.component.actor.ActorComponent',
    name: tv(actorName(a)),
    description: tv(a.kind === 'member' ? a.headline : `${a.followers.toLocaleString('en-US')} followers`),
    subDescription: tv(sub, { accessibilityText: u.promoted ? sub : '2 hours ago • Visible to anyone on or off LinkedIn' }),
    supplementaryActorInfo: a.kind === 'member' ? tv(degreeText(a)) : null,
    navigationContext: { actionTarget: actorUrl(a) },
    backendUrn: a.kind === 'member' ? `urn:li:member:${a.memberNumber}` : `urn:li:company:${a.companyNumber}`,
    image: { attributes: [{ detailData: a.kind === 'member' ? { nonEntityProfilePicture: { '*profile': profileUrn(a) } } : { '*companyLogo': companyUrn(a) } }] },
    followAction: { type: 'FOLLOW_TOGGLE', '*followingState': `urn:li:fsd_followingState:${a.kind === 'member' ? profileUrn(a) : companyUrn(a)}` },
    // Replica-only, for rendering the Follow button: the app knows this from the FollowingState.
    promotedBy: u.promoted?.by ? { name: u.promoted.by.name, url: `https://www.linkedin.com/company/${u.promoted.by.slug}/` } : null,
  };
}

export function updateUrnOf(u: Update): string {
  return u.urn ?? u.activity;
}

function updateEntity(u: Update, suffix: string) {
  const backend = u.urn ?? u.activity;
  const sponsored = u.promoted !== undefined;
  const header = u.header === undefined ? null
    : 'who' in u.header
      ? { text: tv(`${actorName(u.header.who)} ${u.header.verb}`, { attributesV2: [{ start: 0, length: actorName(u.header.who).length, detailData: { '*profileFullName': profileUrn(u.header.who) } }] }), navigationContext: { actionTarget: `https://www.linkedin.com/in/${u.header.who.slug}/` } }
      : { text: tv(u.header.platform), navigationContext: null };
  return {
    $type: 'com.linkedin.voyager.dash.feed.Update',
    entityUrn: sponsored
      ? `urn:li:fsd_update:(urn:li:sponsoredContentV2:(${backend},urn:li:sponsoredCreative:46360${u.key.length}${suffix}),MAIN_FEED,EMPTY,DEFAULT,true)`
      : `urn:li:fsd_update:(${backend},MAIN_FEED,EMPTY,DEFAULT,false)`,
    metadata: {
      $type: 'com.linkedin.voyager.dash.feed.metadata.UpdateMetadata',
      backendUrn: backend,
      trackingData: {
        $type: 'com.linkedin.voyager.dash.feed.metadata.TrackingData',
        sponsoredTracking: sponsored
          ? { $type: 'com.linkedin.voyager.dash.sponsoredcontent.metadata.SponsoredMetadata', adUrn: `urn:li:sponsoredCreative:46360${u.key.length}`, activityType: 'SPONSORED', adTrackingCode: 'CwEAAAGW-replica' }
          : null,
        trackingId: `replica-${u.key}${suffix}`,
      },
    },
    actor: u.by === null ? null : actorModel(u.by, u),
    header,
    commentary: { text: tv(u.text) },
    key: u.key,
  };
}

/** A Voyager collection body: `*elements` naming the updates, `included` holding them and their actors. */
function collection(root: string, updates: readonly Update[], start: number, total: number, suffixOf: (i: number) => string = () => '') {
  const included: unknown[] = [];
  const seen = new Set<string>();
  const elements: string[] = [];
  updates.forEach((u, i) => {
    const e = updateEntity(u, suffixOf(i));
    elements.push(e.entityUrn);
    included.push(e);
    for (const a of [u.by, u.header && 'who' in u.header ? u.header.who : null, u.promoted?.by ?? null]) {
      if (a === null || seen.has(a.key)) continue;
      seen.add(a.key);
      included.push(...entitiesOf(a));
    }
  });
  return {
    data: { data: { [root]: { '*elements': elements, paging: { start, count: updates.length, total }, $type: 'com.linkedin.restli.common.CollectionResponse' } } },
    included,
  };
}

const FILLER_TEMPLATES = HOME_FEED.filter((u) => u.urn === undefined);

/**
 * The home feed from `start`: the scenario first, then (for the benchmark's `?items=N`) copies of
 * its updates with fresh activity URNs, so a long feed keeps the same mix of ads, brands and people.
 */
export function mainFeed(start: number, count: number, total: number) {
  const want = Math.max(total, HOME_FEED.length);
  const page: Update[] = [];
  for (let i = start; i < Math.min(want, start + count); i++) {
    if (i < HOME_FEED.length) {
      page.push(HOME_FEED[i]!);
      continue;
    }
    const t = FILLER_TEMPLATES[i % FILLER_TEMPLATES.length]!;
    page.push({ ...t, key: `${t.key}-${i}`, activity: `urn:li:activity:74${String(i).padStart(17, '0')}` });
  }
  return collection('feedDashMainFeedByMainFeed', page, start, want, (i) => String(start + i));
}

export const companyFeed = () => collection('feedDashOrganizationalPageUpdatesByOrganizationalPageFeed', COMPANY_FEED, 0, COMPANY_FEED.length);

/** Notification cards (no capture: a minimal card with its actor's entities beside it). */
export function notificationCards() {
  const included: unknown[] = [];
  const elements: string[] = [];
  NOTIFICATIONS.forEach((n, i) => {
    const urn = `urn:li:fsd_notificationCard:(NOTIFICATION,urn:li:activity:7316${i}00000000)`;
    elements.push(urn);
    included.push({ $type: 'com.linkedin.voyager.dash.notifications.Card', entityUrn: urn, headline: tv(n.text), actorUrl: actorUrl(n.by), actorName: actorName(n.by), key: n.key });
    included.push(...entitiesOf(n.by));
  });
  return { data: { data: { identityDashNotificationCardsByFilterVanityName: { '*elements': elements } } }, included };
}

/** Messaging conversations (no capture: minimal conversations with the other participant's entities). */
export function conversations() {
  const included: unknown[] = [];
  const elements: string[] = [];
  for (const c of CONVERSATIONS) {
    const urn = `urn:li:msg_conversation:(urn:li:fsd_profile:${MEMBERS.viewer.profileId},${c.thread})`;
    elements.push(urn);
    included.push({
      $type: 'com.linkedin.messenger.Conversation', entityUrn: urn, backendUrn: c.thread, name: actorName(c.by), snippet: c.snippet,
      categories: c.pill === 'Sponsored' ? ['INBOX', 'SPONSORED'] : ['INBOX'], pill: c.pill ?? null, participantUrl: actorUrl(c.by), key: c.key,
    });
    included.push(...entitiesOf(c.by));
  }
  return { data: { data: { messengerConversationsBySyncToken: { '*elements': elements } } }, included };
}

/** /voyager/api/me as the real page embeds it: the signed-in member's MiniProfile. */
export function me() {
  const v = MEMBERS.viewer;
  return {
    data: { plainId: v.memberNumber, '*miniProfile': `urn:li:fs_miniProfile:${v.profileId}`, $type: 'com.linkedin.voyager.common.Me' },
    included: [{
      $type: 'com.linkedin.voyager.identity.shared.MiniProfile', entityUrn: `urn:li:fs_miniProfile:${v.profileId}`, dashEntityUrn: profileUrn(v),
      firstName: v.firstName, lastName: v.lastName, publicIdentifier: v.slug, occupation: v.headline,
    }],
  };
}

/**
 * The user's connections list (/mynetwork/invite-connect/connections/), as the dash relationships
 * API returns it (inferred from public clients of it; no capture): Connection entities naming each
 * connected member's profile, the profiles beside them.
 */
export function connectionsList() {
  const people = [MEMBERS.sam];
  const included: unknown[] = [];
  const elements: string[] = [];
  for (const m of people) {
    const urn = `urn:li:fsd_connection:${m.profileId}`;
    elements.push(urn);
    included.push({ $type: 'com.linkedin.voyager.dash.relationships.Connection', entityUrn: urn, connectedMember: profileUrn(m), createdAt: 1_700_000_000_000 });
    included.push(entitiesOf(m)[0]);
  }
  return { data: { data: { relationshipsDashConnectionsBySearch: { '*elements': elements } } }, included };
}

/** Whom the user follows (/mynetwork/network-manager/people-follow/following/): FollowingState entities, following. */
export function followingList() {
  const followed: Actor[] = [MEMBERS.pat, PAGES.news];
  const included: unknown[] = [];
  for (const a of followed) included.push(...entitiesOf(a));
  return { data: { data: { searchDashClustersByAll: { '*elements': [] } } }, included };
}

export const LEARNED = { connection: MEMBERS.sam, followed: [MEMBERS.pat, PAGES.news] } as const;
export const urnOf = (a: Actor): string => (a.kind === 'member' ? profileUrn(a) : companyUrn(a));

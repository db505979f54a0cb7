// Users in X's GraphQL shapes: the 2025–26 schema (`core.screen_name`, `relationship_perspectives`,
// `verification`, no `legacy`) or the older one (`legacy.*`, where X omits `following` /
// `followed_by` when they are false), plus X's date format.
import type { XUser } from './data';
import { userByHandle } from './filler';

export type UserSchema = 'new' | 'legacy';

export interface BuildCtx {
  /** Server start time (ms): posts are `minutesAgo` before it. */
  now: number;
  schema: UserSchema;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
/** X's created_at format: "Thu Apr 20 23:21:13 +0000 2023". */
export function twitterDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

const badgeOf = (u: XUser) => ({ blue: u.verification !== 'none', type: u.verification === 'Business' || u.verification === 'Government' ? u.verification : undefined });

function affiliateLabel(u: XUser): Record<string, unknown> {
  const org = u.affiliateOf ? userByHandle(u.affiliateOf) : undefined;
  if (!org) return {};
  return {
    label: {
      badge: { url: `https://pbs.twimg.com/profile_images/${org.id}/badge_bigger.jpg` },
      description: org.name,
      url: { url: `https://twitter.com/${org.handle}`, urlType: 'DeepLink' },
      userLabelDisplayType: 'Badge',
      userLabelType: 'BusinessLabel',
    },
  };
}

function professional(u: XUser): Record<string, unknown> {
  if (!u.professional) return {};
  const category = u.professional === 'Business'
    ? [{ icon_name: 'IconBriefcaseStroke', id: 477, name: 'Retail' }]
    : [{ icon_name: 'IconBriefcaseStroke', id: 958, name: 'Entertainment & Recreation' }];
  return { professional: { category, professional_type: u.professional, rest_id: `15${u.id.padStart(17, '0')}` } };
}

export function userResult(u: XUser, ctx: BuildCtx): Record<string, unknown> {
  const { blue, type } = badgeOf(u);
  const createdAt = twitterDate(ctx.now - u.ageDays * 86_400_000);
  const avatar = `https://pbs.twimg.com/profile_images/${u.id}/avatar_normal.jpg`;
  const common = {
    __typename: 'User',
    id: Buffer.from(`User:${u.id}`).toString('base64'),
    rest_id: u.id,
    affiliates_highlighted_label: affiliateLabel(u),
    has_graduated_access: true,
    is_blue_verified: blue,
    profile_image_shape: u.shape,
    ...professional(u),
    super_follow_eligible: false,
    super_followed_by: false,
    super_following: false,
    tipjar_settings: {},
  };
  if (ctx.schema === 'new') {
    return {
      ...common,
      avatar: { image_url: avatar },
      core: { created_at: createdAt, name: u.name, screen_name: u.handle },
      dm_permissions: { can_dm: u.followsYou },
      follow_request_sent: false,
      location: { location: '' },
      media_permissions: { can_media_tag: true },
      privacy: { protected: false },
      profile_bio: { description: u.bio, entities: { description: {} } },
      relationship_counts: { followers: u.followers, following: 300 },
      relationship_perspectives: { blocked_by: false, blocking: false, followed_by: u.followsYou, following: u.followed, live_following: false, muting: false },
      tweet_counts: { media_tweets: 12, tweets: 420 },
      verification: type ? { verified: false, verified_type: type } : { verified: false },
    };
  }
  return {
    ...common,
    legacy: {
      can_dm: u.followsYou,
      can_media_tag: true,
      created_at: createdAt,
      default_profile: false,
      default_profile_image: false,
      description: u.bio,
      entities: { description: { urls: [] } },
      fast_followers_count: 0,
      favourites_count: 1200,
      // X leaves these out when they are false.
      ...(u.followed ? { following: true } : {}),
      ...(u.followsYou ? { followed_by: true } : {}),
      followers_count: u.followers,
      friends_count: 300,
      has_custom_timelines: false,
      is_translator: false,
      listed_count: 3,
      location: '',
      media_count: 12,
      name: u.name,
      normal_followers_count: u.followers,
      pinned_tweet_ids_str: [],
      possibly_sensitive: false,
      profile_image_url_https: avatar,
      profile_interstitial_type: '',
      screen_name: u.handle,
      statuses_count: 420,
      translator_type: 'none',
      verified: false,
      ...(type ? { verified_type: type } : {}),
      want_retweets: false,
      withheld_in_countries: [],
    },
  };
}

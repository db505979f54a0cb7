// The vocabulary every layer shares: what a feed item is, what a verdict is.
// Pure zod schemas; types are inferred from them so the schema is the single source of truth.
import { z } from 'zod';

/**
 * A site id as core sees it: any well-formed id. Core knows no particular site; which ids name real
 * sites is src/sites/registry.ts's business, checked where data enters (messages, facts, imports).
 */
export const SiteKey = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a site id');
export type SiteKey = z.infer<typeof SiteKey>;

export const ITEM_KINDS = ['post', 'reply', 'mention', 'quote', 'repost', 'ad', 'notification'] as const;
export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof ItemKind>;

/** Where the item is shown. `search`, `profile` and `list` are places the user went looking ("seek"). */
export const PAGE_CONTEXTS = ['home', 'notifications', 'thread', 'search', 'profile', 'list', 'other'] as const;
export const PageContext = z.enum(PAGE_CONTEXTS);
export type PageContext = z.infer<typeof PageContext>;
export const SEEK_CONTEXTS: ReadonlySet<PageContext> = new Set(['search', 'profile', 'list']);

export const VERIFIED_KINDS = ['none', 'paid', 'organization', 'government', 'affiliate', 'domain', 'platform'] as const;
export const VerifiedKind = z.enum(VERIFIED_KINDS);
export type VerifiedKind = z.infer<typeof VerifiedKind>;

/** true / false, or 'unknown' when the page has not told us (fails open). */
export const TriState = z.union([z.boolean(), z.literal('unknown')]);
export type TriState = z.infer<typeof TriState>;

const shortText = (max: number) => z.string().max(max);

export const Author = z.object({
  /** Stable platform id (X rest_id, Bluesky DID, Mastodon account id); '' when the page has not revealed it. */
  id: shortText(200),
  /** Handle without a leading @, lower-cased by adapters. */
  handle: shortText(320),
  displayName: shortText(200),
  followed: TriState,
  followsYou: TriState,
  verified: VerifiedKind,
  /** The platform marks the account as automated. */
  bot: z.boolean(),
  /** Account age in days, or null when unknown. */
  accountAgeDays: z.number().nonnegative().nullable(),
  /** Platform says the account is a business / organisation profile (X professional type, square avatar). */
  orgProfile: z.boolean(),
});
export type Author = z.infer<typeof Author>;

export const FeedItem = z.object({
  site: SiteKey,
  /** Stable item id on the site (X status id, Bluesky at:// URI, Mastodon status id). */
  id: shortText(300),
  permalink: shortText(2000),
  kind: ItemKind,
  context: PageContext,
  author: Author,
  text: shortText(20_000),
  /** Registrable-ish host names of links in the item, lower-case, no "www.". */
  linkDomains: z.array(shortText(253)).max(50),
  /** The item is a reply inside a conversation the user started. */
  inOwnThread: z.boolean(),
  /** The site marks it as an ad. */
  promoted: z.boolean(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const VERDICT_CLASSES = ['interaction', 'interruption'] as const;
export const VerdictClass = z.enum(VERDICT_CLASSES);
export type VerdictClass = z.infer<typeof VerdictClass>;

export const ACTIONS = ['show', 'label', 'collapse', 'hide'] as const;
export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

/** Why an item got its verdict, grouped for counting in the popup and filtering the log. */
export const REASON_CODES = [
  'off',
  'site-paused',
  'user-rule',
  'followed',
  'allowlisted',
  'ad',
  'seek',
  'verified-org',
  'unknown-follow',
  'brand-reply',
  'brand-mention',
  'not-followed',
  'default',
] as const;
export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof ReasonCode>;

export interface Verdict {
  class: VerdictClass;
  action: Action;
  /** Which rule decided: `user:<rule id>` or `policy:<policy>:<step>`. */
  ruleId: string;
  reasonCode: ReasonCode;
  /** One sentence a person understands, e.g. "Collapsed: @acme is a brand you don't follow (Business-verified)". */
  reason: string;
}

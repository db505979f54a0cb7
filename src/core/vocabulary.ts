// The words every layer shares, as plain constants: item kinds, page contexts, verification kinds,
// verdict classes, actions and reason codes. No schema library here: the content script's hot path
// (compile, classify) reads these, and must not pay for zod at page load. model.ts builds the
// schemas from the same lists, so each list is written once.

export const ITEM_KINDS = ['post', 'reply', 'mention', 'quote', 'repost', 'ad', 'notification'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Where the item is shown. `search`, `profile` and `list` are places the user went looking ("seek"). */
export const PAGE_CONTEXTS = ['home', 'notifications', 'thread', 'search', 'profile', 'list', 'other'] as const;
export type PageContext = (typeof PAGE_CONTEXTS)[number];
export const SEEK_CONTEXTS: ReadonlySet<PageContext> = new Set(['search', 'profile', 'list']);

export const VERIFIED_KINDS = ['none', 'paid', 'organization', 'government', 'affiliate', 'domain', 'platform'] as const;
export type VerifiedKind = (typeof VERIFIED_KINDS)[number];

/** true / false, or 'unknown' when the page has not told us (fails open). */
export type TriState = boolean | 'unknown';

export const VERDICT_CLASSES = ['interaction', 'interruption'] as const;
export type VerdictClass = (typeof VERDICT_CLASSES)[number];

export const ACTIONS = ['show', 'label', 'collapse', 'hide'] as const;
export type Action = (typeof ACTIONS)[number];

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
  'brand-page',
  'network-suggestion',
  'platform-recommendation',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * Why a site put an item in front of the user when it was not for following its author: 'network'
 * when only because a connection reacted to or commented on it (LinkedIn's "X likes this"),
 * 'platform' for the site's own recommendations (jobs, courses, "try this feature").
 */
export const SURFACED_BY = ['network', 'platform'] as const;
export type SurfacedBy = (typeof SURFACED_BY)[number];

export const POLICIES = ['off', 'balanced', 'strict'] as const;
export type Policy = (typeof POLICIES)[number];

/** Doorman runs on the site unless the user paused it there (a site without an entry is enabled). */
export function siteEnabled(settings: { sites: Readonly<Record<string, { enabled?: boolean } | undefined>> }, site: string): boolean {
  return Object.hasOwn(settings.sites, site) ? settings.sites[site]?.enabled !== false : true;
}

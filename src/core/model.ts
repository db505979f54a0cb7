// What a feed item is, what a verdict is: zod schemas over the plain vocabulary (vocabulary.ts), for
// where data enters (imports, messages, tests). The hot path imports vocabulary.ts, never this file.
import { z } from 'zod';
import {
  ACTIONS, ITEM_KINDS, PAGE_CONTEXTS, REASON_CODES, SURFACED_BY, VERDICT_CLASSES, VERIFIED_KINDS,
  type Action as ActionT, type ItemKind as ItemKindT, type PageContext as PageContextT,
  type ReasonCode as ReasonCodeT, type TriState as TriStateT, type VerdictClass as VerdictClassT,
  type VerifiedKind as VerifiedKindT,
} from './vocabulary';
import { REASON_SENTENCES, type Why as WhyT } from './reason';

export { ACTIONS, ITEM_KINDS, PAGE_CONTEXTS, REASON_CODES, SEEK_CONTEXTS, SURFACED_BY, VERDICT_CLASSES, VERIFIED_KINDS } from './vocabulary';

/**
 * A site id as core sees it: any well-formed id. Core knows no particular site; which ids name real
 * sites is src/sites/registry.ts's business, checked where data enters (messages, facts, imports).
 */
export const SiteKey = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a site id');
export type SiteKey = z.infer<typeof SiteKey>;

export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = ItemKindT;

export const PageContext = z.enum(PAGE_CONTEXTS);
export type PageContext = PageContextT;

export const VerifiedKind = z.enum(VERIFIED_KINDS);
export type VerifiedKind = VerifiedKindT;

export const TriState = z.union([z.boolean(), z.literal('unknown')]);
export type TriState = TriStateT;

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
  /** The language of the text as the site detected it (a BCP 47 tag, lower-case), when the page says. */
  lang: z.string().max(35).optional(),
  /** The author is an organisation's page (a LinkedIn company or showcase page), as the site itself says. */
  fromPage: z.boolean().optional(),
  /** Why the site showed it when not for following its author (vocabulary.ts SURFACED_BY); absent: it did not say. */
  surfacedBy: z.enum(SURFACED_BY).optional(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const VerdictClass = z.enum(VERDICT_CLASSES);
export type VerdictClass = VerdictClassT;

export const Action = z.enum(ACTIONS);
export type Action = ActionT;

export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = ReasonCodeT;

/** A verdict's reason as data (core/reason.ts), as it is stored in the log and checked where it enters. */
export const Why = z.object({
  say: z.enum(REASON_SENTENCES),
  who: shortText(320).optional(),
  name: shortText(200).optional(),
  site: shortText(100).optional(),
  kind: ItemKind.optional(),
  ownThread: z.boolean().optional(),
  signals: z.array(shortText(40)).max(20).optional(),
  marked: z.boolean().optional(),
  rule: shortText(200).optional(),
  action: Action.optional(),
  context: PageContext.optional(),
});
export type Why = WhyT;

export interface Verdict {
  class: VerdictClass;
  action: Action;
  /** Which rule decided: `user:<rule id>` or `policy:<policy>:<step>`. */
  ruleId: string;
  reasonCode: ReasonCode;
  /**
   * Why, as data: rendered as one sentence in the reader's language where it is shown
   * (core/reason-text.ts), e.g. "Reply from @acme, a brand you don't follow (verified organisation)".
   */
  why: Why;
}

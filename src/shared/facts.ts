// Facts a page-world reader learned from the site's own API responses. They cross from the page
// (untrusted) to the isolated content script, which validates and size-caps them with this schema.
import { z } from 'zod';
import { VerifiedKind } from '../core/model';
import { KnownSiteId } from '../sites/known-site-id';

import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from './facts-tag';

export { FACTS_EVENT, FACTS_MESSAGE_TAG, MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from './facts-tag';

export const AccountFact = z.object({
  id: z.string().min(1).max(200),
  handle: z.string().max(320),
  displayName: z.string().max(200).optional(),
  followed: z.boolean().optional(),
  followsYou: z.boolean().optional(),
  verified: VerifiedKind.optional(),
  bot: z.boolean().optional(),
  orgProfile: z.boolean().optional(),
  /** Account creation time, ms since epoch. */
  createdAt: z.number().optional(),
});
export type AccountFact = z.infer<typeof AccountFact>;

export const ItemFact = z.object({
  id: z.string().min(1).max(300),
  authorId: z.string().max(200),
  promoted: z.boolean().optional(),
  /** Account id of the author this item replies to, when the API says. */
  inReplyToAuthorId: z.string().max(200).optional(),
  /** Id of the conversation's first post. */
  conversationId: z.string().max(300).optional(),
});
export type ItemFact = z.infer<typeof ItemFact>;

export const PageFacts = z.object({
  site: KnownSiteId,
  /** The signed-in user's own account id, when a response reveals it. */
  viewerId: z.string().max(200).optional(),
  accounts: z.array(AccountFact).max(MAX_FACT_ACCOUNTS),
  items: z.array(ItemFact).max(MAX_FACT_ITEMS),
  /** Set when the response was a list of accounts the viewer follows (X's Following page). */
  followingList: z.boolean().optional(),
});
export type PageFacts = z.infer<typeof PageFacts>;

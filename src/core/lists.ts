// The user's account lists: brands let in, the follow graph Doorman learned, and per-account brand overrides.
// Every entry is keyed by the site's stable account id; the handle is kept for display and as a fallback
// when a page has not revealed an author's id (display names are never used to match).
import { z } from 'zod';
import { normalizeHandle } from './handle';
import { SiteKey } from './model';
import { problem } from './problem';

const accountId = z.string().max(200);
const handle = z.string().max(320).transform(normalizeHandle);

export const AllowEntry = z
  .object({
    site: SiteKey,
    accountId,
    handle,
    displayName: z.string().max(200).default(''),
    addedAt: z.number().int().nonnegative().default(0),
  })
  .refine((e) => e.accountId !== '' || e.handle !== '', {
    message: 'needs an account id or a handle',
    path: ['accountId'],
    params: { problem: problem('needsAccount') },
  });
export type AllowEntry = z.infer<typeof AllowEntry>;

export const FollowEntry = z.object({
  site: SiteKey,
  accountId,
  handle,
  /** When Doorman last saw this follow (ms since epoch). */
  learnedAt: z.number().int().nonnegative().default(0),
  /** Where it learned it: the page's own API responses, the Following list, or an import. */
  source: z.enum(['page', 'following-list', 'import']).default('page'),
});
export type FollowEntry = z.infer<typeof FollowEntry>;

export const BrandOverrideEntry = z.object({
  site: SiteKey,
  accountId,
  handle,
  brand: z.enum(['brand', 'not-brand']),
  setAt: z.number().int().nonnegative().default(0),
});
export type BrandOverrideEntry = z.infer<typeof BrandOverrideEntry>;

export const idKey = (site: string, accountId: string): string => `${site}#${accountId}`;
export const handleKey = (site: string, handle: string): string => `${site}@${normalizeHandle(handle)}`;

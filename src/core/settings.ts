// The user's settings schema (what an import or a write may hold); new users' values are settings-defaults.ts.
import { z } from 'zod';
import { SiteKey } from './model';
import { problem } from './problem';
import { DEFAULT_LOG, defaultSettings as plainDefaults } from './settings-defaults';
import { POLICIES, type Policy as PolicyT } from './vocabulary';

export { POLICIES, siteEnabled } from './vocabulary';
export const Policy = z.enum(POLICIES);
export type Policy = PolicyT;

const DEFAULTS = plainDefaults();

const SiteSettings = z.object({ enabled: z.boolean().default(true) });
/** Far more than Doorman will ever support; bounds what a hostile import can make every snapshot carry. */
const MAX_SITE_ENTRIES = 64;

export const Settings = z.object({
  policy: Policy.default(DEFAULTS.policy),
  /** Job 1: hide unsolicited brand replies and mentions from accounts I don't follow. */
  hideUnsolicitedBrands: z.boolean().default(DEFAULTS.hideUnsolicitedBrands),
  /** Job 2 (opt-in): every organisation the platform has verified reaches me. */
  letVerifiedOrganizations: z.boolean().default(DEFAULTS.letVerifiedOrganizations),
  /** Brand-likeness score at which an account counts as a brand. */
  brandThreshold: z.number().min(1).max(20).default(DEFAULTS.brandThreshold),
  /** Items a site showed only because a connection reacted or commented (LinkedIn): labelled, or collapsed when on. */
  collapseNetworkSuggestions: z.boolean().default(DEFAULTS.collapseNetworkSuggestions),
  /** The site's own recommendations (jobs, courses, features): labelled, or collapsed when on. */
  collapseRecommendations: z.boolean().default(DEFAULTS.collapseRecommendations),
  /**
   * Per-site switches by site id. A site without an entry is enabled, so a new site needs nothing here;
   * entries for ids no site declares are kept (harmless, and they keep their meaning if it returns).
   */
  sites: z
    .record(SiteKey, SiteSettings)
    .refine((s) => Object.keys(s).length <= MAX_SITE_ENTRIES, { message: `at most ${MAX_SITE_ENTRIES} sites`, params: { problem: problem('tooManySites', MAX_SITE_ENTRIES) } })
    .default(() => ({})),
  log: z
    .object({
      maxEntries: z.number().int().min(100).max(100_000).default(DEFAULT_LOG.maxEntries),
      maxAgeDays: z.number().int().min(1).max(3650).default(DEFAULT_LOG.maxAgeDays),
    })
    .default(() => ({ ...DEFAULT_LOG })),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => plainDefaults();

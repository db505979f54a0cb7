// The user's settings: one schema with defaults is the single source of truth.
import { z } from 'zod';
import { SiteKey } from './model';

export const POLICIES = ['off', 'balanced', 'strict'] as const;
export const Policy = z.enum(POLICIES);
export type Policy = z.infer<typeof Policy>;

const SiteSettings = z.object({ enabled: z.boolean().default(true) });
/** Far more than Doorman will ever support; bounds what a hostile import can make every snapshot carry. */
const MAX_SITE_ENTRIES = 64;

export const Settings = z.object({
  policy: Policy.default('balanced'),
  /** Job 1: hide unsolicited brand replies and mentions from accounts I don't follow. */
  hideUnsolicitedBrands: z.boolean().default(true),
  /** Job 2 (opt-in): every organisation the platform has verified reaches me. */
  letVerifiedOrganizations: z.boolean().default(false),
  /** Brand-likeness score at which an account counts as a brand. */
  brandThreshold: z.number().min(1).max(20).default(3),
  /**
   * Per-site switches by site id. A site without an entry is enabled, so a new site needs nothing here;
   * entries for ids no site declares are kept (harmless, and they keep their meaning if it returns).
   */
  sites: z
    .record(SiteKey, SiteSettings)
    .refine((s) => Object.keys(s).length <= MAX_SITE_ENTRIES, `at most ${MAX_SITE_ENTRIES} sites`)
    .default(() => ({})),
  log: z
    .object({
      maxEntries: z.number().int().min(100).max(100_000).default(10_000),
      maxAgeDays: z.number().int().min(1).max(3650).default(30),
    })
    .default({ maxEntries: 10_000, maxAgeDays: 30 }),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});

/** Doorman runs on the site unless the user paused it there. */
export function siteEnabled(settings: Pick<Settings, 'sites'>, site: string): boolean {
  return Object.hasOwn(settings.sites, site) ? settings.sites[site]?.enabled !== false : true;
}

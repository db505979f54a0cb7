// The user's settings: one schema with defaults is the single source of truth.
import { z } from 'zod';
import { SITE_IDS, type SiteId } from './model';

export const POLICIES = ['off', 'balanced', 'strict'] as const;
export const Policy = z.enum(POLICIES);
export type Policy = z.infer<typeof Policy>;

const SiteSettings = z.object({ enabled: z.boolean().default(true) });

const defaultSites = () =>
  Object.fromEntries(SITE_IDS.map((s) => [s, { enabled: true }])) as Record<SiteId, { enabled: boolean }>;

export const Settings = z.object({
  policy: Policy.default('balanced'),
  /** Job 1: hide unsolicited brand replies and mentions from accounts I don't follow. */
  hideUnsolicitedBrands: z.boolean().default(true),
  /** Job 2 (opt-in): every organisation the platform has verified reaches me. */
  letVerifiedOrganizations: z.boolean().default(false),
  /** Brand-likeness score at which an account counts as a brand. */
  brandThreshold: z.number().min(1).max(20).default(3),
  sites: z
    .object({ x: SiteSettings, bsky: SiteSettings, mastodon: SiteSettings })
    .default(defaultSites),
  log: z
    .object({
      maxEntries: z.number().int().min(100).max(100_000).default(10_000),
      maxAgeDays: z.number().int().min(1).max(3650).default(30),
    })
    .default({ maxEntries: 10_000, maxAgeDays: 30 }),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});

// What the background hands a content script: everything classify needs, as plain JSON.
// Content scripts compile it once (compile.ts) and never touch storage on the hot path.
import { z } from 'zod';
import { AllowEntry, BrandOverrideEntry, FollowEntry } from './lists';
import { Rule } from './rules';
import { Settings } from './settings';

/** Where the background caches the snapshot in storage.local, for content scripts to read at document_start. */
export const SNAPSHOT_KEY = 'snapshot';

export const Snapshot = z.object({
  /** Increases with every change so a content script can drop stale copies. */
  revision: z.number().int().nonnegative(),
  settings: Settings,
  rules: z.array(Rule).max(1_000),
  allowlist: z.array(AllowEntry).max(50_000),
  follows: z.array(FollowEntry).max(200_000),
  overrides: z.array(BrandOverrideEntry).max(50_000),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const emptySnapshot = (): Snapshot => ({
  revision: 0,
  settings: Settings.parse({}),
  rules: [],
  allowlist: [],
  follows: [],
  overrides: [],
});

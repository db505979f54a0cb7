// What the background hands a content script: everything classify needs, as plain JSON.
// Content scripts compile it once (compile.ts) and never touch storage on the hot path.
import { z } from 'zod';
import { AllowEntry, BrandOverrideEntry, FollowEntry } from './lists';
import { Rule } from './rules';
import { Settings } from './settings';
import { SNAPSHOT_FORMAT } from './snapshot-format';

export { SNAPSHOT_FORMAT, SNAPSHOT_KEY } from './snapshot-format';

export const Snapshot = z.object({
  /** Which shape this is (snapshot-format.ts); a snapshot cached by an older version without it is this one. */
  format: z.literal(SNAPSHOT_FORMAT).default(SNAPSHOT_FORMAT),
  /** Increases with every change so a content script can drop stale copies. */
  revision: z.number().int().nonnegative(),
  settings: Settings,
  rules: z.array(Rule).max(1_000),
  allowlist: z.array(AllowEntry).max(50_000),
  follows: z.array(FollowEntry).max(200_000),
  overrides: z.array(BrandOverrideEntry).max(50_000),
});
export type Snapshot = z.infer<typeof Snapshot>;

// What a new user's snapshot is: no rules, no lists, default settings. Schema-free, for the content
// script's fallback when the background cannot be reached.
import type { Snapshot } from './snapshot';
import { defaultSettings } from './settings-defaults';
import { SNAPSHOT_FORMAT } from './snapshot-format';

export const emptySnapshot = (): Snapshot => ({
  format: SNAPSHOT_FORMAT,
  revision: 0,
  settings: defaultSettings(),
  rules: [],
  allowlist: [],
  follows: [],
  overrides: [],
});

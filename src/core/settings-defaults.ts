// What a new user's settings are, as a plain object: the Settings schema (settings.ts) takes its
// defaults from here, and the content script, which carries no schema library, starts from it when
// the background cannot be reached.
import type { Policy } from './vocabulary';

export interface DefaultSettings {
  policy: Policy;
  hideUnsolicitedBrands: boolean;
  letVerifiedOrganizations: boolean;
  brandThreshold: number;
  collapseNetworkSuggestions: boolean;
  collapseRecommendations: boolean;
  sites: Record<string, { enabled: boolean }>;
  log: { maxEntries: number; maxAgeDays: number };
}

export const DEFAULT_LOG = { maxEntries: 10_000, maxAgeDays: 30 } as const;

/** A fresh copy each time (callers may change it). */
export const defaultSettings = (): DefaultSettings => ({
  policy: 'balanced',
  hideUnsolicitedBrands: true,
  letVerifiedOrganizations: false,
  brandThreshold: 3,
  collapseNetworkSuggestions: false,
  collapseRecommendations: false,
  sites: {},
  log: { ...DEFAULT_LOG },
});

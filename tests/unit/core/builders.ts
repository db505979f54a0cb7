// Small builders for core tests: a plain, non-brand reply from someone you don't follow, and a
// compiled ruleset built the way the content script builds it (schema-parsed snapshot → compileSnapshot).
import { classify } from '../../../src/core/classify';
import { compileSnapshot, type CompiledRuleset } from '../../../src/core/compile';
import { re2 } from '../../../src/core/re2';
import type { Author, FeedItem, Verdict } from '../../../src/core/model';
import type { Condition, Outcome, RuleInput } from '../../../src/core/rules';
import { Snapshot } from '../../../src/core/snapshot';
import type { Settings } from '../../../src/core/settings';
import type { z } from 'zod';

export type ItemOverrides = Partial<Omit<FeedItem, 'author'>> & { author?: Partial<Author> };

export function author(over: Partial<Author> = {}): Author {
  return {
    id: 'a1',
    handle: 'someone',
    displayName: 'Some One',
    followed: false,
    followsYou: false,
    verified: 'none',
    bot: false,
    accountAgeDays: 1000,
    orgProfile: false,
    ...over,
  };
}

/** Defaults: an X reply in notifications from an unfollowed, non-brand account with plain text. */
export function item(over: ItemOverrides = {}): FeedItem {
  const { author: a, ...rest } = over;
  return {
    site: 'x',
    id: 'i1',
    permalink: 'https://x.com/someone/status/1',
    kind: 'reply',
    context: 'notifications',
    text: 'hello there, nice post',
    linkDomains: [],
    inOwnThread: false,
    promoted: false,
    ...rest,
    author: author(a),
  };
}

/** A brand-like author: organisation badge + business profile (score 5). */
export const brandAuthor = (over: Partial<Author> = {}): Partial<Author> => ({
  id: 'b1',
  handle: 'acme',
  displayName: 'Acme',
  verified: 'organization',
  orgProfile: true,
  ...over,
});

type SnapshotInput = z.input<typeof Snapshot>;

export interface RulesetInput {
  settings?: Partial<Omit<Settings, 'sites'>> & { sites?: Partial<Record<keyof Settings['sites'], { enabled: boolean }>> };
  rules?: RuleInput[];
  allowlist?: SnapshotInput['allowlist'];
  follows?: SnapshotInput['follows'];
  overrides?: SnapshotInput['overrides'];
  revision?: number;
}

/** The names the content script passes in from the site registry; core itself knows no sites. */
export const SITE_NAMES = { x: 'X', bsky: 'Bluesky', mastodon: 'Mastodon' };

export function ruleset(input: RulesetInput = {}): CompiledRuleset {
  const { sites, ...settings } = input.settings ?? {};
  const snapshot = Snapshot.parse({
    revision: input.revision ?? 1,
    settings: { ...settings, sites: { x: { enabled: true }, bsky: { enabled: true }, mastodon: { enabled: true }, ...sites } },
    rules: input.rules ?? [],
    allowlist: input.allowlist ?? [],
    follows: input.follows ?? [],
    overrides: input.overrides ?? [],
  });
  return compileSnapshot(snapshot, { siteNames: SITE_NAMES, regex: re2 });
}

export const HIDE: Outcome = { class: 'interruption', action: 'hide' };
export const SHOW: Outcome = { class: 'interaction', action: 'show' };

export function rule(when: Condition, over: Partial<RuleInput> = {}): RuleInput {
  return { id: 'r', name: 'Test rule', when, then: HIDE, ...over };
}

/** Classifies `it` against a ruleset holding the single rule `when`; true when that rule decided. */
export function ruleMatches(when: Condition, it: FeedItem, input: Omit<RulesetInput, 'rules'> = {}): boolean {
  const v: Verdict = classify(it, ruleset({ ...input, rules: [rule(when)] }));
  return v.ruleId === 'user:r';
}

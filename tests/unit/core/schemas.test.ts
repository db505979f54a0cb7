// Rule, Settings, list and Snapshot schemas: defaults, JSON round trips, and what they refuse.
import { describe, expect, it } from 'vitest';
import { AllowEntry, BrandOverrideEntry, FollowEntry, handleKey, idKey } from '../../../src/core/lists';
import { MAX_CONDITION_DEPTH, Rule, conditionDepth, type Condition, type RuleInput } from '../../../src/core/rules';
import { Settings, defaultSettings, siteEnabled } from '../../../src/core/settings';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { Snapshot } from '../../../src/core/snapshot';
import { issueProblem } from '../../../src/db/validation';

const base = { id: 'r1', name: 'A rule', then: { class: 'interruption', action: 'collapse' } } as const;

const everyPredicate: Condition = {
  type: 'all',
  of: [
    { type: 'followed', value: 'unknown' },
    { type: 'followsYou', value: false },
    { type: 'verified', kinds: ['organization', 'government'] },
    { type: 'handle', handles: ['@acme', 'bob.bsky.social'] },
    { type: 'kind', kinds: ['reply', 'mention'] },
    { type: 'context', contexts: ['notifications'] },
    { type: 'promoted' },
    { type: 'bot' },
    { type: 'inOwnThread' },
    { type: 'allowlisted' },
    { type: 'text', mode: 'contains', pattern: 'giveaway', caseSensitive: false },
    { type: 'text', mode: 'word', pattern: 'Sale', caseSensitive: true },
    { type: 'text', mode: 'regex', pattern: '\\b\\d{1,2}% off\\b', caseSensitive: false },
    { type: 'linkDomain', domains: ['example.com'] },
    { type: 'accountAge', lessThanDays: 30 },
    { type: 'brand' },
    { type: 'brand', atLeast: 5 },
    { type: 'any', of: [{ type: 'not', of: { type: 'bot' } }] },
  ],
};

function nest(depth: number): Condition {
  let c: Condition = { type: 'bot' };
  for (let i = 1; i < depth; i++) c = { type: 'not', of: c };
  return c;
}

describe('Rule', () => {
  it('fills defaults: enabled, every site, case-insensitive text', () => {
    const r = Rule.parse({ ...base, when: { type: 'text', mode: 'contains', pattern: 'x' } });
    expect(r.enabled).toBe(true);
    expect(r.sites).toEqual([]);
    expect(r.when).toEqual({ type: 'text', mode: 'contains', pattern: 'x', caseSensitive: false });
  });

  it('round-trips through JSON unchanged, with every predicate type', () => {
    const input: RuleInput = { ...base, enabled: false, sites: ['x', 'mastodon'], when: everyPredicate };
    const parsed = Rule.parse(input);
    const again = Rule.parse(JSON.parse(JSON.stringify(parsed)));
    expect(again).toEqual(parsed);
    expect(JSON.stringify(again)).toBe(JSON.stringify(parsed));
  });

  it.each([
    ['lookbehind', '(?<=a)b'],
    ['backreference', '(a)\\1'],
    ['named backreference', '(?P<x>a)(?P=x)'],
    ['unbalanced', '(abc'],
  ])('rejects a regex RE2 cannot run (%s), pointing at the pattern', (_, pattern) => {
    const top = Rule.safeParse({ ...base, when: { type: 'text', mode: 'regex', pattern } });
    expect(top.success).toBe(false);
    expect(top.error!.issues[0]!.path).toEqual(['when', 'pattern']);
    expect(issueProblem(top.error!.issues[0]!)).toMatchObject({ code: 'notRegex', args: [expect.any(String)] });
    const nested = Rule.safeParse({ ...base, when: { type: 'all', of: [{ type: 'bot' }, { type: 'not', of: { type: 'text', mode: 'regex', pattern } }] } });
    expect(nested.success).toBe(false);
    const path = nested.error!.issues[0]!.path;
    expect(path[0]).toBe('when');
    expect(path[path.length - 1]).toBe('pattern');
    expect(path).toEqual(['when', 'of', 1, 'of', 'pattern']);
  });

  it('rejects empty and whitespace-only text patterns', () => {
    expect(Rule.safeParse({ ...base, when: { type: 'text', mode: 'contains', pattern: '' } }).success).toBe(false);
    const blank = Rule.safeParse({ ...base, when: { type: 'text', mode: 'word', pattern: '   ' } });
    expect(issueProblem(blank.error!.issues[0]!)).toEqual({ code: 'patternEmpty' });
  });

  it(`accepts conditions ${MAX_CONDITION_DEPTH} levels deep and rejects deeper ones`, () => {
    expect(conditionDepth(nest(MAX_CONDITION_DEPTH))).toBe(MAX_CONDITION_DEPTH);
    expect(Rule.safeParse({ ...base, when: nest(MAX_CONDITION_DEPTH) }).success).toBe(true);
    const deep = Rule.safeParse({ ...base, when: nest(MAX_CONDITION_DEPTH + 1) });
    expect(deep.success).toBe(false);
    expect(deep.error!.issues.map(issueProblem)).toContainEqual({ code: 'tooDeep', args: [MAX_CONDITION_DEPTH] });
    expect(deep.error!.issues[0]!.path[0]).toBe('when');
    // An empty all/any at the deepest level is still within the limit.
    let c: Condition = { type: 'any', of: [] };
    for (let i = 1; i < MAX_CONDITION_DEPTH; i++) c = { type: 'all', of: [c] };
    expect(Rule.safeParse({ ...base, when: c }).success).toBe(true);
  });

  it('rejects a hostile 100,000-level import with an error, not a stack overflow', () => {
    let c: unknown = { type: 'bot' };
    for (let i = 0; i < 100_000; i++) c = { type: 'not', of: c };
    const r = Rule.safeParse({ ...base, when: c });
    expect(r.success).toBe(false);
  });

  it('measures depth', () => {
    expect(conditionDepth({ type: 'bot' })).toBe(1);
    expect(conditionDepth({ type: 'all', of: [] })).toBe(1);
    expect(conditionDepth({ type: 'any', of: [{ type: 'bot' }, { type: 'not', of: { type: 'bot' } }] })).toBe(3);
  });

  it('validates predicate fields', () => {
    const bad: unknown[] = [
      { type: 'verified', kinds: [] },
      { type: 'kind', kinds: ['story'] },
      { type: 'handle', handles: [''] },
      { type: 'linkDomain', domains: [] },
      { type: 'accountAge', lessThanDays: 0 },
      { type: 'brand', atLeast: 101 },
      { type: 'followed', value: 'maybe' },
      { type: 'nope' },
    ];
    for (const when of bad) expect(Rule.safeParse({ ...base, when }).success, JSON.stringify(when)).toBe(false);
    expect(Rule.safeParse({ ...base, id: '', when: { type: 'bot' } }).success).toBe(false);
    // Core takes any well-formed site id (which ids are declared sites is checked on import, see transfer.test.ts).
    expect(Rule.safeParse({ ...base, sites: ['Face Book'], when: { type: 'bot' } }).success).toBe(false);
    expect(Rule.safeParse({ ...base, when: { type: 'bot' }, then: { class: 'interruption', action: 'delete' } }).success).toBe(false);
  });
});

describe('Settings', () => {
  it('the schema\'s defaults are the plain defaults the content script starts from', () => {
    expect(Settings.parse({})).toEqual(defaultSettings());
    expect(Snapshot.parse({ revision: 0, settings: {}, rules: [], allowlist: [], follows: [], overrides: [] })).toEqual(emptySnapshot());
  });

  it('defaults to balanced, muting brands, organisations not let in, threshold 3, every site on', () => {
    expect(defaultSettings()).toEqual({
      policy: 'balanced',
      hideUnsolicitedBrands: true,
      letVerifiedOrganizations: false,
      brandThreshold: 3,
      collapseNetworkSuggestions: false,
      collapseRecommendations: false,
      // No entry per site: a site without one is on, so a new site needs no default.
      sites: {},
      log: { maxEntries: 10_000, maxAgeDays: 30 },
    });
    for (const site of ['x', 'bsky', 'mastodon', 'example']) expect(siteEnabled(defaultSettings(), site)).toBe(true);
  });

  it('keeps per-site switches stored under the old fixed keys, and refuses malformed site ids', () => {
    const s = Settings.parse({ sites: { x: { enabled: false }, bsky: { enabled: true }, mastodon: { enabled: false } } });
    expect(s.sites).toEqual({ x: { enabled: false }, bsky: { enabled: true }, mastodon: { enabled: false } });
    expect(['x', 'bsky', 'mastodon', 'example'].map((site) => siteEnabled(s, site))).toEqual([false, true, false, true]);
    expect(siteEnabled(s, 'constructor')).toBe(true); // no inherited keys
    expect(Settings.safeParse({ sites: { 'Not A Site': { enabled: false } } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`site${i}`, { enabled: false }]));
    expect(Settings.safeParse({ sites: many }).success).toBe(false);
  });

  it('keeps the other defaults when one field is given, and bounds the threshold', () => {
    const s = Settings.parse({ policy: 'strict', sites: { x: {}, bsky: { enabled: false }, mastodon: {} } });
    expect(s.policy).toBe('strict');
    expect(s.brandThreshold).toBe(3);
    expect(s.sites).toEqual({ x: { enabled: true }, bsky: { enabled: false }, mastodon: { enabled: true } });
    expect(Settings.safeParse({ brandThreshold: 0 }).success).toBe(false);
    expect(Settings.safeParse({ brandThreshold: 21 }).success).toBe(false);
    expect(Settings.safeParse({ policy: 'paranoid' }).success).toBe(false);
    expect(Settings.safeParse({ log: { maxEntries: 10, maxAgeDays: 30 } }).success).toBe(false);
  });

  it('defaultSettings returns a fresh object each time', () => {
    const a = defaultSettings();
    a.sites.x = { enabled: false };
    expect(siteEnabled(defaultSettings(), 'x')).toBe(true);
  });
});

describe('lists', () => {
  it('normalises handles (no @, lower case) and needs an id or a handle', () => {
    expect(AllowEntry.parse({ site: 'x', accountId: '42', handle: '@Acme' })).toEqual({ site: 'x', accountId: '42', handle: 'acme', displayName: '', addedAt: 0 });
    const none = AllowEntry.safeParse({ site: 'x', accountId: '', handle: '' });
    expect(none.success).toBe(false);
    expect(none.error!.issues[0]!.path).toEqual(['accountId']);
    expect(FollowEntry.parse({ site: 'bsky', accountId: 'did:plc:1', handle: 'Bob.bsky.social' })).toEqual({
      site: 'bsky', accountId: 'did:plc:1', handle: 'bob.bsky.social', learnedAt: 0, source: 'page',
    });
    expect(BrandOverrideEntry.safeParse({ site: 'x', accountId: '1', handle: 'a', brand: 'maybe' }).success).toBe(false);
  });

  it('keys ids and handles apart, per site', () => {
    expect(idKey('x', '42')).toBe('x#42');
    expect(handleKey('x', 'ACME')).toBe('x@acme');
    expect(idKey('x', 'acme')).not.toBe(handleKey('x', 'acme'));
  });
});

describe('Snapshot', () => {
  it('the empty snapshot is valid and round-trips', () => {
    const s = Snapshot.parse(emptySnapshot());
    expect(s).toEqual(emptySnapshot());
    expect(Snapshot.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('validates its rules whole', () => {
    const r = Snapshot.safeParse({ ...emptySnapshot(), rules: [{ ...base, when: { type: 'bot' } }, { ...base, when: { type: 'text', mode: 'regex', pattern: '(?<=x)' } }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['rules', 1, 'when', 'pattern']);
  });
});

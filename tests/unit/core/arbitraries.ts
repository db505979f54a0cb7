// fast-check arbitraries for rules, items and snapshots. Values are drawn from small shared pools
// (handles, words, domains) so random rules actually match random items, mixed with raw random
// strings, unicode, empty strings and huge texts.
import fc from 'fast-check';
import { ACTIONS, ITEM_KINDS, PAGE_CONTEXTS, VERDICT_CLASSES, VERIFIED_KINDS, type FeedItem } from '../../../src/core/model';
import { MAX_CONDITION_DEPTH, Rule, conditionDepth, type Condition, type RuleInput } from '../../../src/core/rules';
import { POLICIES } from '../../../src/core/settings';
import { Snapshot } from '../../../src/core/snapshot';
import { checkPattern } from '../../../src/core/re2';

/** Core knows no particular site: any well-formed ids will do (these three are the classifier's today). */
export const SITE_IDS = ['x', 'bsky', 'mastodon'] as const;

export const HANDLES = ['acme', 'acmeshop', 'bob', 'Carol', 'dave.bsky.social', 'shop.example.com', 'x@mastodon.social', 'zoë', '@acme', ''];
export const IDS = ['1', '2', '42', 'did:plc:abc', ''];
export const WORDS = ['sale', 'Sale', 'crypto', 'dm us', 'DM', 'café', 'cafe\u0301', 'über', 'Über', '#ad', 'gm', 'airdrop', 'code',
  '20% off', 'link in bio', 'ſale', 'İzmir', '\u212Aelvin', 'σς', 'Σ', '🔥', '𝐀', 'the', 'a', 'utm_source=x', 'bit.ly/x', 'free shipping'];
export const DOMAINS = ['example.com', 'shop.example.com', 'badexample.com', 'example.com.evil.net', 'www.example.com', 'bit.ly', 'a.b.c.d', 'com', 'Example.COM'];
const REGEXES = ['\\bsale\\b', '(a+)+$', 'cr[yi]pto', 'gm\\b', '^hello', 'x{2,}', '(?i)DM', '\\d+% off', '[', '(?<=a)b', '(a)\\1', 'a|', 'ü+ber',
  'caf(é|e\\x{301})', '\\QS.\\E', 'link in (our )?bio', '(?:use|with) code', '.*', '^$', '\\p{Greek}+', '[^a-z]sale', 'S', 's', 'k', '\\.', 'a{0}b', '(?P<n>airdrop)'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const tri = fc.constantFrom(true, false, 'unknown' as const);

const patternText = fc.oneof(pick(WORDS), fc.string({ minLength: 1, maxLength: 6 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }));

const textPredicate = fc
  .record({
    type: fc.constant('text' as const),
    mode: fc.constantFrom('contains' as const, 'word' as const, 'regex' as const),
    pattern: fc.oneof(patternText, pick(REGEXES)),
    caseSensitive: fc.boolean(),
  })
  .filter((p) => p.pattern.length <= 1000 && checkPattern(p.mode, p.pattern, p.caseSensitive) === null);

export const predicate: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ type: fc.constant('followed' as const), value: tri }),
  fc.record({ type: fc.constant('followsYou' as const), value: tri }),
  fc.record({ type: fc.constant('verified' as const), kinds: fc.subarray([...VERIFIED_KINDS], { minLength: 1 }) }),
  fc.record({ type: fc.constant('handle' as const), handles: fc.array(pick(HANDLES.filter((h) => h !== '')), { maxLength: 4 }) }),
  fc.record({ type: fc.constant('kind' as const), kinds: fc.subarray([...ITEM_KINDS], { minLength: 1 }) }),
  fc.record({ type: fc.constant('context' as const), contexts: fc.subarray([...PAGE_CONTEXTS], { minLength: 1 }) }),
  fc.constant({ type: 'promoted' as const }),
  fc.constant({ type: 'bot' as const }),
  fc.constant({ type: 'inOwnThread' as const }),
  fc.constant({ type: 'allowlisted' as const }),
  textPredicate,
  textPredicate,
  fc.record({ type: fc.constant('linkDomain' as const), domains: fc.array(pick(DOMAINS), { minLength: 1, maxLength: 20 }) }),
  fc.record({ type: fc.constant('accountAge' as const), lessThanDays: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 100_000, noNaN: true })) }),
  fc.record({ type: fc.constant('brand' as const), atLeast: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }) }, { requiredKeys: ['type'] }),
);

export const condition: fc.Arbitrary<Condition> = fc
  .letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { maxDepth: MAX_CONDITION_DEPTH - 1, depthIdentifier: 'cond' },
      predicate,
      fc.record({ type: fc.constant('all' as const), of: fc.array(tie('c'), { maxLength: 4 }) }),
      fc.record({ type: fc.constant('any' as const), of: fc.array(tie('c'), { maxLength: 4 }) }),
      fc.record({ type: fc.constant('not' as const), of: tie('c') }),
    ),
  }))
  .c.filter((c) => conditionDepth(c) <= MAX_CONDITION_DEPTH);

export const ruleInput: fc.Arbitrary<RuleInput> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  name: fc.string({ minLength: 1, maxLength: 20 }),
  enabled: fc.boolean(),
  sites: fc.subarray([...SITE_IDS]),
  when: condition,
  then: fc.record({ class: pick(VERDICT_CLASSES), action: pick(ACTIONS) }),
});

export const rule = ruleInput.map((r) => Rule.parse(r));

const hugeText = fc.tuple(pick(WORDS), fc.integer({ min: 1_000, max: 20_000 })).map(([w, n]) => `${w} `.repeat(Math.ceil(n / (w.length + 1))).slice(0, n));

export const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(pick(WORDS), pick([' ', ', ', '. ', '\n', '-', '_', '#', 'https://bit.ly/x?utm_source=a ', '\uD83D', '\u0301']), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((xs) => xs.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: hugeText },
);

export const feedItem: fc.Arbitrary<FeedItem> = fc.record({
  site: pick(SITE_IDS),
  id: fc.string({ maxLength: 10 }),
  permalink: fc.string({ maxLength: 20 }),
  kind: pick(ITEM_KINDS),
  context: pick(PAGE_CONTEXTS),
  author: fc.record({
    id: fc.oneof(pick(IDS), fc.string({ maxLength: 6 })),
    handle: fc.oneof({ weight: 4, arbitrary: pick(HANDLES.map((h) => h.replace(/^@/, ''))) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }),
    displayName: fc.oneof(pick(['', 'Acme Official', 'Bob', 'Customer Care', 'Zoë HQ', 'the shop', 'Teamwork']), fc.string({ maxLength: 12 })),
    followed: tri,
    followsYou: tri,
    verified: pick(VERIFIED_KINDS),
    bot: fc.boolean(),
    accountAgeDays: fc.option(fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.double({ min: 0, max: 6000, noNaN: true })), { nil: null }),
    orgProfile: fc.boolean(),
  }),
  text,
  linkDomains: fc.array(pick([...DOMAINS.map((d) => d.toLowerCase().replace(/^www\./, '')), 'deals.shop.example.com']), { maxLength: 3 }),
  inOwnThread: fc.boolean(),
  promoted: fc.boolean(),
});

const mostly = fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

const entry = fc.record({ site: pick(SITE_IDS), accountId: pick(IDS), handle: pick(HANDLES) }).filter((e) => e.accountId !== '' || e.handle !== '');

export const snapshot = (opts: { rules?: fc.Arbitrary<RuleInput[]>; policy?: fc.Arbitrary<(typeof POLICIES)[number]> } = {}) =>
  fc
    .record({
      revision: fc.nat(),
      settings: fc.record({
        policy: opts.policy ?? pick(POLICIES),
        hideUnsolicitedBrands: fc.boolean(),
        letVerifiedOrganizations: fc.boolean(),
        brandThreshold: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.double({ min: 1, max: 20, noNaN: true })),
        sites: fc.record({ x: fc.record({ enabled: mostly }), bsky: fc.record({ enabled: mostly }), mastodon: fc.record({ enabled: mostly }) }),
      }),
      rules: opts.rules ?? fc.array(ruleInput, { maxLength: 6 }),
      allowlist: fc.array(entry, { maxLength: 4 }),
      follows: fc.array(entry, { maxLength: 4 }),
      overrides: fc.array(fc.record({ site: pick(SITE_IDS), accountId: pick(IDS), handle: pick(HANDLES), brand: pick(['brand', 'not-brand'] as const) }), { maxLength: 3 }),
    })
    .map((s) => Snapshot.parse(s));

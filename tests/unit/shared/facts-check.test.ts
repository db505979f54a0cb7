// The content script's hand-written check of page facts must accept exactly the shape the PageFacts
// schema accepts, and return the same value: random payloads, mostly near-valid, through both. Then
// the site's account syntax: what no X account could carry is dropped, entry by entry.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERIFIED_KINDS } from '../../../src/core/vocabulary';
import { PageFacts } from '../../../src/shared/facts';
import { checkPageFacts, checkPageFactsShape, fitSiteSyntax } from '../../../src/shared/facts-check';
import { x } from '../../../src/sites/x/site';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
// Values of the wrong type, to land in any field.
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant([]), fc.constant({}), fc.double());
const text = (max: number) => fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 4 }) }, { weight: 1, arbitrary: fc.string({ minLength: max - 1, maxLength: max + 1 }) });
const field = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: maybe(arb) }, { weight: 1, arbitrary: junk });
// Required fields: present but for the odd miss or wrong type.
const must = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 40, arbitrary: arb }, { weight: 1, arbitrary: maybe(junk) });

const account = fc.record({
  id: must(fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: text(200) })),
  handle: must(text(320)),
  displayName: field(text(200)),
  followed: field(fc.boolean()),
  followsYou: field(fc.boolean()),
  verified: field(fc.oneof(fc.constantFrom(...VERIFIED_KINDS), fc.constant('gold'))),
  bot: field(fc.boolean()),
  orgProfile: field(fc.boolean()),
  createdAt: field(fc.oneof(fc.integer(), fc.double({ noNaN: false }))),
  extra: field(fc.string()),
}, { requiredKeys: [] });

const item = fc.record({
  id: must(fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: text(300) })),
  authorId: must(text(200)),
  promoted: field(fc.boolean()),
  inReplyToAuthorId: field(text(200)),
  conversationId: field(text(300)),
  extra: field(fc.integer()),
}, { requiredKeys: [] });

const payload = fc.record({
  site: fc.oneof({ weight: 6, arbitrary: fc.constant('x') }, { weight: 1, arbitrary: fc.constantFrom('bsky', 'myspace', '') }, { weight: 1, arbitrary: junk }),
  viewerId: field(text(200)),
  accounts: fc.oneof({ weight: 8, arbitrary: fc.array(account, { maxLength: 4 }) }, { weight: 1, arbitrary: junk }),
  items: fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: junk }),
  followingList: field(fc.boolean()),
}, { requiredKeys: [] });

// JSON round trip: what the page actually sends is a JSON string (no undefined, no NaN).
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

describe('checkPageFactsShape', () => {
  // 3,000 random payloads through zod and the hand check: 11.7 s with the machine at load 15, past
  // vitest's 5 s default, so this one test gets 30 s (a limit, not a measurement).
  it('agrees with the PageFacts schema on random payloads', () => {
    let accepted = 0;
    fc.assert(fc.property(payload, (raw) => {
      const data = asJson(raw);
      const schema = PageFacts.safeParse(data);
      const ours = checkPageFactsShape(data, 'x');
      if (schema.success && schema.data.site === 'x') {
        accepted++;
        expect(ours).toEqual(schema.data);
      } else {
        expect(ours).toBeNull();
      }
    }), { numRuns: 3_000, seed: 20261201 });
    // The generator must reach both outcomes often, or the agreement means little.
    expect(accepted).toBeGreaterThan(100);
  }, 30_000);

});

describe('checkPageFacts', () => {
  it('is the shape check fitted to the site\'s syntax, on the same random payloads', () => {
    fc.assert(fc.property(payload, (raw) => {
      const data = asJson(raw);
      const shape = checkPageFactsShape(data, 'x');
      expect(checkPageFacts(data, 'x')).toEqual(shape && fitSiteSyntax(shape, x));
    }), { numRuns: 500, seed: 20261202 });
  });

  it('refuses payloads over the caps and for another site', () => {
    const ok = { site: 'x', accounts: [], items: [] };
    expect(checkPageFacts(ok, 'x')).toEqual(ok);
    expect(checkPageFacts(ok, 'bsky')).toBeNull();
    expect(checkPageFacts({ ...ok, accounts: Array.from({ length: 1_001 }, (_, i) => ({ id: `${i}`, handle: 'a' })) }, 'x')).toBeNull();
    expect(checkPageFacts({ ...ok, items: Array.from({ length: 2_001 }, (_, i) => ({ id: `${i}`, authorId: '' })) }, 'x')).toBeNull();
    expect(checkPageFacts([ok], 'x')).toBeNull();
  });
});

describe('fitSiteSyntax', () => {
  const facts = (accounts: unknown[], items: unknown[] = [], extra: object = {}) => checkPageFacts({ site: 'x', accounts, items, ...extra }, 'x');

  it('returns the payload itself when every id and handle could be X\'s', () => {
    const ok = { site: 'x' as const, viewerId: '1', accounts: [{ id: '42', handle: 'Acme_Inc', followed: true }, { id: '7', handle: '' }], items: [{ id: 'p1', authorId: '42', inReplyToAuthorId: '' }] };
    expect(fitSiteSyntax(ok, x)).toBe(ok);
    expect(facts(ok.accounts, ok.items, { viewerId: '1' })).toEqual(ok);
  });

  it('keeps an account\'s id and follow state but drops a handle X could not have', () => {
    const got = facts([
      { id: '1', handle: 'sixteen_chars_xx', followed: true },
      { id: '2', handle: 'good.brand' },
      { id: '3', handle: 'gödbrand' },
      { id: '4', handle: '@GoodBrand' }, // the '@' and case are spelling, not syntax
      { id: '5', handle: 'fifteen_chars_x' },
    ]);
    expect(got?.accounts).toEqual([
      { id: '1', handle: '', followed: true }, { id: '2', handle: '' }, { id: '3', handle: '' },
      { id: '4', handle: '@GoodBrand' }, { id: '5', handle: 'fifteen_chars_x' },
    ]);
  });

  it('drops accounts whose id is not an X id, and unknowns item authors and the viewer likewise', () => {
    const got = facts(
      [{ id: 'did:plc:abc', handle: 'ok', followed: true }, { id: '12', handle: 'ok2' }],
      [{ id: 'p1', authorId: 'evil', inReplyToAuthorId: 'also evil', promoted: true }, { id: 'p2', authorId: '12', inReplyToAuthorId: '9x' }],
      { viewerId: 'me' },
    );
    expect(got).toEqual({
      site: 'x',
      accounts: [{ id: '12', handle: 'ok2' }],
      items: [{ id: 'p1', authorId: '', promoted: true }, { id: 'p2', authorId: '12' }],
    });
  });

  it('leaves a site without declared syntax alone', () => {
    const any = { site: 'x' as const, accounts: [{ id: 'anything', handle: 'any.thing@example.social' }], items: [] };
    expect(fitSiteSyntax(any, { ...x, accounts: undefined })).toBe(any);
  });
});

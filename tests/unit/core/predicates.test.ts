// Every predicate type in src/core/rules.ts, evaluated through classify with a single user rule.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src/core/rules';
import { brandAuthor, item, ruleMatches as m } from './builders';

describe('followed / followsYou', () => {
  it('followed matches true, false and unknown exactly', () => {
    expect(m({ type: 'followed', value: true }, item({ author: { followed: true } }))).toBe(true);
    expect(m({ type: 'followed', value: true }, item({ author: { followed: false } }))).toBe(false);
    expect(m({ type: 'followed', value: false }, item({ author: { followed: false } }))).toBe(true);
    expect(m({ type: 'followed', value: 'unknown' }, item({ author: { followed: 'unknown' } }))).toBe(true);
    expect(m({ type: 'followed', value: false }, item({ author: { followed: 'unknown' } }))).toBe(false);
  });

  it('followed sees the follow graph fill in unknown, but not override false', () => {
    const follows = [{ site: 'x' as const, accountId: 'a1', handle: 'someone' }];
    expect(m({ type: 'followed', value: true }, item({ author: { followed: 'unknown' } }), { follows })).toBe(true);
    expect(m({ type: 'followed', value: 'unknown' }, item({ author: { followed: 'unknown' } }), { follows })).toBe(false);
    expect(m({ type: 'followed', value: false }, item({ author: { followed: false } }), { follows })).toBe(true);
  });

  it('followsYou matches the tri-state', () => {
    expect(m({ type: 'followsYou', value: true }, item({ author: { followsYou: true } }))).toBe(true);
    expect(m({ type: 'followsYou', value: true }, item({ author: { followsYou: 'unknown' } }))).toBe(false);
    expect(m({ type: 'followsYou', value: 'unknown' }, item({ author: { followsYou: 'unknown' } }))).toBe(true);
    expect(m({ type: 'followsYou', value: false }, item({ author: { followsYou: false } }))).toBe(true);
  });
});

describe('verified / handle / kind / context', () => {
  it('verified matches any listed kind', () => {
    const c: Condition = { type: 'verified', kinds: ['organization', 'government'] };
    expect(m(c, item({ author: { verified: 'government' } }))).toBe(true);
    expect(m(c, item({ author: { verified: 'paid' } }))).toBe(false);
    expect(m({ type: 'verified', kinds: ['none'] }, item())).toBe(true);
  });

  it('handle matches the list, ignoring a leading @ and case in the rule', () => {
    const c: Condition = { type: 'handle', handles: ['@Acme', 'other.bsky.social'] };
    expect(m(c, item({ author: { handle: 'acme' } }))).toBe(true);
    expect(m(c, item({ author: { handle: 'other.bsky.social' } }))).toBe(true);
    expect(m(c, item({ author: { handle: 'acme2' } }))).toBe(false);
    expect(m(c, item({ author: { handle: '' } }))).toBe(false);
    expect(m({ type: 'handle', handles: [] }, item())).toBe(false);
  });

  it('kind and context match their lists', () => {
    expect(m({ type: 'kind', kinds: ['mention', 'quote'] }, item({ kind: 'quote' }))).toBe(true);
    expect(m({ type: 'kind', kinds: ['mention', 'quote'] }, item({ kind: 'reply' }))).toBe(false);
    expect(m({ type: 'context', contexts: ['search'] }, item({ context: 'search' }))).toBe(true);
    expect(m({ type: 'context', contexts: ['search'] }, item({ context: 'home' }))).toBe(false);
  });
});

describe('flags', () => {
  it('promoted matches the promoted flag or the ad kind', () => {
    expect(m({ type: 'promoted' }, item({ promoted: true }))).toBe(true);
    expect(m({ type: 'promoted' }, item({ kind: 'ad' }))).toBe(true);
    expect(m({ type: 'promoted' }, item())).toBe(false);
  });

  it('bot and inOwnThread match their flags', () => {
    expect(m({ type: 'bot' }, item({ author: { bot: true } }))).toBe(true);
    expect(m({ type: 'bot' }, item())).toBe(false);
    expect(m({ type: 'inOwnThread' }, item({ inOwnThread: true }))).toBe(true);
    expect(m({ type: 'inOwnThread' }, item())).toBe(false);
  });

  it('allowlisted matches by account id, and by handle only when the page has not revealed the id', () => {
    const allowlist = [{ site: 'x' as const, accountId: '42', handle: 'acme' }];
    const c: Condition = { type: 'allowlisted' };
    expect(m(c, item({ author: { id: '42', handle: 'acme-renamed' } }), { allowlist })).toBe(true);
    expect(m(c, item({ author: { id: '', handle: 'acme' } }), { allowlist })).toBe(true);
    expect(m(c, item({ author: { id: '', handle: 'ACME' } }), { allowlist })).toBe(true);
    // Someone else now holding the handle is not let in.
    expect(m(c, item({ author: { id: '99', handle: 'acme' } }), { allowlist })).toBe(false);
    // Allowlists are per site.
    expect(m(c, item({ site: 'bsky', author: { id: '42', handle: 'acme' } }), { allowlist })).toBe(false);
    // An entry without an id (typed in by hand) matches the handle whatever the id.
    const byHandle = [{ site: 'x' as const, accountId: '', handle: '@Acme' }];
    expect(m(c, item({ author: { id: '99', handle: 'acme' } }), { allowlist: byHandle })).toBe(true);
  });
});

describe('text', () => {
  const t = (mode: 'contains' | 'word' | 'regex', pattern: string, caseSensitive = false): Condition =>
    ({ type: 'text', mode, pattern, caseSensitive });

  it('contains: substring, case-insensitive by default', () => {
    expect(m(t('contains', 'Giveaway'), item({ text: 'Huge GIVEAWAYS today' }))).toBe(true);
    expect(m(t('contains', 'Giveaway', true), item({ text: 'Huge GIVEAWAYS today' }))).toBe(false);
    expect(m(t('contains', 'Giveaway', true), item({ text: 'Huge Giveaways today' }))).toBe(true);
    expect(m(t('contains', 'giveaway'), item({ text: '' }))).toBe(false);
  });

  it('word: whole words only, at ASCII and Unicode boundaries', () => {
    const ad = t('word', 'ad');
    expect(m(ad, item({ text: 'this is an ad.' }))).toBe(true);
    expect(m(ad, item({ text: 'AD: buy now' }))).toBe(true);
    expect(m(ad, item({ text: 'bad adverts' }))).toBe(false);
    expect(m(ad, item({ text: 'ad_hoc' }))).toBe(false);
    expect(m(ad, item({ text: 'bad, then ad' }))).toBe(true); // a later occurrence counts
    expect(m(t('word', 'café'), item({ text: 'Le Café!' }))).toBe(true);
    expect(m(t('word', 'caf'), item({ text: 'le café' }))).toBe(false);
    expect(m(t('word', 'über'), item({ text: 'ÜBER alles' }))).toBe(true);
    expect(m(t('word', 'sale'), item({ text: 'sale🔥 now' }))).toBe(true);
    expect(m(t('word', 'sale'), item({ text: 'セールsaleです' }))).toBe(false);
    expect(m(t('word', 'Sale', true), item({ text: 'big sale' }))).toBe(false);
    expect(m(t('word', 'Sale', true), item({ text: 'big Sale' }))).toBe(true);
  });

  it('word: a combining mark or an astral letter continues the word', () => {
    expect(m(t('word', 'cafe'), item({ text: 'cafe\u0301 au lait' }))).toBe(false);
    expect(m(t('word', 'cafe'), item({ text: 'cafe au lait' }))).toBe(true);
    expect(m(t('word', 'sale'), item({ text: 'sale\u{1D400}' }))).toBe(false); // MATHEMATICAL BOLD CAPITAL A
    expect(m(t('word', 'sale'), item({ text: '\u{1D400}sale' }))).toBe(false);
    expect(m(t('word', 'sale'), item({ text: '\u{1F600}sale\u{1F600}' }))).toBe(true); // emoji are not letters
  });

  it('word: only demands a boundary where the needle has a word character', () => {
    expect(m(t('word', '#ad'), item({ text: 'great product#ad' }))).toBe(true);
    expect(m(t('word', '#ad'), item({ text: 'great product #ads' }))).toBe(false);
  });

  it('regex: RE2 syntax, case-insensitive unless asked', () => {
    expect(m(t('regex', '\\b\\d{1,2}% off\\b'), item({ text: 'Get 20% OFF now' }))).toBe(true);
    expect(m(t('regex', '^hello'), item({ text: 'HELLO world' }))).toBe(true);
    expect(m(t('regex', '^hello', true), item({ text: 'HELLO world' }))).toBe(false);
    expect(m(t('regex', 'ü+ber'), item({ text: 'ÜÜBER' }))).toBe(true);
    expect(m(t('regex', 'x{3}'), item({ text: 'xx' }))).toBe(false);
  });

  it('regex: runs in linear time on a pattern that would hang a backtracking engine', () => {
    const evil = item({ text: `${'a'.repeat(50_000)}b` });
    expect(m(t('regex', '(a+)+$'), evil)).toBe(false);
    expect(m(t('regex', '(a|aa)+c'), evil)).toBe(false);
  });
});

describe('linkDomain / accountAge / brand', () => {
  it('linkDomain matches the domain and its subdomains, not look-alikes', () => {
    const c: Condition = { type: 'linkDomain', domains: ['www.Example.com', 'shop.test'] };
    expect(m(c, item({ linkDomains: ['example.com'] }))).toBe(true);
    expect(m(c, item({ linkDomains: ['other.org', 'deals.example.com'] }))).toBe(true);
    expect(m(c, item({ linkDomains: ['a.b.shop.test'] }))).toBe(true);
    expect(m(c, item({ linkDomains: ['badexample.com'] }))).toBe(false);
    expect(m(c, item({ linkDomains: ['example.com.evil.net'] }))).toBe(false);
    expect(m(c, item({ linkDomains: [] }))).toBe(false);
  });

  it('accountAge matches accounts younger than the limit; unknown age never matches', () => {
    const c: Condition = { type: 'accountAge', lessThanDays: 30 };
    expect(m(c, item({ author: { accountAgeDays: 29.5 } }))).toBe(true);
    expect(m(c, item({ author: { accountAgeDays: 0 } }))).toBe(true);
    expect(m(c, item({ author: { accountAgeDays: 30 } }))).toBe(false);
    expect(m(c, item({ author: { accountAgeDays: null } }))).toBe(false);
    expect(m({ type: 'not', of: c }, item({ author: { accountAgeDays: null } }))).toBe(true);
  });

  it("brand uses the user's threshold, or atLeast when given", () => {
    const paid = item({ author: { verified: 'paid' } }); // score 1
    const org = item({ author: { verified: 'organization' } }); // score 3
    expect(m({ type: 'brand' }, org)).toBe(true);
    expect(m({ type: 'brand' }, paid)).toBe(false);
    expect(m({ type: 'brand' }, org, { settings: { brandThreshold: 4 } })).toBe(false);
    expect(m({ type: 'brand', atLeast: 1 }, paid)).toBe(true);
    expect(m({ type: 'brand', atLeast: 4 }, org)).toBe(false);
    expect(m({ type: 'brand', atLeast: 0 }, item())).toBe(true);
  });

  it('brand obeys overrides', () => {
    const overrides = [
      { site: 'x' as const, accountId: 'b1', handle: 'acme', brand: 'not-brand' as const },
      { site: 'x' as const, accountId: 'a1', handle: 'someone', brand: 'brand' as const },
    ];
    expect(m({ type: 'brand' }, item({ author: brandAuthor() }), { overrides })).toBe(false);
    expect(m({ type: 'brand', atLeast: 100 }, item(), { overrides })).toBe(true);
  });
});

describe('all / any / not', () => {
  const bot: Condition = { type: 'bot' };
  const reply: Condition = { type: 'kind', kinds: ['reply'] };
  it('all needs every part; empty all is true', () => {
    expect(m({ type: 'all', of: [bot, reply] }, item({ author: { bot: true } }))).toBe(true);
    expect(m({ type: 'all', of: [bot, reply] }, item())).toBe(false);
    expect(m({ type: 'all', of: [] }, item())).toBe(true);
  });
  it('any needs one part; empty any is false', () => {
    expect(m({ type: 'any', of: [bot, reply] }, item())).toBe(true);
    expect(m({ type: 'any', of: [bot, { type: 'promoted' }] }, item())).toBe(false);
    expect(m({ type: 'any', of: [] }, item())).toBe(false);
  });
  it('not negates, and nests', () => {
    expect(m({ type: 'not', of: bot }, item())).toBe(true);
    expect(m({ type: 'not', of: { type: 'not', of: bot } }, item())).toBe(false);
    const nested: Condition = {
      type: 'all',
      of: [reply, { type: 'any', of: [bot, { type: 'not', of: { type: 'followed', value: true } }] }, { type: 'not', of: { type: 'any', of: [] } }],
    };
    expect(m(nested, item())).toBe(true);
    expect(m(nested, item({ author: { followed: true } }))).toBe(false);
    expect(m(nested, item({ author: { followed: true, bot: true } }))).toBe(true);
  });
});

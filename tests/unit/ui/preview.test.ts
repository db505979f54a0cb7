// The rule preview: log entries rebuilt as FeedItems, and a rule counted over them with today's
// follows, allowlist and overrides.
import { describe, expect, it } from 'vitest';
import { Rule, type Condition } from '../../../src/core/rules';
import { defaultSettings } from '../../../src/core/settings';
import { FeedItem } from '../../../src/core/model';
import type { LogEntryInput } from '../../../src/shared/messages';
import { linkDomainsOf, logEntryToItem, previewRule, usesUnknowable } from '../../../src/options/rules/preview';

function entry(itemId: string, over: Partial<LogEntryInput> = {}): LogEntryInput {
  return {
    site: 'x', itemId, permalink: `https://x.com/a/status/${itemId}`, authorId: `id-${itemId}`, handle: `user${itemId}`, displayName: 'Someone',
    snippet: 'hello', kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply',
    reason: '…', at: 1_700_000_000_000, ...over,
  };
}

const base = () => ({ settings: defaultSettings(), allowlist: [], follows: [], overrides: [] });
const rule = (when: Condition, sites: ('x' | 'bsky' | 'mastodon')[] = []) =>
  Rule.parse({ id: 'p', name: 'P', enabled: false, sites, when, then: { class: 'interruption', action: 'hide' } });

describe('logEntryToItem', () => {
  it('builds a valid FeedItem with the unknowable fields at their neutral values', () => {
    const item = logEntryToItem(entry('1', { kind: 'ad', snippet: 'see https://www.Shop.example.com/x and http://t.co/abc' }));
    expect(FeedItem.safeParse(item).success).toBe(true);
    expect(item.promoted).toBe(true);
    expect(item.author).toMatchObject({ verified: 'none', bot: false, accountAgeDays: null, followsYou: 'unknown' });
    expect(item.linkDomains).toEqual(['shop.example.com', 't.co']);
  });

  it('finds link domains in text', () => {
    expect(linkDomainsOf('no links here')).toEqual([]);
    expect(linkDomainsOf('HTTPS://A.COM/x https://a.com')).toEqual(['a.com']);
  });
});

describe('previewRule', () => {
  const log = [
    entry('1', { snippet: 'Use promo code SAVE10' }),
    entry('2', { snippet: 'Nice photo!', kind: 'mention' }),
    entry('3', { snippet: 'PROMO CODE inside', site: 'bsky' }),
    entry('4', { snippet: 'promo code again', authorId: 'friend', handle: 'friend' }),
  ];

  it('counts matches and keeps a few samples, even for a disabled rule', () => {
    const r = previewRule(rule({ type: 'text', mode: 'contains', pattern: 'promo code', caseSensitive: false }), log, base());
    expect(r).toMatchObject({ matched: 3, total: 4 });
    expect(r.samples.map((e) => e.itemId)).toEqual(['1', '3', '4']);
  });

  it('respects the rule\'s sites', () => {
    expect(previewRule(rule({ type: 'text', mode: 'contains', pattern: 'promo', caseSensitive: false }, ['bsky']), log, base()).matched).toBe(1);
  });

  it('treats authors outside the learned follows as not followed, and learned ones as followed', () => {
    const b = { ...base(), follows: [{ site: 'x' as const, accountId: 'friend', handle: 'friend', learnedAt: 1, source: 'page' as const }] };
    expect(previewRule(rule({ type: 'followed', value: false }), log, b).matched).toBe(3);
    expect(previewRule(rule({ type: 'followed', value: true }), log, b).samples.map((e) => e.itemId)).toEqual(['4']);
  });

  it('uses today\'s allowlist and brand overrides', () => {
    const b = {
      ...base(),
      allowlist: [{ site: 'x' as const, accountId: 'id-2', handle: 'user2', displayName: '', addedAt: 1 }],
      overrides: [{ site: 'x' as const, accountId: 'id-1', handle: 'user1', brand: 'brand' as const, setAt: 1 }],
    };
    expect(previewRule(rule({ type: 'allowlisted' }), log, b).samples.map((e) => e.itemId)).toEqual(['2']);
    expect(previewRule(rule({ type: 'brand' }), log, b).samples.map((e) => e.itemId)).toEqual(['1']);
  });

  it('knows which predicates it cannot judge', () => {
    expect(usesUnknowable(['text', 'kind'])).toBe(false);
    expect(usesUnknowable(['text', 'verified'])).toBe(true);
  });
});

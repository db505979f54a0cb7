// Filtering the log: words, site, reason and local-day date ranges, combined.
import { describe, expect, it } from 'vitest';
import type { LogEntryInput } from '../../../src/shared/messages';
import { dayEnd, dayStart, emptyFilter, filterLog, isFiltering, type LogFilter } from '../../../src/ui/log/filter';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

function entry(itemId: string, over: Partial<LogEntryInput> = {}): LogEntryInput {
  return {
    site: 'x', itemId, permalink: '', authorId: '42', handle: 'acme', displayName: 'Acme Inc.', snippet: 'Use code SAVE10 today',
    kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply',
    reason: 'Reply from @acme, a brand you don\'t follow', at: at(2025, 3, 10), ...over,
  };
}

const log = [
  entry('1'),
  entry('2', { handle: 'shopco', displayName: 'Shop Co', snippet: 'Free shipping on everything', reason: 'Mention from @shopco', reasonCode: 'brand-mention', at: at(2025, 3, 11, 0) }),
  entry('3', { site: 'bsky', handle: 'news.example', displayName: 'Example News', snippet: 'Breaking: a thing', reason: 'Hidden: ad', reasonCode: 'ad', at: at(2025, 3, 12, 23) }),
  entry('4', { site: 'mastodon', handle: 'bot', displayName: 'Helpful Bot', snippet: 'Beep', reasonCode: 'user-rule', reason: 'Hidden by your rule “Bots”', at: at(2025, 2, 28) }),
];

const ids = (f: Partial<LogFilter>) => filterLog(log, { ...emptyFilter(), ...f }).map((e) => e.itemId);

describe('filterLog', () => {
  it('returns the same array when nothing filters', () => {
    expect(filterLog(log, emptyFilter())).toBe(log);
    expect(isFiltering({ ...emptyFilter(), text: '   ' })).toBe(false);
  });

  it('searches author handle, name, text and reason, case-insensitively; every word must match', () => {
    expect(ids({ text: 'ACME' })).toEqual(['1']);
    expect(ids({ text: '@shopco' })).toEqual(['2']);
    expect(ids({ text: 'example news' })).toEqual(['3']);
    expect(ids({ text: 'shipping free' })).toEqual(['2']);
    expect(ids({ text: 'shipping beep' })).toEqual([]);
    expect(ids({ text: 'rule “bots”' })).toEqual(['4']);
    expect(ids({ text: '42' })).toEqual(['1', '2', '3', '4']); // the author id is searchable too
  });

  it('filters by site and reason', () => {
    expect(ids({ site: 'bsky' })).toEqual(['3']);
    expect(ids({ reason: 'brand-mention' })).toEqual(['2']);
    expect(ids({ site: 'x', reason: 'ad' })).toEqual([]);
  });

  it('filters by local day, both ends inclusive', () => {
    expect(ids({ from: '2025-03-11' })).toEqual(['2', '3']); // midnight on the 11th counts as the 11th
    expect(ids({ to: '2025-03-10' })).toEqual(['1', '4']);
    expect(ids({ from: '2025-03-12', to: '2025-03-12' })).toEqual(['3']); // 23:00 is still the 12th
    expect(ids({ from: '2025-03-01', to: '2025-03-11', text: 'acme' })).toEqual(['1']);
  });

  it('ignores a date that is not a date', () => {
    expect(ids({ from: 'yesterday' })).toEqual(['1', '2', '3', '4']);
  });
});

describe('day bounds', () => {
  it('are local midnights, a day apart even across a DST change', () => {
    expect(dayStart('2025-03-10')).toBe(new Date(2025, 2, 10).getTime());
    expect(dayEnd('2025-03-30')).toBe(new Date(2025, 2, 31).getTime());
    expect(dayStart('2024-02-31')).toBeNull();
    expect(dayStart('2024-2-3')).toBeNull();
  });
});

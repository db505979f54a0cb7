// The sieve may only skip a rule that could not have matched: checked directly against each rule's
// own test on random rules and items, and on the shapes of rule it was built for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSnapshot, ruleMatches } from '../../../src/core/compile';
import { re2 } from '../../../src/core/re2';
import { ItemView } from '../../../src/core/item-view';
import { holdsForShape } from '../../../src/core/rule-sieve';
import type { Condition } from '../../../src/core/rules';
import { feedItem, snapshot } from './arbitraries';
import { item, rule, ruleset } from './builders';

describe('RuleSieve', () => {
  it('(property) never leaves out a rule that matches the item', () => {
    fc.assert(
      fc.property(snapshot(), fc.array(feedItem, { minLength: 1, maxLength: 8 }), (snap, items) => {
        const rs = compileSnapshot(snap, { regex: re2 });
        for (const it of items) {
          const candidates = new Set(rs.sieve.candidates(new ItemView(it, rs)));
          rs.rules.forEach((r, i) => {
            if (!candidates.has(i)) expect(ruleMatches(r, it, rs), `rule ${r.id} left out`).toBe(false);
          });
        }
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('tests a rule about mentions only on mentions, and one about strangers only on them', () => {
    const rs = ruleset({
      rules: [
        rule({ type: 'all', of: [{ type: 'kind', kinds: ['mention'] }, { type: 'bot' }] }, { id: 'mentions' }),
        rule({ type: 'not', of: { type: 'followed', value: true } }, { id: 'strangers' }),
      ],
    });
    const ids = (over: Parameters<typeof item>[0]) => rs.sieve.candidates(new ItemView(item(over), rs)).map((i) => rs.rules[i]!.id);
    expect(ids({ kind: 'reply', author: { followed: false } })).toEqual(['strangers']);
    expect(ids({ kind: 'mention', author: { followed: true } })).toEqual(['mentions']);
  });

  it('waits for evidence: a handle, a word, a link domain', () => {
    const rs = ruleset({
      rules: [
        rule({ type: 'handle', handles: ['@Spammer'] }, { id: 'handle' }),
        rule({ type: 'text', mode: 'word', pattern: 'airdrop', caseSensitive: false }, { id: 'word' }),
        rule({ type: 'linkDomain', domains: ['spam.example'] }, { id: 'link' }),
      ],
    });
    const ids = (over: Parameters<typeof item>[0]) => rs.sieve.candidates(new ItemView(item(over), rs)).map((i) => rs.rules[i]!.id);
    expect(ids({ text: 'good morning' })).toEqual([]);
    expect(ids({ author: { handle: 'spammer' } })).toEqual(['handle']);
    expect(ids({ text: 'Free AIRDROP' })).toEqual(['word']);
    expect(ids({ linkDomains: ['a.spam.example'] })).toEqual(['link']);
  });

  it('an "any" naming every value of a field always holds', () => {
    const all3: Condition = { type: 'any', of: [{ type: 'followsYou', value: true }, { type: 'followsYou', value: false }, { type: 'followsYou', value: 'unknown' }] };
    expect(holdsForShape(all3, { kind: 'post', followed: false })).toBe(true);
    expect(holdsForShape({ type: 'not', of: all3 }, { kind: 'post', followed: false })).toBe(false);
    const two: Condition = { type: 'any', of: [{ type: 'followsYou', value: true }, { type: 'followsYou', value: false }] };
    expect(holdsForShape(two, { kind: 'post', followed: false })).toBe('unknown');
  });
});

describe('RuleSieve on items outside the schema', () => {
  it('tests every rule rather than guess', () => {
    const rs = ruleset({ rules: [rule({ type: 'bot' }, { id: 'bots' })] });
    const odd = { ...item({ author: { bot: true } }), kind: 'story' } as unknown as ReturnType<typeof item>;
    expect(rs.sieve.candidates(new ItemView(odd, rs))).toEqual([0]);
    const oddFollow = item({ author: { bot: true, followed: 'maybe' as never } });
    expect(rs.sieve.candidates(new ItemView(oddFollow, rs))).toEqual([0]);
  });
});

// The user's rules in classify: first match wins, site masks, disabled rules, and their verdicts.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import type { Action } from '../../../src/core/model';
import type { Condition } from '../../../src/core/rules';
import { englishReason } from '../ui/catalogue';
import { brandAuthor, item, rule, ruleset } from './builders';

const reply: Condition = { type: 'kind', kinds: ['reply'] };

describe('user rules', () => {
  it.each([
    ['show', 'interaction', 'Shown'],
    ['label', 'interaction', 'Labelled'],
    ['collapse', 'interruption', 'Collapsed'],
    ['hide', 'interruption', 'Hidden'],
  ] as [Action, 'interaction' | 'interruption', string][])('a matching rule decides: %s', (action, cls, word) => {
    const rs = ruleset({ rules: [rule(reply, { id: 'mine', name: 'Replies', then: { class: cls, action } })] });
    const v = classify(item(), rs);
    expect(v).toEqual({
      class: cls, action, ruleId: 'user:mine', reasonCode: 'user-rule', why: { say: 'rule', rule: 'Replies', action },
    });
    expect(englishReason(v)).toBe(`${word} by your rule “Replies”`);
  });

  it('first match wins', () => {
    const rs = ruleset({
      rules: [
        rule({ type: 'bot' }, { id: 'bots', name: 'Bots' }),
        rule(reply, { id: 'a', name: 'First', then: { class: 'interaction', action: 'label' } }),
        rule(reply, { id: 'b', name: 'Second', then: { class: 'interruption', action: 'hide' } }),
      ],
    });
    expect(classify(item(), rs).ruleId).toBe('user:a');
    expect(classify(item({ author: { bot: true } }), rs).ruleId).toBe('user:bots');
    expect(classify(item({ kind: 'post' }), rs).ruleId).toBe('policy:balanced:default');
  });

  it('rules come before the policy: they can let a brand in or hide someone you follow', () => {
    const rs = ruleset({
      rules: [
        rule({ type: 'handle', handles: ['acme'] }, { id: 'let-acme', then: { class: 'interaction', action: 'show' } }),
        rule({ type: 'text', mode: 'word', pattern: 'spoiler', caseSensitive: false }, { id: 'spoilers' }),
      ],
    });
    expect(classify(item({ author: brandAuthor() }), rs).ruleId).toBe('user:let-acme');
    expect(classify(item({ author: { followed: true }, text: 'SPOILER: he dies' }), rs).ruleId).toBe('user:spoilers');
  });

  it('applies only on the sites it names; no sites means all', () => {
    const rs = ruleset({
      rules: [
        rule(reply, { id: 'bsky-only', sites: ['bsky'] }),
        rule(reply, { id: 'x-or-masto', sites: ['x', 'mastodon'] }),
      ],
    });
    expect(classify(item({ site: 'bsky' }), rs).ruleId).toBe('user:bsky-only');
    expect(classify(item({ site: 'x' }), rs).ruleId).toBe('user:x-or-masto');
    expect(classify(item({ site: 'mastodon' }), rs).ruleId).toBe('user:x-or-masto');
    const all = ruleset({ rules: [rule(reply, { id: 'everywhere', sites: [] })] });
    for (const site of ['x', 'bsky', 'mastodon'] as const) expect(classify(item({ site }), all).ruleId).toBe('user:everywhere');
  });

  it('skips disabled rules', () => {
    const rs = ruleset({ rules: [rule(reply, { id: 'off', enabled: false }), rule(reply, { id: 'on' })] });
    expect(classify(item(), rs).ruleId).toBe('user:on');
    expect(rs.rules.map((r) => r.id)).toEqual(['on']);
  });

  it('still apply when the policy is off, but not on a paused site', () => {
    const rs = ruleset({ settings: { policy: 'off', sites: { x: { enabled: false } } }, rules: [rule(reply, { id: 'r' })] });
    expect(classify(item({ site: 'bsky' }), rs).ruleId).toBe('user:r');
    expect(classify(item({ site: 'x' }), rs).reasonCode).toBe('site-paused');
  });

  it('a rule can use the brand score with the policy off', () => {
    const rs = ruleset({ settings: { policy: 'off' }, rules: [rule({ type: 'brand' }, { id: 'brands' })] });
    expect(classify(item({ author: brandAuthor() }), rs).ruleId).toBe('user:brands');
    expect(classify(item(), rs).ruleId).toBe('policy:off');
  });

  it('a rule can hide in seek contexts', () => {
    const rs = ruleset({ rules: [rule({ type: 'all', of: [{ type: 'context', contexts: ['search'] }, { type: 'brand' }] }, { id: 'no-brands-in-search' })] });
    expect(classify(item({ context: 'search', author: brandAuthor() }), rs).ruleId).toBe('user:no-brands-in-search');
    expect(classify(item({ context: 'search' }), rs).reasonCode).toBe('seek');
  });
});

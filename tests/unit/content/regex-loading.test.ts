// A snapshot with a regex rule waits for the regex engine; one without never asks for it. Deltas that
// arrive meanwhile wait with it; an engine that cannot load leaves the regex rules out, never the page waiting.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { re2 } from '../../../src/core/re2';
import type { Rule } from '../../../src/core/rules';
import type { Snapshot } from '../../../src/core/snapshot';
import type { RegexEngine } from '../../../src/core/text-match';
import { readContentMessage } from '../../../src/content/inbox';
import { injectedRegexEngine, type RegexSource } from '../../../src/content/regex-loader';
import { REGEX_ENGINE_GLOBAL } from '../../../src/content/regex-engine-key';
import { SnapshotChannel } from '../../../src/content/snapshot-channel';
import { snapshotEnvelope } from '../../../src/content/snapshot-source';
import { item } from '../core/builders';


const regexRule: Rule = {
  id: 'r1', name: 'codes', enabled: true, sites: [],
  when: { type: 'text', mode: 'regex', pattern: '\\bcode\\s+\\w+\\b', caseSensitive: false },
  then: { class: 'interruption', action: 'hide' },
};
const snap = (revision: number, rules: Rule[] = []): Snapshot => ({ ...emptySnapshot(), revision, rules });

function deferredSource(): RegexSource & { resolve(e: RegexEngine | null): void; loads: number } {
  let engine: RegexEngine | null = null;
  let resolve: (e: RegexEngine | null) => void = () => undefined;
  const src = {
    loads: 0,
    current: () => engine,
    load: () => {
      src.loads++;
      return new Promise<RegexEngine | null>((r) => {
        resolve = (e) => {
          engine = e;
          r(e);
        };
      });
    },
    resolve: (e: RegexEngine | null) => resolve(e),
  };
  return src;
}

function setup(source: RegexSource) {
  const events: string[] = [];
  const channel = new SnapshotChannel({
    snapshot: (_rs, s) => events.push(`snapshot ${s.revision}`),
    delta: (_rs, d) => events.push(`delta ${d.base}->${d.revision}`),
  }, async () => null, {}, source);
  return { channel, events };
}

const promo = item({ text: 'Use code SAVE20 today' });

describe('regex engine loading', () => {
  it('never asks for the engine when no enabled rule is a regex', () => {
    const src = deferredSource();
    const t = setup(src);
    expect(t.channel.snapshot(snap(1, [{ ...regexRule, enabled: false }]))).toBe(true);
    expect(src.loads).toBe(0);
    expect(t.events).toEqual(['snapshot 1']);
  });

  it('holds a regex snapshot (and the deltas after it) until the engine is here', async () => {
    const src = deferredSource();
    const t = setup(src);
    t.channel.snapshot(snap(1, [regexRule]));
    t.channel.snapshot(snap(2, [regexRule])); // newer while loading: this one wins, one load
    expect(t.channel.delta({ site: 'x', base: 2, revision: 3, add: [{ accountId: '9', handle: 'h9' }], remove: [] })).toBe(false);
    expect(t.events).toEqual([]);
    expect(t.channel.ruleset).toBeNull();
    src.resolve(re2);
    await Promise.resolve();
    await Promise.resolve();
    expect(t.events).toEqual(['snapshot 2', 'delta 2->3']);
    expect(src.loads).toBe(1);
    expect(classify(promo, t.channel.ruleset!).ruleId).toBe('user:r1');
  });

  it('an engine that cannot load leaves the regex rules out instead of holding the page', async () => {
    const src = deferredSource();
    const t = setup(src);
    t.channel.snapshot(snap(1, [regexRule]));
    src.resolve(null);
    await Promise.resolve();
    await Promise.resolve();
    expect(t.events).toEqual(['snapshot 1']);
    expect(t.channel.ruleset!.rules).toEqual([]);
    expect(classify(promo, t.channel.ruleset!).ruleId).not.toBe('user:r1');
  });

  it('finds an engine the injected file left in this world', () => {
    const scope: Record<string, unknown> = {};
    const src = injectedRegexEngine(scope);
    expect(src.current()).toBeNull();
    scope[REGEX_ENGINE_GLOBAL] = { nope: true };
    expect(src.current()).toBeNull();
    scope[REGEX_ENGINE_GLOBAL] = re2;
    expect(src.current()).toBe(re2);
  });
});

describe('what a content script accepts', () => {
  it('takes snapshots of this format only', () => {
    expect(snapshotEnvelope(snap(3))).not.toBeNull();
    const { format: _format, ...old } = snap(3);
    expect(snapshotEnvelope(old)).toBeNull();
    expect(snapshotEnvelope({ ...snap(3), format: 2 })).toBeNull();
    expect(snapshotEnvelope({ ...snap(3), revision: -1 })).toBeNull();
    expect(snapshotEnvelope({ ...snap(3), rules: {} })).toBeNull();
    expect(snapshotEnvelope(null)).toBeNull();
  });

  it('reads the five messages sent to it and nothing else', () => {
    expect(readContentMessage({ type: 'content/ping' })).toEqual({ type: 'content/ping' });
    expect(readContentMessage({ type: 'item/reveal', itemId: '12' })).toEqual({ type: 'item/reveal', itemId: '12' });
    expect(readContentMessage({ type: 'item/reveal', itemId: '' })).toBeNull();
    expect(readContentMessage({ type: 'snapshot/changed', snapshot: snap(4) })?.type).toBe('snapshot/changed');
    expect(readContentMessage({ type: 'snapshot/changed', snapshot: { revision: 4 } })).toBeNull();
    const delta = { site: 'x', base: 1, revision: 2, add: [{ accountId: '1', handle: 'a' }], remove: [] };
    expect(readContentMessage({ type: 'follows/changed', delta })).toEqual({ type: 'follows/changed', delta });
    expect(readContentMessage({ type: 'follows/changed', delta: { ...delta, add: [{ accountId: '', handle: 'a' }] } })).toBeNull();
    const none = { add: [], remove: [] };
    const lists = { base: 1, revision: 2, lists: { allowlist: { add: [{ site: 'x', accountId: '1', handle: 'a' }], remove: [] }, overrides: { add: [{ site: 'x', accountId: '', handle: 'b', brand: 'not-brand' }], remove: [] }, follows: none } };
    expect(readContentMessage({ type: 'lists/changed', delta: lists })).toEqual({ type: 'lists/changed', delta: lists });
    expect(readContentMessage({ type: 'lists/changed', delta: { ...lists, lists: { ...lists.lists, follows: undefined } } })).toBeNull();
    expect(readContentMessage({ type: 'lists/changed', delta: { ...lists, lists: { ...lists.lists, overrides: { add: [{ site: 'x', accountId: '', handle: 'b', brand: 'maybe' }], remove: [] } } } })).toBeNull();
    expect(readContentMessage({ type: 'log/report', entries: [] })).toBeNull();
    expect(readContentMessage('content/ping')).toBeNull();
  });
});

// The rule form's model: Rule → draft → Rule round trips for every predicate and group type, and
// schema errors land on the field that caused them.
import { describe, expect, it } from 'vitest';
import { Rule, type Condition, type PredicateType } from '../../../src/core/rules';
import {
  PREDICATE_TYPES, blankNode, draftToCondition, draftToInput, moveChild, newRuleDraft, removeNode, retype, ruleToDraft,
  splitList, updateNode, type DraftNode,
} from '../../../src/options/rules/draft';
import { checkDraft } from '../../../src/options/rules/validate';
import { describeCondition, predicateTypes } from '../../../src/options/rules/describe';
import { useUiLanguage } from './catalogue';

/** One rule that uses every predicate type, every group type and nesting. */
const EVERYTHING: Condition = {
  type: 'all',
  of: [
    { type: 'followed', value: false },
    { type: 'followsYou', value: 'unknown' },
    { type: 'verified', kinds: ['organization', 'affiliate'] },
    { type: 'handle', handles: ['acme', 'acme_support'] },
    { type: 'kind', kinds: ['reply', 'mention'] },
    { type: 'context', contexts: ['home', 'notifications'] },
    {
      type: 'any',
      of: [
        { type: 'promoted' },
        { type: 'bot' },
        { type: 'not', of: { type: 'inOwnThread' } },
        { type: 'not', of: { type: 'allowlisted' } },
      ],
    },
    { type: 'text', mode: 'regex', pattern: '\\bcode\\s+[A-Z0-9]{4,}\\b', caseSensitive: true },
    { type: 'text', mode: 'word', pattern: 'giveaway', caseSensitive: false },
    { type: 'linkDomain', domains: ['example.com', 'shop.test'] },
    { type: 'accountAge', lessThanDays: 30 },
    { type: 'brand' },
    { type: 'brand', atLeast: 5 },
  ],
};

const fullRule = Rule.parse({ id: 'r1', name: 'Everything', enabled: false, sites: ['x', 'mastodon'], when: EVERYTHING, then: { class: 'interruption', action: 'hide' } });

describe('rule ↔ draft', () => {
  it('the test rule covers every predicate type the schema knows', () => {
    expect([...predicateTypes(EVERYTHING)].sort()).toEqual([...PREDICATE_TYPES].sort());
  });

  it('round-trips a rule using every predicate, all/any/not and the outcome', () => {
    const back = Rule.parse(draftToInput(ruleToDraft(fullRule)));
    expect(back).toEqual(fullRule);
  });

  it('round-trips each predicate on its own', () => {
    const leaves = (c: Condition): Condition[] =>
      c.type === 'all' || c.type === 'any' ? c.of.flatMap(leaves) : c.type === 'not' ? [c, ...leaves(c.of)] : [c];
    for (const leaf of leaves(EVERYTHING)) {
      const rule = Rule.parse({ id: 'x', name: 'n', when: leaf, then: { class: 'interaction', action: 'show' } });
      expect(Rule.parse(draftToInput(ruleToDraft(rule)))).toEqual(rule);
    }
  });

  it('turns form text into schema values: lists split and cleaned, numbers parsed', () => {
    const handle = { ...blankNode('handle'), list: '@Acme, acme_support\n\n @acme  ' };
    expect(draftToCondition(handle)).toEqual({ type: 'handle', handles: ['acme', 'acme_support'] });
    const domains = { ...blankNode('linkDomain'), list: 'https://www.Example.com/path?q=1 shop.test' };
    expect(draftToCondition(domains)).toEqual({ type: 'linkDomain', domains: ['example.com', 'shop.test'] });
    expect(draftToCondition({ ...blankNode('accountAge'), days: ' 14 ' })).toEqual({ type: 'accountAge', lessThanDays: 14 });
    expect(draftToCondition({ ...blankNode('brand'), atLeast: '' })).toEqual({ type: 'brand' });
    expect(draftToCondition({ ...blankNode('followed'), value: 'true' })).toEqual({ type: 'followed', value: true });
  });

  it('keeps checkbox choices in schema order whatever order they were ticked', () => {
    const n = { ...blankNode('kind'), itemKinds: ['mention', 'post'] as DraftNode['itemKinds'] };
    expect(draftToCondition(n)).toEqual({ type: 'kind', kinds: ['post', 'mention'] });
  });

  it('a new rule draft is almost valid: only the name and text are missing', () => {
    const check = checkDraft(newRuleDraft('new'));
    expect(check.rule).toBeNull();
    expect([...check.errors.keys()].sort()).toEqual(['name', 'when.of.1.pattern']);
  });

  it('splitList drops empties and repeats', () => {
    expect(splitList(' a,,b  a\nc ')).toEqual(['a', 'b', 'c']);
  });
});

describe('validation errors land on their field', () => {
  const valid = () => ruleToDraft(fullRule);

  it('passes a valid draft through to a parsed Rule', () => {
    const check = checkDraft(valid());
    expect(check.errors.size).toBe(0);
    expect(check.rule).toEqual(fullRule);
  });

  it('names a bad regex inside nested groups by its path', () => {
    const d = valid();
    const regexNode = d.when.children[7]!;
    d.when = updateNode(d.when, regexNode.key, (n) => ({ ...n, pattern: '(unclosed' }));
    const check = checkDraft(d);
    expect(check.rule).toBeNull();
    expect(check.errors.get('when.of.7.pattern')).toMatch(/^notRegex /); // the problem's code: no catalogue here
  });

  it('shows a regex over its cost budget on the pattern field, naming the rule and the budget', () => {
    const d = valid();
    d.when = updateNode(d.when, d.when.children[7]!.key, (n) => ({ ...n, pattern: '[\\p{L}\\p{N}]{40}\\d' }));
    const undo = useUiLanguage('en');
    const check = checkDraft(d);
    undo();
    expect(check.rule).toBeNull();
    expect(check.errors.get('when.of.7.pattern')).toBe(
      'Rule “Everything”: its pattern tests Unicode classes such as \\p{L} 40 times once repetitions are counted out; the limit is 4 — use + or * rather than a count, or an ASCII class such as [a-z]',
    );
  });

  it('shows a rule over its own budget under the conditions', () => {
    const d = valid();
    const many = Array.from({ length: 11 }, (_, i) => ({ ...blankNode('text'), mode: 'regex' as const, pattern: `promo${i}\\d+` }));
    d.when = { ...d.when, children: [...d.when.children, ...many] };
    const undo = useUiLanguage('en');
    const errors = checkDraft(d).errors;
    undo();
    expect(errors.get('when')).toBe('Rule “Everything”: it has 12 regex conditions; the limit is 10 — merge some, or split the rule');
  });

  it('reports an empty choice list, a non-number and an empty name in plain words', () => {
    const d = valid();
    d.name = '   ';
    d.when = updateNode(d.when, d.when.children[2]!.key, (n) => ({ ...n, verifiedKinds: [] }));
    d.when = updateNode(d.when, d.when.children[10]!.key, (n) => ({ ...n, days: 'soon' }));
    const errors = checkDraft(d).errors;
    expect(errors.get('name')).toBe('errRequired');
    expect(errors.get('when.of.2.kinds')).toBe('errPickOne');
    expect(errors.get('when.of.10.lessThanDays')).toBe('errNumber');
  });

  it('reports inside a not (path …of, no index) and in a list entry (on the list field)', () => {
    const d = valid();
    const any = d.when.children[6]!;
    const not = any.children[2]!;
    d.when = updateNode(d.when, not.children[0]!.key, (n) => ({ ...retype(n, 'text'), pattern: '' }));
    d.when = updateNode(d.when, d.when.children[3]!.key, (n) => ({ ...n, list: `ok ${'x'.repeat(400)}` }));
    const errors = checkDraft(d).errors;
    expect(errors.get('when.of.6.of.2.of.pattern')).toBeDefined();
    expect(errors.get('when.of.3.handles')).toBe('errTooLong 320');
  });

  it('refuses conditions nested deeper than the schema allows', () => {
    const d = newRuleDraft('deep');
    d.name = 'Deep';
    let node: DraftNode = { ...blankNode('text'), pattern: 'x' };
    for (let i = 0; i < 9; i++) node = { ...blankNode('all'), children: [node] };
    d.when = node;
    // Reported on the node that went too deep (or on `when`, depending on how the schema counts).
    const deep = [...checkDraft(d).errors].find(([, m]) => /^tooDeep 8$/.test(m));
    expect(deep?.[0]).toMatch(/^when(\.of\.0)*$/);
  });
});

describe('tree edits', () => {
  const tree = (): DraftNode => {
    const root = blankNode('all');
    root.children = [blankNode('bot'), blankNode('promoted'), { ...blankNode('any'), children: [blankNode('text'), blankNode('brand')] }];
    return root;
  };

  it('moves a member up and down, not past the ends', () => {
    const root = tree();
    const [a, b] = root.children;
    const moved = moveChild(root, b!.key, -1);
    expect(moved.children.map((c) => c.type)).toEqual(['promoted', 'bot', 'any']);
    expect(moveChild(root, a!.key, -1)).toBe(root);
    const inner = root.children[2]!.children[1]!;
    expect(moveChild(root, inner.key, -1).children[2]!.children.map((c) => c.type)).toEqual(['brand', 'text']);
  });

  it('removes a member but never a group\'s last one', () => {
    const root = tree();
    expect(removeNode(root, root.children[0]!.key).children).toHaveLength(2);
    const lone = { ...blankNode('any'), children: [blankNode('bot')] };
    expect(removeNode(lone, lone.children[0]!.key)).toBe(lone);
  });

  it('retyping keeps typed values and gives groups a member', () => {
    const text = { ...blankNode('text'), pattern: 'keep me' };
    const asGroup = retype(text, 'all');
    expect(asGroup.children).toHaveLength(1);
    expect(retype(asGroup, 'text').pattern).toBe('keep me');
    const not = retype(blankNode('bot'), 'not');
    expect(not.children).toHaveLength(1);
  });
});

describe('describeCondition', () => {
  it('reads a rule in one line', () => {
    const c: Condition = { type: 'all', of: [{ type: 'kind', kinds: ['reply'] }, { type: 'not', of: { type: 'followed', value: true } }] };
    // Outside an extension t() returns keys; the shape is what matters here.
    expect(describeCondition(c)).toBe('itemNoun_reply · describeNot describeFollowed_true');
  });
  it('covers every predicate type without throwing', () => {
    for (const type of PREDICATE_TYPES as readonly PredicateType[]) {
      const cond = draftToCondition({ ...blankNode(type), verifiedKinds: ['paid'], itemKinds: ['post'], contexts: ['home'], list: 'a', pattern: 'p', days: '3' });
      expect(describeCondition(cond)).not.toBe('');
    }
  });
});

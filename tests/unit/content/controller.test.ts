// The content machinery with a tiny adapter over a toy markup, in happy-dom.
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../../src/core/compile';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { type Snapshot } from '../../../src/core/snapshot';
import type { SiteAdapter } from '../../../src/content/adapter';
import { toyAdapter } from './toy-adapter';
import { FeedController } from '../../../src/content/controller';
import { FactStore } from '../../../src/content/fact-store';
import { reveal } from '../../../src/content/marking';
import { ATTR, ATTR_REVEALED, PLACEHOLDER_CLASS, ensureStylesheet } from '../../../src/content/styles';
import { resetWords } from '../../../src/content/words';
import { useUiLanguage } from '../ui/catalogue';

function setup(url = 'https://x.com/home') {
  const win = new Window({ url });
  const doc = win.document as unknown as Document;
  ensureStylesheet(doc);
  const facts = new FactStore();
  const filtered: string[] = [];
  let changes = 0;
  const controller = new FeedController(toyAdapter, facts, doc, {
    filtered: (item, v) => filtered.push(`${item.id}:${v.action}:${v.reasonCode}`),
    changed: () => changes++,
  });
  const add = (html: string) => {
    const ul = doc.createElement('ul');
    ul.innerHTML = html;
    doc.body.append(ul);
    controller.scan([ul]);
    return ul;
  };
  return { win, doc, facts, controller, filtered, add, changes: () => changes };
}

const snapshot = (over: Partial<Snapshot> = {}) => compileSnapshot({ ...emptySnapshot(), ...over });
const brandFacts = { site: 'x' as const, accounts: [{ id: '9', handle: 'acme', followed: false, verified: 'organization' as const, orgProfile: true }], items: [] };

describe('FeedController', () => {
  // The placeholder's words come from the browser's i18n: here the real English catalogue.
  let restore: () => void;
  beforeAll(() => {
    restore = useUiLanguage('en');
    resetWords();
  });
  afterAll(() => restore());
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
  });

  it('holds items invisible until the rules arrive, then decides them', () => {
    env.facts.merge(brandFacts);
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">DM us</div></li>');
    const cell = env.doc.querySelector('.cell')!;
    expect(cell.getAttribute(ATTR)).toBe('pending');
    env.controller.setRuleset(snapshot());
    expect(cell.getAttribute(ATTR)).toBe('collapse');
    expect(env.filtered).toEqual(['1:collapse:brand-reply']);
  });

  it('collapses with a placeholder that states the reason and reveals with its button', () => {
    env.controller.setRuleset(snapshot());
    env.facts.merge(brandFacts);
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">hello</div></li>');
    const cell = env.doc.querySelector('.cell')!;
    const box = cell.firstElementChild as HTMLElement;
    expect(box.classList.contains(PLACEHOLDER_CLASS)).toBe(true);
    expect(box.textContent).toContain("Reply from @acme, a brand you don't follow (verified organisation, business profile)");
    const button = box.querySelector('button')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    expect(cell.hasAttribute(ATTR_REVEALED)).toBe(true);
    expect(button.textContent).toBe('Collapse');
    button.click();
    expect(cell.hasAttribute(ATTR_REVEALED)).toBe(false);
  });

  it('never processes the same element twice, and logs each item once', () => {
    env.controller.setRuleset(snapshot());
    env.facts.merge(brandFacts);
    const ul = env.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">x</div></li>');
    env.controller.scan([ul, ul]);
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">x (re-rendered copy)</div></li>');
    expect(env.filtered).toEqual(['1:collapse:brand-reply']);
    expect(env.controller.parsed).toBe(2);
  });

  it('re-classifies an item when facts about its author arrive late', () => {
    env.controller.setRuleset(snapshot());
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">x</div></li>');
    const cell = env.doc.querySelector('.cell')!;
    expect(cell.getAttribute(ATTR)).toBe('show'); // unknown follow state fails open
    const changed = env.facts.merge(brandFacts);
    env.controller.reclassifyAccounts(changed.accountIds, new Set(['acme']), changed.itemIds);
    expect(cell.getAttribute(ATTR)).toBe('collapse');
  });

  it('re-reads an item when the page re-renders inside it', () => {
    env.controller.setRuleset(snapshot({ rules: [{ id: 'r', name: 'No crypto', enabled: true, sites: [], when: { type: 'text', mode: 'word', pattern: 'crypto', caseSensitive: false }, then: { class: 'interruption', action: 'hide' } }] }));
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="bob">hello</div></li>');
    const post = env.doc.querySelector('.post')!;
    const cell = env.doc.querySelector('.cell')!;
    expect(cell.getAttribute(ATTR)).toBe('show');
    const span = env.doc.createElement('span');
    span.textContent = ' buy crypto';
    post.append(span);
    env.controller.scan([span]);
    expect(cell.getAttribute(ATTR)).toBe('hide');
  });

  it('applies new rules to items already on the page', () => {
    env.controller.setRuleset(snapshot());
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="bob" data-kind="post">hi</div></li>');
    const cell = env.doc.querySelector('.cell')!;
    expect(cell.getAttribute(ATTR)).toBe('show');
    env.controller.setRuleset(snapshot({ rules: [{ id: 'r', name: 'Mute bob', enabled: true, sites: ['x'], when: { type: 'handle', handles: ['@Bob'] }, then: { class: 'interruption', action: 'collapse' } }] }));
    expect(cell.getAttribute(ATTR)).toBe('collapse');
    expect(cell.textContent).toContain('Collapsed by your rule “Mute bob”');
  });

  it('goes degraded when items stop being readable, and then hides nothing', () => {
    env.controller.setRuleset(snapshot());
    env.facts.merge(brandFacts);
    env.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">x</div></li>');
    expect(env.doc.querySelector('.cell')!.getAttribute(ATTR)).toBe('collapse');
    env.add('<li class="cell2"><div class="post">a</div><div class="post">b</div><div class="post">c</div></li>');
    env.controller.checkDrift();
    expect(env.controller.degraded).toBe(true);
    expect(env.controller.driftDetail).toContain('3 items could not be read');
    expect(env.doc.querySelector('.cell')!.hasAttribute(ATTR)).toBe(false);
    env.add('<li class="cell"><div class="post" data-id="2" data-handle="acme">x</div></li>');
    expect(env.doc.querySelectorAll(`[${ATTR}]`).length).toBe(0);
  });

  it('asks the adapter about page-level drift', () => {
    env.controller.setRuleset(snapshot());
    env.add('<li class="card">1</li><li class="card">2</li><li class="card">3</li>');
    env.controller.checkDrift();
    expect(env.controller.driftDetail).toBe('cards but no posts');
  });

  it('does not count items that fill in later as drift', () => {
    env.controller.setRuleset(snapshot());
    const ul = env.add('<li class="cell"><div class="post">a</div><div class="post">b</div><div class="post">c</div></li>');
    ul.querySelectorAll('.post').forEach((p, i) => {
      p.setAttribute('data-id', String(i));
      p.setAttribute('data-handle', `h${i}`);
    });
    env.controller.checkDrift();
    expect(env.controller.degraded).toBe(false);
    expect(env.controller.parsed).toBe(3);
  });

  it('uses the page context: in search only ads are hidden', () => {
    const s = setup('https://x.com/search?q=acme');
    s.controller.setRuleset(snapshot());
    s.facts.merge(brandFacts);
    s.add('<li class="cell"><div class="post" data-id="1" data-handle="acme">x</div></li><li class="cell"><div class="post" data-id="2" data-handle="acme" data-ad>x</div></li>');
    const cells = s.doc.querySelectorAll('.cell');
    expect(cells[0]!.getAttribute(ATTR)).toBe('show');
    expect(cells[1]!.getAttribute(ATTR)).toBe('hide');
  });

  it('reveals an item by id for the popup', () => {
    env.controller.setRuleset(snapshot());
    env.add('<li class="cell"><div class="post" data-id="7" data-handle="bob" data-ad>x</div></li>');
    expect(reveal(env.doc, '7')).toBe(true);
    expect(env.doc.querySelector('.cell')!.hasAttribute(ATTR_REVEALED)).toBe(true);
    expect(reveal(env.doc, 'nope')).toBe(false);
  });
});

describe('FeedController with an adapter that throws', () => {
  it('counts the throw as an unreadable item, keeps the batch going, and goes degraded if it persists', () => {
    const env = setup();
    const throwing: SiteAdapter = { ...toyAdapter, parse: (el, e) => { if (el.hasAttribute('data-boom')) throw new Error('boom'); return toyAdapter.parse(el, e); } };
    const doc = env.doc;
    const controller = new FeedController(throwing, env.facts, doc, { filtered: () => undefined, changed: () => undefined });
    controller.setRuleset(snapshot());
    const ul = doc.createElement('ul');
    ul.innerHTML = '<li class="cell"><div class="post" data-boom>x</div></li><li class="cell"><div class="post" data-id="2" data-handle="bob" data-ad>y</div></li>'
      + '<li class="cell"><div class="post" data-boom>x</div></li><li class="cell"><div class="post" data-boom>x</div></li><li class="cell"><div class="post" data-boom>x</div></li>';
    doc.body.append(ul);
    expect(() => controller.scan([ul])).not.toThrow();
    expect(doc.querySelectorAll('.cell')[1]!.getAttribute(ATTR)).toBe('hide');
    controller.checkDrift();
    expect(controller.driftDetail).toContain('reading an item threw: boom');
    expect(doc.querySelectorAll('.cell')[1]!.hasAttribute(ATTR)).toBe(false); // degraded: hides nothing
  });
});

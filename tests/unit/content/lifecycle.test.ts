// startContent's lifecycle in happy-dom: it stops (and takes back its marks) when asked, when the
// site is paused, when the page goes away, and when its extension is gone and a newer instance
// takes the page over. Never two placeholders on one item.
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContent } from '../../../src/content/start';
import { STARTED_EVENT } from '../../../src/content/instance';
import { FACTS_EVENT } from '../../../src/shared/facts';
import { ATTR, PLACEHOLDER_CLASS } from '../../../src/content/styles';
import type { Rule } from '../../../src/core/rules';
import { fakeBrowser, pausedSnapshot, snapshotWith } from './fake-browser';
import { toyAdapter, toyCells } from './toy-adapter';

vi.stubGlobal('browser', fakeBrowser);

const muteAcme: Rule = {
  id: 'r', name: 'Mute acme', enabled: true, sites: [],
  when: { type: 'handle', handles: ['acme'] }, then: { class: 'interruption', action: 'collapse' },
};

/** Lets the observer callbacks and the snapshot read run. */
const settle = () => new Promise((r) => setTimeout(r, 5));

let win: Window;
let doc: Document;
const stops: (() => void)[] = [];

function start(alive: () => boolean = () => true): () => void {
  const stop = startContent(toyAdapter, win as unknown as globalThis.Window, { alive });
  stops.push(stop);
  return stop;
}

function insert(html: string): HTMLElement {
  const ul = doc.createElement('ul');
  ul.innerHTML = html;
  doc.body.append(ul);
  return ul;
}

const acmeCells = (n: number, from = 0) => toyCells(n, { from, handle: 'acme' });
const marked = (root: ParentNode = doc) => root.querySelectorAll(`[${ATTR}]`).length;
const placeholders = (root: ParentNode = doc) => root.querySelectorAll(`.${PLACEHOLDER_CLASS}`).length;

beforeEach(() => {
  win = new Window({ url: 'https://x.com/home' });
  doc = win.document as unknown as Document;
  fakeBrowser.cached = snapshotWith(3, { rules: [muteAcme] });
  fakeBrowser.sent = [];
  fakeBrowser.listeners.clear();
  fakeBrowser.answer = () => ({ ok: true });
});

afterEach(() => {
  for (const s of stops.splice(0)) s();
  win.close();
});

const strangers: Rule = {
  id: 'nf', name: 'Strangers', enabled: true, sites: [],
  when: { type: 'not', of: { type: 'followed', value: true } }, then: { class: 'interruption', action: 'collapse' },
};

describe('startContent lifecycle', () => {
  it('marks items already there and items inserted later; stop takes every mark back and stops observing', async () => {
    insert(acmeCells(2));
    const stop = start();
    await settle();
    expect(placeholders()).toBe(2);
    insert(acmeCells(1, 10));
    await settle();
    expect(placeholders()).toBe(3);

    stop();
    expect(marked()).toBe(0);
    expect(placeholders()).toBe(0);
    expect(doc.getElementById('doorman-style')).toBeNull();
    expect(fakeBrowser.listeners.size).toBe(0);
    const later = insert(acmeCells(1, 20));
    await settle();
    expect(marked(later)).toBe(0);
  });

  it('pausing the site stops observing and clears every mark; resuming filters again', async () => {
    insert(acmeCells(2));
    start();
    await settle();
    expect(placeholders()).toBe(2);

    await fakeBrowser.deliver({ type: 'snapshot/changed', snapshot: pausedSnapshot(4) });
    expect(marked()).toBe(0);
    const whilePaused = insert(acmeCells(2, 10));
    await settle();
    expect(marked(whilePaused)).toBe(0);
    expect(fakeBrowser.listeners.size).toBe(1); // still listening for the resume

    await fakeBrowser.deliver({ type: 'snapshot/changed', snapshot: snapshotWith(5, { rules: [muteAcme] }) });
    expect(placeholders()).toBe(4); // including the ones inserted while paused
    insert(acmeCells(1, 20));
    await settle();
    expect(placeholders()).toBe(5);
  });

  it('leaving the page flushes the log and stops', async () => {
    start();
    await settle();
    insert(acmeCells(2));
    await settle();
    win.dispatchEvent(new win.Event('pagehide'));
    expect(fakeBrowser.sent.filter((m) => (m as { type: string }).type === 'log/report')).toHaveLength(1);
    const later = insert(acmeCells(1, 10));
    await settle();
    expect(marked(later)).toBe(0);
  });

  it('an orphan (its extension gone) hands the page to the new instance in the same world: one placeholder per item', async () => {
    let oldAlive = true;
    insert(acmeCells(3));
    start(() => oldAlive);
    await settle();
    expect(placeholders()).toBe(3);

    oldAlive = false; // the extension was updated: the old script's runtime is gone
    start();
    await settle();
    const cells = [...doc.querySelectorAll('.cell')];
    expect(cells.map((c) => c.querySelectorAll(`.${PLACEHOLDER_CLASS}`).length)).toEqual([1, 1, 1]);
    insert(acmeCells(2, 10));
    await settle();
    expect(placeholders()).toBe(5);
    expect([...doc.querySelectorAll('.cell')].every((c) => c.querySelectorAll(`.${PLACEHOLDER_CLASS}`).length === 1)).toBe(true);
    expect(fakeBrowser.listeners.size).toBe(1); // the old listener is gone
  });

  it('an orphan in another world retires on the new instance\'s event; a live instance ignores a forged one', async () => {
    let oldAlive = true;
    insert(acmeCells(2));
    start(() => oldAlive);
    await settle();
    doc.dispatchEvent(new win.CustomEvent(STARTED_EVENT) as unknown as Event); // the page forging it
    insert(acmeCells(1, 10));
    await settle();
    expect(placeholders()).toBe(3); // still working

    oldAlive = false;
    // Another world: the new instance cannot see the old one's handle on its global.
    delete (win as unknown as Record<symbol, unknown>)[Symbol.for('doorman.content')];
    start();
    await settle();
    expect(placeholders()).toBe(3);
    expect([...doc.querySelectorAll('.cell')].every((c) => c.querySelectorAll(`.${PLACEHOLDER_CLASS}`).length === 1)).toBe(true);
    expect(fakeBrowser.listeners.size).toBe(1);
  });

  it('an orphan nobody replaces stops on its next mutation batch and unmarks the page', async () => {
    let alive = true;
    insert(acmeCells(2));
    start(() => alive);
    await settle();
    expect(placeholders()).toBe(2);
    alive = false; // disabled or uninstalled
    insert(acmeCells(1, 10));
    await settle();
    expect(marked()).toBe(0);
    expect(placeholders()).toBe(0);
    expect(fakeBrowser.sent.filter((m) => (m as { type: string }).type === 'log/report')).toHaveLength(0);
  });

  it('sweeps what a dead instance left (Firefox unloads it without a word) before marking', async () => {
    insert(acmeCells(2));
    for (const cell of doc.querySelectorAll('.cell')) {
      const stale = doc.createElement('div');
      stale.className = PLACEHOLDER_CLASS;
      stale.textContent = 'Doorman (old)';
      cell.prepend(stale);
      cell.setAttribute(ATTR, 'collapse');
    }
    start();
    await settle();
    expect(placeholders()).toBe(2);
    expect(doc.body.textContent).not.toContain('(old)');
  });

  /** Two posts each by bob and carol, collapsed by a "not followed" rule at revision 3. */
  async function bobAndCarolAsStrangers(): Promise<void> {
    fakeBrowser.cached = snapshotWith(3, { rules: [strangers] });
    insert(toyCells(2, { handle: 'bob' }) + toyCells(2, { from: 10, handle: 'carol' }));
    start();
    await settle();
  }

  it('a follow delta re-decides that account\'s items only; a delta from another revision fetches the snapshot', async () => {
    await bobAndCarolAsStrangers();
    expect(placeholders()).toBe(4);
    const carolCell = doc.querySelectorAll('.cell')[2]!;
    const carolBox = carolCell.firstElementChild;

    const add = (handle: string) => [{ accountId: `id-${handle}`, handle }];
    const answer = await fakeBrowser.deliver({ type: 'follows/changed', delta: { site: 'x', base: 3, revision: 4, add: add('bob'), remove: [] } });
    expect(answer).toEqual({ applied: true });
    expect([...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['show', 'show', 'collapse', 'collapse']);
    expect(carolCell.firstElementChild).toBe(carolBox); // untouched
    expect(fakeBrowser.sent.some((m) => (m as { type: string }).type === 'snapshot/get')).toBe(false);

    // Revision 5 never arrived: the tab asks for the whole snapshot rather than apply 5 → 6.
    fakeBrowser.answer = (m) => (m.type === 'snapshot/get'
      ? snapshotWith(6, { rules: [strangers], follows: ['bob', 'carol'].map((h) => ({ site: 'x' as const, accountId: `id-${h}`, handle: h, learnedAt: 1, source: 'page' as const })) })
      : { ok: true });
    expect(await fakeBrowser.deliver({ type: 'follows/changed', delta: { site: 'x', base: 5, revision: 6, add: add('carol'), remove: [] } })).toEqual({ applied: false });
    await settle();
    expect(fakeBrowser.sent.filter((m) => (m as { type: string }).type === 'snapshot/get')).toHaveLength(1);
    expect([...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['show', 'show', 'show', 'show']);
  });

  it('a lists delta (the options page added a follow) re-decides that account\'s items only, without a snapshot fetch', async () => {
    await bobAndCarolAsStrangers();
    const carolBox = doc.querySelectorAll('.cell')[2]!.firstElementChild;
    const none = { add: [], remove: [] };
    const delta = { base: 3, revision: 4, lists: { allowlist: none, overrides: none, follows: { add: [{ site: 'x', accountId: '', handle: 'bob' }], remove: [] } } };
    expect(await fakeBrowser.deliver({ type: 'lists/changed', delta })).toEqual({ applied: true });
    // bob is followed now, so the "strangers" rule lets his items be; carol's stay collapsed, untouched.
    expect([...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['show', 'show', 'collapse', 'collapse']);
    expect(doc.querySelectorAll('.cell')[2]!.firstElementChild).toBe(carolBox);
    expect(fakeBrowser.sent.some((m) => (m as { type: string }).type === 'snapshot/get')).toBe(false);
  });

  it('the retiring instance hands its page facts to the new one, which keeps the verdicts they decided', async () => {
    fakeBrowser.cached = snapshotWith(3); // Balanced, no rules: only facts make acme a brand
    let oldAlive = true;
    start(() => oldAlive);
    await settle();
    const brand = { site: 'x', accounts: [{ id: '9', handle: 'acme', followed: false, verified: 'organization', orgProfile: true }], items: [] };
    doc.dispatchEvent(new (win as unknown as typeof globalThis).CustomEvent(FACTS_EVENT, { detail: JSON.stringify(brand) }));
    insert('<li class="cell"><div class="post" data-id="1" data-handle="acme" data-kind="reply">hi</div></li>' + toyCells(1, { from: 5, handle: 'pat' }));
    await settle();
    expect([...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['collapse', 'show']);

    oldAlive = false;
    delete (win as unknown as Record<symbol, unknown>)[Symbol.for('doorman.content')]; // another world
    start();
    await settle();
    expect([...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['collapse', 'show']);
    expect(placeholders()).toBe(1);
  });

  it('an orphan that notices first (its next batch) still hands its facts to the instance injected after it', async () => {
    fakeBrowser.cached = snapshotWith(3);
    let oldAlive = true;
    start(() => oldAlive);
    await settle();
    const brand = { site: 'x', accounts: [{ id: '9', handle: 'acme', followed: false, verified: 'organization', orgProfile: true }], items: [] };
    doc.dispatchEvent(new (win as unknown as typeof globalThis).CustomEvent(FACTS_EVENT, { detail: JSON.stringify(brand) }));
    insert('<li class="cell"><div class="post" data-id="1" data-handle="acme" data-kind="reply">hi</div></li>');
    await settle();
    expect(placeholders()).toBe(1);

    oldAlive = false;
    insert(toyCells(1, { from: 5, handle: 'pat' })); // the orphan's next batch: it retires, unmarking the page
    await settle();
    expect(placeholders()).toBe(0);
    delete (win as unknown as Record<symbol, unknown>)[Symbol.for('doorman.content')]; // the update's script, another world
    start();
    await settle();
    expect([...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['collapse', 'show']);
    expect(placeholders()).toBe(1);
  });
});

// Facts that arrive after the DOM: an item whose adapter says it awaits facts stays pending (never
// painted) until they arrive or FACTS_DEADLINE_MS passes, then is decided with what is known. Driven
// with a fake clock: every state an item's mark ever took is recorded and checked.
import { Window } from 'happy-dom';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../../src/core/compile';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { normalizeHandle } from '../../../src/core/handle';
import type { SiteAdapter } from '../../../src/content/adapter';
import { AwaitingFacts, FACTS_DEADLINE_MS, type DeadlineTimer } from '../../../src/content/awaiting';
import { FeedController } from '../../../src/content/controller';
import { FactStore } from '../../../src/content/fact-store';
import { ATTR, ensureStylesheet } from '../../../src/content/styles';
import type { PageFacts } from '../../../src/shared/facts';
import { toyAdapter } from './toy-adapter';

/** A clock that moves only when told, with the timers it was asked for. */
class FakeClock implements DeadlineTimer {
  t = 0;
  armed = 0;
  private readonly tasks = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  now = () => this.t;
  setTimeout = (run: () => void, ms: number): unknown => {
    this.armed++;
    const id = this.next++;
    this.tasks.set(id, { at: this.t + ms, run });
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.tasks.delete(h as number);
  };
  get pendingTimers(): number {
    return this.tasks.size;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.tasks.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.tasks.delete(due[0]);
      this.t = due[1].at;
      due[1].run();
    }
    this.t = end;
  }
}

/** The toy adapter, waiting for the facts of any author the store has not heard of (outside search). */
const waitingAdapter: SiteAdapter = {
  ...toyAdapter,
  awaitsFacts: (item, env) => item.context !== 'search' && env.facts.accountByHandle(item.author.handle) === undefined,
};

const brand = (handle = 'acme', id = '9'): PageFacts => ({
  site: 'x', accounts: [{ id, handle, followed: false, verified: 'organization', orgProfile: true }], items: [],
});

function setup(url = 'https://x.com/home') {
  const win = new Window({ url });
  const doc = win.document as unknown as Document;
  ensureStylesheet(doc);
  const facts = new FactStore();
  const clock = new FakeClock();
  const filtered: string[] = [];
  const controller = new FeedController(waitingAdapter, facts, doc, {
    filtered: (item, v) => filtered.push(`${item.id}:${v.action}:${v.reasonCode}`),
    changed: () => undefined,
  }, null, clock);
  /** Every value the mark attribute of any cell took, in order, per cell id. */
  const history = new Map<string, (string | null)[]>();
  // A record holds the value *before* its change; the value after is the next record's old value, or
  // the current one at the end. The unmarked start (null) is dropped: a later null is "unmarked again".
  const push = (cell: Element, v: string | null) => {
    const id = cell.querySelector('.post')?.getAttribute('data-id') ?? '?';
    const h = history.get(id) ?? [];
    if (h.at(-1) !== v && !(h.length === 0 && v === null)) h.push(v);
    history.set(id, h);
  };
  const observer = new win.MutationObserver((records) => {
    for (const r of records) push(r.target as unknown as Element, r.oldValue);
  });
  observer.observe(doc.body as unknown as never, { attributes: true, attributeFilter: [ATTR], attributeOldValue: true, subtree: true });
  const record = (cell: Element) => push(cell, cell.getAttribute(ATTR));
  /**
   * The states a cell took, with the unmarked instant inside one applyVerdict (clear, then set 'show':
   * one synchronous step, never a frame) left out; a null at the end would be a cell left unmarked.
   */
  const states = (id: string) => (history.get(id) ?? []).filter((v, i, all) => v !== null || i === all.length - 1);
  const add = (html: string) => {
    const ul = doc.createElement('ul');
    ul.innerHTML = html;
    doc.body.append(ul);
    controller.scan([ul]);
    return ul;
  };
  // As session.ts absorbs facts: merge, then re-decide the items of the accounts that changed.
  const absorb = (f: PageFacts) => {
    const changed = facts.merge(f);
    const handles = new Set(f.accounts.filter((a) => changed.accountIds.has(a.id)).map((a) => normalizeHandle(a.handle)));
    controller.reclassifyAccounts(changed.accountIds, handles, changed.itemIds);
  };
  /** Mutation records are delivered in a microtask: let them arrive before reading the history. */
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    for (const cell of doc.querySelectorAll('.cell')) record(cell);
  };
  return { win, doc, facts, clock, controller, filtered, add, absorb, states, settle };
}

const cell = (id: string, handle: string, kind = 'reply') =>
  `<li class="cell"><div class="post" data-id="${id}" data-handle="${handle}" data-kind="${kind}">DM us</div></li>`;

describe('items awaiting their facts', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
    env.controller.setRuleset(compileSnapshot(emptySnapshot()));
  });

  it('a brand reply in the DOM before its facts is never shown: pending, then collapsed when the facts arrive', async () => {
    env.add(cell('1', 'acme'));
    expect(env.doc.querySelector('.cell')?.getAttribute(ATTR)).toBe('pending');
    expect(env.controller.awaitingFacts).toBe(1);
    env.clock.advance(FACTS_DEADLINE_MS / 2);
    env.absorb(brand());
    await env.settle();
    expect(env.states('1')).toEqual(['pending', 'collapse']);
    expect(env.filtered).toEqual(['1:collapse:brand-reply']);
    expect(env.controller.awaitingFacts).toBe(0);
    expect(env.clock.pendingTimers).toBe(0);
  });

  it('facts that never come: decided at the deadline with what is known (unknown follow state shows)', async () => {
    env.add(cell('1', 'stranger'));
    env.clock.advance(FACTS_DEADLINE_MS - 1);
    expect(env.doc.querySelector('.cell')?.getAttribute(ATTR)).toBe('pending');
    env.clock.advance(1);
    await env.settle();
    expect(env.states('1')).toEqual(['pending', 'show']);
    expect(env.controller.awaitingFacts).toBe(0);
    expect(env.filtered).toEqual([]);
  });

  it('facts arriving after the deadline still collapse the item, and it never waits twice', async () => {
    env.add(cell('1', 'acme'));
    env.clock.advance(FACTS_DEADLINE_MS);
    env.absorb({ site: 'x', accounts: [{ id: '5', handle: 'other' }], items: [] });
    env.absorb(brand());
    await env.settle();
    expect(env.states('1')).toEqual(['pending', 'show', 'collapse']);
    expect(env.controller.awaitingFacts).toBe(0);
  });

  it('items whose facts are known are decided at once; a followed author shows without waiting', async () => {
    env.absorb({ site: 'x', accounts: [{ id: '7', handle: 'friend', followed: true }], items: [] });
    env.absorb(brand());
    env.add(cell('1', 'friend') + cell('2', 'acme'));
    await env.settle();
    expect(env.states('1')).toEqual(['show']);
    expect(env.states('2')).toEqual(['collapse']);
    expect(env.controller.awaitingFacts).toBe(0);
    expect(env.clock.armed).toBe(0);
  });

  it('a page of waiting items costs one timer at a time, and every one is decided by the deadline', async () => {
    let html = '';
    for (let i = 0; i < 100; i++) html += cell(String(i), `user${i}`);
    env.add(html);
    env.clock.advance(100);
    env.add(cell('100', 'late'));
    expect(env.controller.awaitingFacts).toBe(101);
    expect(env.clock.pendingTimers).toBe(1);
    env.clock.advance(FACTS_DEADLINE_MS - 100);
    expect(env.controller.awaitingFacts).toBe(1); // the late one has 100 ms left
    env.clock.advance(100);
    await env.settle();
    expect(env.controller.awaitingFacts).toBe(0);
    expect(env.doc.querySelectorAll(`[${ATTR}="pending"]`)).toHaveLength(0);
    expect(env.clock.armed).toBe(2);
  });

  it('a removed item stops waiting; dispose releases every waiting item', async () => {
    const ul = env.add(cell('1', 'a1') + cell('2', 'a2'));
    ul.firstElementChild?.remove();
    env.controller.dispose();
    expect(env.doc.querySelectorAll(`[${ATTR}]`)).toHaveLength(0);
    expect(env.controller.awaitingFacts).toBe(0);
    expect(env.clock.pendingTimers).toBe(0);
    env.clock.advance(FACTS_DEADLINE_MS);
    expect(env.filtered).toEqual([]);
  });

  it('where the adapter does not wait (a search page), items are decided at once', () => {
    const search = setup('https://x.com/search?q=acme');
    search.controller.setRuleset(compileSnapshot(emptySnapshot()));
    search.add(cell('1', 'acme'));
    expect(search.doc.querySelector('.cell')?.getAttribute(ATTR)).toBe('show');
    expect(search.controller.awaitingFacts).toBe(0);
  });

  it('items seen before the rules wait for their facts once the rules arrive', async () => {
    const early = setup();
    early.add(cell('1', 'acme'));
    expect(early.doc.querySelector('.cell')?.getAttribute(ATTR)).toBe('pending');
    early.controller.setRuleset(compileSnapshot(emptySnapshot()));
    expect(early.controller.awaitingFacts).toBe(1);
    early.absorb(brand());
    await early.settle();
    expect(early.states('1')).toEqual(['pending', 'collapse']);
  });
});

describe('AwaitingFacts on its own', () => {
  it('starts a deadline on first sight, allows waiting until then, never again after', () => {
    const clock = new FakeClock();
    const expired: number[] = [];
    const doc = new Window().document as unknown as Document;
    const a = doc.createElement('div');
    const w = new AwaitingFacts(clock, (els) => expired.push(els.length), 100);
    expect(w.mayWait(a)).toBe(true);
    clock.t = 99;
    expect(w.mayWait(a)).toBe(true);
    clock.advance(1);
    expect(expired).toEqual([1]);
    expect(w.mayWait(a)).toBe(false);
    expect(w.size).toBe(0);
  });
});

// Huge mutation batches are decided in time slices, with every undecided item held hidden (pending);
// small batches are decided in the observer callback itself. Time is a fake clock: each parse
// "takes" 1 ms, so a 4 ms slice decides a handful of items.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { compileSnapshot } from '../../../src/core/compile';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import type { SiteAdapter } from '../../../src/content/adapter';
import { FeedController, SYNC_ITEMS } from '../../../src/content/controller';
import { FactStore } from '../../../src/content/fact-store';
import { SLICE_MS, SliceQueue, type SliceScheduler } from '../../../src/content/slices';
import { ATTR, ensureStylesheet } from '../../../src/content/styles';
import { toyAdapter, toyCells } from './toy-adapter';

class FakeScheduler implements SliceScheduler {
  time = 0;
  tasks: (() => void)[] = [];
  now = () => this.time;
  later = (run: () => void) => {
    this.tasks.push(run);
  };
  /** Runs queued tasks (and the ones they queue) one at a time; returns how many ran. */
  runAll(): number {
    let n = 0;
    while (this.tasks.length > 0) {
      this.tasks.shift()!();
      n++;
    }
    return n;
  }
}

function setup() {
  const win = new Window({ url: 'https://x.com/home' });
  const doc = win.document as unknown as Document;
  ensureStylesheet(doc);
  const clock = new FakeScheduler();
  // Every parse advances the clock by 1 ms.
  const slow: SiteAdapter = { ...toyAdapter, parse: (el, env) => { clock.time += 1; return toyAdapter.parse(el, env); } };
  const filtered: string[] = [];
  const controller = new FeedController(slow, new FactStore(), doc, {
    filtered: (item) => filtered.push(item.id),
    changed: () => undefined,
  }, clock);
  controller.setRuleset(compileSnapshot(emptySnapshot()));
  const add = (html: string) => {
    const ul = doc.createElement('ul');
    ul.innerHTML = html;
    doc.body.append(ul);
    controller.scan([ul]);
    return ul;
  };
  const marks = () => [...doc.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR));
  return { doc, clock, controller, filtered, add, marks };
}

describe('huge batches in slices', () => {
  it('decides a small batch in the callback, whatever the clock says', () => {
    const env = setup();
    env.add(toyCells(SYNC_ITEMS, { adEvery: 10 }));
    expect(env.clock.tasks).toHaveLength(0);
    expect(env.marks().every((m) => m === 'show' || m === 'hide')).toBe(true);
    expect(env.controller.queued).toBe(0);
  });

  it('decides one slice now, holds the rest pending (never unmarked), and finishes in later tasks', () => {
    const env = setup();
    const n = 2_000;
    env.add(toyCells(n, { adEvery: 10 }));
    const first = env.marks();
    const decided = first.filter((m) => m === 'show' || m === 'hide').length;
    expect(decided).toBe(SLICE_MS); // 1 ms per item
    expect(first.filter((m) => m === 'pending').length).toBe(n - decided);
    expect(first.includes(null)).toBe(false); // nothing unclassified can paint
    expect(env.controller.queued).toBe(n - decided);

    // One task: one more slice, then it yields again.
    env.clock.tasks.shift()!();
    expect(env.marks().filter((m) => m === 'pending').length).toBe(n - 2 * decided);

    const tasks = env.clock.runAll();
    expect(tasks).toBeGreaterThan(100);
    const last = env.marks();
    expect(last.filter((m) => m === 'pending')).toEqual([]);
    expect(last.filter((m) => m === 'hide').length).toBe(n / 10);
    expect(env.filtered).toHaveLength(n / 10); // each ad reported once
    expect(env.controller.parsed).toBe(n);
  }, 30_000); // happy-dom is slow with thousands of elements (no timing is asserted)

  it('still decides small batches at once while a huge one is being sliced', () => {
    const env = setup();
    env.add(toyCells(1_000));
    const small = env.add(toyCells(3, { from: 5_000, adEvery: 1 }));
    expect([...small.querySelectorAll('.cell')].map((c) => c.getAttribute(ATTR))).toEqual(['hide', 'hide', 'hide']);
    env.clock.runAll();
    expect(env.marks().filter((m) => m === 'pending')).toEqual([]);
  });

  it('drops items removed from the page before their slice, and unhides the queue when disposed', () => {
    const env = setup();
    const ul = env.add(toyCells(500));
    ul.remove();
    env.clock.runAll();
    expect(env.controller.parsed).toBe(SLICE_MS);

    const again = env.add(toyCells(500, { from: 1_000 }));
    env.controller.dispose();
    expect([...again.querySelectorAll('.cell')].some((c) => c.hasAttribute(ATTR))).toBe(false);
    env.clock.runAll();
    expect([...again.querySelectorAll('.cell')].some((c) => c.hasAttribute(ATTR))).toBe(false);
  });

  it('with the rules not loaded yet, queued items stay pending until they arrive', () => {
    const win = new Window({ url: 'https://x.com/home' });
    const doc = win.document as unknown as Document;
    const clock = new FakeScheduler();
    const controller = new FeedController(toyAdapter, new FactStore(), doc, { filtered: () => undefined, changed: () => undefined }, clock);
    const ul = doc.createElement('ul');
    ul.innerHTML = toyCells(400, { adEvery: 4 });
    doc.body.append(ul);
    controller.scan([ul]);
    clock.runAll();
    const cells = [...doc.querySelectorAll('.cell')];
    expect(cells.every((c) => c.getAttribute(ATTR) === 'pending')).toBe(true);
    controller.setRuleset(compileSnapshot(emptySnapshot()));
    clock.runAll();
    expect(cells.filter((c) => c.getAttribute(ATTR) === 'hide')).toHaveLength(100);
    expect(cells.filter((c) => c.getAttribute(ATTR) === 'pending')).toHaveLength(0);
  });
});

describe('SliceQueue', () => {
  it('runs at least one item per slice and stops for good', () => {
    const clock = new FakeScheduler();
    const ran: number[] = [];
    const q = new SliceQueue<number>(clock, (n) => {
      ran.push(n);
      clock.time += 10; // every item blows the budget
    });
    q.push([1, 2, 3]);
    clock.tasks.shift()!();
    expect(ran).toEqual([1]);
    expect(q.stop()).toEqual([2, 3]);
    q.push([4]);
    clock.runAll();
    expect(ran).toEqual([1]);
  });
});

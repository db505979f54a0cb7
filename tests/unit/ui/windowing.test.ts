// The windowed list's arithmetic: which rows render for a scroll position, and keyboard movement.
import { describe, expect, it } from 'vitest';
import { nextIndex, scrollToReveal, windowRange } from '../../../src/ui/windowing';

const base = { count: 10_000, rowHeight: 50, viewportHeight: 500, scrollTop: 0, overscan: 5 };

describe('windowRange', () => {
  it('renders the visible rows plus overscan below at the top', () => {
    expect(windowRange(base)).toEqual({ start: 0, end: 15, offsetTop: 0, totalHeight: 500_000 });
  });

  it('renders a window around the scroll position, overscan on both sides', () => {
    const r = windowRange({ ...base, scrollTop: 10_000 }); // row 200 at the top
    expect(r.start).toBe(195);
    expect(r.end).toBe(215);
    expect(r.offsetTop).toBe(195 * 50);
  });

  it('includes a partly visible row at the bottom', () => {
    const r = windowRange({ ...base, scrollTop: 25, overscan: 0 });
    expect([r.start, r.end]).toEqual([0, 11]);
  });

  it('clamps at the end of the list and when the browser overshoots', () => {
    const atEnd = windowRange({ ...base, scrollTop: 500_000 - 500 });
    expect(atEnd.end).toBe(10_000);
    expect(atEnd.start).toBe(10_000 - 10 - 5);
    expect(windowRange({ ...base, scrollTop: 9e9 })).toEqual(atEnd);
    expect(windowRange({ ...base, scrollTop: -300 })).toEqual(windowRange(base));
  });

  it('keeps the DOM small whatever the list size', () => {
    for (const count of [10, 1_000, 100_000, 1_000_000]) {
      const r = windowRange({ ...base, count, scrollTop: (count * 50) / 2 });
      expect(r.end - r.start).toBeLessThanOrEqual(21);
    }
  });

  it('handles empty lists, short lists, zero height and fractional input', () => {
    expect(windowRange({ ...base, count: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
    expect(windowRange({ ...base, count: 3 })).toMatchObject({ start: 0, end: 3, totalHeight: 150 });
    expect(windowRange({ ...base, viewportHeight: 0, overscan: 0 })).toMatchObject({ start: 0, end: 1 });
    expect(windowRange({ ...base, count: 7.9, overscan: 2.7 })).toMatchObject({ start: 0, end: 7 });
  });
});

describe('scrollToReveal', () => {
  it('does not move when the row is fully visible', () => {
    expect(scrollToReveal(3, 50, 500, 0)).toBe(0);
  });
  it('scrolls up just enough to show a row above', () => {
    expect(scrollToReveal(3, 50, 500, 400)).toBe(150);
  });
  it('scrolls down just enough to show a row below', () => {
    expect(scrollToReveal(20, 50, 500, 0)).toBe(21 * 50 - 500);
  });
});

describe('nextIndex', () => {
  it('moves by one, by a page, and to the ends, clamped', () => {
    expect(nextIndex('ArrowDown', 0, 100, 10)).toBe(1);
    expect(nextIndex('ArrowUp', 0, 100, 10)).toBe(0);
    expect(nextIndex('PageDown', 5, 100, 10)).toBe(14);
    expect(nextIndex('PageUp', 5, 100, 10)).toBe(0);
    expect(nextIndex('End', 5, 100, 10)).toBe(99);
    expect(nextIndex('Home', 50, 100, 10)).toBe(0);
    expect(nextIndex('ArrowDown', 99, 100, 10)).toBe(99);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextIndex('Enter', 3, 100, 10)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0, 10)).toBeNull();
  });
});

// The arithmetic of a windowed list with fixed-height rows: which rows to render for a scroll
// position, and where to scroll so a row is fully visible. Pure, so it is tested on its own.

export interface WindowInput {
  count: number;
  rowHeight: number;
  viewportHeight: number;
  scrollTop: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan: number;
}

export interface WindowRange {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Where the first rendered row sits, in px from the top of the content. */
  offsetTop: number;
  /** Height of all rows together: the scrollable content's height. */
  totalHeight: number;
}

export function windowRange({ count, rowHeight, viewportHeight, scrollTop, overscan }: WindowInput): WindowRange {
  const rows = Math.max(0, Math.floor(count));
  const h = rowHeight > 0 ? rowHeight : 1;
  const totalHeight = rows * h;
  if (rows === 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  const viewport = Math.max(0, viewportHeight);
  // The browser can report a scrollTop past the end (the list shrank) or below zero (elastic scrolling).
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewport));
  const over = Math.max(0, Math.floor(overscan));
  const firstVisible = Math.min(rows - 1, Math.floor(top / h));
  const lastVisible = Math.min(rows, Math.ceil((top + viewport) / h)); // exclusive
  const start = Math.max(0, firstVisible - over);
  const end = Math.min(rows, Math.max(lastVisible, firstVisible + 1) + over);
  return { start, end, offsetTop: start * h, totalHeight };
}

/** The scrollTop that brings row `index` fully into view while moving as little as possible. */
export function scrollToReveal(index: number, rowHeight: number, viewportHeight: number, scrollTop: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}

/** Where keyboard navigation lands: arrows move one row, Page keys one screenful, Home/End the ends. */
export function nextIndex(key: string, current: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const page = Math.max(1, pageRows - 1);
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + page);
    case 'PageUp':
      return clamp(current - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

// A windowed list: only the rows in view (plus a few either side) are in the DOM, so 10,000+ rows
// scroll smoothly. Rows have one fixed height. Keyboard: rows take focus with a roving tabindex;
// arrows, Page Up/Down, Home and End move between them and scroll as needed.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextIndex, scrollToReveal, windowRange } from './windowing';

export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  rowKey: (item: T, index: number) => string | number;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Accessible name of the list. */
  label: string;
  overscan?: number;
  /** Used until the container has been measured (and where layout is unavailable, as in unit tests). */
  initialHeight?: number;
  /** Changing it scrolls back to the top (a new search or filter). */
  resetKey?: unknown;
  class?: string;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, rowKey, renderRow, label, overscan = 6, initialHeight = 600, resetKey } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  const [active, setActive] = useState(0);
  /** Row to focus once it is rendered (it may be outside the window when the key is pressed). */
  const focusPending = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const measure = () => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (Object.is(lastReset.current, resetKey)) return; // not on mount: only when the key changes
    lastReset.current = resetKey;
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [resetKey]);

  const count = items.length;
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const range = windowRange({ count, rowHeight, viewportHeight: height, scrollTop, overscan });

  useEffect(() => {
    const wanted = focusPending.current;
    if (wanted === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${wanted}"]`);
    if (!row) return; // not rendered yet: try again after the next render
    focusPending.current = null;
    row.focus({ preventScroll: true });
  });

  const onKeyDown = (e: KeyboardEvent) => {
    const row = e.target as HTMLElement | null;
    if (!row?.dataset || row.dataset.index === undefined) return; // keys inside a row's controls are theirs
    const next = nextIndex(e.key, Number(row.dataset.index), count, Math.floor(height / rowHeight));
    if (next === null) return;
    e.preventDefault();
    const el = scroller.current;
    const top = scrollToReveal(next, rowHeight, height, el?.scrollTop ?? scrollTop);
    if (el) el.scrollTop = top;
    setScrollTop(top);
    focusPending.current = next;
    setActive(next);
  };

  const rows: ComponentChildren[] = [];
  for (let i = range.start; i < range.end; i++) {
    const item = items[i] as T;
    rows.push(
      <div
        key={rowKey(item, i)}
        class="vlist__row"
        role="listitem"
        aria-setsize={count}
        aria-posinset={i + 1}
        data-index={i}
        tabIndex={i === activeIndex ? 0 : -1}
        style={{ height: `${rowHeight}px` }}
        onFocus={(e) => {
          if (e.target === e.currentTarget) setActive(i);
        }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      class={`vlist${props.class ? ` ${props.class}` : ''}`}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vlist__spacer" style={{ height: `${range.totalHeight}px` }}>
        <div class="vlist__window" role="list" aria-label={label} style={{ transform: `translateY(${range.offsetTop}px)` }}>
          {rows}
        </div>
      </div>
    </div>
  );
}

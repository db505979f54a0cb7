// The item under the pointer at the last right-click, for Doorman's context menu ("Always allow
// @author", "Not a brand", "Treat @author as a brand"). The item is read when the menu opens (the
// site may re-render it before a choice is made); the background asks for it when one is made
// (`item/context`) and is told the author now (`menu/target`) so the menu's titles can name them.
import type { ContextItem } from '../shared/messages';
import type { ParseEnv, SiteAdapter } from './adapter';
import { isParseFailure } from './adapter';
import type { FactStore } from './fact-store';
import { ATTR_ITEM } from './marking';

export interface ContextMenuWatch {
  /** The item of the last right-click, or null when it was over no item (or none since the page loaded). */
  current(): ContextItem | null;
}

/** Reads the item whose root holds `node` into what the menu needs, or null over anything else. */
export function contextItemAt(node: EventTarget | null, adapter: SiteAdapter, env: ParseEnv): ContextItem | null {
  const el = node && (node as Node).nodeType === 1 ? (node as Element) : (node as Node | null)?.parentElement ?? null;
  // Over a collapsed item's placeholder the item itself is hidden beside it, inside the marked element.
  const marked = el?.closest(`[${ATTR_ITEM}]`);
  const root = el?.closest(adapter.itemSelector) ?? (marked?.matches(adapter.itemSelector) ? marked : marked?.querySelector(adapter.itemSelector));
  if (!root) return null;
  let item;
  try {
    item = adapter.parse(root, env);
  } catch {
    return null;
  }
  if (item === null || isParseFailure(item)) return null;
  const { id: itemId, author } = item;
  return { site: adapter.site, itemId, authorId: author.id, handle: author.handle, displayName: author.displayName };
}

/**
 * Remembers the item at every `contextmenu` in the document (capture phase: a site's own handler
 * that stops the event cannot hide it) until `signal` aborts; `told` hears its handle at once.
 */
export function watchContextMenu(
  doc: Document,
  adapter: SiteAdapter,
  facts: FactStore,
  signal: AbortSignal,
  told: (handle: string) => void,
): ContextMenuWatch {
  let last: ContextItem | null = null;
  doc.addEventListener('contextmenu', (e) => {
    const url = new URL(doc.location.href);
    last = contextItemAt(e.target, adapter, { url, context: adapter.contextFor(url), facts, batch: new Map() });
    told(last?.handle ?? '');
  }, { capture: true, passive: true, signal });
  return { current: () => last };
}

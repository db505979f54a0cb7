// The items a controller has decided and may need to decide again, indexed by what can change their
// verdict (their id, their author's id and handle): new facts or a delta about a few accounts visit
// those accounts' items only, not every item on a long page.

export interface Tracked {
  itemId: string;
  handle: string;
  authorId: string;
  target: Element;
}

const keysOf = (t: Tracked): string[] => {
  const keys = [`i:${t.itemId}`];
  if (t.authorId !== '') keys.push(`a:${t.authorId}`);
  if (t.handle !== '') keys.push(`h:${t.handle}`);
  return keys;
};

export class TrackedItems {
  private readonly items = new Map<Element, Tracked>();
  private readonly index = new Map<string, Set<Element>>();

  get size(): number {
    return this.items.size;
  }

  has(el: Element): boolean {
    return this.items.has(el);
  }

  get(el: Element): Tracked | undefined {
    return this.items.get(el);
  }

  set(el: Element, t: Tracked): void {
    const before = this.items.get(el);
    if (before) {
      if (before.itemId === t.itemId && before.authorId === t.authorId && before.handle === t.handle) {
        this.items.set(el, t);
        return;
      }
      this.unindex(el, before);
    }
    this.items.set(el, t);
    for (const k of keysOf(t)) {
      let set = this.index.get(k);
      if (set === undefined) this.index.set(k, (set = new Set()));
      set.add(el);
    }
  }

  delete(el: Element): void {
    const t = this.items.get(el);
    if (t === undefined) return;
    this.items.delete(el);
    this.unindex(el, t);
  }

  clear(): void {
    this.items.clear();
    this.index.clear();
  }

  entries(): IterableIterator<[Element, Tracked]> {
    return this.items.entries();
  }

  values(): IterableIterator<Tracked> {
    return this.items.values();
  }

  /** The tracked elements of these items, authors (by id) and handles (normalised). */
  matching(accountIds: ReadonlySet<string>, handles: ReadonlySet<string>, itemIds: ReadonlySet<string>): Element[] {
    const out = new Set<Element>();
    const add = (k: string) => {
      const set = this.index.get(k);
      if (set) for (const el of set) out.add(el);
    };
    for (const id of itemIds) add(`i:${id}`);
    for (const id of accountIds) if (id !== '') add(`a:${id}`);
    for (const h of handles) if (h !== '') add(`h:${h}`);
    return [...out];
  }

  /** Drops elements no longer in the document. */
  prune(): void {
    for (const el of [...this.items.keys()]) if (!el.isConnected) this.delete(el);
  }

  private unindex(el: Element, t: Tracked): void {
    for (const k of keysOf(t)) {
      const set = this.index.get(k);
      if (set === undefined) continue;
      set.delete(el);
      if (set.size === 0) this.index.delete(k);
    }
  }
}

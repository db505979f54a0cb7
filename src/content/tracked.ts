// The items a controller has decided and may need to decide again, indexed by what can change their
// verdict (their id, their author's id and handle): new facts or a delta about a few accounts visit
// those accounts' items only, not every item on a long page.

export interface Tracked {
  itemId: string;
  handle: string;
  authorId: string;
  target: Element;
}

/** Elements under a key; almost always one, so no Set until there are two. */
type Bucket = Element | Set<Element>;

function put(index: Map<string, Bucket>, key: string, el: Element): void {
  if (key === '') return;
  const b = index.get(key);
  if (b === undefined) index.set(key, el);
  else if (b instanceof Set) b.add(el);
  else if (b !== el) index.set(key, new Set([b, el]));
}

function take(index: Map<string, Bucket>, key: string, el: Element): void {
  const b = index.get(key);
  if (b === el) index.delete(key);
  else if (b instanceof Set) {
    b.delete(el);
    if (b.size === 0) index.delete(key);
  }
}

function collect(index: Map<string, Bucket>, keys: Iterable<string>, out: Set<Element>): void {
  for (const k of keys) {
    const b = index.get(k);
    if (b === undefined) continue;
    if (b instanceof Set) for (const el of b) out.add(el);
    else out.add(b);
  }
}

export class TrackedItems {
  private readonly items = new Map<Element, Tracked>();
  private readonly byItem = new Map<string, Bucket>();
  private readonly byAuthor = new Map<string, Bucket>();
  private readonly byHandle = new Map<string, Bucket>();

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
    this.items.set(el, t);
    if (before && before.itemId === t.itemId && before.authorId === t.authorId && before.handle === t.handle) return;
    if (before) this.unindex(el, before);
    put(this.byItem, t.itemId, el);
    put(this.byAuthor, t.authorId, el);
    put(this.byHandle, t.handle, el);
  }

  delete(el: Element): void {
    const t = this.items.get(el);
    if (t === undefined) return;
    this.items.delete(el);
    this.unindex(el, t);
  }

  clear(): void {
    this.items.clear();
    this.byItem.clear();
    this.byAuthor.clear();
    this.byHandle.clear();
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
    collect(this.byItem, itemIds, out);
    collect(this.byAuthor, accountIds, out);
    collect(this.byHandle, handles, out);
    return [...out];
  }

  /** Drops elements no longer in the document. */
  prune(): void {
    for (const [el, t] of this.items) {
      if (el.isConnected) continue;
      this.items.delete(el); // deleting the current entry is safe while iterating a Map
      this.unindex(el, t);
    }
  }

  private unindex(el: Element, t: Tracked): void {
    take(this.byItem, t.itemId, el);
    take(this.byAuthor, t.authorId, el);
    take(this.byHandle, t.handle, el);
  }
}

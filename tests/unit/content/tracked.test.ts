// The tracked-item index: lookups by item id, author id and handle find exactly the elements tracked
// under them now, through re-tracking under new keys and pruning of elements that left the page.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { TrackedItems } from '../../../src/content/tracked';

describe('TrackedItems', () => {
  it('finds items by id, author and handle, and forgets what was re-keyed, deleted or left the page', () => {
    const doc = new Window().document as unknown as Document;
    const [a, b, c] = [0, 1, 2].map(() => doc.body.appendChild(doc.createElement('div')));
    const t = new TrackedItems();
    t.set(a!, { itemId: '1', authorId: '', handle: 'acme', target: a! });
    t.set(b!, { itemId: '2', authorId: '9', handle: 'acme', target: b! });
    t.set(c!, { itemId: '3', authorId: '7', handle: 'pat', target: c! });
    const find = (ids: string[], handles: string[], items: string[] = []) => t.matching(new Set(ids), new Set(handles), new Set(items));
    expect(find([], ['acme'])).toEqual([a, b]);
    expect(find(['7'], [], ['1'])).toEqual([a, c]);
    // The page revealed a's author: re-keyed, the handle stays, the id is new.
    t.set(a!, { itemId: '1', authorId: '5', handle: 'acme', target: a! });
    expect(find(['5'], [])).toEqual([a]);
    t.delete(b!);
    expect(find(['9'], ['acme'])).toEqual([a]);
    c!.remove();
    t.prune();
    expect(find(['7'], ['pat'], ['3'])).toEqual([]);
    expect(t.size).toBe(1);
  });
});

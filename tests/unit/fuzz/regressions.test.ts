// What the fuzz suite found, one focused test each: the smallest input that showed the bug, and the
// behaviour it has now.
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { isParseFailure } from '../../../src/content/adapter';
import { listenForFacts } from '../../../src/content/facts-bridge';
import { readContentMessage } from '../../../src/content/inbox';
import { FACTS_MESSAGE_TAG } from '../../../src/shared/facts-tag';
import { xAdapter } from '../../../src/sites/x/adapter';
import { envFor, loadPage } from '../sites/x/helpers';

const pages: Array<ReturnType<typeof loadPage>> = [];
afterEach(async () => {
  for (const p of pages.splice(0)) await p.win.happyDOM.close();
});

describe('a notification group\'s permalink stays on the page\'s own site', () => {
  const read = (statusHref: string) => {
    const page = loadPage(`<div data-testid="notification"><a href="/acme">Acme</a> liked <a href="${statusHref}">your post</a></div>`, 'https://x.com/notifications');
    pages.push(page);
    const el = page.doc.querySelector(xAdapter.itemSelector);
    if (!el) throw new Error('no notification');
    const r = xAdapter.parse(el, envFor('https://x.com/notifications'));
    if (r === null || isParseFailure(r)) throw new Error('not read');
    return r.permalink;
  };

  it('was any href containing /status/: javascript:, data: and other hosts became the item\'s link', () => {
    expect(read('javascript:alert(1)//status/1')).toBe('https://x.com/acme');
    expect(read('https://evil.example/acme/status/1')).toBe('https://x.com/acme');
    expect(read('//evil.example/acme/status/1')).toBe('https://x.com/acme');
    expect(read('data:text/html,/status/1')).toBe('https://x.com/acme');
    expect(read('/acme/status/')).toBe('https://x.com/acme'); // names no status
  });

  it('still links the status when it is X\'s own', () => {
    expect(read('/acme/status/3004')).toBe('https://x.com/acme/status/3004');
    expect(read('https://x.com/i/web/status/3004')).toBe('https://x.com/i/web/status/3004');
  });
});

describe('facts posted as an object with no JSON form', () => {
  it('threw out of the message listener (JSON.stringify on a cycle or a BigInt); now it is refused', async () => {
    const win = new HappyWindow({ url: 'https://x.com/home' });
    const w = win as unknown as Window & typeof globalThis;
    const thrown: unknown[] = [];
    w.addEventListener('error', (e) => thrown.push((e as unknown as ErrorEvent).error));
    let refused = 0;
    listenForFacts(w, 'x', () => undefined, () => refused++, new AbortController().signal);
    const cyclic: Record<string, unknown> = { site: 'x', accounts: [], items: [] };
    cyclic.self = cyclic;
    for (const facts of [cyclic, { site: 'x', accounts: [{ id: 1n, handle: 'a' }], items: [] }]) {
      w.dispatchEvent(new w.MessageEvent('message', { data: { tag: FACTS_MESSAGE_TAG, facts }, source: w }));
    }
    expect(thrown).toEqual([]);
    expect(refused).toBe(2);
    await win.happyDOM.close();
  });
});

describe('a delta message whose list has a hole', () => {
  it('was taken (Array.prototype.every skips holes) and handed `undefined` entries on; now it is refused', () => {
    const sparse = [{ accountId: '1', handle: 'a' }];
    sparse.length = 2; // index 1 is a hole, as a structured clone keeps it
    expect(readContentMessage({ type: 'follows/changed', delta: { site: 'x', base: 1, revision: 2, add: sparse, remove: [] } })).toBeNull();
    const entries = [{ site: 'x', accountId: '1', handle: 'a' }];
    entries.length = 3;
    const none = { add: [], remove: [] };
    expect(readContentMessage({ type: 'lists/changed', delta: { base: 1, revision: 2, lists: { allowlist: { add: entries, remove: [] }, overrides: none, follows: none } } })).toBeNull();
    expect(readContentMessage({ type: 'follows/changed', delta: { site: 'x', base: 1, revision: 2, add: [{ accountId: '1', handle: 'a' }], remove: [] } })).not.toBeNull();
  });
});

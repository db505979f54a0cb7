// The shared page-world machinery with a throwaway reader: it asks the reader only about the
// responses it wants, stamps the declared site on the facts, remembers the viewer, posts synchronously,
// installs once per site, and keeps the page working when a reader throws.
import { Window as HappyWindow } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { installPageReader, type PageReader, type PageView, type ReadFacts } from '../../../src/page-world/install';
import { FACTS_EVENT } from '../../../src/shared/facts-tag';
import { makeFakeXhrClass } from './fake-xhr';

function page() {
  const win = new HappyWindow({ url: 'https://social.example/home', settings: { disableJavaScriptEvaluation: true } });
  const Xhr = makeFakeXhrClass();
  Object.defineProperty(win, 'XMLHttpRequest', { value: Xhr, writable: true, configurable: true });
  const posted: unknown[] = [];
  win.document.addEventListener(FACTS_EVENT, (e) => posted.push(JSON.parse(String((e as unknown as CustomEvent<unknown>).detail))));
  // Like X's app: the load handler parses the response text (Doorman reads that parse's result).
  const request = (url: string, body: unknown) => {
    const xhr = new Xhr();
    xhr.open('GET', url);
    xhr.onload = () => win.JSON.parse(xhr.responseText);
    xhr.send();
    xhr.respond(200, JSON.stringify(body));
  };
  return { win: win as unknown as Window & typeof globalThis, posted, request, close: () => win.happyDOM.close() };
}

const account = (id: string): ReadFacts => ({ viewerId: 'v1', accounts: [{ id, handle: `h${id}` }], items: [] });

function reader(site: string, read: PageReader['read']): PageReader {
  return { site, shouldRead: (url) => url.pathname.startsWith('/api/'), read };
}

describe('installPageReader', () => {
  it('reads only wanted responses, stamps the site, remembers the viewer, posts before the request returns', async () => {
    const p = page();
    const views: PageView[] = [];
    const read = vi.fn((url: URL, data: unknown, view: PageView) => {
      views.push({ ...view });
      return (data as { id: string }).id === 'none' ? { accounts: [], items: [] } : account((data as { id: string }).id);
    });
    installPageReader(p.win, reader('example', read));
    p.request('https://social.example/static/app.json', { id: '0' });
    p.request('https://social.example/api/one', { id: '1' });
    expect(p.posted).toEqual([{ site: 'example', viewerId: 'v1', accounts: [{ id: '1', handle: 'h1' }], items: [] }]);
    p.request('https://social.example/api/two', { id: 'none' }); // empty facts: nothing posted
    expect(read).toHaveBeenCalledTimes(2);
    expect(views.map((v) => [v.path, v.viewerId])).toEqual([['/home', undefined], ['/home', 'v1']]);
    expect(p.posted).toHaveLength(1);
    await p.close();
  });

  it('installs once per site, and a second site alongside', async () => {
    const p = page();
    const first = vi.fn(() => account('1'));
    installPageReader(p.win, reader('example', first));
    const open = p.win.XMLHttpRequest.prototype.open;
    installPageReader(p.win, reader('example', first));
    expect(p.win.XMLHttpRequest.prototype.open).toBe(open);
    const other = vi.fn(() => account('2'));
    installPageReader(p.win, reader('other', other));
    p.request('https://social.example/api/x', {});
    expect(first).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);
    expect(p.posted.map((f) => (f as { site: string }).site).sort()).toEqual(['example', 'other']);
    await p.close();
  });

  it('a reader that throws costs the page nothing', async () => {
    const p = page();
    installPageReader(p.win, reader('example', () => {
      throw new Error('bug');
    }));
    expect(() => p.request('https://social.example/api/x', {})).not.toThrow();
    expect(p.posted).toEqual([]);
    await p.close();
  });
});

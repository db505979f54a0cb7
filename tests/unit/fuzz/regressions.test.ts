// What the fuzz suite found, one focused test each: the smallest input that showed the bug, and the
// behaviour it has now.
import { afterEach, describe, expect, it } from 'vitest';
import { isParseFailure } from '../../../src/content/adapter';
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

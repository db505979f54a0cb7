// The context menu's background half against a real (fake-indexeddb) database: the entries are made
// once however often the worker starts, the titles name the author of the right-clicked item, and
// each choice writes what the popup's answers write, for the item the tab says was under the pointer.
// The entries follow the pages content scripts run on (a Mastodon server added later), and Firefox's
// open menu is retitled from menus.onShown.
import { afterEach, describe, expect, it } from 'vitest';
import { MENU, createMenus, keepMenus, menuClicked, menuTitles, retitleMenus, retitleShown, type ContextMenuDeps } from '../../../src/background/context-menu';
import { listAllowlist } from '../../../src/db/allowlist';
import { listAccountOverrides } from '../../../src/db/overrides';
import type { ContextItem } from '../../../src/shared/messages';
import { dropAll, freshDb } from '../db/helpers';

afterEach(dropAll);

const MESSAGES: Record<string, string> = {
  menuAllow: 'Always allow $1', menuAllowAuthor: 'Always allow this author', menuNotBrand: 'Not a brand',
  menuBrand: 'Treat $1 as a brand', menuBrandAuthor: 'Treat this author as a brand',
};

class FakeMenus {
  entries = new Map<string, { title: string; documentUrlPatterns?: string[] }>();
  create(p: { id: string; title: string; documentUrlPatterns?: string[] }) {
    if (this.entries.has(p.id)) throw new Error(`duplicate id ${p.id}`);
    this.entries.set(p.id, { title: p.title, ...(p.documentUrlPatterns ? { documentUrlPatterns: p.documentUrlPatterns } : {}) });
  }
  async update(id: string, p: { title: string }) {
    const e = this.entries.get(id);
    if (!e) throw new Error(`no entry ${id}`);
    e.title = p.title;
  }
  async removeAll() {
    this.entries.clear();
  }
}

const acme: ContextItem = { site: 'x', itemId: '1910000000000000111', authorId: '42', handle: 'acme', displayName: 'Acme Inc.' };

function deps(item: ContextItem | null) {
  const menus = new FakeMenus();
  const patterns = ['https://x.com/*', 'https://bsky.app/*'];
  const asked: { tabId: number; frameId: number }[] = [];
  let changed = 0;
  const d: ContextMenuDeps = {
    menus,
    db: freshDb(),
    askFrame: async (tabId, frameId) => {
      asked.push({ tabId, frameId });
      return { item };
    },
    changed: async () => changed++,
    documentUrlPatterns: () => [...patterns],
    message: (key, sub) => (MESSAGES[key] ?? key).replace('$1', sub ?? ''),
  };
  return { d, menus, asked, patterns, changed: () => changed };
}

describe('context menu (background)', () => {
  it('creates its three entries on the supported sites only, once however often it is asked', async () => {
    const { d, menus } = deps(acme);
    await createMenus(d);
    await createMenus(d);
    expect([...menus.entries.keys()].sort()).toEqual(Object.values(MENU).sort());
    expect(menus.entries.get(MENU.allow)).toEqual({ title: 'Always allow this author', documentUrlPatterns: ['https://x.com/*', 'https://bsky.app/*'] });
  });

  it('names the author of the right-clicked item in the titles, and goes back to the plain ones over no item', async () => {
    const { d, menus } = deps(acme);
    await createMenus(d);
    await retitleMenus(d, 'acme');
    expect([...menus.entries.values()].map((e) => e.title)).toEqual(['Always allow @acme', 'Not a brand', 'Treat @acme as a brand']);
    await retitleMenus(d, '');
    expect(menus.entries.get(MENU.brand)?.title).toBe('Treat this author as a brand');
    expect(menuTitles(d.message, '@acme@brands.example')[MENU.allow]).toBe('Always allow @acme@brands.example');
  });

  it('"Always allow" asks the clicked frame for its item and allows its author by id, then pushes the change', async () => {
    const t = deps(acme);
    const out = await menuClicked(t.d, { menuItemId: MENU.allow, frameId: 3 }, { id: 7 });
    expect(out).toEqual({ done: MENU.allow, item: acme });
    expect(t.asked).toEqual([{ tabId: 7, frameId: 3 }]);
    expect(await listAllowlist(t.d.db)).toMatchObject([{ site: 'x', accountId: '42', handle: 'acme' }]);
    expect(t.changed()).toBe(1);
  });

  it('"Not a brand" and "Treat as a brand" set the override the popup sets', async () => {
    const t = deps(acme);
    await menuClicked(t.d, { menuItemId: MENU.notBrand }, { id: 7 });
    expect(await listAccountOverrides(t.d.db)).toMatchObject([{ site: 'x', accountId: '42', brand: 'not-brand' }]);
    await menuClicked(t.d, { menuItemId: MENU.brand }, { id: 7 });
    expect(await listAccountOverrides(t.d.db)).toMatchObject([{ site: 'x', accountId: '42', brand: 'brand' }]);
    expect(t.changed()).toBe(2);
  });

  it('writes nothing without an item under the pointer, for another menu, or for a malformed reply', async () => {
    const none = deps(null);
    expect(await menuClicked(none.d, { menuItemId: MENU.allow }, { id: 7 })).toEqual({ done: null, why: 'no item under the pointer' });
    expect(await menuClicked(none.d, { menuItemId: 'someone-else' }, { id: 7 })).toMatchObject({ done: null });
    expect(await menuClicked(none.d, { menuItemId: MENU.allow }, undefined)).toEqual({ done: null, why: 'no tab' });
    const bad = deps({ ...acme, site: 'myspace' } as unknown as ContextItem);
    expect(await menuClicked(bad.d, { menuItemId: MENU.allow }, { id: 7 })).toMatchObject({ done: null });
    expect(await listAllowlist(bad.d.db)).toEqual([]);
    expect(none.changed() + bad.changed()).toBe(0);
  });

  it('rebuilds its entries for a server added later, and rebuilds asked at once never make an entry twice', async () => {
    const t = deps(acme);
    const keeper = keepMenus(t.d);
    await keeper.rebuild();
    t.patterns.push('https://social.example/*');
    // A start and a servers change at the same moment: queued, so no duplicate id.
    await Promise.all([keeper.rebuild(), keeper.rebuild(), keeper.retitle('acme')]);
    expect([...t.menus.entries.keys()].sort()).toEqual(Object.values(MENU).sort());
    for (const e of t.menus.entries.values()) expect(e.documentUrlPatterns).toEqual(['https://x.com/*', 'https://bsky.app/*', 'https://social.example/*']);
  });

  it('Firefox: when its entries show, asks the frame for the item, names its author and redraws the open menu', async () => {
    const t = deps(acme);
    const keeper = keepMenus(t.d);
    await keeper.rebuild();
    let refreshed = 0;
    const refresh = () => { refreshed++; };
    expect(await retitleShown(t.d, keeper, { menuIds: ['other-extension-entry'], frameId: 0 }, { id: 7 }, refresh)).toBe(false);
    expect(refreshed).toBe(0);
    expect(await retitleShown(t.d, keeper, { menuIds: [MENU.allow, MENU.notBrand, MENU.brand], frameId: 2 }, { id: 7 }, refresh)).toBe(true);
    expect(t.asked).toEqual([{ tabId: 7, frameId: 2 }]);
    expect(t.menus.entries.get(MENU.allow)?.title).toBe('Always allow @acme');
    expect(refreshed).toBe(1);
    // Over no item: the plain titles again.
    const none = deps(null);
    const k2 = keepMenus(none.d);
    await k2.rebuild();
    await retitleMenus(none.d, 'acme');
    await retitleShown(none.d, k2, { menuIds: [MENU.allow] }, { id: 1 }, refresh);
    expect(none.menus.entries.get(MENU.allow)?.title).toBe('Always allow this author');
  });
});

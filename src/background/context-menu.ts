// Doorman's context menu on a post of a supported site: "Always allow @author", "Not a brand",
// "Treat @author as a brand". The content script remembers the item under the pointer at the
// right-click and names its author (`menu/target`, so the titles can say who); a choice asks that
// tab and frame which item it was (`item/context`) and writes what the popup's answers write
// (db addAllow / setBrandOverride, then the same rebuild and push as a page's `data/changed`).
// The entries appear on the pages content scripts run on, Mastodon servers added at run time
// included: `keepMenus` rebuilds them whenever that list changes. In Firefox, whose menu is already
// open when the page's `menu/target` arrives, `retitleShown` (menus.onShown) asks the frame at once
// and redraws the open menu (menus.refresh).
import { addAllow, setBrandOverride, type DoormanDB } from '../db';
import { ContextItem } from '../shared/messages';

export const MENU = {
  allow: 'doorman-allow',
  notBrand: 'doorman-not-brand',
  brand: 'doorman-brand',
} as const;
export type MenuId = (typeof MENU)[keyof typeof MENU];

/** The parts of browser.contextMenus this uses (Chromium's contextMenus, Firefox's menus alike). */
export interface MenusLike {
  create(props: { id: string; title: string; contexts: ['all']; documentUrlPatterns?: string[] }): unknown;
  update(id: string, props: { title: string }): Promise<void>;
  removeAll(): Promise<void>;
}

export interface ContextMenuDeps {
  menus: MenusLike;
  db: DoormanDB;
  /** Asks one frame of a tab for the item of its last right-click. */
  askFrame(tabId: number, frameId: number): Promise<unknown>;
  /** The data changed: rebuild the snapshot and push it to the tabs (what `data/changed` does). */
  changed(): Promise<unknown>;
  /** Where the menu appears: the pages content scripts run on. */
  documentUrlPatterns(): string[];
  /** A title in the user's language (runtime i18n), with its placeholder filled. */
  message(key: string, substitution?: string): string;
}

const who = (handle: string) => (handle ? `@${handle.replace(/^@/, '')}` : '');

/** The three entries' titles for a right-click over an item of `handle` ('' : no item known yet). */
export function menuTitles(message: ContextMenuDeps['message'], handle: string): Record<MenuId, string> {
  const name = who(handle);
  return {
    [MENU.allow]: name ? message('menuAllow', name) : message('menuAllowAuthor'),
    [MENU.notBrand]: message('menuNotBrand'),
    [MENU.brand]: name ? message('menuBrand', name) : message('menuBrandAuthor'),
  };
}

/** (Re)creates the menu entries: on install, update and browser start (removeAll first, so never twice). */
export async function createMenus(deps: ContextMenuDeps): Promise<void> {
  await deps.menus.removeAll();
  const titles = menuTitles(deps.message, '');
  const documentUrlPatterns = deps.documentUrlPatterns();
  for (const id of Object.values(MENU)) deps.menus.create({ id, title: titles[id], contexts: ['all'], documentUrlPatterns });
}

/** A right-click landed on an item of `handle`: the titles name its author (best effort: the menu may already show). */
export async function retitleMenus(deps: ContextMenuDeps, handle: string): Promise<void> {
  const titles = menuTitles(deps.message, handle);
  await Promise.all(Object.values(MENU).map((id) => deps.menus.update(id, { title: titles[id] })));
}

export interface MenuKeeper {
  /** (Re)creates the entries for the pages content scripts run on now: install, start, servers changed. */
  rebuild(): Promise<void>;
  retitle(handle: string): Promise<void>;
}

/** One queue for every change to the entries, so a rebuild never meets another half done (no duplicate ids). */
export function keepMenus(deps: ContextMenuDeps): MenuKeeper {
  let queue: Promise<unknown> = Promise.resolve();
  const next = (work: () => Promise<void>): Promise<void> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    rebuild: () => next(() => createMenus(deps)),
    retitle: (handle) => next(() => retitleMenus(deps, handle)),
  };
}

/** The item the frame says was under the pointer at its last right-click, or null. */
async function itemInFrame(deps: ContextMenuDeps, tabId: number, frameId: number): Promise<ContextItem | null> {
  const reply = (await deps.askFrame(tabId, frameId).catch(() => null)) as { item?: unknown } | null;
  const parsed = ContextItem.safeParse(reply?.item);
  return parsed.success ? parsed.data : null;
}

/**
 * Firefox's menus.onShown: the menu is open; if Doorman's entries are in it, ask the frame whose item
 * it was, name its author and redraw (`refresh`). False when the entries were not shown.
 */
export async function retitleShown(
  deps: ContextMenuDeps,
  keeper: MenuKeeper,
  info: { menuIds: (string | number)[]; frameId?: number },
  tab: { id?: number } | undefined,
  refresh: () => Promise<void> | void,
): Promise<boolean> {
  const ours = Object.values(MENU) as (string | number)[];
  if (!info.menuIds.some((id) => ours.includes(id)) || tab?.id === undefined || tab.id < 0) return false;
  const item = await itemInFrame(deps, tab.id, info.frameId ?? 0);
  await keeper.retitle(item?.handle ?? '');
  await refresh();
  return true;
}

export type MenuOutcome = { done: MenuId; item: ContextItem } | { done: null; why: string };

/** One menu choice: asks the tab which item it was for, then writes the same change as the popup. */
export async function menuClicked(
  deps: ContextMenuDeps,
  info: { menuItemId: string | number; frameId?: number },
  tab: { id?: number } | undefined,
): Promise<MenuOutcome> {
  const id = Object.values(MENU).find((m) => m === info.menuItemId);
  if (id === undefined) return { done: null, why: 'not a Doorman menu entry' };
  if (tab?.id === undefined || tab.id < 0) return { done: null, why: 'no tab' };
  const item = await itemInFrame(deps, tab.id, info.frameId ?? 0);
  if (item === null) return { done: null, why: 'no item under the pointer' };
  if (item.authorId === '' && item.handle === '') return { done: null, why: 'the item names no author' };
  const account = { site: item.site, accountId: item.authorId, handle: item.handle, displayName: item.displayName };
  if (id === MENU.allow) await addAllow(deps.db, account);
  else await setBrandOverride(deps.db, account, id === MENU.brand ? 'brand' : 'not-brand');
  await deps.changed();
  return { done: id, item };
}

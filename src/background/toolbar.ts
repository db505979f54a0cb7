// The toolbar button of each tab: the badge counts what Doorman filtered on the page (nothing when
// zero), the icon turns grey where the site is paused and carries an amber dot where Doorman is
// degraded, and the title says which, in words. Fed by the health the content script reports
// ('health/report', handlers.ts); a tab that leaves the site goes back to the plain button.
import type { TabHealth } from '../shared/messages';
import { siteName } from '../sites/registry';

/** The parts of the action API this uses (Chromium's `chrome.action`, Firefox's `browser.action`). */
export interface ActionLike {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** `i18n.getMessage`: the catalogue's text for a key, '' when it has none. */
export type GetMessage = (key: string, subs?: string[]) => string;

export type ToolbarState = 'plain' | 'working' | 'paused' | 'degraded';

export const ICONS: Record<ToolbarState, Record<string, string>> = {
  plain: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  working: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  paused: { 16: 'icons/icon-paused-16.png', 32: 'icons/icon-paused-32.png' },
  degraded: { 16: 'icons/icon-degraded-16.png', 32: 'icons/icon-degraded-32.png' },
};

/** The badge's background: Doorman's blue, amber when degraded (the count may be short). */
const BADGE_COLOR = { normal: '#1d4ed8', degraded: '#b45309' } as const;

/** What one tab's button shows. */
export interface ToolbarView {
  state: ToolbarState;
  /** Items filtered on the page, as the badge shows them ('' for none; 999+ past 999). */
  badge: string;
  title: string;
  color: string;
}

export function filteredCount(health: Pick<TabHealth, 'counts'>): number {
  let n = 0;
  for (const c of Object.values(health.counts)) n += c ?? 0;
  return n;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** The button for a tab with this health (null: not a supported page, or nothing reported yet). */
export function toolbarView(health: TabHealth | null, message: GetMessage): ToolbarView {
  const say = (key: string, subs: string[], fallback: string) => message(key, subs) || fallback;
  const name = say('extName', [], 'Doorman');
  if (health === null) return { state: 'plain', badge: '', title: name, color: BADGE_COLOR.normal };
  const site = siteName(health.site);
  const count = filteredCount(health);
  if (health.status === 'paused') {
    return { state: 'paused', badge: '', title: say('toolbarPaused', [site], `Doorman is paused on ${site}`), color: BADGE_COLOR.normal };
  }
  if (health.status === 'degraded') {
    const detail = health.detail ? ` ${health.detail}` : '';
    return {
      state: 'degraded',
      badge: badgeText(count),
      title: say('toolbarDegraded', [site, String(count)], `Doorman works only in part on ${site}: ${count} filtered.`) + detail,
      color: BADGE_COLOR.degraded,
    };
  }
  return {
    state: 'working',
    badge: badgeText(count),
    title: count > 0 ? say('toolbarFiltered', [String(count), site], `Doorman: ${count} filtered on this ${site} page`) : name,
    color: BADGE_COLOR.normal,
  };
}

export interface Toolbar {
  /** Shows a tab's health on its button (null: back to the plain button). */
  show(tabId: number, health: TabHealth | null): Promise<void>;
  /** The tab is gone: drop what was kept about its button. */
  forget(tabId: number): void;
}

/**
 * Per-tab buttons, written only when what they show changes (health arrives up to four times a
 * second while a page filters). A tab's last view is kept in memory only: after a worker restart
 * the first report writes it again, which is harmless.
 */
export function createToolbar(action: ActionLike, message: GetMessage): Toolbar {
  const shown = new Map<number, ToolbarView>();
  return {
    async show(tabId, health) {
      const view = toolbarView(health, message);
      const before = shown.get(tabId);
      if (health === null) shown.delete(tabId);
      else shown.set(tabId, view);
      const writes: Promise<void>[] = [];
      if (before?.badge !== view.badge) writes.push(action.setBadgeText({ tabId, text: view.badge }));
      if (before?.color !== view.color) writes.push(action.setBadgeBackgroundColor({ tabId, color: view.color }));
      if (before?.state !== view.state) writes.push(action.setIcon({ tabId, path: ICONS[view.state] }));
      if (before?.title !== view.title) writes.push(action.setTitle({ tabId, title: view.title }));
      // A tab closed meanwhile makes these reject; nothing to show then.
      await Promise.all(writes.map((w) => w.catch(() => undefined)));
    },
    forget(tabId) {
      shown.delete(tabId);
    },
  };
}

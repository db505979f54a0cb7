// The keyboard commands (manifest `commands`): pause or resume Doorman on the current tab's site, and
// reveal every collapsed item on the current page. The user sets the keys in the browser's shortcut
// settings; the options page lists both (sections/ShortcutsSection.tsx).
import { siteEnabled } from '../core/vocabulary';
import type { DoormanDB } from '../db/database';
import { getSettings, updateSettings } from '../db/settings';
import { TabHealth } from '../shared/messages';
import { siteForUrl } from '../sites/registry';
import { healthKey, type SessionArea } from './handlers';

export const COMMANDS = { toggleSite: 'toggle-site', revealAll: 'reveal-all' } as const;
export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];

export interface CommandTab {
  id?: number;
  url?: string;
}

export interface CommandDeps {
  db: DoormanDB;
  session: Pick<SessionArea, 'get'>;
  /** The focused window's active tab, for browsers that call the listener without one. */
  activeTab(): Promise<CommandTab | undefined>;
  sendToTab(tabId: number, message: unknown): Promise<unknown>;
  /** The database changed: rebuild the snapshot and push it to open tabs. */
  dataChanged(): Promise<void>;
}

export type CommandOutcome =
  | { done: 'paused' | 'resumed'; site: string }
  | { done: 'revealed'; count: number }
  | { done: 'nothing'; why: 'unknown-command' | 'no-tab' | 'not-a-site' | 'no-content-script' };

/**
 * The site a tab shows: the one its content script last reported (which covers Mastodon servers the
 * user added), else the one the URL belongs to among the declared hosts.
 */
async function siteOf(deps: CommandDeps, tab: CommandTab & { id: number }): Promise<string | null> {
  const key = healthKey(tab.id);
  const health = TabHealth.safeParse((await deps.session.get(key))[key]);
  if (health.success) return health.data.site;
  return siteForUrl(tab.url);
}

export interface Commands {
  /** The commands.onCommand listener body. */
  run(command: string, tab?: CommandTab): Promise<CommandOutcome>;
}

export function createCommands(deps: CommandDeps): Commands {
  const targetTab = async (tab?: CommandTab): Promise<(CommandTab & { id: number }) | null> => {
    const t = tab?.id !== undefined && tab.id >= 0 ? tab : await deps.activeTab();
    return t?.id !== undefined && t.id >= 0 ? { ...t, id: t.id } : null;
  };

  return {
    async run(command, given) {
      if (command !== COMMANDS.toggleSite && command !== COMMANDS.revealAll) return { done: 'nothing', why: 'unknown-command' };
      const tab = await targetTab(given);
      if (!tab) return { done: 'nothing', why: 'no-tab' };

      if (command === COMMANDS.revealAll) {
        const reply = await deps.sendToTab(tab.id, { type: 'items/reveal-all' }).catch(() => null);
        const count = (reply as { revealed?: unknown } | null)?.revealed;
        return typeof count === 'number' ? { done: 'revealed', count } : { done: 'nothing', why: 'no-content-script' };
      }

      const site = await siteOf(deps, tab);
      if (site === null) return { done: 'nothing', why: 'not-a-site' };
      const enabled = !siteEnabled(await getSettings(deps.db), site);
      await updateSettings(deps.db, { sites: { [site]: { enabled } } });
      await deps.dataChanged();
      return { done: enabled ? 'resumed' : 'paused', site };
    },
  };
}

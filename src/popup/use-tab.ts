// The tab the popup is about and its adapter health, refreshed while the popup is open (the counts
// grow as the page scrolls).
import { useEffect, useState } from 'preact/hooks';
import type { TabHealth } from '../shared/messages';
import type { ActiveTab, Platform } from '../ui/platform';
import { isSiteId, siteForUrl, type SiteId } from '../sites/registry';

const REFRESH_MS = 2_000;

export type TabState =
  | { kind: 'loading' }
  /** Not a page Doorman runs on (or one whose address it may not read). */
  | { kind: 'unsupported'; tab: ActiveTab | null }
  /** A supported site whose content script has not reported yet (just opened, or opened before install). */
  | { kind: 'waiting'; tab: ActiveTab; site: SiteId }
  | { kind: 'health'; tab: ActiveTab; site: SiteId; health: TabHealth };

export function useTab(platform: Platform): TabState {
  const [state, setState] = useState<TabState>({ kind: 'loading' });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (tab: ActiveTab) => {
      const health = await platform.tabHealth(tab.id).catch(() => null);
      if (stopped) return;
      const reported = health && isSiteId(health.site) ? health.site : null;
      const site = reported ?? siteForUrl(tab.url);
      if (health && reported) setState({ kind: 'health', tab, site: reported, health });
      else if (site) setState({ kind: 'waiting', tab, site });
      else setState({ kind: 'unsupported', tab });
      if (site) timer = setTimeout(() => void poll(tab), REFRESH_MS);
    };
    platform
      .activeTab()
      .then((tab) => {
        if (stopped) return;
        if (tab) void poll(tab);
        else setState({ kind: 'unsupported', tab: null });
      })
      .catch(() => setState({ kind: 'unsupported', tab: null }));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [platform]);
  return state;
}

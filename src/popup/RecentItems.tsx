// Job 3 in the popup: the most recent filtered items, each with who, what, why and when, and the
// one-click answers (show it, allow its author, not a brand).
import type { LogRow } from '../db';
import { loadAccountStatus } from '../ui/account-status';
import { AccountName } from '../ui/AccountName';
import { useAnnounce } from '../ui/announcer';
import { EntryActions } from '../ui/EntryActions';
import { absoluteTime, actionLabel, relativeTime } from '../ui/format';
import { t } from '../ui/i18n';
import { reasonSentence } from '../ui/reasons';
import { useEnv } from '../ui/platform';
import { useLiveQuery } from '../ui/use-live-query';
import type { TabState } from './use-tab';

export const RECENT_COUNT = 5;

export function RecentItems({ tab, entries }: { tab: TabState; entries: LogRow[] | undefined }) {
  const env = useEnv();
  const announce = useAnnounce();
  const index = useLiveQuery(() => loadAccountStatus(env.db), []);

  if (!entries) return <div class="recent recent--loading" aria-busy="true" />;
  if (entries.length === 0) return <p class="empty">{t('recentEmpty')}</p>;

  const tabId = tab.kind === 'health' ? tab.tab.id : null;
  const tabSite = tab.kind === 'health' ? tab.site : null;

  const reveal = async (itemId: string) => {
    if (tabId === null) return;
    const ok = await env.platform.revealItem(tabId, itemId);
    announce(ok ? t('revealDone') : t('revealMissing'));
  };

  return (
    <ol class="recent" aria-label={t('recentTitle')}>
      {entries.map((e) => (
        <li key={e.id ?? `${e.site}:${e.itemId}`} class="recent__item">
          <div class="recent__head">
            <AccountName displayName={e.displayName} handle={e.handle} site={e.site} />
            <time class="recent__time" dateTime={new Date(e.at).toISOString()} title={absoluteTime(e.at)}>
              {relativeTime(e.at, Date.now(), 'narrow')}
            </time>
          </div>
          {e.snippet && <p class="recent__snippet">{e.snippet}</p>}
          <p class="recent__reason">
            <span class={`tag tag--${e.action}`}>{actionLabel(e.action)}</span> {reasonSentence(e)}
          </p>
          <EntryActions
            compact
            entry={e}
            index={index}
            onReveal={tabSite === e.site ? () => void reveal(e.itemId) : undefined}
          />
        </li>
      ))}
    </ol>
  );
}

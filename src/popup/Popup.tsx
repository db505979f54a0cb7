// The popup: this tab's health and counts, the policy and the two switches, what was filtered
// lately, and the allowed brands. Everything else is one click away on the options page.
import { getSettings } from '../db';
import { SITES } from '../sites/registry';
import { AllowedBrands } from '../ui/AllowedBrands';
import { t } from '../ui/i18n';
import { useEnv } from '../ui/platform';
import { PolicyControls } from '../ui/PolicyControls';
import { useReadyMark } from '../ui/ready';
import { useLiveQuery } from '../ui/use-live-query';
import { RECENT_COUNT, RecentItems } from './RecentItems';
import { EnableServer } from './EnableServer';
import { StorageAlert, useStorageFaults } from './StorageAlert';
import { TabStatus } from './TabStatus';
import { noteArea } from '../firstrun/note-area';
import { WhatsNew } from '../firstrun/WhatsNew';
import { useTab } from './use-tab';

export function Popup() {
  const env = useEnv();
  const tab = useTab(env.platform);
  const faults = useStorageFaults(env.platform);
  const settings = useLiveQuery(() => getSettings(env.db), []);
  const recent = useLiveQuery(() => env.db.log.orderBy('at').reverse().limit(RECENT_COUNT).toArray(), []);
  useReadyMark(settings !== undefined && recent !== undefined);

  const openOptions = (section?: string) => {
    void env.platform.openOptions(section).then(() => window.close());
  };
  const site = tab.kind === 'health' || tab.kind === 'waiting' ? tab.site : SITES[0].id;

  return (
    <div class="popup">
      <header class="popup__bar">
        <img class="brandmark" src="/icons/icon-48.png" alt="" width={24} height={24} />
        <h1 class="popup__name">{t('extName')}</h1>
        <button type="button" class="btn btn--quiet btn--small popup__settings" onClick={() => openOptions()}>
          <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path fill="currentColor" d="M11.3 1.5l.4 2.2c.6.2 1.1.5 1.6.9l2.1-.8 1.3 2.3-1.7 1.4c.1.6.1 1.2 0 1.8l1.7 1.4-1.3 2.3-2.1-.8c-.5.4-1 .7-1.6.9l-.4 2.2H8.7l-.4-2.2c-.6-.2-1.1-.5-1.6-.9l-2.1.8-1.3-2.3L5 10.1c-.1-.6-.1-1.2 0-1.8L3.3 6.9l1.3-2.3 2.1.8c.5-.4 1-.7 1.6-.9l.4-2.2h2.6zM10 7a2.5 2.5 0 100 5 2.5 2.5 0 000-5z" /></svg>
          {t('openSettings')}
        </button>
      </header>

      <main class="popup__body">
        <StorageAlert faults={faults} onOpenLog={() => openOptions('log')} />
        <WhatsNew area={noteArea} onDismissed={() => document.querySelector<HTMLElement>('.popup__settings')?.focus()} />
        <TabStatus state={tab} settings={settings} />
        {tab.kind === 'unsupported' && <EnableServer tab={tab.tab} />}

        <section class="panel" aria-labelledby="policy-title">
          <h2 id="policy-title" class="panel__title">{t('policyTitle')}</h2>
          {settings ? <PolicyControls settings={settings} /> : <div class="skeleton" style={{ height: '160px' }} />}
        </section>

        <section class="panel" aria-labelledby="recent-title">
          <div class="panel__head">
            <h2 id="recent-title" class="panel__title">{t('recentTitle')}</h2>
            <button type="button" class="link" onClick={() => openOptions('log')}>{t('recentSeeAll')}</button>
          </div>
          <RecentItems tab={tab} entries={recent} />
        </section>

        <section class="panel" aria-labelledby="allowed-title">
          <h2 id="allowed-title" class="panel__title">{t('allowTitle')}</h2>
          <AllowedBrands compact defaultSite={site} onMore={() => openOptions('allowed')} />
        </section>
      </main>
    </div>
  );
}

// The first-run page: in a few lines what Doorman does and does not do, the policy to start with,
// where to import follows, whether to sync (off unless the user turns it on), and how to pin the
// toolbar icon. Everything here is also in the options.
import { getSettings } from '../db';
import { Switch } from '../ui/controls';
import { t } from '../ui/i18n';
import { useEnv } from '../ui/platform';
import { PolicyControls } from '../ui/PolicyControls';
import { useReadyMark } from '../ui/ready';
import { useLiveQuery } from '../ui/use-live-query';
import { setSyncChoice, useSyncState } from '../ui/use-sync-state';

export function FirstRun() {
  const env = useEnv();
  const settings = useLiveQuery(() => getSettings(env.db), []);
  const sync = useSyncState();
  useReadyMark(settings !== undefined && sync !== undefined);

  return (
    <main class="firstrun">
      <header class="firstrun__head">
        <img class="brandmark" src="/icons/icon-128.png" alt="" width={56} height={56} />
        <div>
          <h1 class="firstrun__title">{t('firstRunTitle')}</h1>
          <p class="firstrun__lead">{t('firstRunLead')}</p>
        </div>
      </header>

      <section class="firstrun__card" aria-labelledby="fr-does">
        <h2 id="fr-does" class="firstrun__h2">{t('firstRunDoesTitle')}</h2>
        <ul class="firstrun__list">
          <li>{t('firstRunDoes1')}</li>
          <li>{t('firstRunDoes2')}</li>
          <li>{t('firstRunDoes3')}</li>
        </ul>
        <h2 class="firstrun__h2">{t('firstRunDoesntTitle')}</h2>
        <ul class="firstrun__list">
          <li>{t('firstRunDoesnt1')}</li>
          <li>{t('firstRunDoesnt2')}</li>
        </ul>
      </section>

      <section class="firstrun__card" aria-labelledby="fr-policy">
        <h2 id="fr-policy" class="firstrun__h2">{t('firstRunPolicyTitle')}</h2>
        <p class="firstrun__hint">{t('firstRunPolicyHint')}</p>
        {settings ? <PolicyControls settings={settings} /> : <div class="skeleton" style={{ height: '160px' }} />}
      </section>

      <section class="firstrun__card" aria-labelledby="fr-follows">
        <h2 id="fr-follows" class="firstrun__h2">{t('firstRunFollowsTitle')}</h2>
        <p class="firstrun__hint">{t('firstRunFollowsHint')}</p>
        <button type="button" class="btn" onClick={() => void env.platform.openOptions('follows')}>{t('firstRunFollowsOpen')}</button>
      </section>

      <section class="firstrun__card" aria-labelledby="fr-sync" data-testid="firstrun-sync">
        <h2 id="fr-sync" class="firstrun__h2">{t('firstRunSyncTitle')}</h2>
        <p class="firstrun__hint">{t('firstRunSyncHint')}</p>
        {sync && <Switch name="sync" checked={sync.enabled} label={t('syncSwitch')} description={t('syncSwitchDesc')} onChange={(v) => void setSyncChoice(v)} />}
      </section>

      <section class="firstrun__card" aria-labelledby="fr-pin">
        <h2 id="fr-pin" class="firstrun__h2">{t('firstRunPinTitle')}</h2>
        <ol class="firstrun__list">
          <li>{t('firstRunPin1')}</li>
          <li>{t('firstRunPin2')}</li>
        </ol>
      </section>
    </main>
  );
}

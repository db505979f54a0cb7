// Where Doorman runs: each supported site can be paused (Doorman then shows everything there and
// logs nothing) and resumed. Sites not supported yet are listed so the page needs no redesign
// when they arrive.
import { countLog, getSettings, updateSettings } from '../../db';
import { SITE_IDS } from '../../core/model';
import { useAnnounce } from '../../ui/announcer';
import { Switch } from '../../ui/controls';
import { formatNumber, t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useReadyMark } from '../../ui/ready';
import { LIVE_SITES, SITE_HOSTS, SITE_NAMES } from '../../ui/sites';
import { useLiveQuery } from '../../ui/use-live-query';
import { write } from '../../ui/write';

export function SitesSection() {
  const env = useEnv();
  const announce = useAnnounce();
  const settings = useLiveQuery(() => getSettings(env.db), []);
  const counts = useLiveQuery(() => Promise.all(SITE_IDS.map((s) => countLog(env.db, s))), []);
  useReadyMark(settings !== undefined);
  if (!settings) return <div class="skeleton" style={{ height: '200px' }} />;

  const toggle = async (site: (typeof SITE_IDS)[number], enabled: boolean) => {
    await write(env, (db) => updateSettings(db, { sites: { [site]: { enabled } } }));
    announce(t(enabled ? 'siteResumed' : 'sitePaused', SITE_NAMES[site]),
      () => write(env, (db) => updateSettings(db, { sites: { [site]: { enabled: !enabled } } })));
  };

  return (
    <ul class="sites">
      {SITE_IDS.map((site, i) => {
        const live = LIVE_SITES.includes(site);
        const enabled = settings.sites[site].enabled;
        return (
          <li key={site} class={`card site${live ? '' : ' site--coming'}`}>
            <div class="site__info">
              <h2 class="card__title">{SITE_NAMES[site]}</h2>
              <p class="site__hosts">{live ? SITE_HOSTS[site].join(' · ') : t('siteComingDetail')}</p>
              {live && (
                <p class="site__meta">
                  {enabled ? t('siteActive') : t('sitePausedState')}
                  {counts ? ` · ${t('siteLogged', formatNumber(counts[i] ?? 0))}` : ''}
                </p>
              )}
            </div>
            {live ? (
              <Switch name={`site-${site}`} checked={enabled} label={t('siteEnabledLabel', SITE_NAMES[site])} hideLabel onChange={(v) => void toggle(site, v)} />
            ) : (
              <span class="pill">{t('siteComing')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

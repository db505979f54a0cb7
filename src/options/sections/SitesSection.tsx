// Where Doorman runs: each supported site can be paused (Doorman then shows everything there and
// logs nothing) and resumed. Every declared site is listed (from the registry), so a new site needs
// no change here.
import { countLog, getSettings, updateSettings } from '../../db';
import { siteEnabled } from '../../core/settings';
import type { SiteId } from '../../sites/registry';
import { useAnnounce } from '../../ui/announcer';
import { Switch } from '../../ui/controls';
import { formatNumber, t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useReadyMark } from '../../ui/ready';
import { PAGE_SITES } from '../../ui/sites';
import { useLiveQuery } from '../../ui/use-live-query';
import { announcingFailure, write } from '../../ui/write';
import { mastodon } from '../../sites/mastodon/site';
import { MastodonServers } from './MastodonServers';

export function SitesSection() {
  const env = useEnv();
  const announce = useAnnounce();
  const settings = useLiveQuery(() => getSettings(env.db), []);
  const counts = useLiveQuery(() => Promise.all(PAGE_SITES.map((s) => countLog(env.db, s.id))), []);
  useReadyMark(settings !== undefined);
  if (!settings) return <div class="skeleton" style={{ height: '200px' }} />;

  const toggle = async (site: SiteId, name: string, enabled: boolean) => {
    await write(env, (db) => updateSettings(db, { sites: { [site]: { enabled } } }));
    announce(t(enabled ? 'siteResumed' : 'sitePaused', name),
      () => write(env, (db) => updateSettings(db, { sites: { [site]: { enabled: !enabled } } })));
  };

  return (
    <ul class="sites">
      {PAGE_SITES.map(({ id: site, name, hosts, live }, i) => {
        const enabled = siteEnabled(settings, site);
        return (
          <li key={site} class={`card site${live ? '' : ' site--coming'}`}>
            <div class="site__info">
              <h2 class="card__title">{name}</h2>
              <p class="site__hosts">{live ? hosts.join(' · ') : t('siteComingDetail')}</p>
              {live && (
                <p class="site__meta">
                  {enabled ? t('siteActive') : t('sitePausedState')}
                  {counts ? ` · ${t('siteLogged', formatNumber(counts[i] ?? 0))}` : ''}
                </p>
              )}
              {site === mastodon.id && <MastodonServers />}
            </div>
            {live ? (
              <Switch name={`site-${site}`} checked={enabled} label={t('siteEnabledLabel', name)} hideLabel onChange={(v) => void announcingFailure(announce, () => toggle(site, name, v))} />
            ) : (
              <span class="pill">{t('siteComing')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

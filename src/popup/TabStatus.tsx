// The current tab: which site, whether Doorman is working there (or degraded, and why, or paused),
// and what it filtered on this page, by reason. Pausing the site is one click from here.
import { updateSettings } from '../db';
import { REASON_CODES, type ReasonCode } from '../core/model';
import { siteEnabled, type Settings } from '../core/settings';
import { useAnnounce } from '../ui/announcer';
import { reasonLabel } from '../ui/format';
import { formatNumber, t, tn } from '../ui/i18n';
import { useEnv } from '../ui/platform';
import { siteName } from '../sites/registry';
import { hostOf } from '../ui/sites';
import { announcingFailure, write } from '../ui/write';
import type { TabState } from './use-tab';

type Status = 'working' | 'degraded' | 'paused' | 'waiting';

export function TabStatus({ state, settings }: { state: TabState; settings: Settings | undefined }) {
  const env = useEnv();
  const announce = useAnnounce();

  if (state.kind === 'loading') return <section class="card tab tab--loading" aria-busy="true" aria-label={t('tabChecking')} />;

  if (state.kind === 'unsupported') {
    return (
      <section class="card tab tab--unsupported" aria-labelledby="tab-title">
        <h2 id="tab-title" class="tab__title">{t('tabUnsupported')}</h2>
        <p class="tab__detail">{t('tabUnsupportedDetail')}</p>
      </section>
    );
  }

  const site = state.site;
  const paused = settings ? !siteEnabled(settings, site) : state.kind === 'health' && state.health.status === 'paused';
  const status: Status = paused ? 'paused' : state.kind === 'waiting' ? 'waiting' : state.health.status;
  const health = state.kind === 'health' ? state.health : null;
  const counts = health ? filteredCounts(health.counts) : [];
  const total = counts.reduce((n, [, c]) => n + c, 0);

  const togglePause = async () => {
    const enabled = paused;
    await write(env, (db) => updateSettings(db, { sites: { [site]: { enabled } } }));
    const undo = () => write(env, (db) => updateSettings(db, { sites: { [site]: { enabled: !enabled } } }));
    announce(t(enabled ? 'siteResumed' : 'sitePaused', siteName(site)), undo);
  };

  return (
    <section class={`card tab tab--${status}`} aria-labelledby="tab-title">
      <div class="tab__head">
        <h2 id="tab-title" class="tab__title">
          {siteName(site)}
          <span class="tab__host">{hostOf(state.tab.url)}</span>
        </h2>
        <span class={`pill pill--${status}`}>
          <span class="pill__dot" aria-hidden="true" />
          {t(`status_${status}`)}
        </span>
      </div>
      {status === 'degraded' && health?.detail && <p class="tab__detail tab__detail--warn">{health.detail}</p>}
      {status === 'degraded' && <p class="tab__detail">{t('statusDegradedNote')}</p>}
      {status === 'waiting' && <p class="tab__detail">{t('statusWaitingNote')}</p>}
      {status === 'paused' && <p class="tab__detail">{t('statusPausedNote', siteName(site))}</p>}
      {health && status !== 'paused' && (
        <>
          <p class="tab__summary">
            {total === 0 ? tn('tabNothingFiltered', health.seen) : tn('tabFiltered', total, [formatNumber(health.seen)])}
          </p>
          {counts.length > 0 && (
            <ul class="chips" aria-label={t('tabCountsLabel')}>
              {counts.map(([code, n]) => (
                <li key={code} class={`chip chip--${code}`}>
                  <span class="chip__count">{formatNumber(n)}</span> {reasonLabel(code)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div class="tab__actions">
        <button type="button" class="btn btn--quiet btn--small" onClick={() => void announcingFailure(announce, togglePause)} disabled={!settings}>
          {paused ? t('siteResume', siteName(site)) : t('sitePause', siteName(site))}
        </button>
      </div>
    </section>
  );
}

/** The page counts only what it filtered (collapsed, hidden or labelled), by reason, in the order reasons are defined. */
export function filteredCounts(counts: Partial<Record<ReasonCode, number>>): [ReasonCode, number][] {
  return REASON_CODES.filter((c) => (counts[c] ?? 0) > 0).map((c) => [c, counts[c] ?? 0]);
}

// Job 2 in full: the allowed brands, and the accounts marked "not a brand" or "a brand" (overrides
// that beat the brand score), each removable with Undo.
import { listAccountOverrides, unreadableAllowRows, unreadableOverrideRows, type AccountOverride } from '../../db';
import { AccountName } from '../../ui/AccountName';
import { AllowedBrands } from '../../ui/AllowedBrands';
import { useAnnounce } from '../../ui/announcer';
import { setAccountBrand } from '../../ui/entry-actions';
import { absoluteTime } from '../../ui/format';
import { t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useReadyMark } from '../../ui/ready';
import { UnreadableRows } from '../../ui/UnreadableRows';
import { useLiveQuery } from '../../ui/use-live-query';
import { siteName } from '../../sites/registry';
import { errorDetail } from '../../ui/problems';

export function AllowedSection() {
  const env = useEnv();
  const announce = useAnnounce();
  const overrides = useLiveQuery(async () => (await listAccountOverrides(env.db)).sort((a, b) => b.setAt - a.setAt), []);
  const unreadable = useLiveQuery(async () => ({ allowlist: await unreadableAllowRows(env.db), accounts: await unreadableOverrideRows(env.db) }), []);
  useReadyMark(overrides !== undefined);

  const change = async (o: AccountOverride, brand: 'brand' | 'not-brand' | null) => {
    const who = o.handle ? `@${o.handle}` : o.accountId;
    try {
      const undo = await setAccountBrand(env, { ...o }, brand);
      announce(brand === null ? t('overrideCleared', who) : t(brand === 'brand' ? 'overrideBrand' : 'overrideNotBrand', who), undo);
    } catch (e) {
      announce(t('actionFailed', errorDetail(e)));
    }
  };

  return (
    <div class="stack">
      <section class="card" aria-labelledby="allowed-title">
        <h2 id="allowed-title" class="card__title">{t('allowTitle')}</h2>
        <p class="card__lead">{t('allowLead')}</p>
        <UnreadableRows rows={unreadable?.allowlist} noun="allowlist" />
        <AllowedBrands />
      </section>
      <section class="card" aria-labelledby="overrides-title">
        <h2 id="overrides-title" class="card__title">{t('overridesTitle')}</h2>
        <p class="card__lead">{t('overridesLead')}</p>
        <UnreadableRows rows={unreadable?.accounts} noun="accounts" />
        {overrides && overrides.length === 0 && <p class="empty">{t('overridesEmpty')}</p>}
        {overrides && overrides.length > 0 && (
          <ul class="table-list" aria-label={t('overridesTitle')}>
            {overrides.map((o) => {
              const who = o.handle ? `@${o.handle}` : o.accountId;
              return (
                <li key={`${o.site}#${o.accountId}@${o.handle}`} class="table-list__row">
                  <div class="table-list__main">
                    <AccountName displayName={o.displayName} handle={o.handle} site={o.site} showSite />
                    <span class="table-list__meta">
                      {t('overrideSetAt', absoluteTime(o.setAt))} · {siteName(o.site)}
                      {o.accountId ? ` · ${t('allowById', o.accountId)}` : ''}
                    </span>
                  </div>
                  <label class="visually-hidden" htmlFor={`ov-${o.site}-${o.accountId}-${o.handle}`}>{t('overrideChoiceLabel', who)}</label>
                  <select id={`ov-${o.site}-${o.accountId}-${o.handle}`} class="select" value={o.brand}
                    onChange={(e) => void change(o, (e.currentTarget as HTMLSelectElement).value as 'brand' | 'not-brand')}>
                    <option value="not-brand">{t('overrideNotBrandOption')}</option>
                    <option value="brand">{t('overrideBrandOption')}</option>
                  </select>
                  <button type="button" class="btn btn--small btn--quiet" aria-label={t('overrideClearLabel', who)} onClick={() => void change(o, null)}>
                    {t('remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

// Job 2: the brands the user lets in. A list with remove (undoable) and an add form that takes a
// handle and a site and fills the stable account id when Doorman has seen the account.
import { useId, useState } from 'preact/hooks';
import { listAllowlist } from '../db';
import { normalizeHandle } from '../core/handle';
import type { AllowEntry } from '../core/lists';
import { SITES, siteName, type SiteId } from '../sites/registry';
import { lookupAccount } from './account-lookup';
import { AccountName } from './AccountName';
import { useAnnounce } from './announcer';
import { SiteSelect } from './controls';
import { allowAccount, disallowAccount } from './entry-actions';
import { t, tn } from './i18n';
import { useEnv } from './platform';
import { useLiveQuery } from './use-live-query';
import { errorDetail, errorText } from './problems';

const HANDLE = /^[a-z0-9_.:-]{1,320}$/i;

export function AllowedBrands({ compact, defaultSite = SITES[0].id, onMore }: {
  /** The popup shows a few and links to the options page for the rest. */
  compact?: boolean;
  defaultSite?: SiteId;
  onMore?: () => void;
}) {
  const env = useEnv();
  const announce = useAnnounce();
  const entries = useLiveQuery(async () => (await listAllowlist(env.db)).sort((a, b) => b.addedAt - a.addedAt), []);
  const limit = compact ? 4 : Infinity;
  const shown = entries?.slice(0, limit) ?? [];
  const hidden = (entries?.length ?? 0) - shown.length;

  const remove = async (e: AllowEntry) => {
    const who = e.handle ? `@${e.handle}` : e.accountId;
    try {
      const undo = await disallowAccount(env, e);
      announce(t('allowRemoved', [who, siteName(e.site)]), undo);
    } catch (err) {
      announce(t('actionFailed', errorDetail(err)));
    }
  };

  return (
    <div class="allowed">
      {entries && entries.length === 0 && <p class="empty">{t('allowEmpty')}</p>}
      {shown.length > 0 && (
        <ul class="allowed__list" aria-label={t('allowListLabel')}>
          {shown.map((e) => (
            <li key={`${e.site}#${e.accountId}@${e.handle}`} class="allowed__item">
              <div class="allowed__who">
                <AccountName displayName={e.displayName} handle={e.handle} site={e.site} showSite />
                {!compact && (
                  <span class="allowed__id">
                    {e.accountId ? t('allowById', e.accountId) : t('allowByHandleOnly')}
                  </span>
                )}
              </div>
              <button
                type="button"
                class="btn btn--quiet btn--small"
                aria-label={t('allowRemoveLabel', e.handle ? `@${e.handle}` : e.accountId)}
                onClick={() => void remove(e)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p class="allowed__more">
          {onMore ? (
            <button type="button" class="link" onClick={onMore}>{tn('allowMore', hidden)}</button>
          ) : tn('allowMore', hidden)}
        </p>
      )}
      <AddAllowForm defaultSite={defaultSite} compact={compact} />
    </div>
  );
}

function AddAllowForm({ defaultSite, compact }: { defaultSite: SiteId; compact?: boolean }) {
  const env = useEnv();
  const announce = useAnnounce();
  const id = useId();
  const [handle, setHandle] = useState('');
  const [site, setSite] = useState<SiteId>(defaultSite);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const h = normalizeHandle(handle);
    if (!HANDLE.test(h)) {
      setError(h === '' ? t('allowHandleMissing') : t('allowHandleInvalid'));
      return;
    }
    setBusy(true);
    try {
      const known = await lookupAccount(env.db, site, h);
      const undo = await allowAccount(env, { site, handle: h, accountId: known?.accountId ?? '', displayName: known?.displayName ?? '' });
      setHandle('');
      setError('');
      announce(known ? t('allowAdded', [`@${h}`, siteName(site)]) : t('allowAddedByHandle', [`@${h}`, siteName(site)]), undo);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class={`add-allow${compact ? ' add-allow--compact' : ''}`} onSubmit={(e) => void submit(e)} noValidate>
      <div class="add-allow__fields">
        <label class="visually-hidden" htmlFor={`${id}-handle`}>{t('allowHandleLabel')}</label>
        <input
          id={`${id}-handle`}
          class="input add-allow__handle"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('allowHandlePlaceholder')}
          value={handle}
          aria-invalid={error !== ''}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => {
            setHandle((e.currentTarget as HTMLInputElement).value);
            if (error) setError('');
          }}
        />
        <label class="visually-hidden" htmlFor={`${id}-site`}>{t('siteLabel')}</label>
        <SiteSelect id={`${id}-site`} value={site} onChange={(s) => s && setSite(s)} />
        <button type="submit" class="btn btn--primary" disabled={busy}>{t('allowAdd')}</button>
      </div>
      {error && <p id={`${id}-err`} class="field-error" role="alert">{error}</p>}
    </form>
  );
}

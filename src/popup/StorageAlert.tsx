// Writes Doorman could not make (the background's storage fault record): what was not saved, why in
// words, how many items, and what to do. Shown above everything else while it lasts; it goes away
// by itself once a later write of the same kind succeeds.
import { useEffect, useState } from 'preact/hooks';
import type { StorageFault } from '../shared/messages';
import { formatNumber, t, tn } from '../ui/i18n';
import type { Platform } from '../ui/platform';

const REFRESH_MS = 2_000;

/** The background's current faults, refreshed while the popup is open; [] until the first answer. */
export function useStorageFaults(platform: Platform): StorageFault[] {
  const [faults, setFaults] = useState<StorageFault[]>([]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const got = await platform.storageFaults().catch(() => null);
      if (stopped) return;
      if (got) setFaults(got);
      timer = setTimeout(() => void poll(), REFRESH_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [platform]);
  return faults;
}

function reason(f: StorageFault): string {
  switch (f.kind) {
    case 'quota':
      return t('storageReasonQuota');
    case 'blocked':
      return t('storageReasonBlocked');
    case 'error':
      return t('storageReasonError', f.detail);
  }
}

function advice(f: StorageFault): string {
  switch (f.kind) {
    case 'quota':
      return f.what === 'log' ? t('storageAdviceQuotaLog') : t('storageAdviceQuota');
    case 'blocked':
      return t('storageAdviceBlocked');
    case 'error':
      return t('storageAdviceError');
  }
}

function headline(f: StorageFault): string {
  switch (f.what) {
    case 'log':
      return tn('storageLostLog', f.lost, [reason(f)]);
    case 'follows':
      return tn('storageLostFollows', f.lost, [reason(f)]);
    case 'open':
      return t('storageOpenFailed', reason(f));
  }
}

export function StorageAlert({ faults, onOpenLog }: { faults: readonly StorageFault[]; onOpenLog: () => void }) {
  if (faults.length === 0) return null;
  return (
    <section class="card storage-alert" role="alert" aria-labelledby="storage-alert-title" data-testid="storage-alert">
      <h2 id="storage-alert-title" class="storage-alert__title">{t('storageAlertTitle')}</h2>
      <ul class="storage-alert__list">
        {faults.map((f) => (
          <li key={f.what} class="storage-alert__item" data-what={f.what} data-kind={f.kind}>
            <p class="storage-alert__headline">{headline(f)}</p>
            <p class="storage-alert__advice">{advice(f)}</p>
            <p class="storage-alert__when">{t('storageFailedAt', formatTime(f.at))}</p>
          </li>
        ))}
      </ul>
      {faults.some((f) => f.kind === 'quota') && (
        <div class="tab__actions">
          <button type="button" class="btn btn--quiet btn--small" onClick={onOpenLog}>{t('storageOpenLog')}</button>
        </div>
      )}
    </section>
  );
}

const formatTime = (at: number): string => {
  try {
    return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  } catch {
    return formatNumber(at);
  }
};

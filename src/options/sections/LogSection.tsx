// Job 3 in full: every filtered item, searchable and filterable by site, reason and date, in a
// windowed list (only the rows in view are in the DOM), exportable as CSV or JSON, clearable.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { clearLog, type LogRow } from '../../db';
import { REASON_CODES, type ReasonCode } from '../../core/model';
import type { SiteId } from '../../sites/registry';
import { loadAccountStatus } from '../../ui/account-status';
import { useAnnounce } from '../../ui/announcer';
import { DateField } from '../../ui/DateField';
import { datedName, downloadText } from '../../ui/download';
import { reasonLabel } from '../../ui/format';
import { formatNumber, t, tn } from '../../ui/i18n';
import { logToCsv, logToJson } from '../../ui/log/csv';
import { emptyFilter, filterLog, isFiltering, type LogFilter } from '../../ui/log/filter';
import { useEnv } from '../../ui/platform';
import { LOG_COMPLETE_MARK, useCompleteMark, useReadyMark } from '../../ui/ready';
import { useLiveQuery } from '../../ui/use-live-query';
import { VirtualList } from '../../ui/VirtualList';
import { write } from '../../ui/write';
import { LogEntryRow, LOG_ROW_HEIGHT } from './LogEntryRow';
import { PAGE_SITES } from '../../ui/sites';
import './log.css';

/** Rows fetched first, so the view paints before the whole log has been read. */
const FIRST_PAGE = 40;

export function LogSection() {
  const env = useEnv();
  const announce = useAnnounce();
  const head = useLiveQuery(() => env.db.log.orderBy('at').reverse().limit(FIRST_PAGE).toArray(), []);
  // The whole log is read only after the first page has painted: reading (and structured-cloning)
  // 10,000 rows would otherwise hold up the first frame.
  const [readAll, setReadAll] = useState(false);
  useEffect(() => {
    if (head === undefined || readAll) return undefined;
    const id = requestAnimationFrame(() => setTimeout(() => setReadAll(true), 0));
    return () => cancelAnimationFrame(id);
  }, [head, readAll]);
  const all = useLiveQuery(async () => (readAll ? env.db.log.orderBy('at').reverse().toArray() : undefined), [readAll]);
  const index = useLiveQuery(() => loadAccountStatus(env.db), []);
  const [filter, setFilter] = useState<LogFilter>(emptyFilter);
  const [confirming, setConfirming] = useState(false);

  const entries: LogRow[] | undefined = all ?? head;
  const complete = all !== undefined;
  const shown = useMemo(() => (entries ? filterLog(entries, filter) : []), [entries, filter]);
  useReadyMark(entries !== undefined);
  useCompleteMark(LOG_COMPLETE_MARK, complete);

  const set = <K extends keyof LogFilter>(k: K, v: LogFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const filtering = isFiltering(filter);

  const exportAs = (kind: 'csv' | 'json') => {
    if (kind === 'csv') downloadText(datedName('doorman-log', 'csv'), logToCsv(shown), 'text/csv;charset=utf-8');
    else downloadText(datedName('doorman-log', 'json'), logToJson(shown), 'application/json');
    announce(tn('logExported', shown.length, [kind.toUpperCase()]));
  };

  const clear = async () => {
    setConfirming(false);
    const n = await write(env, (db) => clearLog(db));
    announce(tn('logCleared', n));
  };

  return (
    <div class="log">
      <form class="log__filters card" role="search" aria-label={t('logFiltersLabel')} onSubmit={(e) => e.preventDefault()}>
        <div class="field field--grow">
          <label class="field__label" htmlFor="log-q">{t('logSearch')}</label>
          <input id="log-q" class="input input--wide" type="search" value={filter.text} placeholder={t('logSearchPlaceholder')}
            onInput={(e) => set('text', (e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="field__label" htmlFor="log-site">{t('siteLabel')}</label>
          <select id="log-site" class="select" value={filter.site} onChange={(e) => set('site', (e.currentTarget as HTMLSelectElement).value as SiteId | '')}>
            <option value="">{t('logAnySite')}</option>
            {PAGE_SITES.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" htmlFor="log-reason">{t('logReason')}</label>
          <select id="log-reason" class="select" value={filter.reason} onChange={(e) => set('reason', (e.currentTarget as HTMLSelectElement).value as ReasonCode | '')}>
            <option value="">{t('logAnyReason')}</option>
            {REASON_CODES.map((r) => <option key={r} value={r}>{reasonLabel(r)}</option>)}
          </select>
        </div>
        <div class="field">
          <label class="field__label" id="log-from-label" htmlFor="log-from">{t('logFrom')}</label>
          <DateField id="log-from" labelledBy="log-from-label" value={filter.from} onInput={(v) => set('from', v)} />
        </div>
        <div class="field">
          <label class="field__label" id="log-to-label" htmlFor="log-to">{t('logTo')}</label>
          <DateField id="log-to" labelledBy="log-to-label" value={filter.to} onInput={(v) => set('to', v)} />
        </div>
        {filtering && (
          <button type="button" class="btn btn--quiet log__reset" onClick={() => setFilter(emptyFilter())}>{t('logResetFilters')}</button>
        )}
      </form>

      <div class="log__bar">
        <p class="log__count" aria-live="polite" data-testid="log-count">
          {!entries
            ? t('logLoading')
            : !complete
              ? t('logLoadingMore', formatNumber(entries.length))
              : filtering
                ? t('logShowingOf', [formatNumber(shown.length), formatNumber(entries.length)])
                : tn('logTotal', entries.length)}
        </p>
        <div class="log__actions">
          <button type="button" class="btn btn--small" disabled={!complete || shown.length === 0} onClick={() => exportAs('csv')}>{t('logExportCsv')}</button>
          <button type="button" class="btn btn--small" disabled={!complete || shown.length === 0} onClick={() => exportAs('json')}>{t('logExportJson')}</button>
          {confirming ? (
            <span class="confirm">
              <span class="confirm__text" role="alert">{tn('logClearConfirm', entries?.length ?? 0)}</span>
              <button type="button" class="btn btn--small btn--danger" onClick={() => void clear()}>{t('logClearYes')}</button>
              <button type="button" class="btn btn--small" onClick={() => setConfirming(false)}>{t('cancel')}</button>
            </span>
          ) : (
            <button type="button" class="btn btn--small btn--danger" disabled={!entries || entries.length === 0} onClick={() => setConfirming(true)}>
              {t('logClear')}
            </button>
          )}
        </div>
      </div>

      {entries && entries.length === 0 ? (
        <p class="empty">{t('logEmpty')}</p>
      ) : entries && shown.length === 0 ? (
        <p class="empty">{t('logNoMatch')}</p>
      ) : (
        <VirtualList
          class="log__list card card--flush"
          items={shown}
          rowHeight={LOG_ROW_HEIGHT}
          rowKey={(e) => e.id ?? `${e.site}:${e.itemId}`}
          label={t('logListLabel')}
          resetKey={filter}
          renderRow={(e) => <LogEntryRow entry={e} index={index} />}
        />
      )}
    </div>
  );
}

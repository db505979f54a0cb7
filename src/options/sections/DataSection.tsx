// Back up everything and restore it; share rules and allowed brands as a file. A file is read and
// validated whole before anything is written, and applied in one transaction or not at all; a bad
// file gets a sentence naming the offending field (transfer.ts's problem, in the UI language) and
// changes nothing.
import { useId, useState } from 'preact/hooks';
import {
  StorageWriteError, exportBackup, exportRules, importRules, parseBackupFile, parseRulesFile, restoreBackup, toJson, type BackupFile,
  type RulesFile, type StorageFaultKind,
} from '../../db';
import { useAnnounce } from '../../ui/announcer';
import { datedName, downloadText } from '../../ui/download';
import { formatNumber, t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useReadyMark } from '../../ui/ready';
import { write } from '../../ui/write';
import { errorText } from '../../ui/problems';

/** `storage`: the file was fine, the browser refused the write (full, blocked, broken); absent: the file is at fault. */
type Failure = { kind: 'error'; file: string; error: string; storage?: StorageFaultKind };
type Pending<F> = { kind: 'idle' } | Failure | { kind: 'ready'; file: File; parsed: F };

const failure = (file: string, e: unknown): Failure =>
  e instanceof StorageWriteError ? { kind: 'error', file, error: errorText(e), storage: e.kind } : { kind: 'error', file, error: errorText(e) };

export function DataSection() {
  useReadyMark(true);
  return (
    <div class="stack">
      <BackupCard />
      <RulesCard />
    </div>
  );
}

function FilePicker({ label, onFile, accept = 'application/json,.json' }: { label: string; onFile: (f: File) => void; accept?: string }) {
  const id = useId();
  return (
    <span class="file-picker">
      <input id={id} class="visually-hidden file-picker__input" type="file" accept={accept}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          input.value = ''; // choosing the same file again still fires change
          if (file) onFile(file);
        }} />
      <label htmlFor={id} class="btn">{label}</label>
    </span>
  );
}

function Counts({ items }: { items: [string, number][] }) {
  return (
    <ul class="chips">
      {items.map(([k, n]) => (
        <li key={k} class="chip"><span class="chip__count">{formatNumber(n)}</span> {t(k)}</li>
      ))}
    </ul>
  );
}

function ErrorBox({ file, error, storage }: Omit<Failure, 'kind'>) {
  const title = storage === 'quota' ? t('writeFailedQuota') : storage === 'blocked' ? t('writeFailedBlocked') : storage ? t('writeFailedError') : t('importRejected', file);
  return (
    <div class="form-alert" role="alert" data-testid="import-error" data-cause={storage ?? 'file'}>
      <strong>{title}</strong>
      <span class="form-alert__detail">{error}</span>
      <span>{t('importNothingChanged')}</span>
    </div>
  );
}

function BackupCard() {
  const env = useEnv();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Pending<BackupFile>>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const backup = async () => {
    const file = await exportBackup(env.db);
    downloadText(datedName('doorman-backup', 'json'), toJson(file), 'application/json');
    announce(t('backupSaved'));
  };

  const choose = async (file: File) => {
    try {
      setPending({ kind: 'ready', file, parsed: await parseBackupFile(file) });
    } catch (e) {
      setPending({ kind: 'error', file: file.name, error: errorText(e) });
    }
  };

  const restore = async () => {
    if (pending.kind !== 'ready') return;
    setBusy(true);
    try {
      const counts = await write(env, (db) => restoreBackup(db, pending.file));
      setPending({ kind: 'idle' });
      announce(t('restoreDone', [formatNumber(counts.rules), formatNumber(counts.allowlist), formatNumber(counts.log)]));
    } catch (e) {
      setPending(failure(pending.file.name, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title" class="card__title">{t('backupTitle')}</h2>
      <p class="card__lead">{t('backupLead')}</p>
      <div class="card__actions card__actions--start">
        <button type="button" class="btn btn--primary" onClick={() => void backup()}>{t('backupNow')}</button>
        <FilePicker label={t('restoreChoose')} onFile={(f) => void choose(f)} />
      </div>
      {pending.kind === 'error' && <ErrorBox {...pending} />}
      {pending.kind === 'ready' && (
        <div class="confirm-box" role="group" aria-labelledby="restore-q">
          <p id="restore-q"><strong>{t('restoreQuestion', pending.file.name)}</strong></p>
          <Counts items={[
            ['countRules', pending.parsed.rules.length],
            ['countAllowed', pending.parsed.allowlist.length],
            ['countFollows', pending.parsed.follows.length],
            ['countOverrides', pending.parsed.overrides.length],
            ['countLog', pending.parsed.log.length],
          ]} />
          <p class="field__hint">{t('restoreWarning')}</p>
          <div class="card__actions card__actions--start">
            <button type="button" class="btn btn--danger" disabled={busy} onClick={() => void restore()}>{t('restoreYes')}</button>
            <button type="button" class="btn" onClick={() => setPending({ kind: 'idle' })}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

function RulesCard() {
  const env = useEnv();
  const announce = useAnnounce();
  const [pending, setPending] = useState<Pending<RulesFile>>({ kind: 'idle' });
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [busy, setBusy] = useState(false);

  const exportNow = async () => {
    const file = await exportRules(env.db);
    downloadText(datedName('doorman-rules', 'json'), toJson(file), 'application/json');
    announce(t('rulesExported', [formatNumber(file.rules.length), formatNumber(file.allowlist.length)]));
  };

  const choose = async (file: File) => {
    try {
      setPending({ kind: 'ready', file, parsed: await parseRulesFile(file) });
    } catch (e) {
      setPending({ kind: 'error', file: file.name, error: errorText(e) });
    }
  };

  const apply = async () => {
    if (pending.kind !== 'ready') return;
    setBusy(true);
    try {
      const n = await write(env, (db) => importRules(db, pending.file, { mode }));
      setPending({ kind: 'idle' });
      announce(t('rulesImported', [formatNumber(n.rules), formatNumber(n.allowlist)]));
    } catch (e) {
      setPending(failure(pending.file.name, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="share-title">
      <h2 id="share-title" class="card__title">{t('shareTitle')}</h2>
      <p class="card__lead">{t('shareLead')}</p>
      <div class="card__actions card__actions--start">
        <button type="button" class="btn" onClick={() => void exportNow()}>{t('shareExport')}</button>
        <FilePicker label={t('shareImport')} onFile={(f) => void choose(f)} />
      </div>
      {pending.kind === 'error' && <ErrorBox {...pending} />}
      {pending.kind === 'ready' && (
        <div class="confirm-box" role="group" aria-labelledby="import-q">
          <p id="import-q"><strong>{t('importQuestion', pending.file.name)}</strong></p>
          <Counts items={[['countRules', pending.parsed.rules.length], ['countAllowed', pending.parsed.allowlist.length]]} />
          <fieldset class="field">
            <legend class="field__label">{t('importModeLegend')}</legend>
            <label class="check"><input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />{t('importMerge')}</label>
            <label class="check"><input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{t('importReplace')}</label>
          </fieldset>
          <div class="card__actions card__actions--start">
            <button type="button" class="btn btn--primary" disabled={busy} onClick={() => void apply()}>{t('importYes')}</button>
            <button type="button" class="btn" onClick={() => setPending({ kind: 'idle' })}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}

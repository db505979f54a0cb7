// "Import follows" in the Follows section: a Mastodon following-list CSV (file picker, then the
// imported count and the bad lines by number) and a Bluesky handle read through the public AppView
// (asks for that one host permission on Start, then a progress bar, Cancel, and the result). Each
// shows only once its site is registered. Results are announced and also stay on the page in a
// role=status region; a failure is an alert that says nothing was imported.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { APPVIEW_ORIGIN, APPVIEW_PERMISSION } from '../../sites/bluesky/appview';
import { badLineProblem } from '../../core/mastodon-csv';
import { problem } from '../../core/problem';
import {
  BlueskyImportError, FOLLOW_CAPS, StorageWriteError, importBlueskyFollows, importMastodonFollows, type AppliedFollows, type BlueskyImport,
  type BlueskyProgress, type MastodonImport,
} from '../../db';
import { isSiteId } from '../../sites/registry';
import { useAnnounce } from '../../ui/announcer';
import { formatNumber, t, tn } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { write } from '../../ui/write';
import { errorText, problemText } from '../../ui/problems';

const MASTODON = 'mastodon';
const BSKY = 'bsky';

/** The import cards for the registered sites; `known` stands in for the registry in tests. */
export function FollowImports({ known = isSiteId }: { known?: (id: string) => boolean }) {
  const mastodon = known(MASTODON);
  const bsky = known(BSKY);
  if (!mastodon && !bsky) return null;
  return (
    <section class="card follow-import" aria-labelledby="follow-import-title">
      <h2 id="follow-import-title" class="card__title">{t('followImportTitle')}</h2>
      <p class="card__lead">{t('followImportLead')}</p>
      {mastodon && <MastodonImport site={MASTODON} />}
      {bsky && <BlueskyImport site={BSKY} />}
    </section>
  );
}

/** What the follow graph could not keep as imports, in sentences (the caps, the site's account syntax). */
function Kept({ result }: { result: AppliedFollows }) {
  return (
    <>
      {result.notImported > 0 && <p class="follow-import__note">{tn('followImportNotImported', result.notImported, [formatNumber(FOLLOW_CAPS.trusted)])}</p>}
      {result.overCap > 0 && <p class="follow-import__note">{tn('followImportOverCap', result.overCap, [formatNumber(FOLLOW_CAPS.trusted)])}</p>}
      {result.refused > 0 && <p class="follow-import__note">{tn('followImportRefused', result.refused)}</p>}
    </>
  );
}

function Failure({ title, error }: { title: string; error: unknown }) {
  const storage = error instanceof StorageWriteError;
  return (
    <div class="form-alert" role="alert" data-testid="follow-import-error">
      <strong>{storage ? t('writeFailedError') : title}</strong>
      <span class="form-alert__detail">{errorText(error)}</span>
      <span>{t('followImportNothing')}</span>
    </div>
  );
}

type MastodonState = { kind: 'idle' } | { kind: 'busy'; file: string } | { kind: 'done'; file: string; result: MastodonImport } | { kind: 'error'; file: string; error: unknown };

export function MastodonImport({ site }: { site: string }) {
  const env = useEnv();
  const announce = useAnnounce();
  const id = useId();
  const [state, setState] = useState<MastodonState>({ kind: 'idle' });

  const run = async (file: File) => {
    setState({ kind: 'busy', file: file.name });
    try {
      const result = await write(env, (db) => importMastodonFollows(db, file, { site }));
      setState({ kind: 'done', file: file.name, result });
      announce(tn('followImportDone', result.kept + result.overCap, [file.name]));
    } catch (e) {
      setState({ kind: 'error', file: file.name, error: e });
    }
  };

  return (
    <div class="follow-import__part" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="subhead">Mastodon</h3>
      <p class="field__hint" id={`${id}-hint`}>{t('mastodonImportHint')}</p>
      <div class="card__actions card__actions--start">
        <span class="file-picker">
          <input id={`${id}-file`} class="visually-hidden file-picker__input" type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`}
            disabled={state.kind === 'busy'}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = ''; // choosing the same file again still fires change
              if (file) void run(file);
            }} />
          <label htmlFor={`${id}-file`} class="btn">{t('mastodonImportChoose')}</label>
        </span>
      </div>
      <div role="status" class="follow-import__result" data-testid="mastodon-import-result">
        {state.kind === 'busy' && <p>{t('mastodonImportReading', state.file)}</p>}
        {state.kind === 'done' && <MastodonResult file={state.file} result={state.result} />}
      </div>
      {state.kind === 'error' && <Failure title={t('followImportFailed', state.file)} error={state.error} />}
    </div>
  );
}

function MastodonResult({ file, result }: { file: string; result: MastodonImport }) {
  const more = result.badCount - result.bad.length;
  return (
    <>
      <p><strong>{tn('followImportDone', result.kept + result.overCap, [file])}</strong></p>
      {result.duplicates > 0 && <p class="follow-import__note">{tn('followImportDuplicates', result.duplicates)}</p>}
      <Kept result={result} />
      {result.badCount > 0 && (
        <>
          <p class="follow-import__note">{tn('followImportBad', result.badCount)}</p>
          <ul class="follow-import__bad" data-testid="mastodon-import-bad">
            {result.bad.map((b) => <li key={b.line}><code>{problemText(badLineProblem(b))}</code></li>)}
          </ul>
          {more > 0 && <p class="follow-import__note">{t('followImportBadMore', formatNumber(more))}</p>}
        </>
      )}
    </>
  );
}

type BlueskyState =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: BlueskyProgress | null }
  | { kind: 'done'; result: BlueskyImport }
  | { kind: 'cancelled' }
  | { kind: 'error'; error: unknown };

export function BlueskyImport({ site, base }: { site: string; base?: string }) {
  const env = useEnv();
  const announce = useAnnounce();
  const id = useId();
  const [handle, setHandle] = useState('');
  const [state, setState] = useState<BlueskyState>({ kind: 'idle' });
  const running = useRef<AbortController | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const handleInput = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // Leaving the page (another section) cancels a running import: nothing goes on without its controls.
  useEffect(() => () => running.current?.abort(), []);

  const start = async () => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setState({ kind: 'busy', progress: null });
    try {
      // First, while the click still counts as the user's gesture.
      const granted = await env.platform.requestHostPermission(APPVIEW_PERMISSION);
      if (!granted) throw new BlueskyImportError('permission', problem('bskyNoPermission', new URL(APPVIEW_ORIGIN).host));
      const result = await write(env, (db) => importBlueskyFollows(db, handle, {
        fetch: (url, init) => env.platform.fetch(url, init), base, site, signal: controller.signal,
        onProgress: (progress) => { if (!controller.signal.aborted) setState({ kind: 'busy', progress }); },
      }));
      setState({ kind: 'done', result });
      announce(tn('bskyImportDone', result.kept + result.overCap, [result.handle || handle]));
    } catch (e) {
      if (e instanceof BlueskyImportError && e.kind === 'cancelled') {
        setState({ kind: 'cancelled' });
        announce(t('bskyImportCancelled'));
      } else {
        setState({ kind: 'error', error: e });
      }
    } finally {
      running.current = null;
    }
  };
  const cancel = () => running.current?.abort();
  const busy = state.kind === 'busy';
  const progress = busy ? state.progress : null;
  // Start turns into Cancel and back: the keyboard focus follows instead of falling to the page.
  const wasBusy = useRef(false);
  useEffect(() => {
    if (busy && !wasBusy.current) cancelButton.current?.focus();
    const lost = document.activeElement === null || document.activeElement === document.body || !form.current?.contains(document.activeElement);
    if (!busy && wasBusy.current && lost) handleInput.current?.focus();
    wasBusy.current = busy;
  }, [busy]);

  return (
    <form ref={form} class="follow-import__part" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void start(); }}>
      <h3 id={`${id}-title`} class="subhead">Bluesky</h3>
      <p class="field__hint" id={`${id}-hint`}>{t('bskyImportHint', new URL(APPVIEW_ORIGIN).host)}</p>
      <div class="follow-import__row">
        <div class="field field--grow">
          <label class="field__label" htmlFor={`${id}-handle`}>{t('bskyImportHandle')}</label>
          <input ref={handleInput} id={`${id}-handle`} class="input input--wide" type="text" autoComplete="username" autoCapitalize="none" spellcheck={false}
            placeholder="alice.bsky.social" value={handle} disabled={busy} aria-describedby={`${id}-hint`}
            onInput={(e) => setHandle((e.currentTarget as HTMLInputElement).value)} />
        </div>
        {busy ? (
          <button ref={cancelButton} type="button" class="btn" onClick={cancel}>{t('bskyImportCancel')}</button>
        ) : (
          <button type="submit" class="btn btn--primary" disabled={handle.trim() === ''}>{t('bskyImportStart')}</button>
        )}
      </div>
      {busy && (
        <div class="follow-import__progress">
          <progress id={`${id}-progress`} aria-label={t('bskyImportProgressLabel')}
            {...(progress?.total ? { max: progress.total, value: Math.min(progress.fetched, progress.total) } : {})} />
          <span class="field__hint" aria-hidden="true">
            {progress === null ? t('bskyImportStarting') : progress.total !== null
              ? t('bskyImportProgress', [formatNumber(progress.fetched), formatNumber(progress.total)])
              : t('bskyImportProgressUnknown', formatNumber(progress.fetched))}
          </span>
        </div>
      )}
      <div role="status" class="follow-import__result" data-testid="bsky-import-result">
        {state.kind === 'done' && (
          <>
            <p><strong>{tn('bskyImportDone', state.result.kept + state.result.overCap, [state.result.handle || handle])}</strong></p>
            {state.result.truncated && <p class="follow-import__note">{t('bskyImportTruncated', formatNumber(state.result.pages * 100))}</p>}
            <Kept result={state.result} />
          </>
        )}
        {state.kind === 'cancelled' && <p>{t('bskyImportCancelled')}</p>}
      </div>
      {state.kind === 'error' && <Failure title={t('followImportFailed', handle.trim())} error={state.error} />}
    </form>
  );
}

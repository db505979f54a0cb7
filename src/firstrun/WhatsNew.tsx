// After an update with visible changes, one unobtrusive line at the top of the popup: "What's new in
// <version>", the change in a sentence (its message, in the UI language), and Dismiss. The background
// leaves the version in storage.local on update (background/first-run.ts); dismissing removes it, so
// it shows until read.
import { useEffect, useState } from 'preact/hooks';
import { RELEASE_NOTES, WHATS_NEW_KEY } from '../shared/release-notes';
import { t } from '../ui/i18n';

export interface NoteArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/** The version whose note waits, with its message key, when it has one. */
export async function pendingNote(area: NoteArea, notes = RELEASE_NOTES): Promise<{ version: string; key: string } | null> {
  const stored = (await area.get(WHATS_NEW_KEY))[WHATS_NEW_KEY] as { version?: unknown } | undefined;
  const version = typeof stored?.version === 'string' ? stored.version : null;
  const key = version === null ? undefined : notes[version];
  return version !== null && key !== undefined ? { version, key } : null;
}

export function WhatsNew({ area, notes = RELEASE_NOTES, onDismissed }: { area: NoteArea; notes?: Readonly<Record<string, string>>; onDismissed?: () => void }) {
  const [note, setNote] = useState<{ version: string; key: string } | null>(null);
  useEffect(() => {
    let live = true;
    pendingNote(area, notes).then((n) => live && setNote(n), () => undefined);
    return () => {
      live = false;
    };
  }, [area, notes]);
  if (!note) return null;

  const dismiss = async () => {
    await area.remove(WHATS_NEW_KEY).catch(() => undefined);
    setNote(null);
    onDismissed?.();
  };
  return (
    <aside class="whats-new" aria-labelledby="whats-new-title">
      <p class="whats-new__text">
        <strong id="whats-new-title">{t('whatsNewTitle', note.version)}</strong> {t(note.key)}
      </p>
      <button type="button" class="btn btn--quiet btn--small" aria-label={t('whatsNewDismissLabel')} onClick={() => void dismiss()}>
        {t('whatsNewDismiss')}
      </button>
    </aside>
  );
}

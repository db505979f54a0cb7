// One polite live region per page: every action says what it did, and the undoable ones offer Undo
// (as a real button, reachable by keyboard) for a few seconds.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';
import { errorDetail } from './problems';

export type Announce = (message: string, undo?: () => Promise<unknown>) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

export const useAnnounce = (): Announce => useContext(AnnounceContext);

interface Notice {
  id: number;
  message: string;
  undo?: () => Promise<unknown>;
  error?: boolean;
}

const VISIBLE_MS = 8_000;

export function AnnouncerProvider({ children }: { children: ComponentChildren }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const counter = useRef(0);
  const hovering = useRef(false);

  const announce = useCallback<Announce>((message, undo) => {
    counter.current += 1;
    setNotice({ id: counter.current, message, undo });
  }, []);

  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => {
      // Don't pull the Undo button away from someone about to use it.
      if (!hovering.current) setNotice((n) => (n?.id === notice.id ? null : n));
    }, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const undo = async () => {
    if (!notice?.undo) return;
    const run = notice.undo;
    setNotice(null);
    try {
      await run();
      announce(t('undoDone'));
    } catch (e) {
      setNotice({ id: ++counter.current, message: t('undoFailed', errorDetail(e)), error: true });
    }
  };

  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div
        class={`toast${notice ? ' toast--shown' : ''}${notice?.error ? ' toast--error' : ''}`}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        onMouseEnter={() => (hovering.current = true)}
        onMouseLeave={() => (hovering.current = false)}
        onFocusIn={() => (hovering.current = true)}
        onFocusOut={() => (hovering.current = false)}
      >
        {notice && (
          <>
            <span class="toast__text">{notice.message}</span>
            {notice.undo && (
              <button type="button" class="btn btn--on-toast" onClick={() => void undo()}>
                {t('undo')}
              </button>
            )}
            <button type="button" class="toast__close" aria-label={t('dismiss')} onClick={() => setNotice(null)}>
              ×
            </button>
          </>
        )}
      </div>
    </AnnounceContext.Provider>
  );
}

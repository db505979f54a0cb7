// "This browser": the keyboard shortcuts (what each command does, its key, and the way to the
// browser's own shortcut settings), and sync (the switch, what travels and what stays, the rule for
// conflicts, and the last problem in a sentence). Reaches the extension API through the page's
// global (like ui/i18n.ts), so the section renders in unit tests without one.
import { useEffect, useState } from 'preact/hooks';
import { SYNC_QUOTA } from '../../db';
import { Switch } from '../../ui/controls';
import { formatNumber, t } from '../../ui/i18n';
import { useAnnounce } from '../../ui/announcer';
import { useReadyMark } from '../../ui/ready';
import { storedProblemText } from '../../ui/problems';
import { setSyncChoice, useSyncState } from '../../ui/use-sync-state';

interface CommandInfo { name?: string; description?: string; shortcut?: string }

interface ExtensionApi {
  commands?: { getAll?(): Promise<CommandInfo[]>; openShortcutSettings?(): Promise<void> };
  tabs?: { create(props: { url: string }): Promise<unknown> };
  runtime?: { getURL(path: string): string };
}

function api(): ExtensionApi | undefined {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return g.browser?.runtime ? g.browser : g.chrome;
}

/** Firefox pages live under moz-extension://; its shortcut settings are in about:addons. */
const isFirefox = () => api()?.runtime?.getURL('').startsWith('moz-extension:') === true;

const COMMAND_NAMES = ['toggle-site', 'reveal-all'] as const;
const COMMAND_LABELS: Record<(typeof COMMAND_NAMES)[number], string> = { 'toggle-site': 'commandToggleSite', 'reveal-all': 'commandRevealAll' };

// The list's layout, here rather than in options.css: a command on the left, its key on the right.
const ROWS = { margin: '0 0 12px', display: 'grid', gap: '8px' } as const;
const ROW = { display: 'flex', justifyContent: 'space-between', gap: '16px', paddingBottom: '8px', borderBottom: '1px solid var(--border)' } as const;
const KEY = { margin: 0, fontWeight: 600, whiteSpace: 'nowrap' } as const;

export function SyncSection() {
  return (
    <div class="stack">
      <ShortcutsCard />
      <SyncCard />
    </div>
  );
}

function ShortcutsCard() {
  const [keys, setKeys] = useState<Record<string, string>>({});
  useEffect(() => {
    void api()?.commands?.getAll?.().then((all) => {
      setKeys(Object.fromEntries(all.filter((c) => c.name).map((c) => [c.name ?? '', c.shortcut ?? ''])));
    }, () => undefined);
  }, []);
  const firefox = isFirefox();
  const openSettings = async () => {
    const a = api();
    if (a?.commands?.openShortcutSettings) await a.commands.openShortcutSettings();
    else await a?.tabs?.create({ url: 'chrome://extensions/shortcuts' });
  };
  return (
    <section class="card" aria-labelledby="s-keys">
      <h2 id="s-keys" class="card__title">{t('shortcutsTitle')}</h2>
      <p class="card__lead">{t('shortcutsLead')}</p>
      <dl class="shortcuts" data-testid="shortcuts" style={ROWS}>
        {COMMAND_NAMES.map((name) => (
          <div class="shortcuts__row" key={name} style={ROW}>
            <dt>{t(COMMAND_LABELS[name])}</dt>
            <dd style={KEY}>{keys[name] ? <kbd>{keys[name]}</kbd> : <span class="shortcuts__unset">{t('shortcutUnset')}</span>}</dd>
          </div>
        ))}
      </dl>
      <p class="card__lead">{t(firefox ? 'shortcutsHowFirefox' : 'shortcutsHowChrome')}</p>
      <button type="button" class="btn" onClick={() => void openSettings().catch(() => undefined)}>{t('shortcutsOpen')}</button>
    </section>
  );
}

function SyncCard() {
  const state = useSyncState();
  const announce = useAnnounce();
  useReadyMark(state !== undefined);
  const toggle = async (enabled: boolean) => {
    if (!(await setSyncChoice(enabled))) return;
    announce(t(enabled ? 'syncTurnedOn' : 'syncTurnedOff'));
  };
  const usedKb = (state?.usage?.bytes ?? 0) / 1024;
  return (
    <section class="card" aria-labelledby="s-sync">
      <h2 id="s-sync" class="card__title">{t('syncTitle')}</h2>
      <p class="card__lead">{t('syncLead')}</p>
      <p class="card__lead" data-testid="sync-opt-in">{t('syncOptIn')}</p>
      {state && (
        <>
          <Switch name="sync" checked={state.enabled} label={t('syncSwitch')} description={t('syncSwitchDesc')} onChange={(v) => void toggle(v)} />
          {state.enabled && state.problem && (
            <div class="form-alert" role="alert" data-testid="sync-problem">{storedProblemText(state.problem.detail, state.problem.message)}</div>
          )}
          {state.enabled && !state.problem && state.lastSyncAt !== undefined && (
            <p class="card__lead" data-testid="sync-status">
              {t('syncStatus', [new Date(state.lastSyncAt).toLocaleString(), formatNumber(Math.round(usedKb * 10) / 10), formatNumber(SYNC_QUOTA.QUOTA_BYTES / 1024)])}
            </p>
          )}
          <p class="card__lead">{t('syncConflicts')}</p>
        </>
      )}
    </section>
  );
}

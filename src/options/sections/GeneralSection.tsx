// The policy and the two switches (as in the popup), plus what only the options page offers: how
// brand-like an account must look, and how long the log keeps things.
import { useEffect, useId, useState } from 'preact/hooks';
import { getSettings, unreadableSettings, updateSettings, type SettingsPatch } from '../../db';
import type { Settings } from '../../core/settings';
import { useAnnounce } from '../../ui/announcer';
import { t, tn } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { PolicyControls } from '../../ui/PolicyControls';
import { useReadyMark } from '../../ui/ready';
import { useLiveQuery } from '../../ui/use-live-query';
import { write } from '../../ui/write';
import { errorText } from '../../ui/problems';

export function GeneralSection() {
  const env = useEnv();
  const settings = useLiveQuery(() => getSettings(env.db), []);
  const reset = useLiveQuery(() => unreadableSettings(env.db), []);
  useReadyMark(settings !== undefined);
  if (!settings) return <div class="skeleton" style={{ height: '280px' }} />;
  return (
    <div class="stack">
      {reset && reset.length > 0 && (
        <div class="form-alert" role="status" data-testid="unreadable-settings">
          <strong>{tn('unreadableSettings', reset.length)}</strong>
          <code class="form-alert__detail">{reset.join(', ')}</code>
          <span>{t('unreadableSettingsNote')}</span>
        </div>
      )}
      <section class="card" aria-labelledby="g-policy">
        <h2 id="g-policy" class="card__title">{t('policyCardTitle')}</h2>
        <p class="card__lead">{t('policyCardLead')}</p>
        <PolicyControls settings={settings} />
      </section>
      <section class="card" aria-labelledby="g-brand">
        <h2 id="g-brand" class="card__title">{t('thresholdTitle')}</h2>
        <p class="card__lead">{t('thresholdLead')}</p>
        <Threshold settings={settings} />
      </section>
      <section class="card" aria-labelledby="g-log">
        <h2 id="g-log" class="card__title">{t('retentionTitle')}</h2>
        <p class="card__lead">{t('retentionLead')}</p>
        <Retention settings={settings} />
      </section>
    </div>
  );
}

function useSave() {
  const env = useEnv();
  const announce = useAnnounce();
  return async (patch: SettingsPatch, message: string, undoPatch: SettingsPatch): Promise<string | null> => {
    try {
      await write(env, (db) => updateSettings(db, patch));
      announce(message, () => write(env, (db) => updateSettings(db, undoPatch)));
      return null;
    } catch (e) {
      return errorText(e);
    }
  };
}

function Threshold({ settings }: { settings: Settings }) {
  const id = useId();
  const save = useSave();
  const [value, setValue] = useState(settings.brandThreshold);
  useEffect(() => setValue(settings.brandThreshold), [settings.brandThreshold]);
  const commit = (v: number) => {
    if (v === settings.brandThreshold) return;
    void save({ brandThreshold: v }, t('thresholdChanged', String(v)), { brandThreshold: settings.brandThreshold });
  };
  return (
    <div class="threshold">
      <label htmlFor={id} class="field__label">{t('thresholdLabel')}</label>
      <div class="threshold__row">
        <span class="threshold__end">{t('thresholdLoose')}</span>
        <input
          id={id}
          type="range"
          min={1}
          max={Math.max(10, settings.brandThreshold)}
          step={1}
          value={value}
          aria-valuetext={t('thresholdValue', String(value))}
          onInput={(e) => setValue(Number((e.currentTarget as HTMLInputElement).value))}
          onChange={(e) => commit(Number((e.currentTarget as HTMLInputElement).value))}
        />
        <span class="threshold__end">{t('thresholdStrict')}</span>
        <output class="threshold__value" htmlFor={id}>{value}</output>
      </div>
      <p class="field__hint">{t('thresholdHint')}</p>
    </div>
  );
}

function Retention({ settings }: { settings: Settings }) {
  const save = useSave();
  const idCount = useId();
  const idAge = useId();
  const [count, setCount] = useState(String(settings.log.maxEntries));
  const [age, setAge] = useState(String(settings.log.maxAgeDays));
  const [error, setError] = useState<{ field: 'maxEntries' | 'maxAgeDays'; message: string } | null>(null);
  useEffect(() => setCount(String(settings.log.maxEntries)), [settings.log.maxEntries]);
  useEffect(() => setAge(String(settings.log.maxAgeDays)), [settings.log.maxAgeDays]);

  const commit = async (field: 'maxEntries' | 'maxAgeDays', raw: string) => {
    const v = Number(raw);
    if (v === settings.log[field]) return setError(null);
    const problem = await save({ log: { [field]: v } }, t('retentionSaved'), { log: { [field]: settings.log[field] } });
    setError(problem ? { field, message: problem } : null);
  };

  return (
    <div class="form-grid">
      <div class="field">
        <label htmlFor={idCount} class="field__label">{t('retentionCount')}</label>
        <input
          id={idCount}
          class="input input--num"
          type="number"
          min={100}
          max={100000}
          step={100}
          value={count}
          aria-invalid={error?.field === 'maxEntries'}
          aria-describedby={error?.field === 'maxEntries' ? `${idCount}-e` : undefined}
          onInput={(e) => setCount((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => void commit('maxEntries', (e.currentTarget as HTMLInputElement).value)}
        />
        {error?.field === 'maxEntries' && <p id={`${idCount}-e`} class="field-error">{error.message}</p>}
      </div>
      <div class="field">
        <label htmlFor={idAge} class="field__label">{t('retentionAge')}</label>
        <input
          id={idAge}
          class="input input--num"
          type="number"
          min={1}
          max={3650}
          value={age}
          aria-invalid={error?.field === 'maxAgeDays'}
          aria-describedby={error?.field === 'maxAgeDays' ? `${idAge}-e` : undefined}
          onInput={(e) => setAge((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => void commit('maxAgeDays', (e.currentTarget as HTMLInputElement).value)}
        />
        {error?.field === 'maxAgeDays' && <p id={`${idAge}-e`} class="field-error">{error.message}</p>}
      </div>
    </div>
  );
}

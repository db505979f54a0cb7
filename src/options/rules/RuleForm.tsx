// Create or edit a rule: name, sites, the condition tree, the outcome. Validated with the Rule schema
// on every edit; errors show under the field they name (after it was touched, or on Save), and a
// live preview counts how many recent logged items the rule would have matched.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ACTIONS, VERDICT_CLASSES } from '../../core/model';
import { t, tn } from '../../ui/i18n';
import { ConditionNode, type EditorContext, type TreeOps } from './ConditionEditor';
import { moveChild, removeNode, retype, updateNode, type RuleDraft } from './draft';
import { RulePreview } from './RulePreview';
import { checkDraft } from './validate';
import type { Rule } from '../../core/rules';
import { PAGE_SITES } from '../../ui/sites';

export function RuleForm({ initial, isNew, onSave, onCancel }: {
  initial: RuleDraft;
  isNew: boolean;
  /** Resolves with an error sentence when the store refused the rule. */
  onSave: (rule: Rule) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const check = useMemo(() => checkDraft(draft), [draft]);
  // Keyboard and screen-reader users land in the form they just opened.
  useEffect(() => document.getElementById('rule-name')?.focus(), []);
  const touch = (id: string) => setTouched((s) => (s.has(id) ? s : new Set(s).add(id)));
  const visible = (key: string, touchId: string) => (showAll || touched.has(touchId) ? check.errors.get(key) : undefined);

  const ops: TreeOps = {
    update: (key, fn) => setDraft((d) => ({ ...d, when: updateNode(d.when, key, fn) })),
    remove: (key) => setDraft((d) => ({ ...d, when: removeNode(d.when, key) })),
    move: (key, delta) => setDraft((d) => ({ ...d, when: moveChild(d.when, key, delta) })),
    retype: (key, type) => setDraft((d) => ({ ...d, when: updateNode(d.when, key, (n) => retype(n, type)) })),
    touch,
  };
  const ctx: EditorContext = { ops, errors: check.errors, showAll, touched };

  const submit = async (e: Event) => {
    e.preventDefault();
    setShowAll(true);
    if (!check.rule) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSaving(true);
    const problem = await onSave(check.rule);
    setSaving(false);
    setSaveError(problem ?? '');
  };

  const nameError = visible('name', 'name');
  const sitesError = visible('sites', 'sites');
  const whenError = showAll ? check.errors.get('when') : undefined;
  const errorCount = check.errors.size;

  return (
    <form class="rule-form card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="rule-form-title">
      <h2 id="rule-form-title" class="card__title">{isNew ? t('ruleNew') : t('ruleEdit')}</h2>

      {showAll && (errorCount > 0 || saveError) && (
        <div ref={summary} tabIndex={-1} class="form-alert" role="alert">
          {saveError || tn('ruleFixErrors', errorCount)}
        </div>
      )}

      <div class="field">
        <label class="field__label" htmlFor="rule-name">{t('ruleName')}</label>
        <input id="rule-name" class="input input--wide" type="text" value={draft.name} maxLength={200}
          placeholder={t('ruleNamePlaceholder')}
          aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? 'rule-name-err' : undefined}
          onInput={(e) => {
            touch('name');
            setDraft((d) => ({ ...d, name: (e.currentTarget as HTMLInputElement).value }));
          }} />
        {nameError && <p id="rule-name-err" class="field-error">{nameError}</p>}
      </div>

      <fieldset class="field">
        <legend class="field__label">{t('ruleSites')}</legend>
        <div class="checks">
          {PAGE_SITES.map(({ id: s, name }) => (
            <label key={s} class="check">
              <input type="checkbox" checked={draft.sites.includes(s)} onChange={(e) => {
                touch('sites');
                const on = (e.currentTarget as HTMLInputElement).checked;
                setDraft((d) => ({ ...d, sites: on ? [...d.sites, s] : d.sites.filter((x) => x !== s) }));
              }} />
              {name}
            </label>
          ))}
        </div>
        <p class="field__hint">{draft.sites.length === 0 ? t('ruleSitesAll') : t('ruleSitesSome')}</p>
        {sitesError && <p class="field-error">{sitesError}</p>}
      </fieldset>

      <fieldset class="field">
        <legend class="field__label">{t('ruleWhen')}</legend>
        <ConditionNode node={draft.when} path="when" depth={1} ctx={ctx} label={t('condRoot')} />
        {whenError && <p class="field-error" role="alert">{whenError}</p>}
      </fieldset>

      <fieldset class="field">
        <legend class="field__label">{t('ruleThen')}</legend>
        <div class="outcome">
          <span class="inline-field">
            <label htmlFor="rule-class">{t('ruleClass')}</label>
            <select id="rule-class" class="select" value={draft.outcomeClass}
              onChange={(e) => {
                const cls = (e.currentTarget as HTMLSelectElement).value as RuleDraft['outcomeClass'];
                // Interactions are shown; interruptions default to collapsing. Either can be changed after.
                setDraft((d) => ({ ...d, outcomeClass: cls, action: cls === 'interaction' ? 'show' : d.action === 'show' ? 'collapse' : d.action }));
              }}>
              {VERDICT_CLASSES.map((c) => <option key={c} value={c}>{t(`class_${c}`)}</option>)}
            </select>
          </span>
          <span class="inline-field">
            <label htmlFor="rule-action">{t('ruleAction')}</label>
            <select id="rule-action" class="select" value={draft.action} aria-label={t('ruleActionLabel')}
              onChange={(e) => setDraft((d) => ({ ...d, action: (e.currentTarget as HTMLSelectElement).value as RuleDraft['action'] }))}>
              {ACTIONS.map((a) => <option key={a} value={a}>{t(`actionVerb_${a}`)}</option>)}
            </select>
          </span>
        </div>
        <p class="field__hint">{t(`actionHint_${draft.action}`)}</p>
        {visible('then.action', 'then') && <p class="field-error">{check.errors.get('then.action')}</p>}
      </fieldset>

      <label class="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft((d) => ({ ...d, enabled: (e.currentTarget as HTMLInputElement).checked }))} />
        {t('ruleEnabled')}
      </label>

      <RulePreview rule={check.rule} />

      <div class="form-actions">
        <button type="submit" class="btn btn--primary" disabled={saving}>{isNew ? t('ruleCreate') : t('ruleSave')}</button>
        <button type="button" class="btn" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

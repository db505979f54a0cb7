// The user's rules, in the order they run (first match wins): reorder with buttons, switch on and
// off, edit, delete (undoable), and create new ones through the rule form.
import { useRef, useState } from 'preact/hooks';
import { deleteRule, listRules, moveRule, saveRule, setRuleEnabled, unreadableRules } from '../../db';
import type { Rule } from '../../core/rules';
import { useAnnounce } from '../../ui/announcer';
import { Switch } from '../../ui/controls';
import { actionLabel } from '../../ui/format';
import { t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useReadyMark } from '../../ui/ready';
import { UnreadableRows } from '../../ui/UnreadableRows';
import { useLiveQuery } from '../../ui/use-live-query';
import { announcingFailure, write } from '../../ui/write';
import { describeCondition } from '../rules/describe';
import { newRuleDraft, ruleToDraft, type RuleDraft } from '../rules/draft';
import { RuleForm } from '../rules/RuleForm';
import { siteName } from '../../sites/registry';
import '../rules/rules.css';
import { errorText } from '../../ui/problems';

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `rule-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export function RulesSection() {
  const env = useEnv();
  const announce = useAnnounce();
  const rules = useLiveQuery(() => listRules(env.db), []);
  const unreadable = useLiveQuery(() => unreadableRules(env.db), []);
  const [editing, setEditing] = useState<{ draft: RuleDraft; isNew: boolean } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  useReadyMark(rules !== undefined);

  const focusRow = (id: string, control: string) =>
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-rule="${CSS.escape(id)}"] [data-control="${control}"]`)?.focus());

  const save = async (rule: Rule): Promise<string | null> => {
    try {
      await write(env, (db) => saveRule(db, rule));
      announce(t(editing?.isNew ? 'ruleCreated' : 'ruleSaved', rule.name));
      setEditing(null);
      focusRow(rule.id, 'edit');
      return null;
    } catch (e) {
      return errorText(e);
    }
  };

  const move = async (rule: Rule, index: number, to: number, control: 'up' | 'down') => {
    await write(env, (db) => moveRule(db, rule.id, to));
    announce(t('ruleMoved', [rule.name, String(to + 1)]), () => write(env, (db) => moveRule(db, rule.id, index)));
    // Focus follows the rule to its new row; at either end the pressed button is disabled, so its twin takes focus.
    const last = (rules?.length ?? 1) - 1;
    focusRow(rule.id, control === 'up' && to === 0 ? 'down' : control === 'down' && to === last ? 'up' : control);
  };

  const remove = async (rule: Rule, index: number) => {
    const next = rules?.[index + 1] ?? rules?.[index - 1];
    await write(env, (db) => deleteRule(db, rule.id));
    // Focus would fall to the page with the row gone: move it to the neighbouring rule, or to "New rule".
    if (next) focusRow(next.id, 'edit');
    else requestAnimationFrame(() => addRef.current?.focus());
    announce(t('ruleDeleted', rule.name), () =>
      write(env, async (db) => {
        await saveRule(db, rule);
        await moveRule(db, rule.id, index);
      }),
    );
  };

  const toggle = async (rule: Rule, enabled: boolean) => {
    await write(env, (db) => setRuleEnabled(db, rule.id, enabled));
    announce(t(enabled ? 'ruleEnabledNow' : 'ruleDisabledNow', rule.name), () => write(env, (db) => setRuleEnabled(db, rule.id, !enabled)));
  };

  if (editing) {
    return (
      <RuleForm
        key={editing.draft.id}
        initial={editing.draft}
        isNew={editing.isNew}
        onSave={save}
        onCancel={() => {
          const id = editing.draft.id;
          setEditing(null);
          if (!editing.isNew) focusRow(id, 'edit');
        }}
      />
    );
  }

  return (
    <div class="stack">
      <div class="toolbar">
        <p class="toolbar__text">{t('rulesOrderNote')}</p>
        <button type="button" ref={addRef} class="btn btn--primary" onClick={() => setEditing({ draft: newRuleDraft(newId()), isNew: true })}>
          {t('ruleAdd')}
        </button>
      </div>
      <UnreadableRows rows={unreadable} noun="rules" />
      {rules === undefined ? (
        <div class="skeleton" style={{ height: '120px' }} />
      ) : rules.length === 0 ? (
        <p class="empty">{t('rulesEmpty')}</p>
      ) : (
        <ol class="rules card card--flush" ref={listRef} aria-label={t('rulesListLabel')}>
          {rules.map((rule, i) => (
            <li key={rule.id} class={`rule${rule.enabled ? '' : ' rule--off'}`} data-rule={rule.id}>
              <div class="rule__order">
                <span class="rule__num" aria-hidden="true">{i + 1}</span>
                <button type="button" class="btn btn--icon btn--quiet" data-control="up" disabled={i === 0}
                  aria-label={t('ruleMoveUp', rule.name)} onClick={() => void announcingFailure(announce, () => move(rule, i, i - 1, 'up'))}>↑</button>
                <button type="button" class="btn btn--icon btn--quiet" data-control="down" disabled={i === rules.length - 1}
                  aria-label={t('ruleMoveDown', rule.name)} onClick={() => void announcingFailure(announce, () => move(rule, i, i + 1, 'down'))}>↓</button>
              </div>
              <div class="rule__body">
                <div class="rule__title">
                  <span class="rule__name">{rule.name}</span>
                  <span class={`tag tag--${rule.then.action}`}>{actionLabel(rule.then.action)}</span>
                  <span class="rule__sites">{rule.sites.length === 0 ? t('ruleAllSites') : rule.sites.map(siteName).join(', ')}</span>
                </div>
                <p class="rule__summary">{describeCondition(rule.when)}</p>
              </div>
              <div class="rule__actions">
                <Switch checked={rule.enabled} label={t('ruleEnabledLabel', rule.name)} hideLabel name={`rule-${rule.id}`}
                  onChange={(v) => void announcingFailure(announce, () => toggle(rule, v))} />
                <button type="button" class="btn btn--small" data-control="edit" aria-label={t('ruleEditLabel', rule.name)}
                  onClick={() => setEditing({ draft: ruleToDraft(rule), isNew: false })}>{t('edit')}</button>
                <button type="button" class="btn btn--small btn--danger" aria-label={t('ruleDeleteLabel', rule.name)}
                  onClick={() => void announcingFailure(announce, () => remove(rule, i))}>{t('delete')}</button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

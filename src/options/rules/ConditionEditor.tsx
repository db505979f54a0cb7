// Edits one node of a rule's condition tree: a group (all / any / not) with its members, or one
// predicate with its fields. Every control has a label; errors from the Rule schema appear under
// the field they name.
import { useId } from 'preact/hooks';
import { ITEM_KINDS, PAGE_CONTEXTS, VERIFIED_KINDS } from '../../core/model';
import { MAX_CONDITION_DEPTH, TEXT_MODES } from '../../core/rules';
import { contextLabel, kindLabel, verifiedLabel } from '../../ui/format';
import { t } from '../../ui/i18n';
import { GROUP_TYPES, PREDICATE_TYPES, blankNode, childPath, isGroup, type DraftNode, type NodeType } from './draft';
import type { FieldErrors } from './validate';

export interface TreeOps {
  update: (key: string, fn: (n: DraftNode) => DraftNode) => void;
  remove: (key: string) => void;
  move: (key: string, delta: -1 | 1) => void;
  retype: (key: string, type: NodeType) => void;
  /** Marks a field as edited, so its error shows before the first save attempt. */
  touch: (fieldId: string) => void;
}

export interface EditorContext {
  ops: TreeOps;
  errors: FieldErrors;
  showAll: boolean;
  touched: ReadonlySet<string>;
}

interface NodeProps {
  node: DraftNode;
  path: string;
  depth: number;
  ctx: EditorContext;
  /** 1-based position among siblings, for labels ("Condition 2"). */
  label: string;
  siblings?: { index: number; count: number };
}

function errorFor(ctx: EditorContext, node: DraftNode, path: string, field: string | null): string | undefined {
  const key = field ? `${path}.${field}` : path;
  const touched = ctx.touched.has(field ? `${node.key}.${field}` : node.key);
  return ctx.showAll || touched ? ctx.errors.get(key) : undefined;
}

export function ConditionNode(props: NodeProps) {
  const { node, path, depth, ctx, label, siblings } = props;
  const id = useId();
  const nodeError = errorFor(ctx, node, path, null);
  const typeId = `${id}-type`;

  const head = (
    <div class="cond__head">
      <label class="visually-hidden" htmlFor={typeId}>{t('condTypeLabel', label)}</label>
      <select
        id={typeId}
        class="select cond__type"
        value={node.type}
        onChange={(e) => ctx.ops.retype(node.key, (e.currentTarget as HTMLSelectElement).value as NodeType)}
      >
        <optgroup label={t('condGroups')}>
          {GROUP_TYPES.map((g) => (
            <option key={g} value={g} disabled={isGroup(g) && !isGroup(node.type) && depth >= MAX_CONDITION_DEPTH}>
              {t(`cond_${g}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('condPredicates')}>
          {PREDICATE_TYPES.map((p) => (
            <option key={p} value={p}>{t(`cond_${p}`)}</option>
          ))}
        </optgroup>
      </select>
      {siblings && (
        <div class="cond__tools">
          <button type="button" class="btn btn--icon btn--quiet" aria-label={t('condMoveUp', label)} disabled={siblings.index === 0}
            onClick={() => ctx.ops.move(node.key, -1)}>↑</button>
          <button type="button" class="btn btn--icon btn--quiet" aria-label={t('condMoveDown', label)} disabled={siblings.index === siblings.count - 1}
            onClick={() => ctx.ops.move(node.key, 1)}>↓</button>
          <button type="button" class="btn btn--icon btn--quiet" aria-label={t('condRemove', label)} disabled={siblings.count <= 1}
            onClick={() => ctx.ops.remove(node.key)}>×</button>
        </div>
      )}
    </div>
  );

  if (isGroup(node.type)) {
    const canNest = depth + 1 < MAX_CONDITION_DEPTH;
    return (
      <div class={`cond cond--group cond--${node.type}`} role="group" aria-label={`${label}: ${t(`cond_${node.type}`)}`}>
        {head}
        <ol class="cond__members">
          {node.children.map((child, i) => (
            <li key={child.key}>
              <ConditionNode
                node={child}
                path={childPath(path, node, i)}
                depth={depth + 1}
                ctx={ctx}
                label={`${label}.${i + 1}`}
                siblings={node.type === 'not' ? undefined : { index: i, count: node.children.length }}
              />
            </li>
          ))}
        </ol>
        {node.type !== 'not' && (
          <div class="cond__add">
            <button type="button" class="btn btn--small" onClick={() => ctx.ops.update(node.key, (n) => ({ ...n, children: [...n.children, blankNode('text')] }))}>
              {t('condAdd')}
            </button>
            <button type="button" class="btn btn--small" disabled={!canNest}
              onClick={() => ctx.ops.update(node.key, (n) => ({ ...n, children: [...n.children, { ...blankNode('any'), children: [blankNode('text')] }] }))}>
              {t('condAddGroup')}
            </button>
          </div>
        )}
        {nodeError && <p class="field-error" role="alert">{nodeError}</p>}
      </div>
    );
  }

  return (
    <div class="cond cond--predicate">
      {head}
      <PredicateFields {...props} />
      {nodeError && <p class="field-error">{nodeError}</p>}
    </div>
  );
}

function PredicateFields({ node, path, ctx, label }: NodeProps) {
  const id = useId();
  const set = (patch: Partial<DraftNode>, field: string) => {
    ctx.ops.touch(`${node.key}.${field}`);
    ctx.ops.update(node.key, (n) => ({ ...n, ...patch }));
  };
  const err = (field: string) => errorFor(ctx, node, path, field);
  const errProps = (field: string) => {
    const e = err(field);
    return { 'aria-invalid': e ? true : undefined, 'aria-describedby': e ? `${id}-${field}-err` : undefined };
  };
  const errLine = (field: string) => {
    const e = err(field);
    return e ? <p id={`${id}-${field}-err`} class="field-error">{e}</p> : null;
  };
  const checks = <T extends string>(field: string, all: readonly T[], picked: readonly T[], labelOf: (v: T) => string, key: 'verifiedKinds' | 'itemKinds' | 'contexts') => (
    <fieldset class="cond__fields" {...errProps(field)}>
      <legend class="visually-hidden">{t('condChoices', label)}</legend>
      <div class="checks">
        {all.map((v) => (
          <label key={v} class="check">
            <input
              type="checkbox"
              checked={picked.includes(v)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                set({ [key]: on ? [...picked, v] : picked.filter((x) => x !== v) } as Partial<DraftNode>, field);
              }}
            />
            {labelOf(v)}
          </label>
        ))}
      </div>
      {errLine(field)}
    </fieldset>
  );

  switch (node.type) {
    case 'followed':
    case 'followsYou':
      return (
        <div class="cond__fields">
          <label class="visually-hidden" htmlFor={`${id}-v`}>{t('condValueLabel', label)}</label>
          <select id={`${id}-v`} class="select" value={node.value} {...errProps('value')}
            onChange={(e) => set({ value: (e.currentTarget as HTMLSelectElement).value as DraftNode['value'] }, 'value')}>
            <option value="true">{t('triTrue')}</option>
            <option value="false">{t('triFalse')}</option>
            <option value="unknown">{t('triUnknown')}</option>
          </select>
          {errLine('value')}
        </div>
      );
    case 'verified':
      return checks('kinds', VERIFIED_KINDS, node.verifiedKinds, verifiedLabel, 'verifiedKinds');
    case 'kind':
      return checks('kinds', ITEM_KINDS, node.itemKinds, kindLabel, 'itemKinds');
    case 'context':
      return checks('contexts', PAGE_CONTEXTS, node.contexts, contextLabel, 'contexts');
    case 'handle':
    case 'linkDomain': {
      const field = node.type === 'handle' ? 'handles' : 'domains';
      return (
        <div class="cond__fields cond__fields--wide">
          <label class="visually-hidden" htmlFor={`${id}-l`}>{t(node.type === 'handle' ? 'condHandlesLabel' : 'condDomainsLabel', label)}</label>
          <textarea id={`${id}-l`} class="textarea" rows={2} spellcheck={false} value={node.list} {...errProps(field)}
            placeholder={t(node.type === 'handle' ? 'condHandlesPlaceholder' : 'condDomainsPlaceholder')}
            onInput={(e) => set({ list: (e.currentTarget as HTMLTextAreaElement).value }, field)} />
          {errLine(field)}
        </div>
      );
    }
    case 'text':
      return (
        <div class="cond__fields cond__fields--wide cond__text">
          <label class="visually-hidden" htmlFor={`${id}-m`}>{t('condModeLabel', label)}</label>
          <select id={`${id}-m`} class="select" value={node.mode}
            onChange={(e) => set({ mode: (e.currentTarget as HTMLSelectElement).value as DraftNode['mode'] }, 'pattern')}>
            {TEXT_MODES.map((m) => <option key={m} value={m}>{t(`textMode_${m}`)}</option>)}
          </select>
          <label class="visually-hidden" htmlFor={`${id}-p`}>{t('condPatternLabel', label)}</label>
          <input id={`${id}-p`} class={`input cond__pattern${node.mode === 'regex' ? ' is-mono' : ''}`} type="text" spellcheck={false}
            value={node.pattern} placeholder={t(`textPlaceholder_${node.mode}`)} {...errProps('pattern')}
            onInput={(e) => set({ pattern: (e.currentTarget as HTMLInputElement).value }, 'pattern')} />
          <label class="check">
            <input type="checkbox" checked={node.caseSensitive}
              onChange={(e) => set({ caseSensitive: (e.currentTarget as HTMLInputElement).checked }, 'caseSensitive')} />
            {t('condCaseSensitive')}
          </label>
          {errLine('pattern')}
        </div>
      );
    case 'accountAge':
      return (
        <div class="cond__fields">
          <label class="inline-field" htmlFor={`${id}-d`}>
            <input id={`${id}-d`} class="input input--num" type="number" min={1} step={1} value={node.days} {...errProps('lessThanDays')}
              onInput={(e) => set({ days: (e.currentTarget as HTMLInputElement).value }, 'lessThanDays')} />
            <span>{t('condDays')}</span>
          </label>
          {errLine('lessThanDays')}
        </div>
      );
    case 'brand':
      return (
        <div class="cond__fields">
          <label class="inline-field" htmlFor={`${id}-b`}>
            <span>{t('condBrandAtLeast')}</span>
            <input id={`${id}-b`} class="input input--num" type="number" min={0} max={100} step={1} value={node.atLeast}
              placeholder={t('condBrandDefault')} {...errProps('atLeast')}
              onInput={(e) => set({ atLeast: (e.currentTarget as HTMLInputElement).value }, 'atLeast')} />
          </label>
          {errLine('atLeast')}
        </div>
      );
    case 'promoted':
    case 'bot':
    case 'inOwnThread':
    case 'allowlisted':
      return <p class="cond__note">{t(`condNote_${node.type}`)}</p>;
    default:
      return null;
  }
}

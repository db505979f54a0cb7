// A rule's condition in one line a person can read, for the rules list:
// "reply or mention · text contains “code” · not (I follow the author)". Kinds and contexts inside
// the sentence use their own in-sentence messages (itemNoun_*, contextNoun_*), never a case change
// of the labels: German keeps "Antwort oder Erwähnung", English reads "reply or mention".
import type { ItemKind, PageContext } from '../../core/model';
import type { Condition } from '../../core/rules';
import { verifiedLabel } from '../../ui/format';
import { t } from '../../ui/i18n';

const kindNoun = (k: ItemKind): string => t(`itemNoun_${k}`);
const contextNoun = (c: PageContext): string => t(`contextNoun_${c}`);

const MAX_LIST = 3;

function list(items: readonly string[], joiner: string): string {
  const shown = items.slice(0, MAX_LIST);
  const more = items.length - shown.length;
  return shown.join(joiner) + (more > 0 ? ` ${t('describeMore', String(more))}` : '');
}

export function describeCondition(c: Condition, nested = false): string {
  switch (c.type) {
    case 'all':
    case 'any': {
      if (c.of.length === 0) return t(c.type === 'all' ? 'describeAlways' : 'describeNever');
      const parts = c.of.map((x) => describeCondition(x, true));
      const joined = parts.join(c.type === 'all' ? ' · ' : ` ${t('describeOr')} `);
      return nested && c.of.length > 1 ? `(${joined})` : joined;
    }
    case 'not':
      return `${t('describeNot')} ${describeCondition(c.of, true)}`;
    case 'followed':
      return t(`describeFollowed_${String(c.value)}`);
    case 'followsYou':
      return t(`describeFollowsYou_${String(c.value)}`);
    case 'verified':
      return t('describeVerified', list(c.kinds.map(verifiedLabel), ` ${t('describeOr')} `));
    case 'handle':
      return t('describeHandle', list(c.handles.map((h) => `@${h.replace(/^@/, '')}`), ', '));
    case 'kind':
      return list(c.kinds.map(kindNoun), ` ${t('describeOr')} `);
    case 'context':
      return t('describeContext', list(c.contexts.map(contextNoun), ` ${t('describeOr')} `));
    case 'text':
      return t(`describeText_${c.mode}`, c.pattern);
    case 'linkDomain':
      return t('describeLink', list(c.domains, ', '));
    case 'accountAge':
      return t('describeAge', String(c.lessThanDays));
    case 'brand':
      return c.atLeast === undefined ? t('describeBrand') : t('describeBrandAt', String(c.atLeast));
    case 'promoted':
    case 'bot':
    case 'inOwnThread':
    case 'allowlisted':
      return t(`describe_${c.type}`);
  }
}

/** Every predicate type a condition uses. */
export function predicateTypes(c: Condition, out = new Set<string>()): Set<string> {
  if (c.type === 'all' || c.type === 'any') for (const x of c.of) predicateTypes(x, out);
  else if (c.type === 'not') predicateTypes(c.of, out);
  else out.add(c.type);
  return out;
}

// Validates a rule draft with the Rule schema itself and turns the issues into messages keyed by
// the field they belong to (`name`, `when.of.1.pattern`, …), so the form can show each one inline.
import type { z } from 'zod';
import { Rule } from '../../core/rules';
import { issueProblem } from '../../db';
import { t } from '../../ui/i18n';
import { problemText } from '../../ui/problems';
import { draftToInput, type RuleDraft } from './draft';

type Issue = z.core.$ZodIssue;

export type FieldErrors = Map<string, string>;

export interface DraftCheck {
  rule: Rule | null;
  errors: FieldErrors;
}

/** A union branch that failed on its `type` tag is not the branch the input meant. */
function wrongTag(branch: readonly Issue[]): boolean {
  return branch.some((i) => i.path.length === 1 && i.path[0] === 'type' && (i.code === 'invalid_value' || i.code === 'invalid_union'));
}

function collect(issue: Issue, base: readonly PropertyKey[], out: { path: PropertyKey[]; issue: Issue }[]): void {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const meant = issue.errors.filter((b) => b.length > 0 && !wrongTag(b));
    if (meant.length > 0) {
      for (const i of meant[0] ?? []) collect(i, path, out);
      return;
    }
  }
  out.push({ path, issue });
}

/** The issue's problem in the UI language, or a plainer sentence where one fits a form better. */
export function friendly(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return t('errNumber');
      if (issue.expected === 'object') return t('errMissing');
      return problemText(issueProblem(issue));
    case 'too_small':
      if (issue.origin === 'array') return t('errPickOne');
      if (issue.origin === 'string') return t('errRequired');
      if (issue.origin === 'number') return t('errTooSmall', String(issue.minimum));
      return problemText(issueProblem(issue));
    case 'too_big':
      if (issue.origin === 'number') return t('errTooBig', String(issue.maximum));
      if (issue.origin === 'array') return t('errTooMany', String(issue.maximum));
      if (issue.origin === 'string') return t('errTooLong', String(issue.maximum));
      return problemText(issueProblem(issue));
    default:
      return problemText(issueProblem(issue));
  }
}

export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export function checkDraft(draft: RuleDraft): DraftCheck {
  const parsed = Rule.safeParse(draftToInput(draft));
  if (parsed.success) return { rule: parsed.data, errors: new Map() };
  const flat: { path: PropertyKey[]; issue: Issue }[] = [];
  for (const issue of parsed.error.issues) collect(issue, [], flat);
  const errors: FieldErrors = new Map();
  for (const { path, issue } of flat) {
    // A list's single entries (handles[3]) are reported on the list field.
    const key = pathKey(typeof path[path.length - 1] === 'number' && path[path.length - 2] !== 'of' ? path.slice(0, -1) : path);
    if (!errors.has(key)) errors.set(key, friendly(issue));
  }
  return { rule: null, errors };
}

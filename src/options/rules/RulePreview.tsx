// "Matches N of the last 500 logged items", recomputed a moment after each edit, with a few of the
// matches to show what the rule catches. See preview.ts for what a log entry can and cannot tell.
import { useEffect, useState } from 'preact/hooks';
import { getSettings, listAllowlist, listFollows, listOverrides } from '../../db';
import type { Rule } from '../../core/rules';
import { AccountName } from '../../ui/AccountName';
import { formatNumber, t } from '../../ui/i18n';
import { useEnv } from '../../ui/platform';
import { useLiveQuery } from '../../ui/use-live-query';
import { predicateTypes } from './describe';
import { PREVIEW_SIZE, previewRule, usesUnknowable, type PreviewResult } from './preview';

const DEBOUNCE_MS = 200;

export function RulePreview({ rule }: { rule: Rule | null }) {
  const env = useEnv();
  const data = useLiveQuery(async () => {
    const { db } = env;
    return db.transaction('r', [db.log, db.settings, db.allowlist, db.follows, db.accounts], async () => ({
      entries: await db.log.orderBy('at').reverse().limit(PREVIEW_SIZE).toArray(),
      base: {
        settings: await getSettings(db),
        allowlist: await listAllowlist(db),
        follows: await listFollows(db),
        overrides: await listOverrides(db),
      },
    }));
  }, []);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const ruleJson = rule ? JSON.stringify(rule) : '';

  useEffect(() => {
    if (!rule || !data) {
      setResult(null);
      return undefined;
    }
    const timer = setTimeout(() => setResult(previewRule(rule, data.entries, data.base)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // ruleJson stands for the rule's content (a fresh object on every render)
  }, [ruleJson, data]);

  const unknowable = rule ? usesUnknowable(predicateTypes(rule.when)) : false;

  return (
    <section class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title" class="preview__title">{t('previewTitle')}</h3>
      <p class="preview__figure" aria-live="polite" data-testid="rule-preview">
        {!rule
          ? t('previewInvalid')
          : !data || !result
            ? t('previewCounting')
            : data.entries.length === 0
              ? t('previewNoLog')
              : t('previewMatches', [formatNumber(result.matched), formatNumber(result.total)])}
      </p>
      {result && result.samples.length > 0 && (
        <ul class="preview__samples" aria-label={t('previewSamples')}>
          {result.samples.map((e) => (
            <li key={`${e.site}:${e.itemId}`}>
              <AccountName displayName={e.displayName} handle={e.handle} site={e.site} />
              <span class="preview__snippet">{e.snippet}</span>
            </li>
          ))}
        </ul>
      )}
      <p class="preview__note">{unknowable ? t('previewUnknowable') : t('previewNote')}</p>
    </section>
  );
}

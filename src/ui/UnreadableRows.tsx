// A note for stored rows the current schema rejects: how many are ignored, that they stay stored,
// and, on request, each one's key and what is wrong with it (src/db/unreadable.ts).
import type { UnreadableRow } from '../db';
import { problemText } from './problems';
import { t, tn } from './i18n';

export function UnreadableRows({ rows, noun }: { rows: readonly UnreadableRow[] | undefined; noun: 'rules' | 'allowlist' | 'accounts' }) {
  if (!rows || rows.length === 0) return null;
  const summary = noun === 'rules'
    ? tn('unreadableRules', rows.length)
    : noun === 'allowlist'
      ? tn('unreadableAllowed', rows.length)
      : tn('unreadableOverrides', rows.length);
  return (
    <div class="form-alert unreadable" role="status" data-testid={`unreadable-${noun}`}>
      <strong>{summary}</strong>
      <span>{t('unreadableKept')}</span>
      <details>
        <summary>{t('unreadableShow')}</summary>
        <ul class="unreadable__list">
          {rows.map((r) => (
            <li key={r.key}><span class="form-alert__detail"><code>{r.key}</code>: {problemText(r.problem)}</span></li>
          ))}
        </ul>
      </details>
    </div>
  );
}

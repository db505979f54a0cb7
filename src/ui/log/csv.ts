// The log as CSV (RFC 4180) for spreadsheets: every field quoted when it must be, quotes doubled,
// CRLF line ends, a BOM so spreadsheet apps read UTF-8, and cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR at the start) defused with a leading apostrophe. The reason column is
// the sentence in the UI language (ui/reasons.ts); its code and data are beside it (reasonCode, JSON).
import type { LogEntryInput } from '../../shared/messages';
import { reasonSentence } from '../reasons';

export const CSV_COLUMNS = [
  'time', 'site', 'handle', 'displayName', 'authorId', 'kind', 'context', 'action', 'reasonCode', 'reason', 'ruleId',
  'snippet', 'permalink', 'itemId',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',');
}

export function logToCsv(entries: readonly LogEntryInput[]): string {
  const lines = [csvRow(CSV_COLUMNS)];
  for (const e of entries) {
    lines.push(csvRow([
      new Date(e.at).toISOString(), e.site, e.handle, e.displayName, e.authorId, e.kind, e.context, e.action,
      e.reasonCode, reasonSentence(e), e.ruleId, e.snippet, e.permalink, e.itemId,
    ]));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const LOG_EXPORT_FORMAT = 'doorman-log';

export function logToJson(entries: readonly LogEntryInput[], now = Date.now()): string {
  // Storage ids are an implementation detail; (site, itemId) identifies an entry.
  const clean = entries.map(({ id: _id, ...e }: LogEntryInput & { id?: number }) => e);
  return JSON.stringify({ format: LOG_EXPORT_FORMAT, version: 1, exportedAt: now, entries: clean }, null, 2);
}

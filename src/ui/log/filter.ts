// Filtering the log in memory: free-text search (every word must appear in the author, text or
// reason as the UI language words it), site, reason and a date range in local days. Pure; the log
// view and its tests share it.
import type { ReasonCode, SiteKey } from '../../core/model';
import type { LogEntryInput } from '../../shared/messages';
import { reasonSentence } from '../reasons';

export interface LogFilter {
  text: string;
  site: SiteKey | '';
  reason: ReasonCode | '';
  /** `yyyy-mm-dd` (an <input type="date"> value), inclusive, local time; '' for no bound. */
  from: string;
  to: string;
}

export const emptyFilter = (): LogFilter => ({ text: '', site: '', reason: '', from: '', to: '' });

export const isFiltering = (f: LogFilter): boolean =>
  f.text.trim() !== '' || f.site !== '' || f.reason !== '' || f.from !== '' || f.to !== '';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a `yyyy-mm-dd` day, or null when it is not a date. */
export function dayStart(day: string): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d.getTime() : null; // rejects 2024-02-31
}

/** Local midnight at the start of the following day: the exclusive end of a `yyyy-mm-dd` day. */
export function dayEnd(day: string): number | null {
  const start = dayStart(day);
  if (start === null) return null;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  return d.getTime();
}

// Lower-cased search text per entry, built once per entry object (the log query returns fresh
// objects only when the log changes).
const haystacks = new WeakMap<object, string>();

function haystack(e: LogEntryInput): string {
  let h = haystacks.get(e);
  if (h === undefined) {
    h = `@${e.handle}\n${e.displayName}\n${e.snippet}\n${reasonSentence(e)}\n${e.authorId}`.toLowerCase();
    haystacks.set(e, h);
  }
  return h;
}

export function compileFilter(f: LogFilter): (e: LogEntryInput) => boolean {
  const words = f.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const from = f.from ? dayStart(f.from) : null;
  const to = f.to ? dayEnd(f.to) : null;
  const { site, reason } = f;
  return (e) => {
    if (site && e.site !== site) return false;
    if (reason && e.reasonCode !== reason) return false;
    if (from !== null && e.at < from) return false;
    if (to !== null && e.at >= to) return false;
    if (words.length > 0) {
      const h = haystack(e);
      for (const w of words) if (!h.includes(w)) return false;
    }
    return true;
  };
}

export function filterLog<T extends LogEntryInput>(entries: readonly T[], f: LogFilter): T[] {
  if (!isFiltering(f)) return entries as T[];
  return entries.filter(compileFilter(f));
}

// How values read in the interface: relative times, and labels for reasons, actions, kinds and contexts
// (message keys cannot contain "-", so codes map to `<group>_<code with underscores>`).
import type { Action, ItemKind, PageContext, ReasonCode, VerifiedKind } from '../core/model';
import { t, uiLanguage } from './i18n';

const key = (group: string, code: string): string => `${group}_${code.replace(/-/g, '_')}`;

export const reasonLabel = (code: ReasonCode): string => t(key('reason', code));
export const actionLabel = (a: Action): string => t(key('action', a));
export const kindLabel = (k: ItemKind): string => t(key('kind', k));
export const contextLabel = (c: PageContext): string => t(key('context', c));
export const verifiedLabel = (v: VerifiedKind): string => t(key('verified', v));

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const formats = new Map<string, Intl.RelativeTimeFormat>();

/** "3 minutes ago" (long) or "3m ago" (narrow, for tight rows); "yesterday", "just now". */
export function relativeTime(at: number, now = Date.now(), style: Intl.RelativeTimeFormatStyle = 'long'): string {
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return t('timeJustNow');
  let rtf = formats.get(style);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto', style });
    formats.set(style, rtf);
  }
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === 'minute') return rtf.format(Math.round(diff / ms), unit);
  }
  return t('timeJustNow');
}

let dtf: Intl.DateTimeFormat | undefined;

/** A full date and time, for titles and exports read by people. */
export function absoluteTime(at: number): string {
  dtf ??= new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });
  return dtf.format(at);
}

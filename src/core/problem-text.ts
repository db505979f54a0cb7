// The one renderer of problems (core/problem.ts) in the reader's language. It words nothing itself:
// every word comes from the extension's messages (`problem_<code>`, `problemTerm_<term>`) through
// the lookup it is given (the pages' i18n, src/ui/problems.ts); numbers and lists are formatted the
// language's way. A message the catalogue lacks shows as its code and arguments: visible, never blank.
import type { Problem, ProblemArg } from './problem';
import type { MessageLookup } from './reason-text';

export interface ProblemLocale {
  message: MessageLookup;
  list: (parts: readonly string[]) => string;
  number: (n: number) => string;
}

/** `rules[3].when.of[0].pattern`: array indexes in brackets, names joined by dots. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Nested problems deeper than this are cut (a hand-built or stored value could nest without end). */
const MAX_DEPTH = 8;

export function problemText(p: Problem, locale: ProblemLocale, depth = 0): string {
  const arg = (a: ProblemArg): string => {
    if (typeof a === 'string') return a;
    if (typeof a === 'number') return locale.number(a);
    if ('list' in a) return locale.list(a.list.map(arg));
    if ('term' in a) return locale.message(`problemTerm_${a.term}`) || a.term;
    if ('path' in a) return formatPath(a.path);
    return depth >= MAX_DEPTH ? '…' : problemText(a.problem, locale, depth + 1);
  };
  const subs = (p.args ?? []).map(arg);
  return locale.message(`problem_${p.code}`, subs.length > 0 ? subs : undefined) || [p.code, ...subs].join(' ');
}

/** Intl.NumberFormat for `lang` (one decimal at most), plain digits for an unknown tag. */
export function numberFormatter(lang: string): (n: number) => string {
  let format: Intl.NumberFormat | null = null;
  try {
    format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  } catch {
    format = null;
  }
  return (n) => (format ? format.format(n) : String(n));
}

// Problems on the extension pages, in the UI language: the one renderer (core/problem-text.ts) over
// the pages' messages (i18n.ts). An error that carries a problem (ProblemError and the errors built
// on it, StorageWriteError) is rendered from its code; any other error is not Doorman's (a browser's
// DOMException, a library's) and its own text is shown inside a translated frame, never as the line.
import { asProblem, problemOf, type Problem } from '../core/problem';
import { numberFormatter, problemText as render, type ProblemLocale } from '../core/problem-text';
import { listJoiner } from '../core/reason-text';
import { message, uiLanguage } from './i18n';

let locale: (ProblemLocale & { lang: string }) | undefined;

function pageLocale(): ProblemLocale {
  const lang = uiLanguage();
  if (locale?.lang !== lang) {
    locale = { lang, message: (key, subs) => message(key, subs), list: listJoiner(lang), number: numberFormatter(lang) };
  }
  return locale;
}

/** The problem in the UI language. */
export const problemText = (p: Problem): string => render(p, pageLocale());

const foreignText = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));

/** What went wrong, for a line of its own: Doorman's problem rendered, anything else framed ("Something went wrong: …"). */
export function errorText(e: unknown): string {
  const p = problemOf(e);
  return problemText(p ?? { code: 'foreign', args: [foreignText(e)] });
}

/** What went wrong, for a message that is itself the frame ("That did not work: $1"): a foreign error's own text. */
export function errorDetail(e: unknown): string {
  const p = problemOf(e);
  return p ? problemText(p) : foreignText(e);
}

/** A problem read back from storage: rendered when it is one, else the sentence an older version stored with it. */
export function storedProblemText(detail: unknown, sentence: unknown): string {
  const p = asProblem(detail);
  if (p) return problemText(p);
  return typeof sentence === 'string' ? sentence : '';
}

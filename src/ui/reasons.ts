// Reason sentences on the extension pages (popup, options log, search, CSV), in the UI language: the
// one renderer (core/reason-text.ts) over the pages' messages (i18n.ts). A log entry written before
// reasons were data carries only the English sentence it was logged with: that is shown as it is.
import type { ReasonCode } from '../core/model';
import type { Why } from '../core/reason';
import { listJoiner, reasonText, type ReasonLocale } from '../core/reason-text';
import { reasonLabel } from './format';
import { message, uiLanguage } from './i18n';

/** What a log entry (or a verdict) holds of its reason. */
export interface ReasonFields {
  reasonCode: ReasonCode;
  why?: Why | undefined;
  /** The English sentence of an entry logged before reasons were data. */
  reason?: string | undefined;
}

let locale: (ReasonLocale & { lang: string }) | undefined;

function pageLocale(): ReasonLocale {
  const lang = uiLanguage();
  if (locale?.lang !== lang) locale = { lang, message: (key, subs) => message(key, subs), list: listJoiner(lang) };
  return locale;
}

/** The reason as data, in the UI language. */
export const whyText = (why: Why): string => reasonText(why, pageLocale());

// Rendered once per entry object and language: the log view renders thousands and searches them all.
const rendered = new WeakMap<object, { lang: string; text: string }>();

/** The sentence to show for an entry: rendered from its data, else the sentence it was logged with. */
export function reasonSentence(e: ReasonFields): string {
  const lang = uiLanguage();
  const hit = rendered.get(e);
  if (hit?.lang === lang) return hit.text;
  const text = e.why ? whyText(e.why) : e.reason || reasonLabel(e.reasonCode);
  rendered.set(e, { lang, text });
  return text;
}

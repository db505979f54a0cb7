// The one renderer of reason sentences: a Why (core/reason.ts) in the reader's language. It words
// nothing itself: every word comes from the extension's messages (public/_locales/<lang>/messages.json)
// through the lookup it is given — the pages' i18n (src/ui/reasons.ts) or the content script's
// (src/content/words.ts) — so the placeholder, the popup, the log and the export say the same thing.
import type { Why } from './reason';

/** A message by key with its $1… substitutions, or '' when the catalogue has none. */
export type MessageLookup = (key: string, subs?: readonly string[]) => string;

export interface ReasonLocale {
  message: MessageLookup;
  /** Joins a short list the way the language does ("a, b, c"; "a, b und c"). */
  list: (parts: readonly string[]) => string;
}

const SUBJECT_KINDS: ReadonlySet<string> = new Set(['reply', 'mention', 'quote']);
const SEEK_CONTEXTS: ReadonlySet<string> = new Set(['search', 'profile', 'list']);
const RULE_ACTIONS: ReadonlySet<string> = new Set(['show', 'label', 'collapse', 'hide']);
/** What a page's item is called when its own kind says so (LinkedIn: a comment, a message, a notification). */
const PAGE_KINDS: ReadonlySet<string> = new Set(['reply', 'mention', 'notification']);

/** Intl.ListFormat's short unit lists ("a, b, c" in English), built at its first use. */
export function listJoiner(lang: string): (parts: readonly string[]) => string {
  let format: Intl.ListFormat | null | undefined;
  return (parts) => {
    if (format === undefined) {
      try {
        format = new Intl.ListFormat(lang, { type: 'unit', style: 'short' });
      } catch {
        format = null; // an unknown language tag
      }
    }
    return format ? format.format(parts) : parts.join(', ');
  };
}

const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** 'rtl' for languages written right to left (Arabic, Hebrew, Persian, Urdu …), else 'ltr'. */
export function writingDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

export function reasonText(why: Why, locale: ReasonLocale): string {
  const { message } = locale;
  // A message the catalogue lacks shows as its key: visible, never blank.
  const say = (key: string, subs: readonly string[] = []): string =>
    message(key, subs.length > 0 ? subs : undefined) || [key, ...subs].join(' ');
  const who = (): string => (why.who ? `@${why.who}` : say('whyThisAccount'));
  const named = (): string => why.name || who();
  const subject = (): string =>
    say(`whySubject_${why.kind && SUBJECT_KINDS.has(why.kind) ? why.kind : 'message'}${why.ownThread ? '_own' : ''}`);

  switch (why.say) {
    case 'off':
    case 'notUnsolicited':
    case 'mutingOff':
      return say(`why_${why.say}`);
    case 'paused':
      return say('why_paused', [why.site ?? '']);
    case 'followed':
    case 'allowlisted':
    case 'ad':
    case 'unknownFollow':
    case 'notBrand':
      return say(`why_${why.say}`, [who()]);
    case 'seek':
      return say(`why_seek_${why.context && SEEK_CONTEXTS.has(why.context) ? why.context : 'other'}`);
    case 'verifiedOrg':
      return say('why_verifiedOrg', [who(), why.site ?? '']);
    case 'notFollowed':
      return say('why_notFollowed', [subject(), who()]);
    case 'brand': {
      const signals = why.marked
        ? say('whyMarkedBrand')
        // A signal this version has no words for (a newer one) is named by its id.
        : locale.list((why.signals ?? []).map((id) => message(`brandSignal_${id}`) || id));
      return say('why_brand', [subject(), who(), signals]);
    }
    case 'sponsoredMessage':
      return say('why_sponsoredMessage', [named()]);
    case 'brandPage':
      return say('why_brandPage', [say(`whyPageSubject_${why.kind && PAGE_KINDS.has(why.kind) ? why.kind : 'other'}`), named()]);
    case 'network':
      return say(why.action === 'collapse' ? 'why_network_collapse' : 'why_network', [named()]);
    case 'recommendation':
      return say(why.action === 'collapse' ? 'why_recommendation_collapse' : 'why_recommendation', [why.site ?? '']);
    case 'rule':
      return say(`why_rule_${why.action && RULE_ACTIONS.has(why.action) ? why.action : 'show'}`, [why.rule ?? '']);
  }
}

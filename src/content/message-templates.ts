// The extension's messages for the content script, each asked of chrome.i18n once per key: the
// first call for a key takes its text with a marker in every $1…$9 slot (its template), later calls
// fill the template. chrome.i18n.getMessage costs tens of microseconds a call, and a placeholder's
// reason and button name need several per item; the filled text equals what getMessage would return
// (it fills $1…$9 in one pass, a missing substitution as '').
import { message } from './extension-api';

/** One private-use character per substitution slot: no catalogue text contains them. */
const SLOTS = ['\uE001', '\uE002', '\uE003', '\uE004', '\uE005', '\uE006', '\uE007', '\uE008', '\uE009'] as const;
const SLOT_RE = /[\uE001-\uE009]/g;

const plain = new Map<string, string>();
const templates = new Map<string, string>();

/** message(key, subs), from a cache: '' when the catalogue has no such key. */
export function cachedMessage(key: string, subs?: readonly string[]): string {
  if (subs === undefined || subs.length === 0) {
    let m = plain.get(key);
    if (m === undefined) {
      m = message(key);
      plain.set(key, m);
    }
    return m;
  }
  let t = templates.get(key);
  if (t === undefined) {
    t = message(key, SLOTS);
    templates.set(key, t);
  }
  if (t === '') return '';
  // A template without any slot is a message that ignores its substitutions.
  return t.replace(SLOT_RE, (slot) => subs[slot.charCodeAt(0) - 0xe001] ?? '');
}

/** Forgets every message (tests that switch catalogues). */
export function forgetMessages(): void {
  plain.clear();
  templates.clear();
}

// Why a verdict was given, as data: which sentence says it and what goes into it (whose item, which
// site, which brand signals, which rule). Nothing here is worded: reason-text.ts renders the sentence
// in the reader's language, wherever it is shown (placeholder, popup, log, export). Plain constants,
// no schema library: classify builds these on the content script's hot path.
import type { Action, ItemKind, PageContext } from './vocabulary';

/** The sentences a reason can be; each is one message (`why_<say>`) in every locale. */
export const REASON_SENTENCES = [
  'off', 'paused', 'followed', 'allowlisted', 'ad', 'seek', 'notUnsolicited', 'mutingOff', 'notBrand',
  'verifiedOrg', 'unknownFollow', 'notFollowed', 'brand', 'rule', 'brandPage', 'network', 'recommendation',
  'sponsoredMessage',
] as const;
export type ReasonSentence = (typeof REASON_SENTENCES)[number];

export interface Why {
  say: ReasonSentence;
  /** The author's handle without "@"; '' when the page did not show it ("this account"). */
  who?: string;
  /** The author's display name, for the sentences that name a page or a person by it (LinkedIn). */
  name?: string;
  /** The site's name ("X", "Bluesky"): a proper noun, never translated. */
  site?: string;
  /** What the item is, for the sentences that name it (a reply, a mention, a quote). */
  kind?: ItemKind;
  /** It replies under the user's own post. */
  ownThread?: boolean;
  /** Brand signal ids (core/brand.ts), strongest first, at most three. */
  signals?: string[];
  /** The user marked the account as a brand (then `signals` is empty). */
  marked?: boolean;
  /** The user rule's name and the action it took; for 'network' and 'recommendation', the action taken. */
  rule?: string;
  action?: Action;
  /** Where the user went looking (search, profile, list). */
  context?: PageContext;
}

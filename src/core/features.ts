// An item's cheap, enumerable fields packed into one 31-bit word, so a rule's whole set of
// kind/context/badge/follow/flag conditions costs a few AND instructions instead of a call each.
//
// Each enum field owns a block of bits with at most one bit set (none for a value outside the schema);
// each boolean owns one bit, set when the field is truthy. A predicate "field ∈ V" is then
// (features & mask(V)) !== 0 and its negation (features & mask(V)) === 0 — exact for every value,
// including out-of-schema ones, which match no positive predicate, as before.
import { ITEM_KINDS, PAGE_CONTEXTS, VERIFIED_KINDS, type FeedItem } from './model';

export const KIND_AT = 0; // 7 bits, in ITEM_KINDS order
export const CONTEXT_AT = KIND_AT + ITEM_KINDS.length; // 7 bits, in PAGE_CONTEXTS order
export const VERIFIED_AT = CONTEXT_AT + PAGE_CONTEXTS.length; // 7 bits, in VERIFIED_KINDS order
export const FOLLOWED_AT = VERIFIED_AT + VERIFIED_KINDS.length; // 3 bits: true, false, 'unknown'
export const FOLLOWS_YOU_AT = FOLLOWED_AT + 3; // 3 bits
export const PROMOTED_BIT = 1 << (FOLLOWS_YOU_AT + 3); // promoted flag or kind "ad"
export const BOT_BIT = PROMOTED_BIT << 1;
export const OWN_THREAD_BIT = PROMOTED_BIT << 2;
export const ALLOWLISTED_BIT = PROMOTED_BIT << 3; // bit 30: still a positive 32-bit integer

const indexMap = <T extends string>(values: readonly T[], at: number): Map<string, number> =>
  new Map(values.map((v, i) => [v, 1 << (at + i)]));
const KIND_BITS = indexMap(ITEM_KINDS, KIND_AT);
const CONTEXT_BITS = indexMap(PAGE_CONTEXTS, CONTEXT_AT);
const VERIFIED_BITS = indexMap(VERIFIED_KINDS, VERIFIED_AT);

const triBit = (v: unknown, at: number): number => (v === true ? 1 << at : v === false ? 2 << at : v === 'unknown' ? 4 << at : 0);

// Comparisons rather than map lookups: a few string compares beat hashing, interned strings or not.
// (The orders match ITEM_KINDS, PAGE_CONTEXTS and VERIFIED_KINDS; features.test.ts checks them.)
function kindBit(k: string): number {
  switch (k) {
    case 'post': return 1 << (KIND_AT + 0);
    case 'reply': return 1 << (KIND_AT + 1);
    case 'mention': return 1 << (KIND_AT + 2);
    case 'quote': return 1 << (KIND_AT + 3);
    case 'repost': return 1 << (KIND_AT + 4);
    case 'ad': return 1 << (KIND_AT + 5);
    case 'notification': return 1 << (KIND_AT + 6);
    default: return 0;
  }
}

function contextBit(c: string): number {
  switch (c) {
    case 'home': return 1 << (CONTEXT_AT + 0);
    case 'notifications': return 1 << (CONTEXT_AT + 1);
    case 'thread': return 1 << (CONTEXT_AT + 2);
    case 'search': return 1 << (CONTEXT_AT + 3);
    case 'profile': return 1 << (CONTEXT_AT + 4);
    case 'list': return 1 << (CONTEXT_AT + 5);
    case 'other': return 1 << (CONTEXT_AT + 6);
    default: return 0;
  }
}

function verifiedBit(v: string): number {
  switch (v) {
    case 'none': return 1 << (VERIFIED_AT + 0);
    case 'paid': return 1 << (VERIFIED_AT + 1);
    case 'organization': return 1 << (VERIFIED_AT + 2);
    case 'government': return 1 << (VERIFIED_AT + 3);
    case 'affiliate': return 1 << (VERIFIED_AT + 4);
    case 'domain': return 1 << (VERIFIED_AT + 5);
    case 'platform': return 1 << (VERIFIED_AT + 6);
    default: return 0;
  }
}

export function featuresOf(item: FeedItem, followed: unknown, allowlisted: boolean): number {
  const a = item.author;
  let f = kindBit(item.kind) | contextBit(item.context) | verifiedBit(a.verified);
  f |= triBit(followed, FOLLOWED_AT) | triBit(a.followsYou, FOLLOWS_YOU_AT);
  if (item.promoted || item.kind === 'ad') f |= PROMOTED_BIT;
  if (a.bot) f |= BOT_BIT;
  if (item.inOwnThread) f |= OWN_THREAD_BIT;
  if (allowlisted) f |= ALLOWLISTED_BIT;
  return f;
}

const maskOf = (bits: Map<string, number>, values: readonly string[]): number => {
  let m = 0;
  for (const v of values) m |= bits.get(v) ?? 0;
  return m;
};

export const kindMask = (kinds: readonly string[]): number => maskOf(KIND_BITS, kinds);
export const contextMask = (contexts: readonly string[]): number => maskOf(CONTEXT_BITS, contexts);
export const verifiedMask = (kinds: readonly string[]): number => maskOf(VERIFIED_BITS, kinds);
export const followedMask = (v: unknown): number => triBit(v, FOLLOWED_AT);
export const followsYouMask = (v: unknown): number => triBit(v, FOLLOWS_YOU_AT);


/** Index of the value set in the `n`-bit block at `at` (its position in the enum's list), or -1 if none. */
export const valueIndex = (features: number, at: number, n: number): number => 31 - Math.clz32((features >>> at) & ((1 << n) - 1));

/** Position in SITE_IDS, by comparison (item strings need not be interned for this to be fast); -1 if unknown. */
export const siteIndex = (site: string): number => (site === 'x' ? 0 : site === 'bsky' ? 1 : site === 'mastodon' ? 2 : -1);

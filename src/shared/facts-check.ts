// The check facts from the page pass before they touch the fact store, written out by hand: the page
// is untrusted, and this runs in the content script, which carries no schema library. It accepts
// exactly what the PageFacts schema (facts.ts) accepts and returns the same value (unknown keys
// dropped); tests/unit/shared/facts-check.test.ts holds the two to each other on random input.
import type { AccountFact, ItemFact, PageFacts } from './facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from './facts-tag';
import { VERIFIED_KINDS, type VerifiedKind } from '../core/vocabulary';
import { isObj, isText as str, type Obj } from './value-checks';

const VERIFIED: ReadonlySet<string> = new Set(VERIFIED_KINDS);

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Copies optional fields that pass `ok`; false when one is present and fails. */
function optional(from: Obj, to: Obj, key: string, ok: (v: unknown) => boolean): boolean {
  const v = from[key];
  if (v === undefined) return true;
  if (!ok(v)) return false;
  to[key] = v;
  return true;
}

const bool = (v: unknown) => typeof v === 'boolean';

function accountFact(v: unknown): AccountFact | null {
  if (!isObj(v) || !str(v.id, 1, 200) || !str(v.handle, 0, 320)) return null;
  const out: Obj = { id: v.id, handle: v.handle };
  const ok = optional(v, out, 'displayName', (x) => str(x, 0, 200)) &&
    optional(v, out, 'followed', bool) &&
    optional(v, out, 'followsYou', bool) &&
    optional(v, out, 'verified', (x) => typeof x === 'string' && VERIFIED.has(x as VerifiedKind)) &&
    optional(v, out, 'bot', bool) &&
    optional(v, out, 'orgProfile', bool) &&
    optional(v, out, 'createdAt', finite);
  return ok ? (out as unknown as AccountFact) : null;
}

function itemFact(v: unknown): ItemFact | null {
  if (!isObj(v) || !str(v.id, 1, 300) || !str(v.authorId, 0, 200)) return null;
  const out: Obj = { id: v.id, authorId: v.authorId };
  const ok = optional(v, out, 'promoted', bool) &&
    optional(v, out, 'inReplyToAuthorId', (x) => str(x, 0, 200)) &&
    optional(v, out, 'conversationId', (x) => str(x, 0, 300));
  return ok ? (out as unknown as ItemFact) : null;
}

function all<T>(v: unknown, max: number, one: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: T[] = [];
  for (const x of v) {
    const r = one(x);
    if (r === null) return null;
    out.push(r);
  }
  return out;
}

/**
 * PageFacts for `site` if `data` is a valid payload for it; null otherwise (one bad entry refuses the
 * whole payload, as the schema does: a page that sends garbage gets nothing in).
 */
export function checkPageFacts(data: unknown, site: string): PageFacts | null {
  if (!isObj(data) || data.site !== site) return null;
  const accounts = all(data.accounts, MAX_FACT_ACCOUNTS, accountFact);
  const items = accounts && all(data.items, MAX_FACT_ITEMS, itemFact);
  if (accounts === null || items === null) return null;
  const out: Obj = { site, accounts, items };
  if (!optional(data, out, 'viewerId', (x) => str(x, 0, 200)) || !optional(data, out, 'followingList', bool)) return null;
  return out as unknown as PageFacts;
}

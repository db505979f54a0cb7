// The check facts from the page pass before they touch the fact store, written out by hand: the page
// is untrusted, and this runs in the content script, which carries no schema library. Two steps: the
// shape, which accepts exactly what the PageFacts schema (facts.ts) accepts and returns the same value
// (unknown keys dropped; tests/unit/shared/facts-check.test.ts holds the two to each other on random
// input), then the site's account syntax (sites/site.ts), which drops what no account could carry.
import type { AccountFact, ItemFact, PageFacts } from './facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from './facts-tag';
import { normalizeHandle } from '../core/handle';
import { VERIFIED_KINDS, type VerifiedKind } from '../core/vocabulary';
import { SITES } from '../sites/registry';
import { type SiteDeclaration, accountIdFits, handleFits } from '../sites/site';
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
 * PageFacts for `site` if `data` has the PageFacts shape; null otherwise (one bad entry refuses the
 * whole payload, as the schema does: a page that sends garbage gets nothing in).
 */
export function checkPageFactsShape(data: unknown, site: string): PageFacts | null {
  if (!isObj(data) || data.site !== site) return null;
  const accounts = all(data.accounts, MAX_FACT_ACCOUNTS, accountFact);
  const items = accounts && all(data.items, MAX_FACT_ITEMS, itemFact);
  if (accounts === null || items === null) return null;
  const out: Obj = { site, accounts, items };
  if (!optional(data, out, 'viewerId', (x) => str(x, 0, 200)) || !optional(data, out, 'followingList', bool)) return null;
  return out as unknown as PageFacts;
}

/**
 * Facts as the site's account syntax allows them. Entry by entry, not the whole payload: a handle is
 * the untrusted part of an otherwise useful fact. An account whose id no account of the site could
 * have is dropped; one whose handle could not be the site's keeps its id and loses the handle ('' is
 * "unknown", so nothing is keyed or matched by it). Author ids of items and the viewer's id that do
 * not fit become unknown too. Returns the payload itself when everything fits (the common case).
 */
export function fitSiteSyntax(facts: PageFacts, site: SiteDeclaration | undefined): PageFacts {
  if (site?.accounts === undefined) return facts;
  const idOk = (id: string) => id === '' || accountIdFits(site, id);
  const accountOk = (a: AccountFact) => accountIdFits(site, a.id) && handleFits(site, normalizeHandle(a.handle));
  const itemOk = (i: ItemFact) => idOk(i.authorId) && (i.inReplyToAuthorId === undefined || idOk(i.inReplyToAuthorId));
  const viewerOk = facts.viewerId === undefined || idOk(facts.viewerId);
  if (viewerOk && facts.accounts.every(accountOk) && facts.items.every(itemOk)) return facts;

  const accounts: AccountFact[] = [];
  for (const a of facts.accounts) {
    if (!accountIdFits(site, a.id)) continue;
    accounts.push(handleFits(site, normalizeHandle(a.handle)) ? a : { ...a, handle: '' });
  }
  const items = facts.items.map((i): ItemFact => {
    if (itemOk(i)) return i;
    const { inReplyToAuthorId, ...rest } = i;
    const out: ItemFact = { ...rest, authorId: idOk(i.authorId) ? i.authorId : '' };
    if (inReplyToAuthorId !== undefined && idOk(inReplyToAuthorId)) out.inReplyToAuthorId = inReplyToAuthorId;
    return out;
  });
  const { viewerId, ...rest } = facts;
  return { ...rest, ...(viewerOk && viewerId !== undefined ? { viewerId } : {}), accounts, items };
}

const declarations: ReadonlyMap<string, SiteDeclaration> = new Map(SITES.map((s) => [s.id, s]));

/** PageFacts for `site` if `data` is a valid payload for it (checkPageFactsShape), fitted to the site's syntax; else null. */
export function checkPageFacts(data: unknown, site: string): PageFacts | null {
  const facts = checkPageFactsShape(data, site);
  return facts && fitSiteSyntax(facts, declarations.get(site));
}

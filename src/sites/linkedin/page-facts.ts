// LinkedIn's Voyager JSON → PageFacts. Pure, and run in the page's MAIN world on every response it
// reads (and on the responses the initial HTML embeds in <code> elements), so it imports types only
// (no zod) and walks untrusted JSON iteratively under hard limits. Voyager responses are normalised:
// `data` references entities in `included[]` by URN, each with its `$type`. Read here (seen in the
// captures, tests/fixtures/linkedin): profiles (dash Profile, the older MiniProfile), companies,
// FollowingState (`following` for a profile's or company's URN), feed Updates (whose actor, whether
// sponsored) and Comments (whose commenter); and, inferred from the dash relationships API, the
// Connection entities of the user's own connections list.
import { FactCollector } from '../../shared/fact-collector';
import type { AccountFact, ItemFact, PageFacts } from '../../shared/facts';
import { bool, clip, rec, str, type Json } from '../../page-world/json';
import { walkJson } from '../../page-world/walk-json';
import { actorFromHref, companyUrn } from './routes';
import { linkedin } from './site';

/** Voyager nests ~12 levels (included → update → actor → image → attributes → detailData → …). */
const MAX_DEPTH = 64;
/** As for X: bounds a hostile dense response; LinkedIn's largest feed pages are a few hundred KiB. */
const MAX_NODES = 250_000;

const ID = linkedin.accounts.id;
const isAccountId = (v: unknown): v is string => typeof v === 'string' && v.length <= 100 && ID.test(v);
const ACTIVITY = /^urn:li:activity:\d{1,25}$/;
const COMMENT = /^urn:li:comment:\([a-zA-Z]{1,30}:\d{1,25},\d{1,25}\)$/;
/** A degree marker after a name: "• 1st" (en), "• 1er" (fr), "• 1." (de): a 1 not followed by a digit. */
const FIRST_DEGREE = /•\s*1(?!\d)/;

const typeOf = (o: Json): string => str(o.$type) ?? '';
const text = (v: unknown): string | undefined => str(rec(v)?.text) ?? str(v);
/** A profile URN in either spelling → the dash one: `urn:li:fs_miniProfile:X` and `urn:li:fsd_profile:X`. */
function profileUrn(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 100) return null;
  const m = /^urn:li:(?:fs_miniProfile|fsd_profile|member):([A-Za-z0-9_-]{8,80})$/.exec(v);
  const urn = m === null ? null : `urn:li:fsd_profile:${m[1]}`;
  return urn !== null && ID.test(urn) ? urn : null;
}

/** The account an image model names: a profile picture's `*profile`, a logo's `*company`, whatever the wrapper key. */
function accountOfImage(image: unknown): string | null {
  const attrs = rec(image)?.attributes;
  if (!Array.isArray(attrs)) return null;
  for (const a of attrs.slice(0, 5)) {
    const detail = rec(rec(a)?.detailData);
    if (detail === undefined) continue;
    for (const v of Object.values(detail)) {
      const o = rec(v);
      if (o === undefined) {
        const company = companyUrn(v);
        if (company !== null) return company;
        continue;
      }
      const p = profileUrn(o['*profile']);
      if (p !== null) return p;
      const c = companyUrn(o['*company']) ?? companyUrn(o['*companyUrn']);
      if (c !== null) return c;
    }
  }
  return null;
}

export interface LinkedInFactsOptions {
  /** The viewer's profile URN when an earlier response revealed it. */
  viewerId?: string | undefined;
  /** The request path: /voyager/api/me names the viewer. */
  requestPath?: string;
  /** The response lists the user's own connections or follows (routes.ts ownListOf). */
  ownList?: 'connections' | 'following' | null;
}

class Collector extends FactCollector {
  viewerId: string | undefined;
  /** FollowingState by the URN it is about, applied once every account is in. */
  readonly following = new Map<string, boolean>();
  readonly connections = new Set<string>();

  constructor(viewerId: string | undefined) {
    super();
    this.viewerId = isAccountId(viewerId) ? viewerId : undefined;
  }

  profile(o: Json, urn: string): void {
    const handle = str(o.publicIdentifier);
    const fact: AccountFact = { id: urn, handle: handle === undefined ? '' : clip(handle.toLowerCase(), 100) };
    const name = [str(o.firstName), str(o.lastName)].filter((s) => s !== undefined && s !== '').join(' ');
    if (name !== '') fact.displayName = clip(name, 200);
    this.account(fact);
  }

  company(o: Json, urn: string): void {
    const fromUrl = actorFromHref(str(o.url) ?? '');
    const universal = str(o.universalName);
    const handle = fromUrl?.type === 'page' ? fromUrl.handle : universal !== undefined ? `company/${universal.toLowerCase()}` : '';
    const fact: AccountFact = { id: urn, handle: clip(handle, 120), orgProfile: true };
    const name = str(o.name);
    if (name !== undefined) fact.displayName = clip(name, 200);
    this.account(fact);
  }

  /** A feed update: its activity URN, its actor (as an account), whether it is sponsored. */
  update(o: Json): void {
    const meta = rec(o.metadata);
    const urn = str(meta?.backendUrn);
    if (urn === undefined || !ACTIVITY.test(urn)) return;
    const actor = rec(o.actor);
    const ref = actorFromHref(str(rec(actor?.navigationContext)?.actionTarget) ?? '');
    const authorId = companyUrn(actor?.backendUrn) ?? accountOfImage(actor?.image) ?? ref?.id ?? null;
    const sponsored = rec(rec(meta?.trackingData)?.sponsoredTracking) !== undefined || (str(o.entityUrn) ?? '').includes('urn:li:sponsoredContentV2:');
    if (authorId !== null && actor !== undefined) {
      const fact: AccountFact = { id: authorId, handle: ref?.handle ?? '' };
      const name = text(actor.name);
      if (name !== undefined) fact.displayName = clip(name.trim(), 200);
      if (authorId.startsWith('urn:li:fsd_company:')) fact.orgProfile = true;
      if (FIRST_DEGREE.test(text(actor.supplementaryActorInfo) ?? '')) this.connections.add(authorId);
      this.account(fact);
    }
    if (this.items.size >= 2_000 && !this.items.has(urn)) return;
    const item: ItemFact = { id: urn, authorId: authorId ?? '' };
    if (sponsored) item.promoted = true;
    this.items.set(urn, item);
  }

  /** A comment: keyed by the URN the DOM shows (`urn:li:comment:(…)`), authored by its commenter. */
  comment(o: Json): void {
    const urn = str(o.urn);
    if (urn === undefined || !COMMENT.test(urn)) return;
    const commenter = rec(o.commenter);
    const authorId = accountOfImage(commenter?.image) ?? companyUrn(commenter?.['*company']) ?? null;
    if (authorId === null) return;
    this.items.set(urn, { id: urn, authorId });
  }

  inspect(o: Json): void {
    const type = typeOf(o);
    if (type === '') return;
    const urn = str(o.entityUrn);
    if (type.endsWith('.identity.profile.Profile') || type.endsWith('.identity.shared.MiniProfile')) {
      const p = profileUrn(urn) ?? profileUrn(o.dashEntityUrn);
      if (p !== null) this.profile(o, p);
    } else if (type.endsWith('.organization.Company')) {
      const c = companyUrn(urn);
      if (c !== null) this.company(o, c);
    } else if (type.endsWith('.feed.FollowingState')) {
      const about = (urn ?? '').replace(/^urn:li:fsd_followingState:/, '');
      const following = bool(o.following);
      const target = profileUrn(about) ?? companyUrn(about);
      if (target !== null && following !== undefined) this.following.set(target, following);
    } else if (type.endsWith('.relationships.Connection')) {
      const member = profileUrn(o.connectedMember) ?? profileUrn(o['*connectedMember']);
      if (member !== null) this.connections.add(member);
    } else if (type.endsWith('.feed.Update')) {
      this.update(o);
    } else if (type.endsWith('.social.Comment')) {
      this.comment(o);
    }
  }
}

/** Facts from one parsed Voyager response. Never throws; on hostile input returns what it safely could. */
export function linkedInPageFacts(data: unknown, options: LinkedInFactsOptions = {}): PageFacts {
  const c = new Collector(options.viewerId);
  // /voyager/api/me: the signed-in member, as `data['*miniProfile']`.
  if (options.requestPath === '/voyager/api/me') c.viewerId = profileUrn(rec(rec(data)?.data)?.['*miniProfile']) ?? c.viewerId;
  try {
    walkJson(data, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES }, (o) => {
      c.inspect(o);
      return c.full;
    });
  } catch {
    // Exotic input (getters, proxies) from a caller other than JSON.parse: keep what was collected.
  }
  for (const [id, following] of c.following) {
    const a = c.accounts.get(id);
    // A state for an account this response does not describe: a stub the fact store merges by id.
    if (a !== undefined) a.followed = following;
    else c.account({ id, handle: '', followed: following });
  }
  // A 1st-degree connection is someone the user chose: followed, whatever the FollowingState says.
  for (const id of c.connections) {
    const a = c.accounts.get(id);
    if (a !== undefined) a.followed = true;
  }
  const facts: PageFacts = { site: linkedin.id, accounts: [...c.accounts.values()], items: [...c.items.values()] };
  const self = c.viewerId === undefined ? undefined : c.accounts.get(c.viewerId);
  if (self) delete self.followed;
  if (options.ownList === 'connections' && c.connections.size > 0) facts.followingList = true;
  if (options.ownList === 'following' && [...c.following.values()].some(Boolean)) facts.followingList = true;
  if (c.viewerId !== undefined) facts.viewerId = c.viewerId;
  return facts;
}

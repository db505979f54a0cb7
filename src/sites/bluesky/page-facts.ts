// Bluesky XRPC JSON → PageFacts. Pure, and run in the page's MAIN world on every response it reads,
// so it imports types only (no zod) and walks untrusted JSON iteratively under hard limits. Profile
// views (`did` + `handle`) become account facts; post views and notifications (`uri` + `author` +
// `record`) become item facts. The viewer's own DID is the repository of their follow, like and
// repost records that `viewer.*` fields point at.
import { FactCollector } from '../../shared/fact-collector';
import type { VerifiedKind } from '../../core/model';
import type { AccountFact, ItemFact, PageFacts } from '../../shared/facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from '../../shared/facts-tag';
import { bool, clip, rec, str, type Json } from '../../page-world/json';
import { walkJson } from '../../page-world/walk-json';
import { didOfUri } from './routes';
import { bsky } from './site';

/**
 * Feeds nest ~10 levels (feed → item → post → embed → record → author → viewer), but a thread nests
 * two levels per ancestor (`parent` → threadViewPost), and the app asks for up to 80 ancestors.
 */
const MAX_DEPTH = 256;
/** As for X (page-facts.ts there): bounds a hostile dense response; 2 MiB of XRPC JSON is far fewer nodes. */
const MAX_NODES = 250_000;

const DID = bsky.accounts.id;
const isDid = (v: unknown): v is string => typeof v === 'string' && v.length <= 200 && DID.test(v);
const POST_URI = /^at:\/\/did:[a-z0-9:.%-]{1,200}\/app\.bsky\.feed\.post\/[A-Za-z0-9._:~-]{1,100}$/;
const isPostUri = (v: unknown): v is string => typeof v === 'string' && v.length <= 300 && POST_URI.test(v);

export interface BskyFactsOptions {
  /** The viewer's DID when an earlier response revealed it. */
  viewerId?: string | undefined;
  /** The response is app.bsky.graph.getFollows: its `subject`'s follows, the viewer's own when the subject is the viewer. */
  followsList?: boolean;
}

/**
 * Bluesky's verification: an account a trusted verifier vouched for is 'platform'-verified (it is
 * who it says; that says nothing of being a brand); a trusted verifier itself (Bluesky, newsrooms
 * and other organisations the app trusts to verify) is an organisation.
 */
function verifiedOf(v: Json | undefined): VerifiedKind | undefined {
  if (v === undefined) return undefined;
  if (v.trustedVerifierStatus === 'valid') return 'organization';
  if (v.verifiedStatus === 'valid') return 'platform';
  return 'none';
}

function isoTime(s: string | undefined): number | undefined {
  if (s === undefined || s.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : undefined;
}

/** A self-applied `bot` label (an account saying it is automated; inferred label value, see README). */
function selfLabelledBot(labels: unknown, did: string): boolean {
  if (!Array.isArray(labels)) return false;
  for (let i = 0; i < labels.length && i < 50; i++) {
    const l = rec(labels[i]);
    if (l !== undefined && l.val === 'bot' && l.src === did && l.neg !== true) return true;
  }
  return false;
}

/** One profile view (basic, plain or detailed) → an AccountFact, stating only what the object states. */
export function readProfile(p: Json): AccountFact | null {
  const did = p.did;
  const handle = str(p.handle);
  if (!isDid(did) || handle === undefined) return null;
  // The AppView says `handle.invalid` when the handle no longer resolves to the DID: no handle at all.
  const lower = handle.toLowerCase();
  const fact: AccountFact = { id: did, handle: clip(lower === 'handle.invalid' ? '' : lower, 320) };
  const name = str(p.displayName);
  if (name !== undefined) fact.displayName = clip(name, 200);
  const viewer = rec(p.viewer);
  // `viewer` is the relationship as the viewer's session sees it: `following` is the URI of their
  // follow record when they follow the account, absent when not. No `viewer` at all: unknown.
  if (viewer !== undefined) {
    fact.followed = typeof viewer.following === 'string';
    fact.followsYou = typeof viewer.followedBy === 'string';
  }
  const verified = verifiedOf(rec(p.verification));
  if (verified !== undefined) fact.verified = verified;
  // A labeler is a moderation service: an automated account by nature.
  if (bool(rec(p.associated)?.labeler) === true || selfLabelledBot(p.labels, did)) fact.bot = true;
  const created = isoTime(str(p.createdAt));
  if (created !== undefined) fact.createdAt = created;
  return fact;
}

class Collector extends FactCollector {
  viewerId: string | undefined;

  constructor(viewerId: string | undefined) {
    super();
    this.viewerId = isDid(viewerId) ? viewerId : undefined;
  }

  /** A post view or a notification: `uri` of a post, its `author`, its `record`. */
  post(o: Json, author: Json): void {
    const uri = o.uri;
    const authorId = author.did;
    if (!isPostUri(uri) || !isDid(authorId) || this.items.size >= MAX_FACT_ITEMS && !this.items.has(uri)) return;
    const reply = rec(rec(o.record)?.reply);
    const fact: ItemFact = { id: uri, authorId };
    const parent = didOfUri(rec(reply?.parent)?.uri);
    const root = str(rec(reply?.root)?.uri);
    if (parent !== undefined) fact.inReplyToAuthorId = parent;
    // The conversation's first post: the reply's root, or the post itself when it replies to nothing.
    fact.conversationId = reply !== undefined && isPostUri(root) ? root : uri;
    this.items.set(uri, fact);
  }

  /** The viewer's DID: the repository of the follow / like / repost record a `viewer` field points at. */
  viewer(v: Json): void {
    if (this.viewerId !== undefined) return;
    this.viewerId = didOfUri(v.following) ?? didOfUri(v.like) ?? didOfUri(v.repost);
  }

  inspect(o: Json): void {
    if (typeof o.did === 'string' && typeof o.handle === 'string') this.account(readProfile(o));
    const author = rec(o.author);
    if (author !== undefined && typeof o.uri === 'string' && o.record !== undefined) this.post(o, author);
    const viewer = rec(o.viewer);
    if (viewer !== undefined) this.viewer(viewer);
  }
}

/** Facts from one parsed XRPC response. Never throws; on hostile input returns what it safely could. */
export function bskyPageFacts(data: unknown, options: BskyFactsOptions = {}): PageFacts {
  const c = new Collector(options.viewerId);
  try {
    walkJson(data, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES }, (o) => {
      c.inspect(o);
      return c.full;
    });
  } catch {
    // Exotic input (getters, proxies) from a caller other than JSON.parse: keep what was collected.
  }
  const facts: PageFacts = { site: bsky.id, accounts: [...c.accounts.values()], items: [...c.items.values()] };
  // The viewer's relationship to themself is meaningless.
  const self = c.viewerId === undefined ? undefined : c.accounts.get(c.viewerId);
  if (self) {
    delete self.followed;
    delete self.followsYou;
  }
  // A Following list whose subject is the viewer lists exactly whom the viewer follows.
  const subject = rec(rec(data)?.subject)?.did;
  if (options.followsList === true && c.viewerId !== undefined && subject === c.viewerId) {
    const follows = rec(data)?.follows;
    if (Array.isArray(follows)) {
      for (const f of follows.slice(0, MAX_FACT_ACCOUNTS)) {
        const a = c.accounts.get(str(rec(f)?.did) ?? '');
        if (a) a.followed = true;
      }
      facts.followingList = true;
    }
  }
  if (c.viewerId !== undefined) facts.viewerId = c.viewerId;
  return facts;
}

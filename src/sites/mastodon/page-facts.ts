// Mastodon API JSON → PageFacts. Pure, and run in the page's MAIN world on every response the reader
// wants, so it imports types only and reads untrusted JSON under hard limits (array lengths, fact
// caps): a hostile or huge response costs bounded time and never throws into the page.
//
// Shapes read (docs.joinmastodon.org/entities, checked against tests/fixtures/mastodon):
//   Status[] (timelines), {ancestors, descendants} (context), Status, Notification[] (v1: account,
//   status), {accounts, partial_accounts, statuses, notification_groups} (v2 grouped), Relationship[]
//   (id, following, followed_by), Account[] (a following list).
// Accounts are keyed by their address (identity.ts), never by the per-server id; the per-server ids
// the API uses for references (relationships, in_reply_to_account_id, meta.me) are resolved through a
// bounded id → address map the reader keeps for the page's lifetime.
import type { AccountFact, ItemFact, PageFacts } from '../../shared/facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from '../../shared/facts-tag';
import { bool, clip, rec, str, type Json } from '../../page-world/json';
import { addressOf } from './identity';
import { contextStatusId, followingOwner, type MastodonApi } from './routes';
import { mastodon } from './site';

/** Longest array looked at in one response (Mastodon pages hold 20–80; a context holds up to ~4,000). */
const MAX_LIST = 5_000;
/** Per-server ids remembered for resolving references; cleared when full (a page rarely sees more). */
const MAX_KNOWN_IDS = 20_000;
const STATUS_ID = /^\d{1,30}$/;

const statusId = (v: unknown): string | undefined => (typeof v === 'string' && STATUS_ID.test(v) ? v : undefined);

/** What the reader knows across responses: the page's server, per-server ids seen, the viewer. */
export class MastodonIds {
  private readonly byServerId = new Map<string, string>();

  constructor(readonly localHost: string) {}

  remember(serverId: string, address: string): void {
    if (this.byServerId.size >= MAX_KNOWN_IDS) this.byServerId.clear();
    this.byServerId.set(serverId, address);
  }

  address(serverId: unknown): string | undefined {
    const id = statusId(serverId);
    return id === undefined ? undefined : this.byServerId.get(id);
  }
}

export interface ReadContext {
  api: MastodonApi;
  requestPath: string;
  ids: MastodonIds;
  /** The viewer's per-server id (initial-state `meta.me`), when the page has one. */
  viewerServerId?: string | undefined;
}

function* list(v: unknown): Generator<Json> {
  if (!Array.isArray(v)) return;
  const n = Math.min(v.length, MAX_LIST);
  for (let i = 0; i < n; i++) {
    const o = rec(v[i]);
    if (o) yield o;
  }
}

class Collector {
  readonly accounts = new Map<string, AccountFact>();
  readonly items = new Map<string, ItemFact>();
  /** Item id → the per-server id it replies to, resolved once the whole response is read. */
  readonly replyTo = new Map<string, string>();
  followingList = false;

  constructor(private readonly c: ReadContext) {}

  /** An Account (or the partial account of grouped notifications) → its address, recorded. */
  account(a: Json | undefined, extra: Partial<AccountFact> = {}): string | undefined {
    if (!a) return undefined;
    const address = addressOf(a.acct, this.c.ids.localHost);
    if (address === null) return undefined;
    const serverId = statusId(a.id);
    if (serverId !== undefined) this.c.ids.remember(serverId, address);
    const fact: AccountFact = { id: address, handle: address, ...extra };
    const name = str(a.display_name);
    if (name) fact.displayName = clip(name, 200);
    const bot = bool(a.bot);
    if (bot !== undefined) fact.bot = bot;
    const created = Date.parse(str(a.created_at) ?? '');
    if (Number.isFinite(created)) fact.createdAt = created;
    // A profile link the server verified (rel="me" back-link): the account proved it owns that site.
    if (Array.isArray(a.fields) && a.fields.slice(0, 16).some((f) => str(rec(f)?.verified_at))) fact.verified = 'domain';
    // `group` accounts (communities that boost their members) are not organisations: no brand signal.
    this.put(fact);
    return address;
  }

  private put(fact: AccountFact): void {
    const prev = this.accounts.get(fact.id);
    if (prev) this.accounts.set(fact.id, { ...prev, ...fact });
    else if (this.accounts.size < MAX_FACT_ACCOUNTS) this.accounts.set(fact.id, fact);
  }

  /** A Status (and the boosted one inside it); `conversationId` when the context names the root. */
  status(s: Json | undefined, conversationId?: string): void {
    if (!s) return;
    const id = statusId(s.id);
    for (const m of list(s.mentions)) {
      const address = addressOf(m.acct, this.c.ids.localHost);
      const serverId = statusId(m.id);
      if (address !== null && serverId !== undefined) this.c.ids.remember(serverId, address);
    }
    const author = this.account(rec(s.account));
    if (id !== undefined && this.items.size < MAX_FACT_ITEMS) {
      const fact: ItemFact = { id, authorId: author ?? '' };
      const inReplyTo = statusId(s.in_reply_to_account_id);
      if (inReplyTo !== undefined) this.replyTo.set(id, inReplyTo);
      if (conversationId !== undefined) fact.conversationId = conversationId;
      this.items.set(id, { ...this.items.get(id), ...fact });
    }
    const reblog = rec(s.reblog);
    if (reblog) this.status(reblog);
  }

  /** Reply targets by address: the account may appear anywhere in the response (or an earlier one). */
  resolveReplies(): void {
    for (const [id, serverId] of this.replyTo) {
      const address = this.c.ids.address(serverId);
      const item = this.items.get(id);
      if (address !== undefined && item) item.inReplyToAuthorId = address;
    }
  }

  relationship(r: Json): void {
    const address = this.c.ids.address(r.id);
    if (address === undefined) return; // an id this page never showed an account for: nothing to key it by
    const fact: AccountFact = { id: address, handle: address };
    const following = bool(r.following);
    const followedBy = bool(r.followed_by);
    if (following !== undefined) fact.followed = following;
    if (followedBy !== undefined) fact.followsYou = followedBy;
    this.put(fact);
  }
}

function read(data: unknown, col: Collector, c: ReadContext): void {
  switch (c.api) {
    case 'home':
      for (const s of list(data)) col.status(s);
      return;
    case 'statuses':
      col.status(rec(data));
      return;
    case 'context': {
      const ctx = rec(data);
      const ancestors = [...list(ctx?.ancestors)];
      // The conversation's first post: the oldest ancestor, else the status the context was asked for.
      const root = statusId(ancestors[0]?.id) ?? contextStatusId(c.requestPath) ?? undefined;
      // Ancestors first: a descendant's in_reply_to_account_id usually names one of them.
      for (const s of ancestors) col.status(s, root);
      for (const s of list(ctx?.descendants)) col.status(s, root);
      return;
    }
    case 'notifications':
      for (const n of list(data)) {
        col.account(rec(n.account));
        col.status(rec(n.status));
      }
      return;
    case 'grouped': {
      const g = rec(data);
      for (const a of list(g?.accounts)) col.account(a);
      for (const a of list(g?.partial_accounts)) col.account(a);
      for (const s of list(g?.statuses)) col.status(s);
      return;
    }
    case 'relationships':
      for (const r of list(data)) col.relationship(r);
      return;
    case 'following': {
      const own = c.viewerServerId !== undefined && followingOwner(c.requestPath) === c.viewerServerId;
      // Someone else's following list says nothing about whom the viewer follows.
      for (const a of list(data)) col.account(a, own ? { followed: true } : {});
      col.followingList = own;
      return;
    }
  }
}

/** Facts from one parsed Mastodon API response. Never throws; on hostile input returns what it safely could. */
export function mastodonPageFacts(data: unknown, c: ReadContext): PageFacts {
  const col = new Collector(c);
  try {
    read(data, col, c);
  } catch {
    // Exotic input (getters, proxies) from a caller other than JSON.parse: keep what was collected.
  }
  col.resolveReplies();
  const viewerId = c.viewerServerId === undefined ? undefined : c.ids.address(c.viewerServerId);
  const self = viewerId === undefined ? undefined : col.accounts.get(viewerId);
  if (self) {
    // The viewer's relationship to themself means nothing.
    delete self.followed;
    delete self.followsYou;
  }
  const facts: PageFacts = { site: mastodon.id, accounts: [...col.accounts.values()], items: [...col.items.values()] };
  if (viewerId !== undefined) facts.viewerId = viewerId;
  if (col.followingList) facts.followingList = true;
  return facts;
}

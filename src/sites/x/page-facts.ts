// X API JSON → PageFacts. Pure, and run in the page's MAIN world on every timeline response, so it
// imports types only (no zod) and walks untrusted JSON iteratively under hard limits: a hostile or
// merely huge response costs bounded time and can never throw into the page.
import { FactCollector } from '../../shared/fact-collector';
import type { ItemFact, PageFacts } from '../../shared/facts';
import { MAX_FACT_ACCOUNTS, MAX_FACT_ITEMS } from '../../shared/facts-tag';
import { rec, type Json } from '../../page-world/json';
import { walkJson } from '../../page-world/walk-json';
import { isXId, readGraphqlUser, readRestUser } from './api-user';
import { x } from './site';

/** Timelines nest ~25 levels (entry → module → item → tweet → quote → user → legacy); 64 is plenty. */
const MAX_DEPTH = 64;
/**
 * Objects, arrays and their slots visited. The page world reads no text over its 2 MiB cap
 * (page-world/body-cap.ts), and 2 MiB of X's shapes is 40k–125k of these (the captured TweetDetail
 * ~20 per KB, replica timelines ~60); twice the denser figure bounds what a response the browser
 * parsed itself (XHR responseType 'json', size unknown) or a hostile dense one costs to walk.
 */
const MAX_NODES = 250_000;

export interface PageFactsOptions {
  /** The viewer's id when known from elsewhere (e.g. the `twid` cookie). */
  viewerId?: string | undefined;
  /** The response is the viewer's own `Following` list (see routes.isOwnFollowingList). */
  ownFollowingList?: boolean;
}

class Collector extends FactCollector {
  /** Ids of users listed as timeline rows (`TimelineUser`), i.e. the members of a Following list. */
  readonly listed = new Set<string>();
  readonly promoted = new Set<string>();
  viewerId: string | undefined;

  constructor(viewerId: string | undefined) {
    super();
    this.viewerId = isXId(viewerId) ? viewerId : undefined;
  }

  item(fact: ItemFact): void {
    const prev = this.items.get(fact.id);
    if (prev) this.items.set(fact.id, { ...prev, ...fact, authorId: fact.authorId || prev.authorId });
    else if (this.items.size < MAX_FACT_ITEMS) this.items.set(fact.id, fact);
  }

  /** A GraphQL tweet result (already unwrapped from TweetWithVisibilityResults). */
  tweet(t: Json): void {
    const id = t.rest_id;
    if (!isXId(id)) return;
    const legacy = rec(t.legacy);
    const authorId = rec(rec(rec(t.core)?.user_results)?.result)?.rest_id;
    const fact: ItemFact = { id, authorId: isXId(authorId) ? authorId : (idOr(legacy?.user_id_str) ?? '') };
    const inReplyTo = idOr(legacy?.in_reply_to_user_id_str);
    const conversation = idOr(legacy?.conversation_id_str);
    if (inReplyTo !== undefined) fact.inReplyToAuthorId = inReplyTo;
    if (conversation !== undefined) fact.conversationId = conversation;
    this.item(fact);
  }

  /** Older REST v2 notifications: `globalObjects.users` and `.tweets` are maps keyed by id. */
  restGlobals(g: Json): void {
    for (const u of values(rec(g.users), MAX_FACT_ACCOUNTS)) {
      const user = rec(u);
      if (user) this.account(readRestUser(user));
    }
    for (const t of values(rec(g.tweets), MAX_FACT_ITEMS)) {
      const tweet = rec(t);
      const id = tweet?.id_str;
      if (!tweet || !isXId(id)) continue;
      const fact: ItemFact = { id, authorId: idOr(tweet.user_id_str) ?? '' };
      const inReplyTo = idOr(tweet.in_reply_to_user_id_str);
      const conversation = idOr(tweet.conversation_id_str);
      if (inReplyTo !== undefined) fact.inReplyToAuthorId = inReplyTo;
      if (conversation !== undefined) fact.conversationId = conversation;
      this.item(fact);
    }
  }

  /**
   * Looks at one object for the shapes we know; the walk itself finds them wherever they nest. Runs
   * for every object of every response: the common case (none of these keys) costs a few reads.
   */
  inspect(o: Json): void {
    const type = o.__typename;
    if (type === 'User') this.account(readGraphqlUser(o));
    else if (type === 'Tweet') this.tweet(o);
    else if (type === 'TweetWithVisibilityResults') {
      const inner = rec(o.tweet);
      if (inner) this.tweet(inner);
    }
    // GraphQL marks promotion on the item content, next to the tweet; REST v2 on the entry's
    // `tweet: {id, promotedMetadata}` object itself.
    if (o.promotedMetadata !== undefined && o.promotedMetadata !== null) {
      const id = tweetId(rec(rec(o.tweet_results)?.result)) ?? idOr(o.id);
      if (id !== undefined) this.promoted.add(id);
    }
    if (o.itemType === 'TimelineUser' || type === 'TimelineUser') {
      const id = rec(rec(o.user_results)?.result)?.rest_id;
      if (isXId(id)) this.listed.add(id);
    }
    if (o.viewer !== undefined) this.viewer(o.viewer);
    if (o.viewer_v2 !== undefined) this.viewer(o.viewer_v2);
    if (o.globalObjects !== undefined) {
      const globals = rec(o.globalObjects);
      if (globals) this.restGlobals(globals);
    }
  }

  private viewer(v: unknown): void {
    const id = rec(rec(rec(v)?.user_results)?.result)?.rest_id;
    if (isXId(id)) this.viewerId = id;
  }
}

function idOr(v: unknown): string | undefined {
  return isXId(v) ? v : undefined;
}

function tweetId(result: Json | undefined): string | undefined {
  if (!result) return undefined;
  const t = result.__typename === 'TweetWithVisibilityResults' ? rec(result.tweet) : result;
  return idOr(t?.rest_id);
}

function* values(map: Json | undefined, max: number): Generator<unknown> {
  if (!map) return;
  let n = 0;
  for (const key in map) {
    if (n++ >= max) return;
    if (Object.prototype.hasOwnProperty.call(map, key)) yield map[key];
  }
}

/** Facts from one parsed X API response. Never throws; on hostile input returns what it safely could. */
export function xPageFacts(data: unknown, options: PageFactsOptions = {}): PageFacts {
  const c = new Collector(options.viewerId);
  try {
    walkJson(data, { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES }, (o) => {
      c.inspect(o);
      return c.full; // both buffers full: nothing more to learn
    });
  } catch {
    // Exotic input (getters, proxies) from a caller other than JSON.parse: keep what was collected.
  }
  for (const id of c.promoted) {
    const item = c.items.get(id);
    if (item) item.promoted = true;
    else if (c.items.size < MAX_FACT_ITEMS) c.items.set(id, { id, authorId: '', promoted: true });
  }
  if (options.ownFollowingList) {
    for (const id of c.listed) {
      const a = c.accounts.get(id);
      if (a) a.followed = true;
    }
  }
  // The viewer's relationship to themself is meaningless (X reports following: false).
  const self = c.viewerId === undefined ? undefined : c.accounts.get(c.viewerId);
  if (self) {
    delete self.followed;
    delete self.followsYou;
  }
  const facts: PageFacts = { site: x.id, accounts: [...c.accounts.values()], items: [...c.items.values()] };
  if (c.viewerId !== undefined) facts.viewerId = c.viewerId;
  if (options.ownFollowingList) facts.followingList = true;
  return facts;
}

/** The viewer's account id from X's `twid` cookie (`u=<id>`, often URL-encoded); no other cookie is read. */
export function viewerIdFromCookie(cookie: string): string | undefined {
  const m = /(?:^|;\s*)twid="?u(?:%3D|=)(\d{1,30})/.exec(cookie);
  return m?.[1];
}

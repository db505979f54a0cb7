// Every message between extension parts: one zod discriminated union plus a request → response map.
// Receivers validate with `Message.safeParse`; the background also checks the sender.
import { z } from 'zod';
import { Action, ItemKind, PageContext, ReasonCode, Why } from '../core/model';
import { problem } from '../core/problem';
import { Snapshot } from '../core/snapshot';
import { KnownSiteId } from '../sites/known-site-id';

export const LogEntryInput = z.object({
  /** A declared site: checked when a page reports an entry and when a backup is restored. */
  site: KnownSiteId,
  itemId: z.string().min(1).max(300),
  permalink: z.string().max(2000),
  authorId: z.string().max(200),
  handle: z.string().max(320),
  displayName: z.string().max(200),
  snippet: z.string().max(400),
  kind: ItemKind,
  context: PageContext,
  action: Action,
  ruleId: z.string().max(200),
  reasonCode: ReasonCode,
  /** Why, as data: worded in the reader's language where it is shown (core/reason-text.ts). */
  why: Why.optional(),
  /** Entries logged before reasons were data (and backups of them) carry only the English sentence. */
  reason: z.string().max(500).optional(),
  /** When it was filtered, ms since epoch. */
  at: z.number().int().nonnegative(),
}).refine((e) => e.why !== undefined || e.reason !== undefined, {
  message: 'an entry needs its reason (why, or the sentence)',
  params: { problem: problem('logNeedsReason') },
});
export type LogEntryInput = z.infer<typeof LogEntryInput>;

export const HealthStatus = z.enum(['working', 'degraded', 'paused']);
export type HealthStatus = z.infer<typeof HealthStatus>;

export const TabHealth = z.object({
  site: KnownSiteId,
  status: HealthStatus,
  /** Why it is degraded, in a sentence. */
  detail: z.string().max(500),
  url: z.string().max(2000),
  /** Items filtered on this page so far, by reason. */
  counts: z.partialRecord(ReasonCode, z.number().int().nonnegative()),
  seen: z.number().int().nonnegative(),
});
export type TabHealth = z.infer<typeof TabHealth>;

/** What failed to save: filtered items (the log), learned follows, or opening the database at all. */
export const StorageFaultWhat = z.enum(['log', 'follows', 'open']);
export type StorageFaultWhat = z.infer<typeof StorageFaultWhat>;

/**
 * A write that still failed after its retries, kept in storage.session until a later write of the
 * same kind succeeds (src/background/storage-faults.ts). The popup says what, why and how many.
 */
export const StorageFault = z.object({
  what: StorageFaultWhat,
  /** quota: the browser's storage for extensions is full; blocked: another Doorman page holds the database; error: anything else. */
  kind: z.enum(['quota', 'blocked', 'error']),
  /** The browser's own words (error name and message). */
  detail: z.string().max(500),
  /** When it last failed, ms since epoch. */
  at: z.number().int().nonnegative(),
  /** Distinct items (log entries, accounts) not saved since the last successful write. */
  lost: z.number().int().nonnegative(),
});
export type StorageFault = z.infer<typeof StorageFault>;

export const FollowFact = z.object({
  accountId: z.string().min(1).max(200),
  handle: z.string().max(320),
  following: z.boolean(),
});

/** An account whose follow state changed, as a follow delta carries it. */
export const FollowRef = z.object({ accountId: z.string().min(1).max(200), handle: z.string().max(320) });

/**
 * Follows learned since the snapshot at revision `base`: applying it to that snapshot gives the one at
 * `revision`. A tab at any other revision cannot apply it and asks for the whole snapshot instead.
 */
export const FollowDelta = z.object({
  site: KnownSiteId,
  base: z.number().int().nonnegative(),
  revision: z.number().int().nonnegative(),
  add: z.array(FollowRef).max(2_000),
  remove: z.array(FollowRef).max(2_000),
});
export type FollowDelta = z.infer<typeof FollowDelta>;

const DeltaEntry = z.object({
  site: z.string().max(32),
  accountId: z.string().max(200),
  handle: z.string().max(320),
  brand: z.enum(['brand', 'not-brand']).optional(),
});
const ListChange = z.object({ add: z.array(DeltaEntry).max(2_000), remove: z.array(DeltaEntry).max(2_000) });

/** The account lists changed since revision `base`, nothing else (core/lists-delta.ts). */
export const ListsDelta = z.object({
  base: z.number().int().nonnegative(),
  revision: z.number().int().nonnegative(),
  lists: z.object({ allowlist: ListChange, overrides: ListChange, follows: ListChange }),
});

export const Message = z.discriminatedUnion('type', [
  /** content → background: the current snapshot. */
  z.object({ type: z.literal('snapshot/get') }),
  /** content → background: items this page filtered (batched, deduplicated by site and item id). */
  z.object({ type: z.literal('log/report'), entries: z.array(LogEntryInput).max(500) }),
  /** content → background: follow state the page's API revealed. */
  z.object({
    type: z.literal('follows/learn'),
    site: KnownSiteId,
    source: z.enum(['page', 'following-list']),
    follows: z.array(FollowFact).max(2_000),
  }),
  /** content → background: inject the regex engine into my frame (a rule needs it). */
  z.object({ type: z.literal('regex/load') }),
  /** content → background: adapter health and counts for the popup. */
  z.object({ type: z.literal('health/report'), health: TabHealth }),
  /** popup → background: the health of a tab. */
  z.object({ type: z.literal('tab/health'), tabId: z.number().int() }),
  /** popup/options → background: writes that failed on storage and have not succeeded since. */
  z.object({ type: z.literal('storage/faults') }),
  /** background → content: the snapshot changed; here it is. */
  z.object({ type: z.literal('snapshot/changed'), snapshot: Snapshot }),
  /** background → content: follows learned since revision `base` (instead of a whole snapshot). */
  z.object({ type: z.literal('follows/changed'), delta: FollowDelta }),
  /** background → content: only account lists changed since revision `base` (instead of a whole snapshot). */
  z.object({ type: z.literal('lists/changed'), delta: ListsDelta }),
  /** popup/options → background: they wrote to the database; rebuild and push the snapshot. */
  z.object({ type: z.literal('data/changed') }),
  /** background → content: is a live content script here? (Orphans of an old version cannot answer.) */
  z.object({ type: z.literal('content/ping') }),
  /** options/popup → background: the Mastodon servers the user added. */
  z.object({ type: z.literal('servers/list') }),
  /** options/popup → background: run on this Mastodon server too (its host permission already granted by the user's click). */
  z.object({ type: z.literal('servers/add'), host: z.string().min(1).max(253) }),
  /** options/popup → background: stop on this server: its scripts unregistered, its permission given back. */
  z.object({ type: z.literal('servers/remove'), host: z.string().min(1).max(253) }),
  /** popup → content: reveal one collapsed or hidden item. */
  z.object({ type: z.literal('item/reveal'), itemId: z.string().min(1).max(300) }),
  /** background → content: reveal every collapsed item on the page (the keyboard command, background/commands.ts). */
  z.object({ type: z.literal('items/reveal-all') }),
  /** background → content: the item under the pointer at the last right-click (the context menu acts on it). */
  z.object({ type: z.literal('item/context') }),
  /** content → background: a right-click over an item of `handle` ('' over no item): the menu's titles follow. */
  z.object({ type: z.literal('menu/target'), handle: z.string().max(320) }),
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** The item a context menu acts on, as the content script read it at the right-click. */
export const ContextItem = z.object({
  site: KnownSiteId,
  itemId: z.string().min(1).max(300),
  authorId: z.string().max(200),
  handle: z.string().max(320),
  displayName: z.string().max(200),
});
export type ContextItem = z.infer<typeof ContextItem>;

export interface ResponseMap {
  'snapshot/get': Snapshot;
  'log/report': { added: number };
  'follows/learn': { changed: number };
  'regex/load': { loaded: boolean };
  'health/report': { ok: true };
  'tab/health': TabHealth | null;
  'storage/faults': StorageFault[];
  'snapshot/changed': { ok: true };
  /** `applied` false: the tab was at another revision and fetched the whole snapshot instead. */
  'follows/changed': { applied: boolean };
  'lists/changed': { applied: boolean };
  'data/changed': { revision: number };
  'item/reveal': { revealed: boolean };
  'items/reveal-all': { revealed: number };
  'item/context': { item: ContextItem | null };
  'menu/target': { ok: true };
  'content/ping': { alive: true };
  'servers/list': { hosts: string[] };
  /** `error`: why the server was not added (not a host name, already built in, no permission). */
  'servers/add': { ok: boolean; hosts: string[]; error?: string };
  'servers/remove': { hosts: string[] };
}

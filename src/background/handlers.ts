// Message dispatch for the service worker: validate, check the sender, await readiness, handle.
// Everything it needs comes in as dependencies, so tests drive it with fakes and a fake sender.
import { problem } from '../core/problem';
import { Message, TabHealth, type MessageOf, type MessageType, type ResponseMap, type StorageFaultWhat } from '../shared/messages';
import type { Snapshot } from '../core/snapshot';
import type { DoormanDB } from '../db/database';
import { createPublisher, type TabsLike } from './publish';
import { type CacheArea, currentSnapshot } from './snapshot';
import { learnFollowsDelta } from '../db/follows';
import { addLogEntries, maybePruneLog } from '../db/log';
import { noteAccountsSeen } from '../db/overrides';
import { getSettings } from '../db/settings';
import { describeZodError } from '../db/validation';
import { DatabaseBlockedError } from '../db/faults';
import { RETRY_DELAYS_MS, createFaultBook, retrying } from './storage-faults';
import type { ServerRegistry } from './servers';
import type { Toolbar } from './toolbar';

export interface SessionArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export interface BackgroundDeps {
  db: DoormanDB;
  runtimeId: string;
  /** `browser.runtime.getURL('')`: pages under it are the extension's own (popup, options). */
  extensionOrigin: string;
  local: CacheArea;
  session: SessionArea;
  tabs: TabsLike;
  contentMatches: readonly string[];
  /** Injects the regex engine file into a content script's frame; absent without the scripting API. */
  injectRegexEngine?: (target: { tabId: number; frameId: number }) => Promise<void>;
  /** Waits before each retry of a failed log or follows write (tests pass zeros). */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Mastodon servers added at run time (servers.ts); absent without the scripting API. */
  servers?: ServerRegistry;
  /** The toolbar button of each tab (toolbar.ts): fed every health report; absent in tests that do not look. */
  toolbar?: Toolbar;
}

/** The parts of runtime.MessageSender the checks use. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

type SenderKind = 'content' | 'extension';

/** Who may send what. Messages with no senders here are not for the background and are left alone. */
const ACCEPTS: Record<MessageType, readonly SenderKind[]> = {
  'snapshot/get': ['content', 'extension'],
  'log/report': ['content'],
  'follows/learn': ['content'],
  'regex/load': ['content'],
  'health/report': ['content'],
  'tab/health': ['extension'],
  'storage/faults': ['extension'],
  'data/changed': ['extension'],
  'snapshot/changed': [],
  'follows/changed': [],
  'lists/changed': [],
  'item/reveal': [],
  'items/reveal-all': [],
  'item/context': [],
  // The context menu's own listener takes it (context-menu.ts), checking the sender the same way.
  'menu/target': [],
  'content/ping': [],
  'servers/list': ['extension'],
  'servers/add': ['extension'],
  'servers/remove': ['extension'],
};

export function senderKind(sender: Sender, deps: Pick<BackgroundDeps, 'runtimeId' | 'extensionOrigin'>): SenderKind | null {
  if (sender.id !== deps.runtimeId) return null;
  if (sender.url?.startsWith(deps.extensionOrigin)) return 'extension';
  // A content script's sender carries the tab it runs in and the page's own URL.
  if (sender.tab?.id !== undefined && sender.tab.id >= 0) return 'content';
  return null;
}

export const healthKey = (tabId: number): string => `health:${tabId}`;

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export interface Background {
  /** Database open and snapshot cache current. Retried on the next message if it failed. */
  ready(): Promise<Snapshot>;
  /** The runtime.onMessage listener body: a promise for handled messages, undefined for ones left alone. */
  handle(raw: unknown, sender: Sender): Promise<unknown> | undefined;
  tabRemoved(tabId: number): Promise<void>;
  tabUpdated(tabId: number, change: { status?: string; url?: string }, tab?: { url?: string }): Promise<void>;
  /** The database changed outside a message (a keyboard command, sync): rebuild and push the snapshot. */
  dataChanged(): Promise<void>;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createBackground(deps: BackgroundDeps): Background {
  const { db, session } = deps;
  const publish = createPublisher(deps);
  const faults = createFaultBook(session);
  const retryDelays = deps.retryDelaysMs ?? RETRY_DELAYS_MS;
  const sleep = deps.sleep ?? wait;
  let readyPromise: Promise<Snapshot> | null = null;

  // An upgrade held up by an older Doorman page that keeps the database open: opening waits for it
  // to close. Until then writes fail at once (so senders keep what they wanted saved) and the popup says why.
  let blocked = false;
  const blockedWaiters = new Set<(e: Error) => void>();
  db.on('blocked', () => {
    blocked = true;
    for (const reject of blockedWaiters) reject(new DatabaseBlockedError());
    void faults.record('open', new DatabaseBlockedError(), []);
  });

  const ready = (): Promise<Snapshot> => {
    readyPromise ??= (async () => {
      await db.open();
      if (blocked) {
        blocked = false;
        await faults.clear('open');
      }
      return currentSnapshot(db, deps.local);
    })().catch((e: unknown) => {
      readyPromise = null;
      throw e;
    });
    return readyPromise;
  };

  /** ready(), but failing at once while the database open is blocked instead of waiting for good. */
  const usable = (): Promise<Snapshot> => {
    if (blocked) return Promise.reject(new DatabaseBlockedError());
    return new Promise<Snapshot>((resolve, reject) => {
      blockedWaiters.add(reject);
      ready().then(resolve, reject).finally(() => blockedWaiters.delete(reject));
    });
  };

  /**
   * A write on behalf of a content script, retried with growing waits. The outcome is recorded for
   * the popup: a success clears an earlier fault of its kind; a final failure notes which items
   * were not saved, and rejects so the sender keeps them to send again.
   */
  const save = async <T>(what: StorageFaultWhat, keys: readonly string[], write: () => Promise<T>): Promise<T> => {
    try {
      const result = await retrying(async () => {
        await usable();
        return write();
      }, retryDelays, sleep);
      await faults.clear(what);
      return result;
    } catch (e) {
      await faults.record(what, e, [...new Set(keys)]);
      throw e;
    }
  };

  /** Follow-up work whose failure loses nothing the sender needs to resend. */
  const besides = async (what: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      console.warn(`doorman: ${what} failed:`, e);
    }
  };

  type Handler<T extends MessageType> = (msg: MessageOf<T>, sender: Sender) => Promise<ResponseMap[T]>;
  const handlers: { [T in MessageType]?: Handler<T> } = {
    'snapshot/get': async () => {
      await usable();
      return currentSnapshot(db, deps.local);
    },

    'log/report': async (msg) => {
      const keys = msg.entries.map((e) => `${e.site}:${e.itemId}`);
      const added = await save('log', keys, () => addLogEntries(db, msg.entries));
      if (added > 0) {
        await besides('refreshing seen accounts', async () => {
          const { renamed } = await noteAccountsSeen(db, msg.entries.map((e) => ({ ...e, accountId: e.authorId })));
          if (renamed) await publish.full();
        });
        await besides('pruning the log', async () => maybePruneLog(db, (await getSettings(db)).log));
      }
      return { added };
    },

    'follows/learn': async (msg) => {
      const keys = msg.follows.map((f) => `${msg.site}:${f.accountId}`);
      const learned = await save('follows', keys, () => learnFollowsDelta(db, msg.site, msg.follows, msg.source));
      // Tabs get the few accounts that changed, not a whole snapshot to re-parse and re-classify;
      // a change too large for one delta (learned.gap) goes out as the whole snapshot.
      if (learned.gap) await publish.full();
      else if (learned.changed > 0) {
        const { base, revision, added: add, removed: remove } = learned;
        await publish.delta({ site: msg.site, base, revision, add, remove });
      }
      return { changed: learned.changed };
    },

    // Into the sender's own frame and world only: it is the content script that asked.
    'regex/load': async (_msg, sender) => {
      const tabId = sender.tab?.id;
      if (!deps.injectRegexEngine || tabId === undefined) return { loaded: false };
      await deps.injectRegexEngine({ tabId, frameId: sender.frameId ?? 0 });
      return { loaded: true };
    },

    // Health lives in storage.session (no database): it survives a worker restart, not a browser restart.
    'health/report': async (msg, sender) => {
      const tabId = sender.tab?.id ?? -1;
      await session.set({ [healthKey(tabId)]: msg.health });
      await deps.toolbar?.show(tabId, msg.health);
      return { ok: true };
    },

    'tab/health': async (msg) => {
      const key = healthKey(msg.tabId);
      const parsed = TabHealth.safeParse((await session.get(key))[key]);
      return parsed.success ? parsed.data : null;
    },

    'storage/faults': async () => faults.list(),

    'servers/list': async () => ({ hosts: (await deps.servers?.list()) ?? [] }),
    'servers/add': async (msg) => {
      if (!deps.servers) return { ok: false, hosts: [], problem: problem('serversUnsupported') };
      return deps.servers.add(msg.host);
    },
    'servers/remove': async (msg) => ({ hosts: (await deps.servers?.remove(msg.host))?.hosts ?? [] }),

    'data/changed': async () => {
      await usable();
      return { revision: (await publish.full()).revision };
    },
  };

  const handle = (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in ACCEPTS)) return undefined;
    const accepted = ACCEPTS[type as MessageType];
    if (accepted.length === 0) return undefined;
    const kind = senderKind(sender, deps);
    if (kind === null || !accepted.includes(kind)) {
      return Promise.reject(new Error(`doorman: ${type} is not accepted from ${kind ?? 'an unknown sender'}`));
    }
    const parsed = Message.safeParse(raw);
    if (!parsed.success) return Promise.reject(new Error(`doorman: invalid ${type}: ${describeZodError(parsed.error)}`));
    const msg = parsed.data;
    const handler = handlers[msg.type] as Handler<typeof msg.type> | undefined;
    return handler?.(msg, sender);
  };

  return {
    ready,
    handle,
    async tabRemoved(tabId) {
      await session.remove(healthKey(tabId));
      deps.toolbar?.forget(tabId);
    },
    // A tab that leaves the site (or navigates somewhere Doorman has no access to, so the URL is
    // hidden) loses its health. Same-site navigations keep it: the content script's next report replaces it.
    async tabUpdated(tabId, change, tab) {
      if (change.status !== 'loading' && change.url === undefined) return;
      // A page load starts counting afresh: the plain button until its content script reports.
      if (change.status === 'loading') await deps.toolbar?.show(tabId, null);
      const key = healthKey(tabId);
      const stored = TabHealth.safeParse((await session.get(key))[key]);
      if (!stored.success) return;
      const next = change.url ?? tab?.url;
      if (next === undefined || originOf(next) === null || originOf(next) !== originOf(stored.data.url)) {
        await session.remove(key);
      }
    },
    async dataChanged() {
      await usable();
      await publish.full();
    },
  };
}

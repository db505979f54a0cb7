// Shared fixtures for the storage and service-worker tests: a fresh fake-indexeddb database per
// test, a dump of every table for byte-for-byte comparisons, and fake extension storage and tabs.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { DoormanDB } from '../../../src/db/database';
import type { RuleInput } from '../../../src/core/rules';
import type { LogEntryInput, Message } from '../../../src/shared/messages';

let counter = 0;
const opened: Dexie[] = [];

export function uniqueName(prefix = 'doorman-test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function freshDb(name = uniqueName()): DoormanDB {
  const db = new DoormanDB(name, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}

export function rawDb(name: string): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  opened.push(db);
  return db;
}

/** Call from afterEach: closes and deletes every database the test opened. */
export async function dropAll(): Promise<void> {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  const byName = new Map(dbs.map((db) => [db.name, db]));
  // The instance's delete() uses the fake indexedDB it was given (the static one may predate it).
  for (const db of byName.values()) await db.delete();
}

/** Every table's rows in primary-key order, as one JSON string. */
export async function dumpDb(db: DoormanDB): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.allTables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

export function rule(id: string, over: Partial<RuleInput> = {}): RuleInput {
  return {
    id,
    name: `Rule ${id}`,
    when: { type: 'text', mode: 'contains', pattern: 'promo code' },
    then: { class: 'interruption', action: 'collapse' },
    ...over,
  };
}

export function logEntry(itemId: string, over: Partial<LogEntryInput> = {}): LogEntryInput {
  return {
    site: 'x',
    itemId,
    permalink: `https://x.com/acme/status/${itemId}`,
    authorId: '42',
    handle: 'acme',
    displayName: 'Acme Inc.',
    snippet: 'Use code SAVE10',
    kind: 'reply',
    context: 'home',
    action: 'collapse',
    ruleId: 'policy:balanced:brand',
    reasonCode: 'brand-reply',
    reason: 'Reply from @acme, a brand you don\'t follow',
    at: 1_700_000_000_000,
    ...over,
  };
}

/** A Map-backed storage area; `failWrites` makes set() throw like a full quota. */
export class FakeArea {
  readonly data = new Map<string, unknown>();
  failWrites: Error | null = null;
  writes = 0;

  async get(key: string): Promise<Record<string, unknown>> {
    return this.data.has(key) ? { [key]: structuredClone(this.data.get(key)) } : {};
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    this.writes += 1;
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }

  async remove(key: string): Promise<void> {
    this.data.delete(key);
  }
}

/** Tabs that answer messages; tabs in `withoutContentScript` reject like Chrome does. */
export class FakeTabs {
  readonly sent: { tabId: number; message: Message }[] = [];
  queries: unknown[] = [];
  constructor(
    public open: { id?: number; url?: string }[] = [],
    public withoutContentScript = new Set<number>(),
  ) {}

  async query(q: { url?: string | string[] }): Promise<{ id?: number }[]> {
    this.queries.push(q);
    return this.open;
  }

  async sendMessage(tabId: number, message: Message): Promise<unknown> {
    if (this.withoutContentScript.has(tabId)) {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    this.sent.push({ tabId, message });
    return { ok: true };
  }
}

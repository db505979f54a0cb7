// The extension's IndexedDB database (Dexie), shared by the background, popup and options pages.
// It lives in the extension origin: content scripts never open it (they would get the site's origin)
// and receive a compiled snapshot by message instead.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { AllowEntry, BrandOverrideEntry, FollowEntry } from '../core/lists';
import type { Rule } from '../core/rules';
import type { LogEntryInput } from '../shared/messages';
import { migrateV1toV2 } from './migrations';

export const DB_NAME = 'doorman';

/** A user rule and its place in the list (first match wins, ascending `order`). */
export type RuleRow = Rule & { order: number };
/** `key` is `site#accountId` when the id is known, else `site@handle` (see store/keys.ts). */
export type AllowRow = AllowEntry & { key: string };
export type FollowRow = FollowEntry & { key: string };
/** A brand override plus how the account last looked, so the options page can name it. */
export type AccountRow = BrandOverrideEntry & { key: string; displayName: string; seenAt: number };
export type LogRow = LogEntryInput & { id?: number };
/** v2: a single row `{key: 'settings', value: Settings}`; v1 kept one row per setting. */
export interface SettingsRow {
  key: string;
  value: unknown;
}
/** Bookkeeping numbers: the data revision (see store/revision.ts), when the log was last pruned. */
export interface MetaRow {
  key: string;
  value: number;
}

/** v1: the first released shape. Settings one row per key; the log had no reasonCode. Kept for the migration test. */
export const SCHEMA_V1 = {
  rules: 'id, order',
  allowlist: 'key, site, handle',
  follows: 'key, site, handle, learnedAt',
  accounts: 'key, site',
  log: '++id, &[site+itemId], at, site, authorId',
  settings: 'key',
} as const;

/** v2 (current): reasonCode indexed on the log, settings one validated object, a meta table for the revision. */
export const SCHEMA_V2 = {
  rules: 'id, order',
  allowlist: 'key, site, handle',
  follows: 'key, site, handle, learnedAt',
  accounts: 'key, site, brand',
  log: '++id, &[site+itemId], at, site, reasonCode, authorId',
  settings: 'key',
  meta: 'key',
} as const;

export class DoormanDB extends Dexie {
  rules!: Table<RuleRow, string>;
  allowlist!: Table<AllowRow, string>;
  follows!: Table<FollowRow, string>;
  accounts!: Table<AccountRow, string>;
  log!: Table<LogRow, number>;
  settings!: Table<SettingsRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(migrateV1toV2);
    // A newer Doorman (just updated) upgrading the database waits until every open connection has
    // closed. This one closes at once, so the upgrade is never held up by a popup or options page
    // left open; Dexie reopens it on its next use. (Dexie's default does the same; this does not
    // depend on it.) An upgrade that is held up anyway fires 'blocked', which the background reports.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: false });
    });
  }

  /** Every table, in a fixed order (transactions that touch everything, dumps, restores). */
  get allTables(): Table[] {
    return [this.rules, this.allowlist, this.follows, this.accounts, this.log, this.settings, this.meta];
  }
}

let shared: DoormanDB | undefined;

/** The extension pages' database. Throws when called from a web page's origin (a content script). */
export function getDb(): DoormanDB {
  const protocol = (globalThis as { location?: { protocol?: string } }).location?.protocol;
  if (protocol === 'http:' || protocol === 'https:') {
    throw new Error('Doorman\'s database lives in the extension origin; content scripts get the snapshot by message.');
  }
  // A Dexie handle is cheap and re-creatable, so caching it is not state a restart could lose.
  shared ??= new DoormanDB();
  return shared;
}

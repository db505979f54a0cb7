// What went wrong when IndexedDB refused a write, in three kinds a person can act on: the browser's
// storage for extensions is full (quota), another Doorman page holds the database at an older
// version (blocked), or anything else (error). Dexie reports a quota failure either directly or as
// the cause (`inner`) of the AbortError of the transaction it killed, or among a BulkError's
// failures, so the cause chain is followed.

import { problem, type Problem } from '../core/problem';

export type StorageFaultKind = 'quota' | 'blocked' | 'error';

const QUOTA_NAMES: ReadonlySet<string> = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
/** The database was closed under the write (an upgrade elsewhere) or opened at the wrong version. */
const BLOCKED_NAMES: ReadonlySet<string> = new Set(['DatabaseClosedError', 'VersionError', 'VersionChangeError']);
const MAX_DEPTH = 5;

/** The error and its causes (Dexie's `inner`, the standard `cause`), outermost first. */
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  let node = e;
  while (node !== null && node !== undefined && out.length < MAX_DEPTH && !out.includes(node)) {
    out.push(node);
    // A BulkError lists each failed operation instead of one cause; the first stands for them.
    const rec = node as { inner?: unknown; cause?: unknown; failures?: unknown };
    const first = Array.isArray(rec.failures) ? (rec.failures as unknown[])[0] : undefined;
    node = typeof node === 'object' ? (rec.inner ?? rec.cause ?? first) : undefined;
  }
  return out;
}

const nameOf = (e: unknown): string => (typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '');
const messageOf = (e: unknown): string =>
  typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message ?? '') : String(e);

/** The error raised when the database open is blocked by an older connection (see database.ts). */
export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
  constructor() {
    super('the database upgrade is blocked by another Doorman page that still has it open');
  }
}

export function storageFaultKind(e: unknown): StorageFaultKind {
  const chain = causes(e);
  if (chain.some((c) => QUOTA_NAMES.has(nameOf(c)) || /quota/i.test(messageOf(c)))) return 'quota';
  if (chain.some((c) => BLOCKED_NAMES.has(nameOf(c)) || c instanceof DatabaseBlockedError)) return 'blocked';
  return 'error';
}

/** One line for logs and stored fault records: the innermost cause's name and message. */
export function faultDetail(e: unknown): string {
  const chain = causes(e);
  const inner = chain[chain.length - 1] ?? e;
  const name = nameOf(inner);
  const text = messageOf(inner);
  return (name && !text.startsWith(name) ? `${name}: ${text}` : text).slice(0, 500);
}

/**
 * A write that failed on storage, not on its input: restore and import throw this so the file is not
 * blamed. `problem` is what the pages say (in the UI language); the English message stays for logs.
 */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
  readonly problem: Problem;
  constructor(
    readonly kind: StorageFaultKind,
    readonly detail: string,
  ) {
    super(
      kind === 'quota'
        ? `the browser's storage for extensions is full, so nothing was written (${detail}). Free some space (remove other extensions' data, or clear Doorman's log) and try again.`
        : kind === 'blocked'
          ? `the database is held open by another Doorman page with an older version, so nothing was written (${detail}). Close Doorman's other tabs and try again.`
          : `the database refused the write, so nothing was written (${detail}).`,
    );
    this.problem = problem(kind === 'quota' ? 'storageQuota' : kind === 'blocked' ? 'storageBlocked' : 'storageRefused', detail);
  }
}

/** Runs a write; a storage failure comes out as a StorageWriteError, anything else unchanged. */
export async function asStorageWrite<T>(write: () => Promise<T>, isInputError: (e: unknown) => boolean): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isInputError(e)) throw e;
    throw new StorageWriteError(storageFaultKind(e), faultDetail(e));
  }
}

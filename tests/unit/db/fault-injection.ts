// Storage faults on demand: a Dexie middleware on a real (fake-indexeddb) database that makes
// writes fail the way a full disk or quota does in a browser, for the first N writes or for good,
// and counts how many it refused. Install it before the database is first opened.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse } from 'dexie';
import type { DoormanDB } from '../../../src/db/database';

/**
 * quota: the DOMException IndexedDB raises; wrapped: the same inside Dexie's AbortError (how a
 * transaction the browser aborted for quota reports it); bulk: inside a BulkError's failures;
 * unknown: a disk error that says nothing about quota.
 */
export type FaultShape = 'quota' | 'wrapped' | 'bulk' | 'unknown';

export function faultError(shape: FaultShape): Error {
  const quota = new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
  switch (shape) {
    case 'quota':
      return quota;
    case 'wrapped':
      return new Dexie.AbortError('Transaction aborted', quota);
    case 'bulk':
      return new Dexie.BulkError('log.bulkAdd(): 1 of 1 operations failed', { 0: quota });
    case 'unknown':
      return new DOMException('Internal error opening backing store', 'UnknownError');
  }
}

export class WriteFaults {
  /** Writes still to refuse; Infinity refuses every write. */
  remaining = 0;
  /** Writes refused so far. */
  injected = 0;
  /** Only writes to these tables fail (all tables when empty). */
  tables = new Set<string>();
  constructor(public shape: FaultShape = 'quota') {}

  failNext(n: number, shape: FaultShape = this.shape): this {
    this.remaining = n;
    this.shape = shape;
    return this;
  }

  failAlways(shape: FaultShape = this.shape): this {
    return this.failNext(Infinity, shape);
  }

  heal(): this {
    this.remaining = 0;
    return this;
  }

  take(table: string): Error | null {
    if (this.remaining <= 0 || (this.tables.size > 0 && !this.tables.has(table))) return null;
    this.remaining -= 1;
    this.injected += 1;
    return faultError(this.shape);
  }
}

/** Makes `db`'s writes fail as `faults` says. */
export function injectWriteFaults(db: DoormanDB, faults = new WriteFaults()): WriteFaults {
  db.use({
    stack: 'dbcore',
    name: 'write-faults',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
            const error = faults.take(name);
            return error ? Promise.reject(error) : table.mutate(req);
          },
        };
      },
    }),
  });
  return faults;
}

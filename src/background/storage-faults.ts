// Writes the background could not make even after retrying: what failed, why, when, and how many
// distinct items went unsaved. Kept in storage.session (it survives a worker restart, like tab
// health) until a later write of the same kind succeeds; the popup asks for them ('storage/faults').
import { z } from 'zod';
import { faultDetail, storageFaultKind } from '../db/faults';
import { StorageFault, type StorageFaultWhat } from '../shared/messages';

export const FAULTS_KEY = 'storageFaults';
/** Item keys remembered per fault, so an item resent and refused again is counted once. */
export const MAX_FAULT_KEYS = 2_000;
/** Waits before each retry of a failed write: four attempts in about two seconds. */
export const RETRY_DELAYS_MS: readonly number[] = [100, 400, 1_500];

const FaultRecord = StorageFault.extend({
  keys: z.array(z.string().max(600)).max(MAX_FAULT_KEYS),
  /** Items counted past the remembered keys (a long outage); they may include repeats. */
  overflow: z.number().int().nonnegative(),
});
type FaultRecord = z.infer<typeof FaultRecord>;
const FaultRecords = z.partialRecord(z.enum(['log', 'follows', 'open']), FaultRecord);
type FaultRecords = z.infer<typeof FaultRecords>;

export interface FaultArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface FaultBook {
  /** Notes a failed write of `keys` (distinct item ids; none for opening the database). */
  record(what: StorageFaultWhat, error: unknown, keys: readonly string[], now?: number): Promise<void>;
  /** A write of this kind succeeded: its fault is over. Cheap when there was none. */
  clear(what: StorageFaultWhat): Promise<void>;
  list(): Promise<StorageFault[]>;
}

export function createFaultBook(area: FaultArea): FaultBook {
  // The records live in memory once read, mirrored to the area; one change at a time, in order.
  let loaded: Promise<FaultRecords> | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  const load = (): Promise<FaultRecords> => {
    loaded ??= area.get(FAULTS_KEY).then(
      (got) => {
        const parsed = FaultRecords.safeParse(got[FAULTS_KEY]);
        return parsed.success ? parsed.data : {};
      },
      () => ({}),
    );
    return loaded;
  };
  const save = async (records: FaultRecords) => {
    try {
      await area.set({ [FAULTS_KEY]: records });
    } catch (e) {
      // storage.session has its own quota; the record still holds in memory until the worker stops.
      console.error('doorman: could not keep the storage fault record:', e);
    }
  };
  const change = (fn: (records: FaultRecords) => boolean): Promise<void> => {
    const run = chain.then(async () => {
      const records = await load();
      if (fn(records)) await save(records);
    });
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    record(what, error, keys, now = Date.now()) {
      console.error(`doorman: could not save ${what} (${keys.length} items):`, error);
      return change((records) => {
        const prev = records[what];
        const known = new Set(prev?.keys ?? []);
        let overflow = prev?.overflow ?? 0;
        for (const k of keys) {
          if (known.has(k)) continue;
          if (known.size < MAX_FAULT_KEYS) known.add(k);
          else overflow += 1;
        }
        const next: FaultRecord = {
          what, kind: storageFaultKind(error), detail: faultDetail(error), at: now,
          lost: known.size + overflow, keys: [...known], overflow,
        };
        records[what] = next;
        return true;
      });
    },
    clear(what) {
      return change((records) => {
        if (!records[what]) return false;
        delete records[what];
        return true;
      });
    },
    async list() {
      await chain;
      const records = await load();
      return Object.values(records).map(({ keys: _k, overflow: _o, ...fault }) => fault);
    },
  };
}

/** Runs `write`, retrying after each of `delays` when it throws; the last error comes out. */
export async function retrying<T>(write: () => Promise<T>, delays: readonly number[], sleep: (ms: number) => Promise<void>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      const delay = delays[attempt];
      if (delay === undefined) throw e;
      await sleep(delay);
    }
  }
}

// A storage.sync area as the browsers implement it, quotas included: an item's size is its key plus
// the JSON of its value in UTF-8 bytes; a set() that would pass QUOTA_BYTES_PER_ITEM, QUOTA_BYTES or
// MAX_ITEMS fails whole with the browser's message and changes nothing. Two profiles sharing one
// instance see each other's writes at once, as if the sync service had delivered them.
import { SYNC_QUOTA } from '../../../src/db/sync-chunks';

const bytes = (s: string) => new TextEncoder().encode(s).length;

export class FakeSyncArea {
  readonly data = new Map<string, unknown>();
  readonly quota: { QUOTA_BYTES: number; QUOTA_BYTES_PER_ITEM: number; MAX_ITEMS: number };
  sets = 0;
  refused = 0;
  /** Called after each successful change with the keys changed (storage.onChanged). */
  onChanged: ((keys: string[]) => void) | null = null;

  constructor(quota: Partial<Record<keyof typeof SYNC_QUOTA, number>> = {}) {
    this.quota = { ...SYNC_QUOTA, ...quota };
  }

  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      if (bytes(k) + bytes(JSON.stringify(v)) > this.quota.QUOTA_BYTES_PER_ITEM) {
        this.refused++;
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      next.set(k, structuredClone(v));
    }
    if (next.size > this.quota.MAX_ITEMS) {
      this.refused++;
      throw new Error('MAX_ITEMS quota exceeded');
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(JSON.stringify(v));
    if (total > this.quota.QUOTA_BYTES) {
      this.refused++;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    this.sets++;
    this.onChanged?.(Object.keys(items));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }

  /** Bytes in use, counted as the browser counts. */
  bytesInUse(): number {
    let total = 0;
    for (const [k, v] of this.data) total += bytes(k) + bytes(JSON.stringify(v));
    return total;
  }
}

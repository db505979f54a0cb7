// The messages a content script takes, checked without a schema library. Only this extension's own
// background and pages can message a content script (runtime.onMessage never carries a web page's
// messages), so the check is for version skew and bugs, not attacks: the right type and the fields
// the handler reads, in range.
import type { Snapshot } from '../core/snapshot';
import { snapshotEnvelope } from './snapshot-source';
import { DELTA_LISTS, type ListsDelta } from '../core/lists-delta';
import type { FollowDelta } from '../shared/messages';
import { isCount, isObj, isText as str } from '../shared/value-checks';

export type ContentMessage =
  | { type: 'snapshot/changed'; snapshot: Snapshot }
  | { type: 'follows/changed'; delta: FollowDelta }
  | { type: 'lists/changed'; delta: ListsDelta }
  | { type: 'item/reveal'; itemId: string }
  | { type: 'items/reveal-all' }
  | { type: 'item/context' }
  | { type: 'content/ping' };

const MAX_DELTA = 2_000;

/**
 * A list of at most MAX_DELTA entries, each passing `ok`. Every index is looked at, holes included:
 * Array.prototype.every skips the holes of a sparse array (which a structured clone keeps), and the
 * handler would then meet `undefined` where it expects an entry.
 */
function listOf(v: unknown, ok: (entry: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length > MAX_DELTA) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
}

const refs = (v: unknown): boolean => listOf(v, (r) => isObj(r) && str(r.accountId, 1, 200) && str(r.handle, 0, 320));

function followDelta(v: unknown): FollowDelta | null {
  if (!isObj(v) || typeof v.site !== 'string' || !isCount(v.base) || !isCount(v.revision)) return null;
  return refs(v.add) && refs(v.remove) ? (v as unknown as FollowDelta) : null;
}

const entries = (v: unknown): boolean =>
  listOf(v, (e) => isObj(e) && typeof e.site === 'string' && str(e.accountId, 0, 200) && str(e.handle, 0, 320) &&
    (e.brand === undefined || e.brand === 'brand' || e.brand === 'not-brand'));

function listsDelta(v: unknown): ListsDelta | null {
  if (!isObj(v) || !isCount(v.base) || !isCount(v.revision) || !isObj(v.lists)) return null;
  const lists = v.lists;
  return DELTA_LISTS.every((name) => isObj(lists[name]) && entries(lists[name].add) && entries(lists[name].remove))
    ? (v as unknown as ListsDelta)
    : null;
}

export function readContentMessage(raw: unknown): ContentMessage | null {
  if (!isObj(raw)) return null;
  switch (raw.type) {
    case 'snapshot/changed': {
      const snapshot = snapshotEnvelope(raw.snapshot);
      return snapshot ? { type: raw.type, snapshot } : null;
    }
    case 'follows/changed': {
      const delta = followDelta(raw.delta);
      return delta ? { type: raw.type, delta } : null;
    }
    case 'lists/changed': {
      const delta = listsDelta(raw.delta);
      return delta ? { type: raw.type, delta } : null;
    }
    case 'item/reveal':
      return str(raw.itemId, 1, 300) ? { type: raw.type, itemId: raw.itemId } : null;
    case 'content/ping':
    case 'items/reveal-all':
    case 'item/context':
      return { type: raw.type };
    default:
      return null;
  }
}

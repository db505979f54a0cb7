// Where a content script gets the user's rules at start: the background's cached snapshot in
// storage.local (readable at document_start without waking IndexedDB), else the background itself.
// Changes arrive by message afterwards (snapshot-channel.ts).
import { emptySnapshot } from '../core/empty-snapshot';
import type { Snapshot } from '../core/snapshot';
import { SNAPSHOT_FORMAT, SNAPSHOT_KEY } from '../core/snapshot-format';
import { readLocal, send } from './extension-api';
import { isCount } from '../shared/value-checks';

const isArray = Array.isArray;

/**
 * The snapshot if `raw` has this version's envelope, else null (then the background is asked).
 *
 * Only the envelope, not the Snapshot schema: a snapshot is built by the background from data the
 * database validated when it was written (src/db/validation.ts), and reaches a content script only
 * through channels no page can write to (storage.local, runtime messages). What can go wrong is
 * version skew, a cache written by an older Doorman read after an update: the format number catches
 * it. A snapshot that still fails to compile is refused whole (snapshot-channel.ts). Checking the
 * whole schema here would put zod in every page load of every supported site.
 */
export function snapshotEnvelope(raw: unknown): Snapshot | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  if (s.format !== SNAPSHOT_FORMAT || !isCount(s.revision)) return null;
  if (typeof s.settings !== 'object' || s.settings === null || isArray(s.settings)) return null;
  if (!isArray(s.rules) || !isArray(s.allowlist) || !isArray(s.follows) || !isArray(s.overrides)) return null;
  return raw as Snapshot;
}

const validate = snapshotEnvelope;

/** The background's current snapshot, or null when it cannot be reached. */
export async function fetchSnapshot(): Promise<Snapshot | null> {
  try {
    return validate(await send({ type: 'snapshot/get' }));
  } catch {
    return null;
  }
}

/** Resolves with the freshest snapshot available; falls back to defaults so a broken cache never blocks the page. */
export async function loadSnapshot(): Promise<Snapshot> {
  try {
    const cached = validate(await readLocal(SNAPSHOT_KEY));
    if (cached) return cached;
  } catch {
    // fall through to asking the background
  }
  // Background unavailable (extension reloading): use defaults, which is what a new user has.
  return (await fetchSnapshot()) ?? emptySnapshot();
}

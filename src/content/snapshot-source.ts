// Where a content script gets the user's rules at start: the background's cached snapshot in
// storage.local (readable at document_start without waking IndexedDB), else the background itself.
// Changes arrive by message afterwards (snapshot-channel.ts).
import browser from 'webextension-polyfill';
import { SNAPSHOT_KEY, Snapshot, emptySnapshot } from '../core/snapshot';
import { send } from '../shared/runtime';


function validate(raw: unknown): Snapshot | null {
  const parsed = Snapshot.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

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
    const stored = await browser.storage.local.get(SNAPSHOT_KEY);
    const cached = validate(stored[SNAPSHOT_KEY]);
    if (cached) return cached;
  } catch {
    // fall through to asking the background
  }
  // Background unavailable (extension reloading): use defaults, which is what a new user has.
  return (await fetchSnapshot()) ?? emptySnapshot();
}

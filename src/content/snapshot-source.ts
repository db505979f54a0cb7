// Where a content script gets the user's rules: the background's cached snapshot in storage.local
// (readable at document_start without waking IndexedDB), then every change as it is written.
import browser from 'webextension-polyfill';
import { Snapshot, emptySnapshot } from '../core/snapshot';
import { send } from '../shared/runtime';

export const SNAPSHOT_KEY = 'snapshot';

function validate(raw: unknown): Snapshot | null {
  const parsed = Snapshot.safeParse(raw);
  return parsed.success ? parsed.data : null;
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
  try {
    const fresh = validate(await send({ type: 'snapshot/get' }));
    if (fresh) return fresh;
  } catch {
    // background unavailable (extension reloading): use defaults, which is what a new user has
  }
  return emptySnapshot();
}

/** Calls back with each newer snapshot, from storage changes or a direct push from the background. */
export function watchSnapshot(onSnapshot: (s: Snapshot) => void): () => void {
  const onStorage = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_KEY in changes)) return;
    const next = validate(changes[SNAPSHOT_KEY]?.newValue);
    if (next) onSnapshot(next);
  };
  browser.storage.onChanged.addListener(onStorage);
  return () => browser.storage.onChanged.removeListener(onStorage);
}

// This device's sync state (db/sync-state.ts, in storage.local) for the pages that show the sync
// switch: the options' Shortcuts & sync section and the first-run page. Reaches storage through the
// page's global (like ui/i18n.ts), so those pages render in unit tests without an extension API.
import { useEffect, useState } from 'preact/hooks';
import { SYNC_STATE_KEY, chooseSync, readSyncState, type SyncState } from '../db';

type Listener = (changes: Record<string, unknown>, area: string) => void;

interface StorageApi {
  local?: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  onChanged?: { addListener(l: Listener): void; removeListener(l: Listener): void };
}

function storage(): StorageApi | undefined {
  const g = globalThis as { browser?: { storage?: StorageApi }; chrome?: { storage?: StorageApi } };
  return g.browser?.storage ?? g.chrome?.storage;
}

/** The stored state, kept current as the background or another page writes it; undefined until read. */
export function useSyncState(): SyncState | undefined {
  const [state, setState] = useState<SyncState>();
  useEffect(() => {
    const local = storage()?.local;
    const read = () => void local?.get(SYNC_STATE_KEY).then((r) => setState(readSyncState(r[SYNC_STATE_KEY], () => '')), () => undefined);
    read();
    const onChanged: Listener = (changes, area) => {
      if (area === 'local' && SYNC_STATE_KEY in changes) read();
    };
    storage()?.onChanged?.addListener(onChanged);
    return () => storage()?.onChanged?.removeListener(onChanged);
  }, []);
  return state;
}

/** The user flipped the switch; false when there is no storage to record it in. */
export async function setSyncChoice(enabled: boolean): Promise<boolean> {
  const local = storage()?.local;
  if (!local) return false;
  await chooseSync(local, enabled);
  return true;
}

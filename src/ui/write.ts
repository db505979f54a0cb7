// Every change the pages make: a store function (validated, one transaction), then a nudge to the
// background so open tabs get the new snapshot without reloading. A write the browser refuses
// (storage full, database blocked) comes out as a StorageWriteError that says so in words; the
// transaction changed nothing, so what the person was doing (a rule in its form) is still theirs.
import { StorageWriteError, faultDetail, storageFaultKind, type DoormanDB } from '../db';
import type { Announce } from './announcer';
import { t } from './i18n';
import type { Env } from './platform';
import { errorDetail } from './problems';

function plainStorageError(e: unknown): unknown {
  if (e instanceof StorageWriteError) return e;
  const kind = storageFaultKind(e);
  // 'error' also covers a validation message (a rule the schema refuses): that one stays as it is.
  return kind === 'error' ? e : new StorageWriteError(kind, faultDetail(e));
}

export async function write<T>(env: Env, change: (db: DoormanDB) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await change(env.db);
  } catch (e) {
    throw plainStorageError(e);
  }
  try {
    await env.platform.notifyChanged();
  } catch (e) {
    // The write itself stands; tabs still pick the change up from the snapshot cache on their next load.
    console.warn('doorman: could not notify the background of a change', e);
  }
  return result;
}

/** Runs a page action; a failure is announced ("Could not …: <why>") instead of vanishing as an unhandled rejection. */
export async function announcingFailure(announce: Announce, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (e) {
    announce(t('actionFailed', errorDetail(e)));
  }
}

// Every change the pages make: a store function (validated, one transaction), then a nudge to the
// background so open tabs get the new snapshot without reloading.
import type { DoormanDB } from '../db';
import type { Env } from './platform';

export async function write<T>(env: Env, change: (db: DoormanDB) => Promise<T>): Promise<T> {
  const result = await change(env.db);
  try {
    await env.platform.notifyChanged();
  } catch (e) {
    // The write itself stands; tabs still pick the change up from the snapshot cache on their next load.
    console.warn('doorman: could not notify the background of a change', e);
  }
  return result;
}

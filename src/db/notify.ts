// For the popup and options pages: after writing to the database, tell the background so it
// rebuilds the snapshot and pushes it to open pages.
import { send } from '../shared/runtime';

/** Resolves with the new snapshot revision. */
export async function notifyChanged(): Promise<number> {
  return (await send({ type: 'data/changed' })).revision;
}

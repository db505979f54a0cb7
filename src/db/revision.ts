// The data revision: a counter bumped, in the same transaction, by every write that changes what a
// snapshot contains. The snapshot carries it, so a cached snapshot is current exactly when the
// numbers match, and content scripts can drop older copies. It only ever goes up.
import type { DoormanDB } from './database';

const REVISION_KEY = 'revision';

export async function currentRevision(db: DoormanDB): Promise<number> {
  return (await db.meta.get(REVISION_KEY))?.value ?? 0;
}

/** Call inside a 'rw' transaction that includes `db.meta`, next to the write it accounts for. */
export async function bumpRevision(db: DoormanDB): Promise<number> {
  const next = (await currentRevision(db)) + 1;
  await db.meta.put({ key: REVISION_KEY, value: next });
  return next;
}

/** Lifts the counter to at least `floor` (e.g. above a cached snapshot that outlived a wiped database). */
export async function raiseRevision(db: DoormanDB, floor: number): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const current = await currentRevision(db);
    if (current >= floor) return current;
    await db.meta.put({ key: REVISION_KEY, value: floor });
    return floor;
  });
}

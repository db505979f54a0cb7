// The snapshot's envelope: where the background caches it and which shape it has. Plain constants,
// so the content script can read its cache without the schema library (see content/snapshot-source.ts).

/** Where the background caches the snapshot in storage.local, for content scripts to read at document_start. */
export const SNAPSHOT_KEY = 'snapshot';

/** Raise it whenever the snapshot's shape changes, so scripts of one version never read another's cache. */
export const SNAPSHOT_FORMAT = 1;

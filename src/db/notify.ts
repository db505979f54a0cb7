// For the popup and options pages: after writing to the database, tell the background so it
// rebuilds the snapshot and pushes it to open pages.

/** Resolves with the new snapshot revision. */
export async function notifyChanged(): Promise<number> {
  // Loaded on first use: webextension-polyfill throws when evaluated outside an extension, and this
  // module is re-exported by src/db/index.ts, which every UI module imports (and unit tests load).
  const { send } = await import('../shared/runtime');
  return (await send({ type: 'data/changed' })).revision;
}

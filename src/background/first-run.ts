// Install and update, as people see them: the first-run page opens once, on install (never on an
// update or a browser start: an update is told apart by its reason, and a mark in storage.local
// keeps a repeated 'install' from opening it twice); an update to a version with visible changes leaves a note for the popup.
import { RELEASE_NOTES, WHATS_NEW_KEY } from '../shared/release-notes';

export const FIRST_RUN_PAGE = 'src/firstrun/index.html';
/** storage.local key: when the first-run page was opened (so never twice). */
export const FIRST_RUN_KEY = 'firstRunShown';

export interface FirstRunDeps {
  /** Opens an extension page in a new tab. */
  openTab(path: string): Promise<unknown>;
  local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  /** The version now installed (the manifest's). */
  version: string;
  notes?: Readonly<Record<string, string>>;
}

export type InstallOutcome = 'first-run' | 'whats-new' | 'nothing';

export async function onInstalledNotice(
  details: { reason: string; previousVersion?: string },
  deps: FirstRunDeps,
): Promise<InstallOutcome> {
  if (details.reason === 'install') {
    // Once per profile: Chromium reports an extension loaded from the command line as installed on
    // every launch; the mark (gone with the extension's storage on uninstall) tells a real install.
    if ((await deps.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY] !== undefined) return 'nothing';
    await deps.local.set({ [FIRST_RUN_KEY]: { at: Date.now(), version: deps.version } });
    await deps.openTab(FIRST_RUN_PAGE);
    return 'first-run';
  }
  const notes = deps.notes ?? RELEASE_NOTES;
  if (details.reason === 'update' && details.previousVersion !== deps.version && notes[deps.version] !== undefined) {
    await deps.local.set({ [WHATS_NEW_KEY]: { version: deps.version } });
    return 'whats-new';
  }
  return 'nothing';
}

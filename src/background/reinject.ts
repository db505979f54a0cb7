// After an install or update, pages already open get the new content scripts. Chromium does not
// inject manifest content scripts into existing tabs, and the old ones stay behind, orphaned: the
// new instance takes the page over from them (src/content/instance.ts). Firefox injects them
// itself; a second injection there is harmless (the same-world handle retires the first).

export interface ContentScriptDecl {
  matches?: string[];
  js?: string[];
  world?: string;
}

export interface ScriptingLike {
  executeScript(injection: { target: { tabId: number }; files: string[]; world?: 'ISOLATED' | 'MAIN' }): Promise<unknown>;
}

export interface ReinjectDeps {
  contentScripts: readonly ContentScriptDecl[];
  tabs: { query(query: { url?: string | string[] }): Promise<{ id?: number; discarded?: boolean }[]> };
  /** Absent when the browser offers no scripting API (or the permission is missing): nothing to do. */
  scripting: ScriptingLike | undefined;
}

/** Injects each content script into the open tabs it matches, in manifest order. Returns the injections that worked. */
export async function reinjectContentScripts(deps: ReinjectDeps): Promise<number> {
  if (!deps.scripting) return 0;
  let done = 0;
  for (const cs of deps.contentScripts) {
    if (!cs.matches?.length || !cs.js?.length) continue;
    const open = await deps.tabs.query({ url: cs.matches });
    const world = cs.world === 'MAIN' ? 'MAIN' : 'ISOLATED';
    const results = await Promise.allSettled(open.flatMap((t) =>
      // A discarded tab loads afresh (with the manifest's scripts) when it is next shown.
      t.id === undefined || t.discarded ? [] : [deps.scripting!.executeScript({ target: { tabId: t.id }, files: cs.js!, world })],
    ));
    done += results.filter((r) => r.status === 'fulfilled').length;
  }
  return done;
}

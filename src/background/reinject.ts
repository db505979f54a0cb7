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
  /** Whether a live content script of this version answers in the tab (then it needs nothing). */
  ping(tabId: number): Promise<boolean>;
}

/**
 * Injects each content script into the open tabs it matches, in manifest order, skipping tabs where
 * one already runs (a tab that loaded after the update got the manifest's). Returns the injections that worked.
 */
export async function reinjectContentScripts(deps: ReinjectDeps): Promise<number> {
  if (!deps.scripting) return 0;
  const served = new Map<number, Promise<boolean>>();
  const needs = (tabId: number) => {
    let p = served.get(tabId);
    if (!p) {
      p = deps.ping(tabId).then((live) => !live, () => true);
      served.set(tabId, p);
    }
    return p;
  };
  let done = 0;
  for (const cs of deps.contentScripts) {
    if (!cs.matches?.length || !cs.js?.length) continue;
    const open = await deps.tabs.query({ url: cs.matches });
    const world = cs.world === 'MAIN' ? 'MAIN' : 'ISOLATED';
    const results = await Promise.allSettled(open.map(async (t) => {
      // A discarded tab loads afresh (with the manifest's scripts) when it is next shown.
      if (t.id === undefined || t.discarded || !(await needs(t.id))) return false;
      await deps.scripting!.executeScript({ target: { tabId: t.id }, files: cs.js!, world });
      return true;
    }));
    done += results.filter((r) => r.status === 'fulfilled' && r.value).length;
  }
  return done;
}

// Mastodon servers the user adds at run time. The options page (or popup) asks for the one host
// permission from the user's click; the background then registers both Mastodon scripts there
// (`scripting.registerContentScripts`, ids per host, persistAcrossSessions, document_start, the
// MAIN-world reader first) and injects them into tabs already open on it. Removing a server
// unregisters its scripts and gives the permission back. The stored list (db/servers.ts) is the
// user's intent; `reconcile` brings scripts in line with it and with the permissions still granted.

import { problem, type Problem } from '../core/problem';

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  world?: 'MAIN' | 'ISOLATED';
  persistAcrossSessions: boolean;
}

export interface ServerScripting {
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  executeScript(injection: { target: { tabId: number }; files: string[]; world?: 'ISOLATED' | 'MAIN' }): Promise<unknown>;
}

export interface ServerPermissions {
  contains(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
}

export interface ServerDeps {
  scripting: ServerScripting;
  permissions: ServerPermissions;
  tabs: { query(q: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]> };
  store: { list(): Promise<string[]>; save(hosts: readonly string[]): Promise<void> };
  /** The built Mastodon scripts, as the manifest names them for the fixed servers. */
  files: { pageWorld: string; content: string };
  /** Hosts Doorman already covers in its manifest (the fixed Mastodon servers, X): not added again. */
  fixedHosts: readonly string[];
  isHost(v: unknown): v is string;
  /** Told the added hosts after every change (the snapshot publisher reaches their tabs then). */
  onChange?(hosts: readonly string[]): void;
}

/** A refusal says why as a problem (core/problem.ts): the page words it in the UI language. */
export type AddResult = { ok: true; hosts: string[] } | { ok: false; problem: Problem; hosts: string[] };

const PREFIX = 'doorman-mastodon:';
export const scriptIds = (host: string): [string, string] => [`${PREFIX}${host}:page-world`, `${PREFIX}${host}:content`];
export const originOf = (host: string): string => `https://${host}/*`;
const hostOfId = (id: string): string | null => (id.startsWith(PREFIX) ? (id.slice(PREFIX.length).split(':')[0] ?? null) : null);

export interface ServerRegistry {
  list(): Promise<string[]>;
  add(host: string): Promise<AddResult>;
  remove(host: string): Promise<{ hosts: string[] }>;
  reconcile(): Promise<string[]>;
}

export function createServerRegistry(deps: ServerDeps): ServerRegistry {
  const fixed = new Set(deps.fixedHosts);

  const scriptsFor = (host: string): RegisteredScript[] => {
    const [main, content] = scriptIds(host);
    const matches = [originOf(host)];
    return [
      { id: main, matches, js: [deps.files.pageWorld], runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true },
      { id: content, matches, js: [deps.files.content], runAt: 'document_start', world: 'ISOLATED', persistAcrossSessions: true },
    ];
  };

  const registeredHosts = async (): Promise<Set<string>> => {
    const scripts = await deps.scripting.getRegisteredContentScripts();
    return new Set(scripts.flatMap((s) => hostOfId(s.id) ?? []));
  };

  const unregister = async (host: string): Promise<void> => {
    const ids = new Set(scriptIds(host));
    const present = (await deps.scripting.getRegisteredContentScripts()).filter((s) => ids.has(s.id)).map((s) => s.id);
    if (present.length > 0) await deps.scripting.unregisterContentScripts({ ids: present });
  };

  /** Both scripts into each tab already open on the server: the reader first, as at document_start. */
  const injectOpenTabs = async (host: string): Promise<void> => {
    const open = await deps.tabs.query({ url: [originOf(host)] });
    await Promise.allSettled(open.map(async (t) => {
      if (t.id === undefined || t.discarded) return;
      await deps.scripting.executeScript({ target: { tabId: t.id }, files: [deps.files.pageWorld], world: 'MAIN' });
      await deps.scripting.executeScript({ target: { tabId: t.id }, files: [deps.files.content], world: 'ISOLATED' });
    }));
  };

  const saved = async (hosts: readonly string[]): Promise<string[]> => {
    await deps.store.save(hosts);
    const list = await deps.store.list();
    deps.onChange?.(list);
    return list;
  };

  return {
    list: () => deps.store.list(),

    async add(raw) {
      const host = raw.trim().toLowerCase();
      const hosts = await deps.store.list();
      if (!deps.isHost(host)) return { ok: false, problem: problem('serverNotHost', raw.slice(0, 100)), hosts };
      if (fixed.has(host)) return { ok: false, problem: problem('serverBuiltIn', host), hosts };
      // The permission is asked for by the page, from the user's click; here it must already be granted.
      if (!(await deps.permissions.contains({ origins: [originOf(host)] }))) {
        return { ok: false, problem: problem('serverNoPermission', host), hosts };
      }
      if (!(await registeredHosts()).has(host)) {
        await unregister(host); // a half-registered pair from an interrupted add
        await deps.scripting.registerContentScripts(scriptsFor(host));
      }
      const list = await saved([...hosts.filter((h) => h !== host), host]);
      await injectOpenTabs(host);
      return { ok: true, hosts: list };
    },

    async remove(raw) {
      const host = raw.trim().toLowerCase();
      await unregister(host);
      if (deps.isHost(host) && !fixed.has(host)) await deps.permissions.remove({ origins: [originOf(host)] });
      return { hosts: await saved((await deps.store.list()).filter((h) => h !== host)) };
    },

    async reconcile() {
      const wanted = await deps.store.list();
      const registered = await registeredHosts();
      const kept: string[] = [];
      for (const host of wanted) {
        // A permission the user took back in the browser's own settings: the server is off.
        if (fixed.has(host) || !(await deps.permissions.contains({ origins: [originOf(host)] }))) continue;
        if (!registered.has(host)) await deps.scripting.registerContentScripts(scriptsFor(host));
        kept.push(host);
      }
      for (const host of registered) if (!kept.includes(host)) await unregister(host);
      return saved(kept);
    },
  };
}

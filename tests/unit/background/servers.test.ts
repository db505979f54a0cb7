// Mastodon servers added at run time: the registry registers both scripts for a granted host (ids per
// host, persistent, document_start, the MAIN reader first), injects them into open tabs, and on
// removal unregisters them and gives the permission back; reconcile follows the stored list and the
// permissions still granted. Fakes stand in for the browser's scripting and permissions APIs; the list
// lives in a real (fake-indexeddb) database.
import { afterEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/handlers';
import { createServerRegistry, scriptIds, type RegisteredScript, type ServerDeps } from '../../../src/background/servers';
import { SERVERS_ROW_KEY, isServerHost, listServers, saveServers } from '../../../src/db/servers';
import { FakeArea, FakeTabs, dropAll, freshDb } from '../db/helpers';

class FakeBrowser {
  readonly granted = new Set<string>();
  readonly scripts = new Map<string, RegisteredScript>();
  readonly injected: { tabId: number; files: string[]; world?: string }[] = [];
  readonly tabs: { id: number; url: string }[] = [];

  readonly scripting: ServerDeps['scripting'] = {
    registerContentScripts: async (scripts) => {
      for (const s of scripts) {
        if (this.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        this.scripts.set(s.id, s);
      }
    },
    unregisterContentScripts: async (filter) => {
      for (const id of filter?.ids ?? [...this.scripts.keys()]) {
        if (!this.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
      }
    },
    getRegisteredContentScripts: async () => [...this.scripts.values()],
    executeScript: async ({ target, files, world }) => {
      this.injected.push({ tabId: target.tabId, files, world });
      return [];
    },
  };

  readonly permissions: ServerDeps['permissions'] = {
    contains: async ({ origins }) => origins.every((o) => this.granted.has(o)),
    remove: async ({ origins }) => {
      for (const o of origins) this.granted.delete(o);
      return true;
    },
  };

  readonly tabsApi: ServerDeps['tabs'] = {
    query: async ({ url }) => this.tabs.filter((t) => url.some((u) => t.url.startsWith(u.replace(/\*$/, '')))),
  };
}

function setup() {
  const db = freshDb();
  const fake = new FakeBrowser();
  const changes: (readonly string[])[] = [];
  const registry = createServerRegistry({
    scripting: fake.scripting,
    permissions: fake.permissions,
    tabs: fake.tabsApi,
    store: { list: () => listServers(db), save: (hosts) => saveServers(db, hosts) },
    files: { pageWorld: 'assets/mastodon-page-world.js', content: 'assets/mastodon-content.js' },
    fixedHosts: ['mastodon.social', 'x.com'],
    isHost: isServerHost,
    onChange: (hosts) => changes.push(hosts),
  });
  return { db, fake, registry, changes };
}

afterEach(dropAll);

describe('Mastodon servers added at run time', () => {
  it('registers both scripts for a granted server and injects them into its open tabs, reader first', async () => {
    const { fake, registry, changes } = setup();
    fake.granted.add('https://social.example/*');
    fake.tabs.push({ id: 7, url: 'https://social.example/home' }, { id: 8, url: 'https://other.example/' });
    expect(await registry.add(' Social.Example ')).toEqual({ ok: true, hosts: ['social.example'] });
    const [main, content] = scriptIds('social.example');
    expect(fake.scripts.get(main)).toEqual({
      id: main, matches: ['https://social.example/*'], js: ['assets/mastodon-page-world.js'], runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true,
    });
    expect(fake.scripts.get(content)).toMatchObject({ js: ['assets/mastodon-content.js'], world: 'ISOLATED', runAt: 'document_start', persistAcrossSessions: true });
    expect(fake.injected).toEqual([
      { tabId: 7, files: ['assets/mastodon-page-world.js'], world: 'MAIN' },
      { tabId: 7, files: ['assets/mastodon-content.js'], world: 'ISOLATED' },
    ]);
    expect(changes.at(-1)).toEqual(['social.example']);
    // Adding it again changes nothing (no duplicate registration).
    expect((await registry.add('social.example')).ok).toBe(true);
    expect(fake.scripts.size).toBe(2);
  });

  it('refuses a server without the permission, a non-host, and a server Doorman ships with', async () => {
    const { fake, registry } = setup();
    expect(await registry.add('social.example')).toMatchObject({ ok: false, problem: { code: 'serverNoPermission', args: ['social.example'] } });
    fake.granted.add('https://*/*');
    for (const bad of ['https://social.example/', 'localhost', '*.example', 'a b.example']) {
      expect(await registry.add(bad), bad).toMatchObject({ ok: false, problem: { code: 'serverNotHost', args: [bad] } });
    }
    expect(await registry.add('mastodon.social')).toMatchObject({ ok: false, problem: { code: 'serverBuiltIn', args: ['mastodon.social'] } });
    expect(fake.scripts.size).toBe(0);
  });

  it('removing a server unregisters its scripts and gives its permission back; the others stay', async () => {
    const { db, fake, registry } = setup();
    fake.granted.add('https://social.example/*').add('https://town.example/*');
    await registry.add('social.example');
    await registry.add('town.example');
    expect(await registry.remove('social.example')).toEqual({ hosts: ['town.example'] });
    expect([...fake.scripts.keys()]).toEqual(scriptIds('town.example'));
    expect(fake.granted.has('https://social.example/*')).toBe(false);
    expect(fake.granted.has('https://town.example/*')).toBe(true);
    expect((await db.settings.get(SERVERS_ROW_KEY))?.value).toEqual(['town.example']);
  });

  it('reconcile: registers what the list wants, drops a server whose permission was taken back, and stray scripts', async () => {
    const { db, fake, registry } = setup();
    await saveServers(db, ['social.example', 'revoked.example']);
    fake.granted.add('https://social.example/*');
    await fake.scripting.registerContentScripts([{ id: scriptIds('stray.example')[0], matches: ['https://stray.example/*'], js: ['a.js'], runAt: 'document_start', persistAcrossSessions: true }]);
    expect(await registry.reconcile()).toEqual(['social.example']);
    expect([...fake.scripts.keys()].sort()).toEqual([...scriptIds('social.example')].sort());
    expect(await registry.reconcile()).toEqual(['social.example']); // idempotent
    expect(fake.scripts.size).toBe(2);
  });

  it('a corrupted stored list yields only host names, at most 100', async () => {
    const { db } = setup();
    await db.settings.put({ key: SERVERS_ROW_KEY, value: ['ok.example', 42, 'https://bad/', 'ok.example', ...Array.from({ length: 200 }, (_, i) => `s${i}.example`)] });
    const list = await listServers(db);
    expect(list[0]).toBe('ok.example');
    expect(list).toHaveLength(100);
    expect(list.every(isServerHost)).toBe(true);
  });
});

describe('servers/* messages', () => {
  const RUNTIME_ID = 'doorman-id';
  const ORIGIN = 'chrome-extension://doorman-id/';

  it('are taken from the extension\'s own pages only, and reach the registry', async () => {
    const { db, fake, registry } = setup();
    fake.granted.add('https://social.example/*');
    const bg = createBackground({
      db, runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, local: new FakeArea(), session: new FakeArea(), tabs: new FakeTabs([]), contentMatches: [], servers: registry,
    });
    const options = { id: RUNTIME_ID, url: `${ORIGIN}src/options/index.html` };
    const page = { id: RUNTIME_ID, url: 'https://social.example/home', tab: { id: 4 } };
    await expect(bg.handle({ type: 'servers/add', host: 'social.example' }, page)).rejects.toThrow(/not accepted from content/);
    expect(fake.scripts.size).toBe(0);
    expect(await bg.handle({ type: 'servers/add', host: 'social.example' }, options)).toEqual({ ok: true, hosts: ['social.example'] });
    expect(await bg.handle({ type: 'servers/list' }, options)).toEqual({ hosts: ['social.example'] });
    await expect(bg.handle({ type: 'servers/remove', host: 'social.example' }, page)).rejects.toThrow(/not accepted/);
    expect(await bg.handle({ type: 'servers/remove', host: 'social.example' }, options)).toEqual({ hosts: [] });
    expect(fake.scripts.size).toBe(0);
  });
});

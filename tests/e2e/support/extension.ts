// Reading the extension's own state from an extension page (its origin owns the IndexedDB),
// the way the popup does: raw reads only, so the tests check what is really stored; and the few
// things the e2e files set up in the extension as a user or a developer would (a rule, an
// allowlist import, a host permission).
import type { DoormanBrowser } from '../harness';
import type { LogEntryInput, TabHealth } from '../../../src/shared/messages';

// The page-side global of Chromium's extension API, only as much as these helpers use.
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/** Runs `fn` in a page of the extension's origin (chrome.* APIs and its IndexedDB available). */
export async function extensionCall<T, A = undefined>(browser: DoormanBrowser, fn: (arg: A) => Promise<T> | T, arg?: A): Promise<T> {
  const page = await browser.openExtensionPage('src/popup/index.html');
  try {
    // Playwright serialises `fn` and `arg` into the page; its generic types cannot follow that here.
    return (await page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown)) as T;
  } finally {
    await page.close();
  }
}

/** The id of the first tab whose URL matches `urlPattern` (a match pattern, e.g. `https://x.com/*`). */
export async function tabIdFor(browser: DoormanBrowser, urlPattern: string): Promise<number> {
  const id = await extensionCall(browser, async (p: string) => (await chrome.tabs.query({ url: p }))[0]?.id ?? -1, urlPattern);
  if (id < 0) throw new Error(`no tab matches ${urlPattern}`);
  return id;
}

/** Every object store of the extension's database, or only the named ones, as stored (raw reads). */
export function dumpDb(browser: DoormanBrowser, stores?: string[]): Promise<Record<string, unknown[]>> {
  return extensionCall(browser, async (only: string[] | null) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('doorman');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of only ?? [...db.objectStoreNames]) {
      out[name] = await new Promise<unknown[]>((res, rej) => {
        const q = db.transaction(name).objectStore(name).getAll();
        q.onsuccess = () => res(q.result as unknown[]);
        q.onerror = () => rej(q.error);
      });
    }
    db.close();
    return out;
  }, stores ?? null);
}

/** Every row of one object store. */
export async function readStore<T>(browser: DoormanBrowser, name: string): Promise<T[]> {
  return (await dumpDb(browser, [name]))[name] as T[];
}

/** Every row of the filtered log. */
export function readLog(browser: DoormanBrowser): Promise<LogEntryInput[]> {
  return readStore<LogEntryInput>(browser, 'log');
}

/** The health the content script reported for the tab showing `url`, as the popup asks for it. */
export function tabHealth(browser: DoormanBrowser, url: string): Promise<TabHealth | null> {
  return extensionCall(browser, async (href: string) => {
    const origin = new URL(href).origin;
    const tab = (await chrome.tabs.query({ url: `${origin}/*` })).find((t) => t.url === href);
    if (tab?.id === undefined) return null;
    return (await chrome.runtime.sendMessage({ type: 'tab/health', tabId: tab.id })) as TabHealth | null;
  }, url);
}

/**
 * Stores a rule the way the options page does (a row at the end of `rules`, the data revision bumped
 * in the same transaction) and tells the background, which pushes the new snapshot to open tabs.
 */
export async function addRuleRaw(browser: DoormanBrowser, rule: Record<string, unknown>): Promise<void> {
  await extensionCall(browser, async (r: Record<string, unknown>) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const q = indexedDB.open('doorman');
      q.onsuccess = () => res(q.result);
      q.onerror = () => rej(q.error);
    });
    await new Promise<void>((res, rej) => {
      const tx = db.transaction(['rules', 'meta'], 'readwrite');
      const rules = tx.objectStore('rules');
      const meta = tx.objectStore('meta');
      const count = rules.count();
      count.onsuccess = () => rules.put({ ...r, order: count.result });
      const rev = meta.get('revision');
      rev.onsuccess = () => meta.put({ key: 'revision', value: ((rev.result as { value?: number } | undefined)?.value ?? 0) + 1 });
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
    await chrome.runtime.sendMessage({ type: 'data/changed' });
  }, rule);
}

/** Imports an allowlist in the options page's Data section, as a user would (a rules file with no rules). */
export async function importAllowlist(browser: DoormanBrowser, allowlist: readonly unknown[]): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html#data');
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  // The second file picker is "Import…" (rules and allowed brands); the first restores a full backup.
  await page.locator('input[type="file"]').nth(1).setInputFiles({
    name: 'allow.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'doorman-rules', version: 1, rules: [], allowlist })),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/imported|added/i).first().waitFor({ state: 'attached' }).catch(() => undefined);
  await page.close();
}

/**
 * Grants an optional host permission (`https://host/*`) the way a developer would on
 * chrome://extensions (its "site access" control): headless Chromium shows no permission prompt.
 */
export async function grantHost(browser: DoormanBrowser, origin: string): Promise<void> {
  const ext = await browser.newPage();
  await ext.goto('chrome://extensions/');
  await ext.evaluate(async ([id, o]) => {
    const dev = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
    await dev.addHostPermission(id!, o!);
  }, [browser.extensionId, origin]);
  await ext.close();
}

// Rendering the pages' components in happy-dom against a fresh fake-indexeddb database, with a
// Platform that records what was asked of the browser.
import 'fake-indexeddb/auto';
import { render, type ComponentChildren } from 'preact';
import { DoormanDB } from '../../../src/db/database';
import { AnnouncerProvider } from '../../../src/ui/announcer';
import { EnvContext, type Env, type Platform } from '../../../src/ui/platform';
import type { StorageFault } from '../../../src/shared/messages';

let counter = 0;
const opened: DoormanDB[] = [];

export class FakePlatform implements Platform {
  servers?: Platform['servers'];
  notified = 0;
  revealed: { tabId: number; itemId: string }[] = [];
  openedOptions: (string | undefined)[] = [];
  /** What the background's storage fault record holds; tests change it to show or clear the alert. */
  faults: StorageFault[] = [];
  /** Host permissions asked for (follow imports), and whether the fake user grants them. */
  permissionRequests: string[] = [];
  grantPermissions = true;
  /** The fetch the follow imports use; tests point it at a fake AppView. */
  fetcher: Platform['fetch'] = () => Promise.reject(new Error('no network in unit tests'));
  constructor(public tab: { id: number; url: string | undefined } | null = null) {}
  async activeTab() {
    return this.tab;
  }
  async tabHealth() {
    return null;
  }
  async storageFaults() {
    return this.faults;
  }
  async revealItem(tabId: number, itemId: string) {
    this.revealed.push({ tabId, itemId });
    return true;
  }
  async openOptions(section?: string) {
    this.openedOptions.push(section);
  }
  async notifyChanged() {
    this.notified++;
  }
  async requestHostPermission(pattern: string) {
    this.permissionRequests.push(pattern);
    return this.grantPermissions;
  }
  fetch(url: string, init: { signal: AbortSignal; headers: Record<string, string> }) {
    return this.fetcher(url, init);
  }
}

export function testEnv(platform = new FakePlatform()): Env & { platform: FakePlatform } {
  counter++;
  const db = new DoormanDB(`doorman-ui-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
  opened.push(db);
  return { db, platform };
}

export async function dropDbs(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
}

export function mount(env: Env, ui: ComponentChildren): { container: HTMLElement; unmount: () => void } {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <EnvContext.Provider value={env}>
      <AnnouncerProvider>{ui}</AnnouncerProvider>
    </EnvContext.Provider>,
    container,
  );
  return {
    container,
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Lets Preact flush state updates and effects. */
export const tick = (ms = 20): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value (live queries and effects settle asynchronously). */
export async function waitFor<T>(check: () => T | null | undefined | false, timeoutMs = 3_000): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const v = check();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() - start > timeoutMs) throw new Error(`waitFor timed out${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): T | null {
  for (const el of root.querySelectorAll<T>(selector)) {
    const content = el.textContent ?? '';
    if (typeof text === 'string' ? content.trim() === text : text.test(content)) return el;
  }
  return null;
}

export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function choose(el: HTMLSelectElement | HTMLInputElement, value?: string): void {
  if (value !== undefined) el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

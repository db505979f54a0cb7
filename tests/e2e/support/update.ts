// Updating the extension under a running page, the way Chromium does it for a developer: new files
// on disk (a copy of dist/ with a bumped version), then runtime.reload(). A command-line-loaded
// extension is disabled by runtime.reload() unless the profile has developer mode on, so the
// profile is seeded with it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { DEFAULT_DIST, type DoormanBrowser } from '../harness';

/** A copy of dist/ the test may change, and a fresh profile with developer mode on. */
export function updatableSetup(): { dist: string; userDataDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'doorman-update-'));
  const dist = join(root, 'extension');
  cpSync(DEFAULT_DIST, dist, { recursive: true });
  const userDataDir = join(root, 'profile');
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  return { dist, userDataDir };
}

/** Bumps the patch version of the unpacked extension on disk; returns the new version. */
export function bumpVersion(dist: string): string {
  const file = join(dist, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  const parts = manifest.version.split('.').map(Number);
  parts[parts.length - 1] = (parts.at(-1) ?? 0) + 1;
  manifest.version = parts.join('.');
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return manifest.version;
}

// The worker-side global, only as much as this file uses.
declare const chrome: { runtime: { reload(): void; getManifest(): { version: string } } };

/** Reloads the extension from its service worker; resolves with the new worker once it runs the given version. */
export async function reloadExtension(browser: DoormanBrowser, version: string): Promise<Worker> {
  const old = await browser.serviceWorker();
  const next = browser.context.waitForEvent('serviceworker', { predicate: (w) => w !== old && w.url().startsWith('chrome-extension://'), timeout: 20_000 });
  // Reload after the evaluate call returns: the old worker dies with it.
  await old.evaluate(() => { setTimeout(() => chrome.runtime.reload(), 50); });
  const worker = await next;
  const running = await worker.evaluate(() => chrome.runtime.getManifest().version);
  if (running !== version) throw new Error(`the reloaded extension runs ${running}, not ${version}`);
  return worker;
}

// An empty MV3 extension to compare Doorman against: the same content-script entries as the built
// extension's manifest (same matches, run_at, world, frames), each a no-op script, plus a no-op
// service worker (the harness finds an extension's id from its worker). Loading it costs the browser
// what any extension with document_start content scripts costs — the isolated world, the injection —
// so "Doorman ÷ empty" is Doorman's own code, not the price of being an extension at all.
//
//   const empty = writeEmptyExtension();             // mirrors <repo>/dist/manifest.json
//   const browser = await launchDoorman({ server, dist: empty.dir });
//   …; empty.remove();
//
// or launchEmptyExtension({ server }), which removes the directory when the browser closes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DIST, launchDoorman, type DoormanBrowser, type LaunchOptions } from './browser';

interface ContentScriptEntry {
  matches: string[];
  js?: string[];
  css?: string[];
  run_at?: 'document_start' | 'document_end' | 'document_idle';
  world?: 'ISOLATED' | 'MAIN';
  all_frames?: boolean;
  match_about_blank?: boolean;
  match_origin_as_fallback?: boolean;
  exclude_matches?: string[];
}

interface SourceManifest {
  content_scripts?: ContentScriptEntry[];
  host_permissions?: string[];
}

export interface EmptyExtensionOptions {
  /** The built extension whose content-script entries to mirror; defaults to <repo>/dist. */
  from?: string;
  /**
   * 'mirror' (default): one no-op script per content-script entry of `from`, in the same world.
   * 'isolated': a single no-op isolated-world script at document_start on the union of their matches.
   */
  scripts?: 'mirror' | 'isolated';
}

export interface EmptyExtension {
  /** The unpacked extension directory (a temporary one). */
  readonly dir: string;
  /** The content-script entries it declares, as written to its manifest. */
  readonly contentScripts: readonly ContentScriptEntry[];
  /** The file each no-op script has, by the built extension's script it stands in for. */
  readonly standIns: ReadonlyMap<string, string>;
  remove(): void;
}

/** The no-op: a statement, so the script has something to compile and run, and nothing more. */
const NOOP = 'void 0;\n';

export function writeEmptyExtension(opts: EmptyExtensionOptions = {}): EmptyExtension {
  const from = resolve(opts.from ?? DEFAULT_DIST);
  const manifestFile = join(from, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no built extension at ${from} (run the build first)`);
  const source = JSON.parse(readFileSync(manifestFile, 'utf8')) as SourceManifest;
  const entries = source.content_scripts ?? [];
  if (entries.length === 0) throw new Error(`${manifestFile} declares no content scripts to mirror`);

  const dir = mkdtempSync(join(tmpdir(), 'doorman-empty-ext-'));
  const standIns = new Map<string, string>();
  let contentScripts: ContentScriptEntry[];
  if ((opts.scripts ?? 'mirror') === 'mirror') {
    contentScripts = entries.map((e, i) => {
      const file = `noop-${i}-${(e.world ?? 'ISOLATED').toLowerCase()}.js`;
      for (const js of e.js ?? []) standIns.set(js, file);
      const { css: _css, js: _js, ...rest } = e;
      return { ...rest, js: [file] };
    });
  } else {
    const matches = [...new Set(entries.flatMap((e) => e.matches))];
    contentScripts = [{ matches, js: ['noop-isolated.js'], run_at: 'document_start' }];
    for (const js of entries.flatMap((e) => e.js ?? [])) standIns.set(js, 'noop-isolated.js');
  }
  for (const e of contentScripts) for (const js of e.js ?? []) writeFileSync(join(dir, js), NOOP);
  writeFileSync(join(dir, 'service-worker.js'), NOOP);
  const manifest = {
    manifest_version: 3,
    name: 'Empty extension (Doorman benchmark baseline)',
    version: '0.0.1',
    description: 'No-op content scripts on the same hosts as Doorman, for benchmarks.',
    background: { service_worker: 'service-worker.js' },
    host_permissions: source.host_permissions ?? [...new Set(entries.flatMap((e) => e.matches))],
    content_scripts: contentScripts,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    dir,
    contentScripts,
    standIns,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface EmptyBrowser extends DoormanBrowser {
  readonly empty: EmptyExtension;
}

/** Launches Chromium with a fresh empty extension (mirroring `from`); close() also removes it. */
export async function launchEmptyExtension(opts: Omit<LaunchOptions, 'dist'> & EmptyExtensionOptions): Promise<EmptyBrowser> {
  const { from, scripts, ...launch } = opts;
  const empty = writeEmptyExtension({ ...(from ? { from } : {}), ...(scripts ? { scripts } : {}) });
  let browser: DoormanBrowser;
  try {
    browser = await launchDoorman({ ...launch, dist: empty.dir });
  } catch (e) {
    empty.remove();
    throw e;
  }
  return {
    get context() { return browser.context; },
    get extensionId() { return browser.extensionId; },
    get userDataDir() { return browser.userDataDir; },
    newPage: () => browser.newPage(),
    openExtensionPage: (path) => browser.openExtensionPage(path),
    serviceWorker: () => browser.serviceWorker(),
    closeAndReopen: () => browser.closeAndReopen(),
    async close() {
      await browser.close();
      empty.remove();
    },
    empty,
  };
}

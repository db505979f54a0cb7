// Launches Debian's Chromium with the built extension (dist/) in a persistent profile, with the
// replica hosts mapped to the local HTTPS server and every other host unresolvable (no stray
// network). Finds the extension id from its service worker, opens extension pages, collects page
// errors, and can close and relaunch on the same profile to test persistence.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import { REPO_ROOT } from './certs';
import type { ReplicaServer } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEFAULT_DIST = process.env.DOORMAN_DIST ?? join(REPO_ROOT, 'dist');

export interface LaunchOptions {
  server: Pick<ReplicaServer, 'port' | 'hosts'>;
  /** The unpacked extension; defaults to <repo>/dist. `null` launches without an extension. */
  dist?: string | null;
  /** Reuse a profile; by default a fresh temporary one, removed on close(). */
  userDataDir?: string;
  /** Headed needs a display; default headless. */
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Extra Chromium switches. */
  args?: string[];
  /** The browser's locale (navigator.language, Accept-Language), e.g. 'es-ES'. */
  locale?: string;
  /** Extra environment for the browser process (LANGUAGE picks Chromium's UI language on Linux). */
  env?: Record<string, string>;
  /**
   * Keep the first-run tab Doorman opens on install (the first-run test). Otherwise it is closed as
   * soon as it opens, so a test or a benchmark sees only its own pages and pays for no other tab.
   */
  keepFirstRun?: boolean;
}

export interface DoormanBrowser {
  readonly context: BrowserContext;
  /** The extension's id ('' when launched without one). */
  readonly extensionId: string;
  readonly userDataDir: string;
  /** A new tab. */
  newPage(): Promise<Page>;
  /** Opens chrome-extension://<id>/<path>, e.g. 'src/options/index.html'. */
  openExtensionPage(path: string): Promise<Page>;
  /** The extension's current service worker (waits for it to start). */
  serviceWorker(): Promise<Worker>;
  /** Closes the browser and relaunches it on the same profile (same extension id). */
  closeAndReopen(): Promise<void>;
  /** Closes the browser; removes the profile if this harness created it. */
  close(): Promise<void>;
}

export function hostResolverRules(server: Pick<ReplicaServer, 'port' | 'hosts'>): string {
  const maps = server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.port}`);
  // Anything else fails fast instead of hanging on a network this machine does not have.
  return [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

function chromiumArgs(opts: LaunchOptions, dist: string | null): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
    `--host-resolver-rules=${hostResolverRules(opts.server)}`,
    ...(opts.args ?? []),
  ];
  if (opts.headless !== false) args.unshift('--headless=new');
  if (dist) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  return args;
}

async function waitForWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout });
}

export async function launchDoorman(opts: LaunchOptions): Promise<DoormanBrowser> {
  const dist = opts.dist === null ? null : resolve(opts.dist ?? DEFAULT_DIST);
  if (dist && !existsSync(join(dist, 'manifest.json'))) throw new Error(`no built extension at ${dist} (run the build first)`);
  const ownsProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'doorman-e2e-'));
  const launch = () => chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    // `--headless=new` in args (added when headless) is the mode that runs extensions.
    headless: opts.headless !== false,
    ignoreHTTPSErrors: true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    args: chromiumArgs(opts, dist),
    ...(opts.locale ? { locale: opts.locale } : {}),
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
  });

  const closeFirstRun = (ctx: BrowserContext) => {
    if (opts.keepFirstRun) return;
    ctx.on('page', (page) => {
      page.waitForURL(/\/src\/firstrun\//, { timeout: 15_000 }).then(() => page.close(), () => undefined);
    });
  };
  let context = await launch();
  closeFirstRun(context);
  let extensionId = '';
  const findId = async () => {
    if (!dist) return '';
    const worker = await waitForWorker(context).catch(() => {
      throw new Error('the extension service worker did not start (is dist/ a valid MV3 build?)');
    });
    return new URL(worker.url()).host;
  };
  extensionId = await findId();

  const browser: DoormanBrowser = {
    get context() { return context; },
    get extensionId() { return extensionId; },
    userDataDir,
    newPage: () => context.newPage(),
    async openExtensionPage(path) {
      if (!extensionId) throw new Error('launched without an extension');
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    serviceWorker: () => waitForWorker(context),
    async closeAndReopen() {
      await context.close();
      context = await launch();
      closeFirstRun(context);
      extensionId = await findId();
    },
    async close() {
      await context.close().catch(() => undefined);
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return browser;
}

export interface ErrorCollector {
  /** Uncaught exceptions and console errors, as text, in order. */
  readonly errors: string[];
  stop(): void;
}

/**
 * Collects a page's uncaught errors and console.error messages. `ignore` drops messages that
 * match (e.g. a deliberate 404 a test provokes).
 */
export function pageErrors(page: Page, ignore: RegExp[] = []): ErrorCollector {
  const errors: string[] = [];
  const keep = (text: string) => { if (!ignore.some((r) => r.test(text))) errors.push(text); };
  const onError = (e: Error) => keep(`pageerror: ${e.message}`);
  const onConsole = (m: ConsoleMessage) => { if (m.type() === 'error') keep(`console.error: ${m.text()} (${m.location().url})`); };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  return { errors, stop: () => { page.off('pageerror', onError); page.off('console', onConsole); } };
}

// One test file's Doorman: the replica server and Chromium with the built extension, started before
// the file's tests and closed after them. Every e2e file that drives the built extension in Chromium
// starts it here rather than repeating the launch and the teardown.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchDoorman, startReplicaServer, type DoormanBrowser, type LaunchOptions, type ReplicaServer } from '../harness';

export interface DoormanSuite {
  readonly browser: DoormanBrowser;
  readonly server: ReplicaServer;
}

type Launch = Omit<LaunchOptions, 'server'>;

export interface SuiteHooks {
  /** Closes every page after each test, so each starts with no tab of the one before. */
  closePagesAfterEach?: boolean;
  /** Runs after the browser and the server closed (removing what the launch options were made from). */
  afterClose?: () => void;
}

/**
 * `options`: how to launch, or a function that makes the launch options as the suite starts (a
 * temporary copy of dist/, say), so nothing is made while the test files are only being collected.
 */
export function doormanSuite(options: Launch | (() => Launch) = {}, hooks: SuiteHooks = {}): DoormanSuite {
  let server: ReplicaServer | undefined;
  let browser: DoormanBrowser | undefined;
  beforeAll(async () => {
    server = await startReplicaServer();
    browser = await launchDoorman({ ...(typeof options === 'function' ? options() : options), server });
  });
  if (hooks.closePagesAfterEach === true) {
    afterEach(async () => {
      for (const p of browser?.context.pages() ?? []) await p.close().catch(() => undefined);
    });
  }
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    hooks.afterClose?.();
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('doormanSuite: used before beforeAll ran');
    return v;
  };
  return {
    get browser() { return started(browser); },
    get server() { return started(server); },
  };
}

// One test file's Doorman: the replica server and Chromium with the built extension, started before
// the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { launchDoorman, startReplicaServer, type DoormanBrowser, type LaunchOptions, type ReplicaServer } from '../harness';

export interface DoormanSuite {
  readonly browser: DoormanBrowser;
  readonly server: ReplicaServer;
}

export function doormanSuite(options: Omit<LaunchOptions, 'server'> = {}): DoormanSuite {
  let server: ReplicaServer | undefined;
  let browser: DoormanBrowser | undefined;
  beforeAll(async () => {
    server = await startReplicaServer();
    browser = await launchDoorman({ ...options, server });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
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

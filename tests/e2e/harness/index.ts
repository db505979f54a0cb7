// The end-to-end harness: replica server, certificates, and Chromium with Doorman loaded.
export { ensureCerts, REPO_ROOT } from './certs';
export { startReplicaServer, type ReplicaServer, type RequestRecord, type StartOptions } from './server';
export { launchDoorman, pageErrors, hostResolverRules, CHROMIUM_PATH, DEFAULT_DIST, type DoormanBrowser, type ErrorCollector, type LaunchOptions } from './browser';
export { writeEmptyExtension, launchEmptyExtension, type EmptyExtension, type EmptyExtensionOptions, type EmptyBrowser } from './empty-extension';

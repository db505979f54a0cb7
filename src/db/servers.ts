// The Mastodon servers the user added (beyond the ones Doorman ships with): one row of the key-value
// settings table, `{key: 'mastodon-servers', value: string[]}`, so no schema change. The background's
// registration of scripts and host permissions follows this list (src/background/servers.ts).
import type { DoormanDB } from './database';

export const SERVERS_ROW_KEY = 'mastodon-servers';
/** More than anyone uses; bounds what a corrupted row can make the background register. */
export const MAX_SERVERS = 100;

/** A bare lower-case DNS name with a dot: no scheme, port, path or wildcard. */
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const isServerHost = (v: unknown): v is string => typeof v === 'string' && HOST.test(v);

/** The stored list; entries that are not host names (a corrupted row) are skipped. */
export async function listServers(db: DoormanDB): Promise<string[]> {
  const row = await db.settings.get(SERVERS_ROW_KEY);
  const value: unknown = row?.value;
  return Array.isArray(value) ? [...new Set(value.filter(isServerHost))].slice(0, MAX_SERVERS) : [];
}

export async function saveServers(db: DoormanDB, hosts: readonly string[]): Promise<void> {
  await db.settings.put({ key: SERVERS_ROW_KEY, value: [...new Set(hosts.filter(isServerHost))].slice(0, MAX_SERVERS) });
}

// How the bsky.app, Mastodon and LinkedIn replicas load, on the server side: their apps' files, with
// the shared browser loader (loader.js) beside them on each of their hosts, the `?lag=N` page parameter, and the held-open
// response: the body is sent whole at once, the response ends `lag` ms later, so the page renders at
// once while Doorman's reader, which reads the stream to its end, gets the facts later (the realistic
// race, DOM before facts, made deterministic).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendText, type ReplicaRequest } from './site';

/** Where every replica app that uses it imports the loader from. */
export const LOADER_PATH = '/_replica/loader.js';
const MAX_LAG_MS = 10_000;
const LOADER_FILE = join(dirname(fileURLToPath(import.meta.url)), 'loader.js');

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Serves the app's own files, `/_replica/<folder>/<file>` from `dir` (only those `types` names), and
 * the shared loader; says whether `r` asked for one of them.
 */
export function sendAppFile(r: ReplicaRequest, folder: string, dir: string, types: Readonly<Record<string, string>>): boolean {
  const path = r.url.pathname;
  if (path === LOADER_PATH) {
    sendText(r.res, 200, 'text/javascript; charset=utf-8', readFileSync(LOADER_FILE));
    return true;
  }
  const prefix = `/_replica/${folder}/`;
  if (!path.startsWith(prefix)) return false;
  const file = path.slice(prefix.length);
  const type = /^[\w.-]+$/.test(file) ? types[file] : undefined;
  if (type === undefined) sendText(r.res, 404, 'text/plain', 'not found');
  else sendText(r.res, 200, `${type}; charset=utf-8`, readFileSync(join(dir, file)));
  return true;
}

/** The request's `?lag=` in ms (`byDefault` when absent), within 0–10 s. */
export function lagOf(url: URL, byDefault: number): number {
  return Math.min(MAX_LAG_MS, Math.max(0, Number(url.searchParams.get('lag') ?? byDefault) || 0));
}

/** The whole body now, the end of the response `lag` ms later. */
export async function sendHeld(res: ReplicaRequest['res'], body: unknown, lag: number, headers: Record<string, string>): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.write(JSON.stringify(body));
  await delay(lag);
  res.end('\n');
}

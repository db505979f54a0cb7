// What a replica of one site provides to the HTTPS server: the hosts it answers for and a handler.
// x.com is the first; bsky.app and mastodon.social replicas implement the same interface.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReplicaOptions {
  /** Delay before every API response, to let tests observe pages rendered before facts arrive. */
  apiDelayMs?: number;
}

export interface ReplicaRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The request body (POST), already read. */
  body: string;
  /** Server start time: replica data is dated relative to it. */
  now: number;
  options: ReplicaOptions;
  /** Lower-cased host without port. */
  host: string;
}

export interface ReplicaSite {
  id: 'x' | 'bsky' | 'mastodon' | 'linkedin';
  hosts: readonly string[];
  handle(r: ReplicaRequest): Promise<void> | void;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, must-revalidate', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache, no-store, must-revalidate', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Cookies of a request as a map. */
export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return out;
}

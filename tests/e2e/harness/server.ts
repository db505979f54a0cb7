// One HTTPS server on 127.0.0.1 (random port) that serves every replica site by Host header.
// Chromium reaches it as https://x.com/… through --host-resolver-rules (see browser.ts), so pages,
// cookies and the extension's host permissions all see the real origins.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { REPLICA_SITES } from '../replica/sites';
import { sendText, type ReplicaOptions, type ReplicaSite } from '../replica/site';
import { ensureCerts } from './certs';

export interface RequestRecord {
  method: string;
  host: string;
  path: string;
  search: string;
  /** GraphQL operation name or REST path tail, for API calls. */
  op: string | null;
  status: number;
  at: number;
}

export interface ReplicaServer {
  port: number;
  /** Every host the server answers for (what browser.ts maps to it). */
  hosts: readonly string[];
  /** Every request served, in order. */
  requests: RequestRecord[];
  /** Handler errors (a replica bug): tests should expect this to stay empty. */
  errors: Error[];
  startedAt: number;
  /** API calls for one operation, e.g. apiCalls('HomeTimeline') or apiCalls('all.json'). */
  apiCalls(op: string): RequestRecord[];
  close(): Promise<void>;
}

export interface StartOptions extends ReplicaOptions {
  sites?: readonly ReplicaSite[];
  /** Replica "now" (ms); defaults to the start time. */
  now?: number;
  /** Log each request to stderr. */
  verbose?: boolean;
}

function opOf(path: string): string | null {
  const gql = /^\/i\/api\/graphql\/[^/]+\/(\w+)$/.exec(path);
  if (gql?.[1]) return gql[1];
  if (path.startsWith('/i/api/')) return path.split('/').pop() ?? null;
  return null;
}

export async function startReplicaServer(opts: StartOptions = {}): Promise<ReplicaServer> {
  const sites = opts.sites ?? REPLICA_SITES;
  const byHost = new Map<string, ReplicaSite>();
  for (const s of sites) for (const h of s.hosts) byHost.set(h, s);
  const { key, cert } = ensureCerts();
  const startedAt = opts.now ?? Date.now();
  const requests: RequestRecord[] = [];
  const errors: Error[] = [];
  const options: ReplicaOptions = { ...(opts.apiDelayMs ? { apiDelayMs: opts.apiDelayMs } : {}) };

  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host || 'localhost'}`);
    const record: RequestRecord = { method: req.method ?? 'GET', host, path: url.pathname, search: url.search, op: opOf(url.pathname), status: 0, at: Date.now() };
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
      if (opts.verbose) process.stderr.write(`[replica] ${record.status} ${record.method} ${host}${url.pathname}${url.search.slice(0, 80)}\n`);
    });
    const site = byHost.get(host);
    if (!site) return sendText(res, 421, 'text/plain', `no replica for host ${host}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve()
        .then(() => site.handle({ req, res, url, body: Buffer.concat(chunks).toString('utf8'), now: startedAt, options, host }))
        .catch((err: unknown) => {
          const e = err instanceof Error ? err : new Error(String(err));
          errors.push(e);
          process.stderr.write(`[replica] ${req.method} ${host}${url.pathname} failed: ${e.stack ?? e.message}\n`);
          if (!res.headersSent) sendText(res, 500, 'text/plain', 'replica error');
          else res.end();
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hosts: [...byHost.keys()],
    requests,
    errors,
    startedAt,
    apiCalls: (op) => requests.filter((r) => r.op === op),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

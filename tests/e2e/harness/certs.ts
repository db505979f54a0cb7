// A self-signed certificate for the replica hosts, made once with the openssl CLI and reused while
// its files exist. Chromium reaches the replica through --host-resolver-rules and is told to ignore
// certificate errors; the SAN list still has to name every host so TLS (SNI) and any tooling that
// does check the certificate see the right names.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Hosts the replica answers for; The AppView
 * (public.api.bsky.app, replica/appview/) is two labels below bsky.app, out of the `*.bsky.app` reach.
 */
export const CERT_HOSTS = ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com', 'bsky.app', 'morel.us-east.host.bsky.network', 'mastodon.social', 'public.api.bsky.app', 'social.example', 'www.linkedin.com', 'linkedin.com', 'localhost'];

export interface CertPair {
  key: Buffer;
  cert: Buffer;
  dir: string;
}

/** Bump when CERT_HOSTS change so a stale cached certificate is not reused. */
const CERT_VERSION = 5;

export function ensureCerts(dir = join(REPO_ROOT, '.tmp', 'e2e-certs')): CertPair {
  const keyFile = join(dir, `replica-v${CERT_VERSION}.key`);
  const certFile = join(dir, `replica-v${CERT_VERSION}.crt`);
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true });
    const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), ...CERT_HOSTS.filter((h) => h !== 'localhost').map((h) => `DNS:*.${h}`), 'IP:127.0.0.1'].join(',');
    // Written under temporary names and renamed, so a concurrent run never reads half a file.
    const tmpKey = `${keyFile}.${process.pid}.tmp`;
    const tmpCert = `${certFile}.${process.pid}.tmp`;
    const cnf = join(dir, `openssl-${process.pid}.cnf`);
    writeFileSync(cnf, [
      '[req]', 'distinguished_name = dn', 'x509_extensions = v3', 'prompt = no',
      '[dn]', 'CN = Doorman replica',
      '[v3]', `subjectAltName = ${san}`, 'basicConstraints = CA:FALSE', 'keyUsage = digitalSignature, keyEncipherment', 'extendedKeyUsage = serverAuth',
    ].join('\n'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650',
        '-keyout', tmpKey, '-out', tmpCert, '-config', cnf], { stdio: 'pipe' });
    } finally {
      rmSync(cnf, { force: true });
    }
    renameSync(tmpKey, keyFile);
    renameSync(tmpCert, certFile);
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), dir };
}

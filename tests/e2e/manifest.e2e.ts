// What the built extension asks the browser for, checked on the manifests as built (dist/ and
// dist-firefox/): least privilege, the supported hosts only, nothing a web page can load, no remote
// code. The README's privacy section promises exactly this; changing it means changing both.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness';

const SUPPORTED_HOSTS = [
  'https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*',
  'https://bsky.app/*',
  'https://mastodon.social/*', 'https://mastodon.online/*', 'https://mstdn.social/*', 'https://mas.to/*', 'https://mastodon.world/*',
  'https://www.linkedin.com/*', 'https://linkedin.com/*',
];
const PERMISSIONS = ['storage', 'unlimitedStorage', 'scripting', 'activeTab', 'contextMenus'];

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; world?: string; all_frames?: boolean }[];
};

const builds = [
  { name: 'Chromium', dir: join(REPO_ROOT, 'dist') },
  { name: 'Firefox', dir: join(REPO_ROOT, 'dist-firefox') },
].filter((b) => existsSync(join(b.dir, 'manifest.json')));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** URLs written in library error messages and XML namespaces: text, never fetched. */
const TEXT_ONLY_HOSTS = new Set(['www.w3.org', 'json-schema.org', 'tinyurl.com', 'bit.ly']);
/** The one host the options page fetches from, after the user grants it (the Bluesky follow import). */
const APPVIEW = 'public.api.bsky.app';
const OPTIONAL_HOSTS = [`https://${APPVIEW}/*`];

describe('the built manifest', () => {
  it('both builds exist (npm test builds them before this suite)', () => {
    expect(builds.map((b) => b.name)).toEqual(['Chromium', 'Firefox']);
  });

  for (const { name, dir } of builds) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

    it(`${name}: asks only for storage, scripting and contextMenus, on the supported sites only`, () => {
      expect(manifest.manifest_version).toBe(3);
      expect([...(manifest.permissions ?? [])].sort()).toEqual([...PERMISSIONS].sort());
      expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...SUPPORTED_HOSTS].sort());
      expect(manifest.optional_permissions ?? []).toEqual([]);
      // Any other Mastodon server, asked for one host at a time when the user adds it (never on install),
      // and the AppView the Bluesky follow import reads (asked for when the user starts it).
      expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(['https://*/*', ...OPTIONAL_HOSTS].sort());
      // Content scripts run only where the host permissions reach, in the top frame.
      for (const cs of manifest.content_scripts ?? []) {
        for (const m of cs.matches) expect(SUPPORTED_HOSTS).toContain(m);
        expect(cs.all_frames ?? false).toBe(false);
      }
    });

    it(`${name}: nothing a web page can load or message, and the default content security policy`, () => {
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.content_security_policy).toBeUndefined();
      expect(manifest.update_url).toBeUndefined();
    });

    it(`${name}: no remote code: every script is in the package, and none names a host it could fetch from`, () => {
      const all = files(dir);
      for (const html of all.filter((f) => f.endsWith('.html'))) {
        const srcs = [...readFileSync(html, 'utf8').matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
        for (const src of srcs) expect(src, html).not.toMatch(/^(https?:)?\/\//);
      }
      const hosts = new Set<string>();
      for (const js of all.filter((f) => f.endsWith('.js'))) {
        const text = readFileSync(js, 'utf8');
        for (const m of text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) hosts.add(m[1]!.toLowerCase());
        expect(text, js).not.toMatch(/\bimportScripts\(|\bnew WebSocket\(|\bsendBeacon\(|\bnew EventSource\(/);
      }
      expect([...hosts].filter((h) => !TEXT_ONLY_HOSTS.has(h) && h !== APPVIEW)).toEqual([]);
    });
  }

  it('Chromium: needs Chrome 111, the first with MAIN-world content scripts', () => {
    const chromium = builds.find((b) => b.name === 'Chromium');
    const manifest = JSON.parse(readFileSync(join(chromium!.dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.minimum_chrome_version).toBe('111');
    expect(manifest.content_scripts?.some((cs) => cs.world === 'MAIN')).toBe(true);
  });
});

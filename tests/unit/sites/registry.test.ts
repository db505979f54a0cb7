// One declaration per site: everything that lists sites (manifest entries, host lookups, settings,
// the pages' lists, X's own hosts) is derived from src/sites/registry.ts and must agree with it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import exported from '../../../manifest.config';
import { APPVIEW_PERMISSION } from '../../../src/sites/bluesky/appview';
import { SiteKey } from '../../../src/core/model';
import { defaultSettings, siteEnabled } from '../../../src/core/settings';
import { contentScriptsFor, hostPermissionsFor, optionalHostPermissionsFor, standaloneScriptsFor } from '../../../src/sites/manifest-entries';
import { KnownSiteId } from '../../../src/sites/known-site-id';
import { LIVE_SITES, SITES, SITE_IDS, isSiteId, siteForHost, siteForUrl, siteName } from '../../../src/sites/registry';
import { acceptsUserServers, matchPatterns, siteProblems, staticHosts } from '../../../src/sites/site';
import { mastodon } from '../../../src/sites/mastodon/site';
import { readLinkDomains } from '../../../src/sites/x/post-dom';
import { bsky } from '../../../src/sites/bluesky/site';
import { x } from '../../../src/sites/x/site';
import { PAGE_SITES } from '../../../src/ui/sites';

/** defineManifest hands back the object it was given (a plain object here, not a function or promise). */
const manifest = exported as Exclude<typeof exported, Promise<unknown> | ((...args: never[]) => unknown)>;

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the registry', () => {
  it('holds sound declarations whose entry files exist', () => {
    expect(siteProblems(SITES)).toEqual([]);
    for (const site of SITES) {
      expect(SiteKey.safeParse(site.id).success, site.id).toBe(true);
      for (const entry of [site.content, site.pageWorld]) if (entry) expect(fs.existsSync(path.join(project, entry)), entry).toBe(true);
    }
  });

  it('declares X with its four hosts and both entries', () => {
    expect(x).toEqual({
      id: 'x', name: 'X', hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
      content: 'src/sites/x/content.ts', pageWorld: 'src/sites/x/page-world.ts',
      accounts: { handle: /^[a-z0-9_]{1,15}$/, id: /^\d{1,30}$/ },
    });
    expect(SITE_IDS).toEqual(['x', 'bsky', 'mastodon', 'linkedin']);
  });

  it('declares Mastodon with its largest servers, user-added servers beside them, and addresses as accounts', () => {
    expect(mastodon.hosts).toEqual(['mastodon.social', 'mastodon.online', 'mstdn.social', 'mas.to', 'mastodon.world']);
    expect(mastodon.userAdded).toBe(true);
    expect(acceptsUserServers(mastodon)).toBe(true);
    expect(acceptsUserServers(x)).toBe(false);
    for (const ok of ['alice@mastodon.social', 'a_b.c-d@xn--bcher-kva.example', 'z@mas.to']) expect(mastodon.accounts.handle.test(ok), ok).toBe(true);
    for (const bad of ['alice', '@alice@mastodon.social', 'alice@localhost', 'al ice@mas.to', 'alice@mas.to/x', '.a@mas.to']) {
      expect(mastodon.accounts.handle.test(bad), bad).toBe(false);
    }
  });

  it('declares Bluesky on bsky.app, with domain-name handles and DIDs', () => {
    expect(bsky).toMatchObject({
      id: 'bsky', name: 'Bluesky', hosts: ['bsky.app'],
      content: 'src/sites/bluesky/content.ts', pageWorld: 'src/sites/bluesky/page-world.ts',
    });
    for (const h of ['nytimes.com', 'karaswisher.bsky.social', 'a.co', 'x-1.example.org']) expect(bsky.accounts.handle.test(h), h).toBe(true);
    for (const h of ['nytimes', 'NYTimes.com', '-a.com', 'a.1com', `${'a'.repeat(64)}.com`, `${'a.'.repeat(127)}com`]) {
      expect(bsky.accounts.handle.test(h), h).toBe(false);
    }
    expect(bsky.accounts.id.test('did:plc:iuk433sj23ncu2oo2pfnw7fw')).toBe(true);
    expect(bsky.accounts.id.test('did:web:example.com')).toBe(true);
    expect(bsky.accounts.id.test('did:plc:short')).toBe(false);
    expect(bsky.accounts.id.test('1234')).toBe(false);
  });

  it('the manifest is what the declarations derive: content scripts and host permissions, nothing else', () => {
    expect(manifest.content_scripts).toEqual(contentScriptsFor(SITES));
    expect(manifest.host_permissions).toEqual(hostPermissionsFor(SITES));
    // Mastodon servers the user adds are asked for one at a time, at run time; the AppView the Bluesky
    // follow import reads is asked for on Start.
    expect(optionalHostPermissionsFor(SITES)).toEqual(['https://*/*']);
    expect(manifest.optional_host_permissions).toEqual([...optionalHostPermissionsFor(SITES), APPVIEW_PERMISSION]);
    const hosts = SITES.flatMap(matchPatterns);
    expect(manifest.host_permissions).toEqual(hosts);
    // Each script runs exactly where Doorman holds a host permission, and is built as a classic script.
    const standalone = standaloneScriptsFor(SITES);
    for (const cs of manifest.content_scripts ?? []) {
      for (const m of cs.matches ?? []) expect(manifest.host_permissions).toContain(m);
      for (const js of cs.js ?? []) expect(standalone).toContain(js);
      expect(cs.run_at).toBe('document_start');
    }
  });

  it('host lookups, site names, settings and page lists agree with the declarations', () => {
    for (const site of SITES) {
      for (const host of staticHosts(site)) {
        expect(siteForHost(host)).toBe(site.id);
        expect(siteForUrl(`https://${host}/home`)).toBe(site.id);
        expect(siteForUrl(`http://${host}/home`)).toBeNull();
      }
      expect(siteName(site.id)).toBe(site.name);
      expect(isSiteId(site.id)).toBe(true);
      expect(KnownSiteId.safeParse(site.id).success).toBe(true);
      expect(siteEnabled(defaultSettings(), site.id)).toBe(true);
    }
    expect(PAGE_SITES.map((s) => s.id)).toEqual(SITE_IDS);
    expect(PAGE_SITES.filter((s) => s.live).map((s) => s.id)).toEqual(LIVE_SITES);
    expect(siteForUrl('https://example.com/')).toBeNull();
    expect(siteName('myspace')).toBe('myspace'); // stored data from an undeclared site reads as its id
    expect(KnownSiteId.safeParse('myspace').error?.issues[0]?.message).toBe(`unknown site "myspace"; Doorman knows ${SITE_IDS.join(', ')}`);
  });

  it("X's link-domain reader skips links to every declared X host and its www. form", () => {
    const doc = new Window().document;
    const text = doc.createElement('div');
    const links = [...x.hosts.flatMap((h) => [h, `www.${h}`]), 'shop.example'];
    text.innerHTML = links.map((h) => `<a href="https://${h}/acme">@acme</a>`).join(' ');
    expect(readLinkDomains(text as unknown as Element, new URL('https://x.com/home'))).toEqual(['shop.example']);
  });
});

// Adding a site is one declaration: a throwaway site (never registered) shows up in everything derived
// from a site list — manifest entries, host permissions, lookups, settings and the pages' lists.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Settings, defaultSettings, siteEnabled } from '../../../src/core/settings';
import { siteLookup } from '../../../src/sites/lookup';
import { contentScriptsFor, hostPermissionsFor, optionalHostPermissionsFor, standaloneScriptsFor } from '../../../src/sites/manifest-entries';
import { defineSite, siteProblems } from '../../../src/sites/site';
import { x } from '../../../src/sites/x/site';
import { pageSitesFor } from '../../../src/ui/sites';

const example = defineSite({ id: 'example', name: 'Example Social', hosts: ['social.example'], content: 'src/sites/example/content.ts' });
/** A federated site: its servers are added by the user, so it has no fixed hosts. */
const fedi = defineSite({ id: 'fedi', name: 'Fedi', hosts: 'user-added', content: 'src/sites/fedi/content.ts', pageWorld: 'src/sites/fedi/page-world.ts' });
const sites = [x, example, fedi] as const;

describe('a throwaway site', () => {
  it('gets an isolated content script at document_start on its hosts (no MAIN reader: it declares none)', () => {
    const scripts = contentScriptsFor(sites);
    expect(scripts).toContainEqual({ matches: ['https://social.example/*'], js: ['src/sites/example/content.ts'], run_at: 'document_start' });
    expect(scripts.filter((s) => s.js.some((js) => js.startsWith('src/sites/example/')))).toHaveLength(1);
    expect(scripts.slice(0, 2).map((s) => s.world)).toEqual(['MAIN', undefined]); // X: reader first, then content
    expect(standaloneScriptsFor(sites)).toContain('src/sites/example/content.ts');
  });

  it('gets a host permission for its hosts only', () => {
    expect(hostPermissionsFor(sites)).toEqual([
      'https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*', 'https://social.example/*',
    ]);
  });

  it("a user-added site gets optional host permissions and no static content script", () => {
    expect(contentScriptsFor(sites).flatMap((s) => s.js).some((js) => js.startsWith('src/sites/fedi/'))).toBe(false);
    expect(optionalHostPermissionsFor(sites)).toEqual(['https://*/*']);
    expect(optionalHostPermissionsFor([x, example])).toEqual([]);
  });

  it('is found by URL and host, named, and typed into the id union', () => {
    const lookup = siteLookup(sites);
    expect(lookup.ids).toEqual(['x', 'example', 'fedi']);
    expectTypeOf(lookup.ids).toEqualTypeOf<readonly ('x' | 'example' | 'fedi')[]>();
    expect(lookup.siteForUrl('https://social.example/@alice/123')).toBe('example');
    expect(lookup.siteForUrl('https://SOCIAL.example/')).toBe('example');
    expect(lookup.siteForUrl('http://social.example/')).toBeNull();
    expect(lookup.siteForUrl('not a url')).toBeNull();
    expect(lookup.siteForHost('x.com')).toBe('x');
    expect(lookup.siteName('example')).toBe('Example Social');
    expect(lookup.isSiteId('fedi')).toBe(true);
    expect(lookup.isSiteId('myspace')).toBe(false);
    expect(lookup.live).toEqual(['x', 'example']);
  });

  it('is enabled by default, and can be paused, with nothing added to the settings schema', () => {
    expect(siteEnabled(defaultSettings(), 'example')).toBe(true);
    expect(siteEnabled(Settings.parse({ sites: { example: { enabled: false } } }), 'example')).toBe(false);
  });

  it('is listed on the popup and options pages', () => {
    expect(pageSitesFor(sites)).toEqual([
      { id: 'x', name: 'X', hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'], live: true },
      { id: 'example', name: 'Example Social', hosts: ['social.example'], live: true },
      { id: 'fedi', name: 'Fedi', hosts: [], live: false },
    ]);
  });
});

describe('declaration mistakes fail the build', () => {
  it('are named, one sentence each', () => {
    const bad = [
      defineSite({ id: 'x', name: 'Again', hosts: ['https://x.com', 'twitter.com'], content: 'src/sites/other/content.ts' }),
      defineSite({ id: 'Empty', name: ' ', hosts: [], content: 'src/sites/Empty/content.ts' }),
      defineSite({ id: 'sky', folder: 'x', name: 'Sky', hosts: ['sky.example'], content: 'src/sites/sky/content.ts' }),
    ];
    expect(siteProblems([x, ...bad])).toEqual([
      'site id "x" is declared twice',
      'site "x": content "src/sites/other/content.ts" must be a .ts file in src/sites/x/',
      'site "x": "https://x.com" is not a bare lower-case host name',
      'host "twitter.com" is claimed by "x" and "x"',
      'site id "Empty" must match /^[a-z][a-z0-9-]{0,31}$/',
      'site "Empty" has no name',
      'site "Empty" lists no hosts (use \'user-added\' for servers the user adds)',
      'folder "src/sites/x/" is claimed by "x" and "sky"',
      'site "sky": content "src/sites/sky/content.ts" must be a .ts file in src/sites/x/',
    ]);
    expect(() => contentScriptsFor([x, ...bad])).toThrow(/^Doorman site declarations:\n {2}site id "x" is declared twice/);
    expect(() => hostPermissionsFor([x, ...bad])).toThrow();
  });
});

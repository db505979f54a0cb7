// Questions about a list of site declarations: which ids exist, what a site is called, which site a
// page belongs to. Takes the list as a parameter so tests can ask about a throwaway site without
// touching the real registry.
import { type SiteDeclaration, staticHosts } from './site';

export interface SiteLookup<Id extends string> {
  readonly ids: readonly Id[];
  /** Sites with a content script on fixed hosts; a user-added site runs only on servers the user grants. */
  readonly live: readonly Id[];
  isSiteId(v: unknown): v is Id;
  /** The site's proper name; an id no declaration claims (stored data outliving a site) reads as itself. */
  siteName(id: string): string;
  siteForHost(host: string): Id | null;
  /** The site an https page belongs to, or null. */
  siteForUrl(url: string | undefined): Id | null;
}

export function siteLookup<const S extends readonly SiteDeclaration[]>(sites: S): SiteLookup<S[number]['id']> {
  type Id = S[number]['id'];
  const ids: readonly Id[] = sites.map((s) => s.id);
  const names = new Map<string, string>(sites.map((s) => [s.id, s.name]));
  const byHost = new Map<string, Id>();
  for (const s of sites) for (const h of staticHosts(s)) byHost.set(h, s.id);

  const siteForHost = (host: string): Id | null => byHost.get(host.toLowerCase()) ?? null;
  return {
    ids,
    live: sites.filter((s) => staticHosts(s).length > 0).map((s) => s.id),
    isSiteId: (v: unknown): v is Id => typeof v === 'string' && names.has(v),
    siteName: (id) => names.get(id) ?? id,
    siteForHost,
    siteForUrl(url) {
      if (!url) return null;
      try {
        const u = new URL(url);
        return u.protocol === 'https:' ? siteForHost(u.hostname) : null;
      } catch {
        return null;
      }
    },
  };
}

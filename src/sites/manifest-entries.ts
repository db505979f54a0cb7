// The manifest's per-site parts, derived from the declarations (manifest.config.ts and vite.config.ts
// call these with the registry's SITES; tests call them with throwaway sites).
import { type SiteDeclaration, acceptsUserServers, matchPatterns, siteProblems } from './site';

export interface ContentScriptEntry {
  matches: string[];
  js: string[];
  run_at: 'document_start';
  world?: 'MAIN';
}

/** Throws on a broken declaration, so a mistake fails the build instead of shipping a bad manifest. */
function checked(sites: readonly SiteDeclaration[]): readonly SiteDeclaration[] {
  const problems = siteProblems(sites);
  if (problems.length > 0) throw new Error(`Doorman site declarations:\n  ${problems.join('\n  ')}`);
  return sites;
}

/**
 * Per site on fixed hosts: the MAIN-world reader first (before the site's own scripts, to see its first
 * API responses), then the isolated content script; both at document_start so verdicts precede paint.
 * User-added sites get none: their scripts are registered for the servers the user grants.
 */
export function contentScriptsFor(sites: readonly SiteDeclaration[]): ContentScriptEntry[] {
  return checked(sites).flatMap((site): ContentScriptEntry[] => {
    const matches = matchPatterns(site);
    if (matches.length === 0) return [];
    const reader: ContentScriptEntry[] = site.pageWorld
      ? [{ matches, js: [site.pageWorld], run_at: 'document_start', world: 'MAIN' }]
      : [];
    return [...reader, { matches: [...matches], js: [site.content], run_at: 'document_start' }];
  });
}

/** The fixed hosts of every site, and no others (least privilege). */
export function hostPermissionsFor(sites: readonly SiteDeclaration[]): string[] {
  return [...new Set(checked(sites).flatMap(matchPatterns))];
}

/** Any https origin, asked for one server at a time, when some site's servers are user-added. */
export function optionalHostPermissionsFor(sites: readonly SiteDeclaration[]): string[] {
  return checked(sites).some(acceptsUserServers) ? ['https://*/*'] : [];
}

/**
 * Entries crxjs must build as classic self-contained scripts (IIFE) rather than ES modules behind its
 * async loader: only a classic script runs synchronously at document_start, before the page's first
 * paint and before the site's own scripts wrap fetch.
 */
export function standaloneScriptsFor(sites: readonly SiteDeclaration[]): string[] {
  return checked(sites).flatMap((s) => (s.pageWorld ? [s.pageWorld, s.content] : [s.content]));
}

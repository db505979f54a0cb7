// The sites the popup and options pages list (site pickers, the Sites and Follows sections, the log
// filter), derived from the site declarations so a new site shows up without touching the pages.
import { SITES } from '../sites/registry';
import { type SiteDeclaration, staticHosts } from '../sites/site';

export interface PageSite<Id extends string = string> {
  id: Id;
  name: string;
  /** Hosts shown under the name; none for a site whose servers the user adds. */
  hosts: readonly string[];
  /** Doorman runs there today (a content script on fixed hosts); the others show as "coming". */
  live: boolean;
}

/** In declaration order; takes the list so tests can derive it for a throwaway site. */
export function pageSitesFor<const S extends readonly SiteDeclaration[]>(sites: S): PageSite<S[number]['id']>[] {
  return sites.map((s) => ({ id: s.id, name: s.name, hosts: staticHosts(s), live: staticHosts(s).length > 0 }));
}

export const PAGE_SITES = pageSitesFor(SITES);

export const hostOf = (url: string | undefined): string => {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
};

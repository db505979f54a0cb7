// The zod schema for a site id that names a declared site, apart from the registry so that what the
// content script imports from the registry (names, lookups) carries no schema library.
import { z } from 'zod';
import { isSiteId, unknownSite } from './registry';

/**
 * A site id that names a declared site: for input from outside (messages from a page's content
 * script, facts, imported files). Typed as a plain string like core's SiteKey, because stored data
 * carries site ids that may outlive a declaration.
 */
export const KnownSiteId = z.string().refine((v): boolean => isSiteId(v), {
  error: (issue) => unknownSite(issue.input),
});

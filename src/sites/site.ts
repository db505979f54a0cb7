// What a site folder declares about itself: plain data, so the manifest build (Node), the background,
// the pages and even the page-world reader can import a declaration without pulling in DOM code or zod.
// Everything else (site ids, manifest entries, settings, page lists) is derived from these.

export interface SiteDeclaration {
  /** Stable id: stored in every log entry, rule and allowlist entry, so never renamed. The folder's name unless `folder` says otherwise. */
  readonly id: string;
  /**
   * The site's folder under src/sites/ when it is not the id: Bluesky's id is the host's short name
   * 'bsky' (kept, it is in stored rows) and its folder is 'bluesky'.
   */
  readonly folder?: string;
  /** Proper name, the same in every language. */
  readonly name: string;
  /**
   * Host names the site is served from (no scheme, no wildcard), or 'user-added' for a federated site
   * such as Mastodon whose servers the user adds later: such a site gets optional host permissions and
   * no static content script.
   */
  readonly hosts: readonly string[] | 'user-added';
  /**
   * Fixed hosts *and* servers the user adds at run time (Mastodon: the largest servers work out of
   * the box, any other once the user grants it): the fixed hosts get static content scripts, and the
   * site also gets optional host permissions for the servers added later.
   */
  readonly userAdded?: true;
  /** Entry of the isolated-world content script, from the project root (`src/sites/<folder>/…`). */
  readonly content: string;
  /** Entry of the MAIN-world reader of the site's own API responses, when the site has one. */
  readonly pageWorld?: string;
  /**
   * What the site's account handles and ids look like, checked on every fact a page reports (the page
   * is untrusted: a handle that no account could have is not one to key follows or allowlist entries by).
   * Absent: any handle or id within the facts' length caps.
   */
  readonly accounts?: AccountSyntax;
}

export interface AccountSyntax {
  /** A whole handle as normalizeHandle spells it (no '@', lower case), anchored: `^…$`. */
  readonly handle?: RegExp;
  /** A whole stable account id, anchored: `^…$`. */
  readonly id?: RegExp;
}

/** Whether a normalised handle could be one of the site's (an empty handle means "unknown" and fits). */
export const handleFits = (site: SiteDeclaration | undefined, handle: string): boolean =>
  handle === '' || site?.accounts?.handle === undefined || site.accounts.handle.test(handle);

/** Whether a non-empty string could be one of the site's account ids. */
export const accountIdFits = (site: SiteDeclaration | undefined, id: string): boolean =>
  site?.accounts?.id === undefined || site.accounts.id.test(id);

/** Types a declaration, keeping its literals (the id becomes part of the SiteId union). */
export function defineSite<const S extends SiteDeclaration>(site: S): S {
  return site;
}

/** Whether the user may add servers of this site at run time (all of them, or beside its fixed hosts). */
export const acceptsUserServers = (site: SiteDeclaration): boolean => site.hosts === 'user-added' || site.userAdded === true;

/** The hosts known before install; none for a site whose servers the user adds. */
export const staticHosts = (site: SiteDeclaration): readonly string[] => (site.hosts === 'user-added' ? [] : site.hosts);

/** Match patterns for a site's fixed hosts: `https://<host>/*` (Doorman never runs on plain http). */
export const matchPatterns = (site: SiteDeclaration): string[] => staticHosts(site).map((h) => `https://${h}/*`);

/** Same shape as core's SiteKey: lower-case, starts with a letter, at most 32 characters. */
const ID = /^[a-z][a-z0-9-]{0,31}$/;
/** A bare DNS name: lower-case labels, at least one dot, no scheme, port, path or wildcard. */
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Mistakes in a list of declarations, as sentences; empty when the list is sound. Checked at build time and in tests. */
export function siteProblems(sites: readonly SiteDeclaration[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const hostOwner = new Map<string, string>();
  const folderOwner = new Map<string, string>();
  for (const site of sites) {
    const { id } = site;
    const folder = site.folder ?? id;
    if (!ID.test(id)) problems.push(`site id "${id}" must match ${ID}`);
    if (ids.has(id)) problems.push(`site id "${id}" is declared twice`);
    ids.add(id);
    if (site.name.trim() === '') problems.push(`site "${id}" has no name`);
    if (site.folder !== undefined && !ID.test(folder)) problems.push(`site "${id}": folder "${folder}" must match ${ID}`);
    const folderTaken = folderOwner.get(folder);
    if (folderTaken !== undefined && folderTaken !== id) problems.push(`folder "src/sites/${folder}/" is claimed by "${folderTaken}" and "${id}"`);
    folderOwner.set(folder, id);
    // A site is its folder: a declaration points only at entries inside it.
    for (const [field, entry] of [['content', site.content], ['pageWorld', site.pageWorld]] as const) {
      if (entry !== undefined && !new RegExp(`^src/sites/${folder}/[\\w.-]+\\.ts$`).test(entry)) {
        problems.push(`site "${id}": ${field} "${entry}" must be a .ts file in src/sites/${folder}/`);
      }
    }
    for (const [field, re] of [['handle', site.accounts?.handle], ['id', site.accounts?.id]] as const) {
      // Unanchored, a pattern would accept any string that merely contains a valid handle.
      if (re !== undefined && (!re.source.startsWith('^') || !re.source.endsWith('$') || re.global || re.sticky)) {
        problems.push(`site "${id}": accounts.${field} ${String(re)} must be anchored (^…$) and not global or sticky`);
      }
    }
    if (site.hosts === 'user-added') continue;
    if (site.hosts.length === 0) problems.push(`site "${id}" lists no hosts (use 'user-added' for servers the user adds)`);
    for (const host of site.hosts) {
      if (!HOST.test(host)) problems.push(`site "${id}": "${host}" is not a bare lower-case host name`);
      const owner = hostOwner.get(host);
      if (owner !== undefined) problems.push(`host "${host}" is claimed by "${owner}" and "${id}"`);
      hostOwner.set(host, id);
    }
  }
  return problems;
}

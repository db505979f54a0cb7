// One way to turn a host name, from a rule or from a link, into the domain Doorman compares:
// lower-case, without a trailing dot or a leading "www.".

export function normalizeDomain(raw: string): string {
  return raw.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Longest domain a link may name (DNS's limit). */
const MAX_DOMAIN = 253;

/**
 * The domain an http(s) link in a post points at, normalised, or null when it is not one to count:
 * not http(s), unparseable, one of the site's own hosts (`own`, as host names or domains), or not a
 * plain DNS name.
 */
export function outsideLinkDomain(href: string, base: URL, own: ReadonlySet<string>): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = normalizeDomain(url.hostname);
  if (own.has(url.hostname.toLowerCase()) || own.has(host)) return null;
  return host.length <= MAX_DOMAIN && host.includes('.') && /^[a-z0-9.-]+$/.test(host) ? host : null;
}

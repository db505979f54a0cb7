// One spelling of a Mastodon account across servers: `user@domain`, lower case, no leading '@'. The
// API and the DOM give a local account as a bare `user` (its server's own accounts), a remote one as
// `user@domain`; the local server's domain is added to the bare form. Pure string work: used by the
// page-world reader and the content adapter alike.
//
// The "local domain" is the host of the page the user is on. A server whose account domain differs
// from its web host (LOCAL_DOMAIN ≠ WEB_DOMAIN, e.g. accounts @example.com served from
// social.example.com) would key its own accounts by the web host: inferred, documented limitation.
import { mastodon } from './site';

/** The server-independent address of `acct` as seen on the server `localHost`, or null when it cannot be one. */
export function addressOf(acct: unknown, localHost: string): string | null {
  if (typeof acct !== 'string' || acct.length === 0 || acct.length > 320) return null;
  const bare = acct.trim().replace(/^@/, '').toLowerCase();
  const full = bare.includes('@') ? bare : `${bare}@${localHost.toLowerCase()}`;
  return mastodon.accounts.handle.test(full) && full.length <= 200 ? full : null;
}

// Mastodon (any server), declared once; the registry derives the rest. Plain data only.
//
// Servers: the largest few work out of the box (static content scripts, fixed host permissions); any
// other the user adds at run time (optional host permission + scripts registered then, see
// src/background/servers.ts).
//
// Account identity: a Mastodon account id is a number that only means something on the server that
// issued it (the same person has different ids on mastodon.social and on mas.to), so Doorman never keys
// anything by it. Every account is keyed by its `acct` as the whole fediverse spells it: `user@domain`,
// lower-cased, the server's own domain added to a local account's bare `user` (see identity.ts). The
// fact's `id` and `handle` are both that address, so follows and allowlist entries made on one server
// hold on every other.
import { defineSite } from '../site';

/** A Mastodon username: letters, digits and underscores, dots and dashes inside (app/models/account.rb). */
const USER = '[a-z0-9_](?:[a-z0-9_.-]{0,62}[a-z0-9_])?';
/** A DNS name with at least one dot (punycode labels included). */
const DOMAIN = '(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const ADDRESS = new RegExp(`^${USER}@${DOMAIN}$`);

export const MASTODON_SERVERS = ['mastodon.social', 'mastodon.online', 'mstdn.social', 'mas.to', 'mastodon.world'] as const;

export const mastodon = defineSite({
  id: 'mastodon',
  name: 'Mastodon',
  hosts: MASTODON_SERVERS,
  userAdded: true,
  content: 'src/sites/mastodon/content.ts',
  pageWorld: 'src/sites/mastodon/page-world.ts',
  accounts: {
    // `user@domain` (normalised: lower case, no leading '@'): the handle and the id are the same address.
    handle: ADDRESS,
    id: ADDRESS,
  },
});

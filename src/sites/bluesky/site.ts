// Bluesky (bsky.app), declared once; the registry derives the rest. Plain data only.
import { defineSite } from '../site';

export const bsky = defineSite({
  id: 'bsky',
  folder: 'bluesky',
  name: 'Bluesky',
  hosts: ['bsky.app'],
  content: 'src/sites/bluesky/content.ts',
  pageWorld: 'src/sites/bluesky/page-world.ts',
  accounts: {
    // Handles are domain names (atproto handle syntax), normalised to lower case: at least two labels,
    // each 1–63 letters, digits and hyphens not at either end, the last starting with a letter; ≤ 253.
    handle: /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    // Stable ids are DIDs: did:plc (24 base32 characters) or did:web (a host name, ports %3A-encoded).
    id: /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.%-]{1,190})$/,
  },
});

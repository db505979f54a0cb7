// X (x.com, formerly twitter.com), declared once; the registry derives the rest. Plain data only.
import { defineSite } from '../site';

export const x = defineSite({
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  content: 'src/sites/x/content.ts',
  pageWorld: 'src/sites/x/page-world.ts',
  accounts: {
    // X's rule for usernames: 1–15 letters, digits and underscores (normalised, so lower case here).
    handle: /^[a-z0-9_]{1,15}$/,
    // Ids are decimal snowflakes (rest_id); as long as the page-world reader accepts (api-user.ts).
    id: /^\d{1,30}$/,
  },
});

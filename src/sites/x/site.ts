// X (x.com, formerly twitter.com), declared once; the registry derives the rest. Plain data only.
import { defineSite } from '../site';

export const x = defineSite({
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  content: 'src/sites/x/content.ts',
  pageWorld: 'src/sites/x/page-world.ts',
});

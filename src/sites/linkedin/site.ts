// LinkedIn (www.linkedin.com), declared once; the registry derives the rest. Plain data only.
import { defineSite } from '../site';

export const linkedin = defineSite({
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  content: 'src/sites/linkedin/content.ts',
  pageWorld: 'src/sites/linkedin/page-world.ts',
  accounts: {
    // A member by the public identifier of /in/<id>/; a page by its kind and identifier, as its path
    // spells them: company/<id>, showcase/<id>, school/<id>. Identifiers are letters (any script, as
    // LinkedIn allows localised vanity names), digits, hyphens and underscores, at most 100.
    handle: /^(?:(?:company|showcase|school)\/)?[\p{L}\p{N}_-]{1,100}$/u,
    // Stable ids are the dash URNs the Voyager API keys entities by: a member's profile (an opaque
    // base64url-ish string) or a company's number (showcase and school pages are companies too).
    id: /^urn:li:(?:fsd_profile:[A-Za-z0-9_-]{8,80}|fsd_company:\d{1,20})$/,
  },
});

// Imported files may name any site: core accepts every well-formed site id, so the import boundary
// checks that each one is a site Doorman declares, and names the field that is not. (Log entries check
// themselves: LogEntryInput's site is a KnownSiteId. Settings keep switches for undeclared ids: every
// older backup has them, and they are harmless.)
import type { z } from 'zod';
import { problem } from '../core/problem';
import { coded } from '../core/rules';
import { SITE_IDS, isSiteId } from '../sites/registry';

interface WithSites {
  rules: readonly { sites: readonly string[] }[];
  allowlist: readonly { site: string }[];
  follows?: readonly { site: string }[];
  overrides?: readonly { site: string }[];
}

export function checkKnownSites(file: WithSites, ctx: z.RefinementCtx): void {
  const flag = (path: (string | number)[], site: string) => ctx.addIssue(coded(problem('unknownSite', JSON.stringify(site) ?? String(site), { list: [...SITE_IDS] }), path));
  file.rules.forEach((r, i) => r.sites.forEach((s, j) => {
    if (!isSiteId(s)) flag(['rules', i, 'sites', j], s);
  }));
  for (const list of ['allowlist', 'follows', 'overrides'] as const) {
    file[list]?.forEach((e, i) => {
      if (!isSiteId(e.site)) flag([list, i, 'site'], e.site);
    });
  }
}

// An account as people recognise it: display name, then @handle and the site.
import type { SiteKey } from '../core/model';
import { siteName } from '../sites/registry';

export function AccountName({ displayName, handle, site, showSite }: {
  displayName: string;
  handle: string;
  site: SiteKey;
  showSite?: boolean;
}) {
  return (
    <span class="account">
      {displayName && <span class="account__name">{displayName}</span>}
      {handle && <span class="account__handle">@{handle}</span>}
      {showSite && <span class="account__site">{siteName(site)}</span>}
    </span>
  );
}

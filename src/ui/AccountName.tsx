// An account as people recognise it: display name, then @handle and the site.
import type { SiteId } from '../core/model';
import { SITE_NAMES } from './sites';

export function AccountName({ displayName, handle, site, showSite }: {
  displayName: string;
  handle: string;
  site: SiteId;
  showSite?: boolean;
}) {
  return (
    <span class="account">
      {displayName && <span class="account__name">{displayName}</span>}
      {handle && <span class="account__handle">@{handle}</span>}
      {showSite && <span class="account__site">{SITE_NAMES[site]}</span>}
    </span>
  );
}

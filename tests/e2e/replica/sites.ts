// The replicas the server knows, by host.
import type { ReplicaSite } from './site';
import { appViewSite } from './appview/site';
import { bskySite } from './bluesky/site';
import { linkedInSite } from './linkedin/site';
import { mastodonSite } from './mastodon/site';
import { xSite } from './x/site';

export const REPLICA_SITES: readonly ReplicaSite[] = [xSite, bskySite, mastodonSite, appViewSite, linkedInSite];

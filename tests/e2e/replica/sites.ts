// The replicas the server knows, by host. Add bsky.app and mastodon.social here when they exist.
import type { ReplicaSite } from './site';
import { mastodonSite } from './mastodon/site';
import { xSite } from './x/site';

export const REPLICA_SITES: readonly ReplicaSite[] = [xSite, mastodonSite];

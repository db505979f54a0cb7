// The replicas the server knows, by host. Add mastodon.social here when it exists.
import type { ReplicaSite } from './site';
import { bskySite } from './bsky/site';
import { xSite } from './x/site';

export const REPLICA_SITES: readonly ReplicaSite[] = [xSite, bskySite];

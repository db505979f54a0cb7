// What Bluesky's MAIN-world script reads: the app.bsky.* XRPC responses the app fetches from the
// user's PDS, on whatever https origin that is (`*.host.bsky.network`, a self-hosted PDS, the public
// AppView), and how one becomes facts.
import type { PageReader } from '../../page-world/install';
import { bskyPageFacts } from './page-facts';
import { xrpcMethod } from './routes';
import { bsky } from './site';

export const bskyPageReader: PageReader = {
  site: bsky.id,
  shouldRead: (url) => xrpcMethod(url) !== null,
  // Every profile view has a DID; a body without one (preferences, counts) has nothing to read.
  worthParsing: (text) => text.includes('"did:'),
  read(url, data, page) {
    const method = xrpcMethod(url);
    if (method === null) return null;
    return bskyPageFacts(data, { viewerId: page.viewerId, followsList: method === 'app.bsky.graph.getFollows' });
  },
};

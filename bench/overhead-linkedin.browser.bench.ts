// Doorman's running cost on the www.linkedin.com replica: main-thread and script time ÷ empty
// extension while 1,000 updates load by infinite scroll (pages of 10 from the Voyager feed query, each
// response's facts trailing its DOM by the replica's lag, as fetch is read), script time per item,
// heap growth per 1,000, interruptions painted. See bench/lib/overhead.ts.
//
//   npx vite build && node bench/run.mjs overhead-linkedin
import { runOverhead, type Replica } from './lib/overhead';

const UPDATE = 'div.feed-shared-update-v2[data-urn]';

/** The home feed, paged by `start` while the bottom is near, up to `?items=`; Doorman marks the update itself. */
const LINKEDIN_REPLICA: Replica = {
  name: 'www.linkedin.com replica',
  url: (items) => `https://www.linkedin.com/feed/?items=${items}`,
  markup: { post: UPDATE, cell: UPDATE, ad: null },
};

await runOverhead(LINKEDIN_REPLICA);

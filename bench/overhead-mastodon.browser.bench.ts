// Doorman's running cost on the Mastodon replica (mastodon.social, one of the built-in servers):
// main-thread and script time ÷ empty extension while 1,000 items load by the home timeline's
// infinite scroll (pages of 20 by the Link header's max_id, read by XHR as Mastodon's axios does, so
// the facts are in before each page renders), heap growth, interruptions painted (Element Timing on
// each status's text). See bench/lib/overhead.ts.
//
//   npx vite build && node bench/run.mjs overhead-mastodon
import { MASTODON_REPLICA, runOverhead } from './lib/overhead';

await runOverhead(MASTODON_REPLICA);

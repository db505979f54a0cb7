// Doorman's running cost on the bsky.app replica: main-thread and script time ÷ empty extension while
// 1,000 items load by infinite scroll (each page's facts trailing its DOM, as fetch is read), heap
// growth, interruptions painted. See bench/lib/overhead.ts.
//
//   npx vite build && node bench/run.mjs overhead-bsky
import { BSKY_REPLICA, runOverhead } from './lib/overhead';

await runOverhead(BSKY_REPLICA);

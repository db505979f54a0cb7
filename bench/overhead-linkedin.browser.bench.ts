// Doorman's running cost on the www.linkedin.com replica: main-thread and script time ÷ empty
// extension while 1,000 updates load by infinite scroll (pages of 10 from the Voyager feed query, each
// response's facts trailing its DOM by the replica's lag, as fetch is read), script time per item,
// heap growth per 1,000, interruptions painted. See bench/lib/overhead.ts.
//
//   npx vite build && node bench/run.mjs overhead-linkedin
import { LINKEDIN_REPLICA, runOverhead } from './lib/overhead';

await runOverhead(LINKEDIN_REPLICA);

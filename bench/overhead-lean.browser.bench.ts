// Doorman's running cost on the lean replica (tests/e2e/replica/lean: little page work per item, so
// Doorman's share shows): main-thread and script time ÷ empty extension while 1,000 items load by
// infinite scroll, heap growth, interruptions painted. See bench/lib/overhead.ts.
//
//   npx vite build && node bench/run.mjs overhead-lean
import { LEAN_REPLICA, runOverhead } from './lib/overhead';

await runOverhead(LEAN_REPLICA);

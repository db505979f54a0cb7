// Doorman's running cost on the x.com replica: main-thread and script time ÷ empty extension while
// 1,000 items load by infinite scroll, heap growth, interruptions painted. See bench/lib/overhead.ts.
//
//   npx vite build && node bench/run.mjs overhead-x
import { runOverhead, X_REPLICA } from './lib/overhead';

await runOverhead(X_REPLICA);

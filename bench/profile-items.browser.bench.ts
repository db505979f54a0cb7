// Where Doorman's per-item time goes on one or more replicas: the built extension in Chromium, a CDP
// CPU profile (Profiler, 100 µs sampling) of the page's main thread while 1,000 items load by
// infinite scroll, then the samples that ran inside the extension's content script, by function.
// Build without minifying to read names (`npx vite build --minify false`, copy dist/ elsewhere and
// point DOORMAN_DIST at it); a minified build prints minified names with their file offsets.
//
//   DOORMAN_PROFILE=bsky,mastodon,linkedin node bench/run.mjs profile-items
// DOORMAN_PROFILE_ITEMS (default 1000), DOORMAN_PROFILE_TOP (default 30); DOORMAN_PROFILE_OUT=<dir> also
// writes each site's profile there as <site>.cpuprofile (DevTools opens it).
// Prints: Doorman's sampled time per item, its top functions by self time (a DOM call such as
// querySelector is charged to itself and named with the Doorman function that made it), and by
// inclusive time. Nothing is asserted.
import { writeFileSync } from 'node:fs';
import { launchDoorman, startReplicaServer } from '../tests/e2e/harness';
import { countPosts, footer, header, X_MARKUP } from './lib/browser';
import { fmt } from './lib/measure';
import { scrollUntil } from './lib/overhead';
import { REPLICAS } from './lib/replicas';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const ITEMS = Number(process.env.DOORMAN_PROFILE_ITEMS ?? 1000) || 1000;
const TOP = Number(process.env.DOORMAN_PROFILE_TOP ?? 30) || 30;
const sites = (process.env.DOORMAN_PROFILE ?? 'bsky,mastodon,linkedin').split(',').map((s) => s.trim()).filter(Boolean);

const isOurs = (f: CallFrame) => f.url.startsWith('chrome-extension://');
const where = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${f.lineNumber + 1}`;

function report(profile: Profile, appended: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Self time per node from the sample stream (µs).
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)));
  const nearestOurs = (id: number): ProfileNode | null => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (isOurs(n.callFrame)) return n;
    }
    return null;
  };
  const selfBy = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let ours = 0;
  let total = 0;
  for (const [id, us] of self) {
    total += us;
    const owner = nearestOurs(id);
    if (owner === null) continue;
    ours += us;
    const n = byId.get(id)!;
    const key = isOurs(n.callFrame) ? where(n.callFrame) : `[${n.callFrame.functionName || n.callFrame.url || '(native)'}] ← ${where(owner.callFrame)}`;
    selfBy.set(key, (selfBy.get(key) ?? 0) + us);
    // Inclusive: every distinct Doorman function on the stack gets this sample once.
    const onStack = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (isOurs(f)) onStack.add(where(f));
    }
    for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
  const per = (us: number) => `${fmt(us / Math.max(1, appended), 1)} µs/item`;
  console.log(`  sampled: ${fmt(total / 1000, 0)} ms on the main thread, Doorman's ${fmt(ours / 1000, 0)} ms = ${per(ours)} over ${fmt(appended)} appended items`);
  const top = (m: Map<string, number>, title: string) => {
    console.log(`  top by ${title}:`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`    ${per(us).padStart(16)}  ${fmt(us / 1000, 1).padStart(7)} ms  ${k}`);
  };
  top(selfBy, 'self time');
  top(inclusive, 'inclusive time');
}

header(`per-item profile of Doorman's content script — ${fmt(ITEMS)} items by infinite scroll on ${sites.join(', ')}`);
const server = await startReplicaServer();
const browser = await launchDoorman({ server });
try {
  for (const site of sites) {
    const replica = REPLICAS[site];
    if (!replica) throw new Error(`no replica "${site}" (one of ${Object.keys(REPLICAS).join(', ')})`);
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    const cdp = await page.context().newCDPSession(page);
    const markup = replica.markup ?? X_MARKUP;
    await page.goto(replica.url(ITEMS));
    await page.locator(markup.post).first().waitFor({ state: 'attached' });
    await page.waitForTimeout(1_000);
    const first = await countPosts(page, markup);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const items = await scrollUntil(page, ITEMS, replica.markup ?? X_MARKUP);
    await page.waitForTimeout(1_000);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    console.log(`\n${replica.name}: ${fmt(items)} items (+${fmt(items - first)} while profiled)`);
    if (process.env.DOORMAN_PROFILE_OUT) writeFileSync(`${process.env.DOORMAN_PROFILE_OUT}/${site}.cpuprofile`, JSON.stringify(profile));
    report(profile, items - first);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
footer();

// The demo a newcomer sees: the x.com, bsky.app, Mastodon (mastodon.social) and www.linkedin.com replicas with Doorman loaded in Chromium.
//   npm run demo                          headed Chromium on https://x.com/home (needs a display)
//   npm run demo -- --screenshots DIR     headless: one PNG per replica page, then exit
// Options: --dist DIR (default dist/), --keep-open-ms N (headed: close after N ms), --verbose.
// scripts/demo.mjs loads this file through Vite's module runner (Node 20 cannot run TypeScript).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchDoorman, pageErrors, startReplicaServer } from '../tests/e2e/harness';
import { PATHS as BSKY_PATHS } from '../tests/e2e/replica/bluesky/data';
import { PATHS as LINKEDIN_PATHS } from '../tests/e2e/replica/linkedin/data';
import { FRIEND_THREAD, PEOPLE } from '../tests/e2e/replica/mastodon/data';
import { PATHS } from '../tests/e2e/replica/x/data';

const X_POST = 'article[data-testid="tweet"]';
const BSKY_POST = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
const MASTODON_POST = '.status[data-id]';
const LINKEDIN_ITEM = 'div.feed-shared-update-v2[data-urn], article.nt-card, li.msg-conversation-listitem';
const MASTODON_THREAD = `/@${PEOPLE.friend.acct}/${FRIEND_THREAD.focal.id}`;

/** Name of the PNG, page URL, and an item whose presence says the page rendered. */
const SHOTS: readonly (readonly [string, string, string])[] = [
  ['home', `https://x.com${PATHS.home}`, X_POST],
  ['thread', `https://x.com${PATHS.thread}`, X_POST],
  ['notifications', `https://x.com${PATHS.notifications}`, X_POST],
  ['mentions', `https://x.com${PATHS.mentions}`, X_POST],
  ['thread-captured', `https://x.com${PATHS.capturedThread}`, X_POST],
  ['bsky-home', `https://bsky.app${BSKY_PATHS.home}`, BSKY_POST],
  ['bsky-thread', `https://bsky.app${BSKY_PATHS.thread}`, BSKY_POST],
  ['bsky-notifications', `https://bsky.app${BSKY_PATHS.notifications}`, BSKY_POST],
  ['mastodon-home', 'https://mastodon.social/home', MASTODON_POST],
  ['mastodon-thread', `https://mastodon.social${MASTODON_THREAD}`, MASTODON_POST],
  ['mastodon-notifications', 'https://mastodon.social/notifications', MASTODON_POST],
  ['linkedin-feed', `https://www.linkedin.com${LINKEDIN_PATHS.home}`, LINKEDIN_ITEM],
  ['linkedin-company', `https://www.linkedin.com${LINKEDIN_PATHS.company}`, LINKEDIN_ITEM],
  ['linkedin-notifications', `https://www.linkedin.com${LINKEDIN_PATHS.notifications}`, LINKEDIN_ITEM],
  ['linkedin-messaging', `https://www.linkedin.com${LINKEDIN_PATHS.messaging}`, LINKEDIN_ITEM],
];

function arg(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

export async function main(args: readonly string[]): Promise<number> {
  const shotsDir = args.includes('--screenshots') ? arg(args, '--screenshots') : undefined;
  const dist = arg(args, '--dist');
  const server = await startReplicaServer({ verbose: args.includes('--verbose') });
  try {
    if (shotsDir) return await screenshots(resolve(shotsDir), server, dist);
    return await headed(server, dist, Number(arg(args, '--keep-open-ms') ?? 0));
  } finally {
    await server.close();
  }
}

async function screenshots(dir: string, server: Awaited<ReturnType<typeof startReplicaServer>>, dist: string | undefined): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const browser = await launchDoorman({ server, ...(dist ? { dist } : {}) });
  try {
    const page = await browser.newPage();
    const errors = pageErrors(page);
    for (const [name, url, item] of SHOTS) {
      await page.goto(url);
      await page.locator(item).first().waitFor({ state: 'attached', timeout: 15_000 });
      // Give the page's live re-render and Doorman's batches time to settle.
      await page.waitForTimeout(1_200);
      const file = resolve(dir, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}  (${url})`);
    }
    if (errors.errors.length > 0) {
      console.error(`the page reported errors:\n  ${errors.errors.join('\n  ')}`);
      return 1;
    }
    return 0;
  } finally {
    await browser.close();
  }
}

async function headed(server: Awaited<ReturnType<typeof startReplicaServer>>, dist: string | undefined, keepOpenMs: number): Promise<number> {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('No display (DISPLAY is not set), so Chromium cannot open a window here.\n'
      + 'Run `npm run demo -- --screenshots .tmp/demo` to get PNGs of the replica pages with Doorman on,\n'
      + 'or run the demo under a display (for example `xvfb-run npm run demo`).');
    return 2;
  }
  const browser = await launchDoorman({ server, headless: false, viewport: { width: 1280, height: 900 }, ...(dist ? { dist } : {}) });
  const page = browser.context.pages()[0] ?? await browser.newPage();
  await page.goto(`https://x.com${PATHS.home}`);
  console.log([
    'Doorman is loaded on local replicas of x.com, bsky.app, mastodon.social and www.linkedin.com (every request to them goes to this process).',
    `  home            https://x.com${PATHS.home}`,
    `  your thread     https://x.com${PATHS.thread}`,
    `  notifications   https://x.com${PATHS.notifications}`,
    `  mentions        https://x.com${PATHS.mentions}`,
    `  Bluesky home    https://bsky.app${BSKY_PATHS.home}`,
    `  Bluesky thread  https://bsky.app${BSKY_PATHS.thread}`,
    `  Bluesky notifs  https://bsky.app${BSKY_PATHS.notifications}`,
    '  Mastodon home   https://mastodon.social/home',
    `  Mastodon thread https://mastodon.social${MASTODON_THREAD}`,
    '  Mastodon notifs https://mastodon.social/notifications',
    `  LinkedIn feed   https://www.linkedin.com${LINKEDIN_PATHS.home}`,
    `  LinkedIn page   https://www.linkedin.com${LINKEDIN_PATHS.company}`,
    `  LinkedIn notifs https://www.linkedin.com${LINKEDIN_PATHS.notifications}`,
    `  LinkedIn inbox  https://www.linkedin.com${LINKEDIN_PATHS.messaging}`,
    `  Doorman options chrome-extension://${browser.extensionId}/src/options/index.html`,
    'Close the browser window (or press Ctrl+C) to stop.',
  ].join('\n'));
  await new Promise<void>((done) => {
    browser.context.once('close', () => done());
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
    if (keepOpenMs > 0) setTimeout(done, keepOpenMs);
  });
  await browser.close();
  return 0;
}

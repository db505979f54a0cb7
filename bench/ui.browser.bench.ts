// The popup and the options log view with 10,000 items in the log, in the built extension in
// Chromium: time to first render (navigation start → the page's first data-bearing frame, the
// `doorman:first-render` mark), time until the whole log is read, how many log rows are in the DOM
// (the list is windowed), and how long a scroll step takes. Prints figures; asserts nothing.
//
// "scripts loaded" is the `doorman:boot` mark at the top of the page's entry module: everything
// before it is Chromium starting the page and fetching/evaluating the bundles; after it, opening
// the database, the first queries and rendering.
//
//   npx vite build && node bench/run.mjs ui
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchDoorman } from '../tests/e2e/harness/browser';
import { fmt, loadNote, row } from './lib/measure';

const LOG_SIZE = 10_000;
const RUNS = 7;
const TARGET_MS = 150;

// Nothing in this benchmark goes to the network: the replica server is not needed.
const NO_SERVER = { port: 9, hosts: [] as string[] };

function stats(xs: number[]): { best: number; median: number; worst: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { best: s[0] ?? NaN, median: s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2, worst: s[s.length - 1] ?? NaN };
}

const ms = (n: number) => `${fmt(n, 1)} ms`;

/** Writes LOG_SIZE log rows straight into the extension's IndexedDB (the schema exists: the page opened it). */
async function seedLog(page: Page, count: number): Promise<number> {
  return page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('doorman');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const sites = ['x', 'x', 'x', 'bsky', 'mastodon'];
    const reasons = ['brand-reply', 'brand-mention', 'ad', 'not-followed', 'user-rule'];
    const now = Date.now();
    await new Promise<void>((res, rej) => {
      const tx = db.transaction('log', 'readwrite');
      const store = tx.objectStore('log');
      store.clear();
      for (let i = 0; i < n; i++) {
        const handle = `brand_${i % 737}`;
        store.add({
          site: sites[i % sites.length], itemId: `bench-${i}`, permalink: `https://x.com/${handle}/status/${i}`,
          authorId: String(100_000 + (i % 737)), handle, displayName: `Brand ${i % 737} Official`,
          snippet: `Hey there! Use code SAVE${i % 50} for ${i % 40}% off, DM us for details. Item ${i}.`,
          kind: i % 3 === 0 ? 'mention' : 'reply', context: i % 2 ? 'home' : 'notifications', action: i % 7 === 0 ? 'hide' : 'collapse',
          ruleId: 'policy:balanced:brand', reasonCode: reasons[i % reasons.length],
          reason: `Reply from @${handle}, a brand you don't follow (verified organisation, promo code or discount)`,
          at: now - i * 60_000,
        });
      }
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    const counted = await new Promise<number>((res) => {
      const q = db.transaction('log').objectStore('log').count();
      q.onsuccess = () => res(q.result);
    });
    db.close();
    return counted;
  }, count);
}

async function firstRender(page: Page, url: string): Promise<{ ttfr: number; boot: number }> {
  await page.goto(url);
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => performance.getEntriesByName('doorman:first-render').length > 0);
  return page.evaluate(() => ({
    ttfr: performance.getEntriesByName('doorman:first-render')[0]!.startTime,
    boot: performance.getEntriesByName('doorman:boot')[0]?.startTime ?? NaN,
  }));
}

async function main(): Promise<void> {
  const browser = await launchDoorman({ server: NO_SERVER, dist: process.env.DOORMAN_DIST ?? join(process.cwd(), 'dist') });
  try {
    const base = `chrome-extension://${browser.extensionId}`;
    const setup = await browser.newPage();
    await setup.goto(`${base}/src/options/index.html#sites`); // opens (and if need be creates) the database
    await setup.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    const seeded = await seedLog(setup, LOG_SIZE);
    await setup.close();

    console.log(`\n  ${fmt(seeded)} items in the log; Chromium headless; ${RUNS} cold page loads each (after one warm-up); ${loadNote()}\n`);

    // Popup, at its real size.
    const popupTimes: number[] = [];
    const popupBoot: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 360, height: 600 });
      const r = await firstRender(page, `${base}/src/popup/index.html`);
      if (i > 0) {
        popupTimes.push(r.ttfr);
        popupBoot.push(r.boot);
      }
      await page.close();
    }
    const p = stats(popupTimes);
    row('popup: time to first render (median)', `${ms(p.median)}  (best ${ms(p.best)}, worst ${ms(p.worst)}; target < ${TARGET_MS} ms)`);
    row('popup: of which scripts loaded (median)', ms(stats(popupBoot).median));

    // Options, log view.
    const logTimes: number[] = [];
    const logBoot: number[] = [];
    const completeTimes: number[] = [];
    let rowsInDom = 0;
    let rowsAfterScroll = 0;
    let posAfterScroll = '';
    let scrollSteps: number[] = [];
    let searchMs = 0;
    for (let i = 0; i <= RUNS; i++) {
      const page = await browser.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      const r = await firstRender(page, `${base}/src/options/index.html#log`);
      await page.waitForFunction(() => performance.getEntriesByName('doorman:log-complete').length > 0, undefined, { timeout: 30_000 });
      const complete = await page.evaluate(() => performance.getEntriesByName('doorman:log-complete')[0]!.startTime);
      if (i > 0) {
        logTimes.push(r.ttfr);
        logBoot.push(r.boot);
        completeTimes.push(complete);
      }
      if (i === RUNS) {
        rowsInDom = await page.locator('.vlist__row').count();
        // Scroll through the list in steps and time each step to its next frame.
        scrollSteps = await page.evaluate(async () => {
          const list = document.querySelector<HTMLElement>('.vlist')!;
          const frame = () => new Promise<void>((res) => requestAnimationFrame(() => res()));
          const times: number[] = [];
          for (let s = 0; s < 120; s++) {
            const t0 = performance.now();
            list.scrollTop += 4_000;
            await frame();
            await frame();
            times.push(performance.now() - t0);
          }
          return times;
        });
        await page.evaluate(() => {
          const list = document.querySelector<HTMLElement>('.vlist')!;
          list.scrollTop = list.scrollHeight / 2;
        });
        await page.waitForTimeout(100);
        rowsAfterScroll = await page.locator('.vlist__row').count();
        posAfterScroll = (await page.locator('.vlist__row').first().getAttribute('aria-posinset')) ?? '';
        // Search: typing a word filters all 10,000 entries.
        const t0 = Date.now();
        await page.locator('#log-q').fill('brand_42 ');
        await page.waitForFunction(() => /of 10,000 items match/.test(document.querySelector('[data-testid="log-count"]')?.textContent ?? ''));
        searchMs = Date.now() - t0;
      }
      await page.close();
    }
    const l = stats(logTimes);
    row('log view: time to first render (median)', `${ms(l.median)}  (best ${ms(l.best)}, worst ${ms(l.worst)}; target < ${TARGET_MS} ms)`);
    row('log view: of which scripts loaded (median)', ms(stats(logBoot).median));
    row('log view: all 10,000 read (median)', ms(stats(completeTimes).median));
    row('log view: rows in the DOM', `${rowsInDom} of ${fmt(LOG_SIZE)} (after scrolling to the middle: ${rowsAfterScroll}, first is #${posAfterScroll})`);
    const sc = stats(scrollSteps);
    row('log view: scroll step → 2nd frame', `median ${ms(sc.median)}, worst ${ms(sc.worst)} (120 steps of 4,000 px)`);
    row('log view: search 10,000 (incl. driver)', `${fmt(searchMs)} ms`);
  } finally {
    await browser.close();
  }
}

await main();

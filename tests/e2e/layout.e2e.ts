// Layout at the popup's and a narrow options page's widths, in Spanish and German (the longest
// words), light and dark: the popup's toast ("En pausa en X.", with Undo and ×) gives its sentence
// the room (one line at 360 px), and at 560 px the log rows' reason is never covered by the row's
// three buttons (below 720 px of list the reason takes a line of its own and the buttons move up
// beside the snippet: options/sections/log.css). Before the fix: the toast's sentence took three
// lines at 360 px, and a German log row at 560 px showed "Antwort unter I…".
// Screenshots go to .tmp/screenshots/layout-<lang>-<what>-<scheme>.png to be looked at.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness';
import { PATHS } from './replica/x/data';
import { tabIdFor } from './support/extension';
import { doormanSuite } from './support/suite';

const SHOTS = join(REPO_ROOT, '.tmp', 'screenshots');
const catalogue = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

interface Box { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(['es', 'de'])('layout in %s', (lang) => {
  const suite = doormanSuite({ args: [`--lang=${lang}`], locale: lang });
  const own = catalogue(lang);
  const msg = (key: string) => own[key]!.message.replace('$P1$', 'X');

  async function openExtension(path: string, width: number, height: number, scheme: 'light' | 'dark'): Promise<Page> {
    const page = await suite.browser.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
    await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    return page;
  }

  it('the popup toast at 360 px: the sentence on one line, its buttons beside it', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const thread = await suite.browser.newPage();
    await thread.goto(`https://x.com${PATHS.thread}`);
    await thread.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
    await thread.waitForTimeout(2_500); // the content script flushes its log batch after 1 s
    const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openExtension(`src/popup/index.html?tab=${tabId}`, 360, 600, scheme);
      await popup.getByRole('button', { name: msg('sitePause') }).click();
      const text = popup.locator('.toast--shown .toast__text', { hasText: msg('sitePaused') });
      await text.waitFor();
      await popup.waitForTimeout(250); // the toast's slide-in
      await popup.screenshot({ path: join(SHOTS, `layout-${lang}-toast-${scheme}.png`) });
      const lines = await text.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      expect(lines).toBe(1);
      await popup.getByRole('button', { name: msg('siteResume') }).click();
      await popup.locator('.toast--shown .toast__text', { hasText: msg('siteResumed') }).waitFor();
      await popup.close();
    }
  });

  it('the log at 560 px: each row\'s reason clear of its buttons', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openExtension('src/options/index.html#log', 560, 860, scheme);
      await page.locator('.logrow').first().waitFor();
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(SHOTS, `layout-${lang}-log-${scheme}.png`) });
      const rows = await page.locator('.logrow').evaluateAll((els) => els.map((row) => {
        const box = (sel: string) => {
          const r = row.querySelector(sel)!.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const reason = row.querySelector<HTMLElement>('.logrow__reason')!;
        const rowBox = row.getBoundingClientRect();
        return { reason: box('.logrow__reason'), actions: box('.logrow__actions'), visible: reason.clientWidth, row: { top: rowBox.top, bottom: rowBox.bottom }, last: row.lastElementChild!.getBoundingClientRect().bottom };
      }));
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(overlap(r.reason, r.actions)).toBe(false);
        // The reason gets most of the row (not a sliver beside the buttons), and nothing spills out of the row.
        expect(r.visible).toBeGreaterThan(400);
        expect(r.last).toBeLessThanOrEqual(r.row.bottom + 0.5);
      }
      await page.close();
    }
  });
});

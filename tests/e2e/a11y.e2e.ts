// axe-core on what Doorman shows people, in the built extension: the popup, every options section
// and the placeholders it puts on the replica pages (x.com on its three themes, bsky.app, a Mastodon
// server), each in the light and the dark colour scheme. Every check must find 0 violations; a
// failure prints each violation with the elements it names. On the sites, only Doorman's own
// placeholders are checked: the replica's markup is not ours to judge. The placeholders on X's three
// themes are screenshotted to docs/screenshots/placeholder-{light,dim,dark}.png to be looked at.
// Once more in Arabic (right to left): the popup, every options section and X's placeholders, with
// Chromium in Arabic (its own browser, started after the English one has closed).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness';
import { PATHS as BSKY_PATHS } from './replica/bluesky/data';
import { PATHS as X_PATHS } from './replica/x/data';
import { tabIdFor } from './support/extension';
import { doormanSuite, type DoormanSuite } from './support/suite';
import { SECTIONS } from '../../src/options/sections';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const PLACEHOLDER = '.doorman-placeholder';


interface AxeNode { target: unknown[]; failureSummary?: string }
interface AxeViolation { id: string; impact: string | null; help: string; nodes: AxeNode[] }

/**
 * axe's violations on the page (only inside `include` when given), one line per violation and node.
 * The script is evaluated through the DevTools protocol, so the pages' CSP does not stand in its way.
 */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector: string | null) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    // axe takes an element list as well as selectors: the placeholders themselves, wherever they are.
    const ctx = selector === null ? document : { include: [...document.querySelectorAll(selector)] };
    return (await axe.run(ctx, { resultTypes: ['violations'] })).violations;
  }, include ?? null) as AxeViolation[];
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
}

async function extensionPage(suite: DoormanSuite, path: string, scheme: Scheme, viewport: { width: number; height: number }): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  return page;
}

async function sitePage(suite: DoormanSuite, url: string, scheme: Scheme, ready: string): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url);
  await page.locator(ready).first().waitFor({ state: 'attached' });
  await page.locator(PLACEHOLDER).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(1_200); // re-renders settle; the log batch reaches the background
  return page;
}

describe('axe-core: 0 violations in light and dark', () => {
  const suite = doormanSuite();
  for (const scheme of SCHEMES) {
    for (const [theme, path] of [['light', X_PATHS.thread], ['dim', X_PATHS.thread], ['dark', X_PATHS.thread], ['light', X_PATHS.home], ['dark', X_PATHS.home]] as const) {
      it(`x.com ${path === X_PATHS.home ? 'home' : 'thread'} on X's ${theme} theme (${scheme} scheme): the placeholders`, async () => {
        const page = await sitePage(suite, `https://x.com${path}?theme=${theme}`, scheme, 'article[data-testid="tweet"]');
        expect(await page.locator(PLACEHOLDER).count()).toBeGreaterThan(0);
        expect(await axeViolations(page, PLACEHOLDER)).toEqual([]);
        await page.close();
      });
    }

    it(`bsky.app home (${scheme} scheme): the placeholders`, async () => {
      const page = await sitePage(suite, `https://bsky.app${BSKY_PATHS.thread}`, scheme, '[data-testid^="postThreadItem-by-"], [data-testid^="feedItem-by-"]');
      expect(await axeViolations(page, PLACEHOLDER)).toEqual([]);
      await page.close();
    });

    it(`Mastodon home (${scheme} scheme): the placeholders`, async () => {
      const page = await sitePage(suite, 'https://mastodon.social/home', scheme, 'body[data-replica-ready]');
      expect(await axeViolations(page, PLACEHOLDER)).toEqual([]);
      await page.close();
    });

    it(`popup with recent items (${scheme})`, async () => {
      const thread = await sitePage(suite, `https://x.com${X_PATHS.thread}`, scheme, 'article[data-testid="tweet"]');
      const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
      const popup = await extensionPage(suite, `src/popup/index.html?tab=${tabId}`, scheme, { width: 360, height: 600 });
      await popup.locator('.recent__item').first().waitFor({ state: 'attached' });
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
      await thread.close();
    });

    for (const section of SECTIONS) {
      it(`options #${section} (${scheme})`, async () => {
        const page = await extensionPage(suite, `src/options/index.html#${section}`, scheme, { width: 1200, height: 860 });
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe("placeholders on X's three themes, screenshotted", () => {
  const suite = doormanSuite();
  for (const theme of ['light', 'dim', 'dark'] as const) {
    it(`${theme}: the Show button names its item, the reason is whole on focus`, async () => {
      const page = await sitePage(suite, `https://x.com${X_PATHS.thread}?theme=${theme}`, 'light', 'article[data-testid="tweet"]');
      const first = page.locator(`[data-doorman="collapse"] > ${PLACEHOLDER}`).first();
      const button = first.locator('button');
      expect(await button.getAttribute('aria-label')).toMatch(/^Show (reply|mention|post|quote) from @\w+$/);
      const reason = first.locator('.doorman-reason');
      const full = await reason.textContent();
      expect(await page.locator(`#${await button.getAttribute('aria-describedby')}`).textContent()).toBe(full);
      await button.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab'); // keyboard focus: :focus-visible and :focus-within as a person would see them
      expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      mkdirSync(join(REPO_ROOT, 'docs', 'screenshots'), { recursive: true });
      await page.locator('[data-testid="primaryColumn"]').screenshot({ path: join(REPO_ROOT, 'docs', 'screenshots', `placeholder-${theme}.png`) });
      await page.close();
    });
  }
});

describe('axe-core in Arabic, right to left: 0 violations', () => {
  const suite = doormanSuite({ args: ['--lang=ar'], locale: 'ar', env: { LANGUAGE: 'ar' } });

  it('x.com thread: the placeholders, right to left on a left-to-right page', async () => {
    const page = await sitePage(suite, `https://x.com${X_PATHS.thread}`, 'light', 'article[data-testid="tweet"]');
    expect(await page.locator(PLACEHOLDER).first().getAttribute('dir')).toBe('rtl');
    expect(await axeViolations(page, PLACEHOLDER)).toEqual([]);
    await page.close();
  });

  it('popup with recent items', async () => {
    const thread = await sitePage(suite, `https://x.com${X_PATHS.thread}`, 'light', 'article[data-testid="tweet"]');
    const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
    const popup = await extensionPage(suite, `src/popup/index.html?tab=${tabId}`, 'light', { width: 360, height: 600 });
    await popup.locator('.recent__item').first().waitFor({ state: 'attached' });
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await thread.close();
  });

  for (const section of SECTIONS) {
    it(`options #${section}`, async () => {
      const page = await extensionPage(suite, `src/options/index.html#${section}`, 'light', { width: 1200, height: 860 });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

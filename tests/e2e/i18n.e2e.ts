// Doorman in the browser's language, end to end: Chromium launched in Spanish (`--lang=es`, locale
// es-ES) and then in German on the x.com replica served in that language (`?lang=`). The verdicts are the same as in English; the
// placeholders, their buttons and the reasons in the page, the popup and the options log are in the
// UI language, and the pages take its `lang`. Screenshots of the popup and the log in both languages
// go to docs/screenshots/ (popup-es.png, log-es.png, popup-de.png, log-de.png) to be looked at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { REPO_ROOT } from './harness/certs';
import { PATHS, SCENARIO, type ReplicaPage } from './replica/x/data';
import { readLog, tabIdFor } from './support/extension';
import { doormanSuite, type DoormanSuite } from './support/suite';

const SHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const ARTICLE = 'article[data-testid="tweet"]';

function cellOf(page: Page, handle: string, id: string) {
  return page.locator('[data-testid="cellInnerDiv"]', { has: page.locator(`a[href="/${handle}/status/${id}"] time`) });
}

/** How Doorman marked the cell holding this post: 'collapse' | 'hide' | 'show' | 'missing'. */
function markOf(page: Page, handle: string, id: string): Promise<string> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    return link?.closest('[data-testid="cellInnerDiv"]')?.getAttribute('data-doorman') ?? 'missing';
  }, [handle, id] as const);
}

/** The replica served in the UI's language too (`?lang=`: X's own strings and `<html lang>`), as a Spanish or German user sees x.com. */
async function openAndSettle(page: Page, path: string, lang: string): Promise<void> {
  await page.goto(`https://x.com${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
  // The page re-renders its first cells ~600 ms after load; let that and Doorman's batches settle.
  await page.waitForTimeout(900);
}

const MARK = { shown: 'show', collapsed: 'collapse', hidden: 'hide' } as const;

/** Every scenario item on the page gets the verdict it gets in English (x-filtering.e2e.ts). */
async function expectEnglishVerdicts(page: Page, where: ReplicaPage): Promise<void> {
  const got: Record<string, string> = {};
  const want: Record<string, string> = {};
  for (const [key, c] of Object.entries(SCENARIO)) {
    if (!(c.pages as readonly string[]).includes(where)) continue;
    got[key] = await markOf(page, c.handle, c.tweetId);
    want[key] = MARK[c.balanced];
  }
  expect(got).toEqual(want);
}

async function openPopup(suite: DoormanSuite, tabId: number): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(`chrome-extension://${suite.browser.extensionId}/src/popup/index.html?tab=${tabId}`);
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  return page;
}

async function openLog(suite: DoormanSuite): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.setViewportSize({ width: 1200, height: 860 });
  await page.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html#log`);
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  await page.locator('.logrow').first().waitFor();
  return page;
}

interface Words {
  lang: string;
  show: string;
  collapse: string;
  label: string;
  /** The brand reply under the viewer's post, as its placeholder words it. */
  brandReply: RegExp;
  brandMention: RegExp;
  affiliate: string;
  /** A word of the reasons in this language that the English ones lack (searching the log by it). */
  searchWord: string;
}

const SPANISH: Words = {
  lang: 'es',
  show: 'Mostrar',
  collapse: 'Contraer',
  label: 'Filtrado por Doorman',
  brandReply: /^Respuesta en tu hilo de @acmecorp, una marca que no sigues \(organización verificada, .*\)$/,
  brandMention: /^Mención de @shopmegamart, una marca que no sigues \(/,
  affiliate: 'afiliada a una organización',
  searchWord: 'verificada',
};

const GERMAN: Words = {
  lang: 'de',
  show: 'Anzeigen',
  collapse: 'Einklappen',
  label: 'Von Doorman gefiltert',
  brandReply: /^Antwort unter Ihrem Beitrag von @acmecorp, einer Marke, der Sie nicht folgen \(verifizierte Organisation, .*\)$/,
  brandMention: /^Erwähnung von @shopmegamart, einer Marke, der Sie nicht folgen \(/,
  affiliate: 'mit einer Organisation verbunden',
  searchWord: 'verifizierte',
};

function languageSuite(w: Words, locale: string) {
  describe(`Doorman with the browser in ${locale}`, () => {
    const suite = doormanSuite({ args: [`--lang=${w.lang}`], locale, env: { LANGUAGE: w.lang } });

    it('decides the thread, mentions and home as in English, with the placeholder in the UI language', async () => {
      const page = await suite.browser.newPage();
      const errors = pageErrors(page);
      await openAndSettle(page, PATHS.thread, w.lang);
      await expectEnglishVerdicts(page, 'thread');
      const acme = SCENARIO.unsolicitedBrandReply;
      const box = cellOf(page, acme.handle, acme.tweetId).locator('.doorman-placeholder');
      expect(await box.locator('.doorman-reason').textContent()).toMatch(w.brandReply);
      expect(await box.getAttribute('aria-label')).toBe(w.label);
      expect(await box.getAttribute('lang')).toBe(locale);
      expect(await box.getAttribute('dir')).toBe('ltr');
      const sam = SCENARIO.affiliateReply;
      expect(await cellOf(page, sam.handle, sam.tweetId).locator('.doorman-reason').textContent()).toContain(w.affiliate);
      // The button says Show / Collapse in the UI language, and still works.
      const button = box.getByRole('button', { name: w.show });
      await button.click();
      expect(await box.locator('button').textContent()).toBe(w.collapse);
      await box.locator('button').click();
      expect(await box.locator('button').textContent()).toBe(w.show);

      await openAndSettle(page, PATHS.mentions, w.lang);
      await expectEnglishVerdicts(page, 'mentions');
      const mega = SCENARIO.brandMention;
      expect(await cellOf(page, mega.handle, mega.tweetId).locator('.doorman-reason').textContent()).toMatch(w.brandMention);
      await openAndSettle(page, PATHS.home, w.lang);
      await expectEnglishVerdicts(page, 'home');
      expect(errors.errors).toEqual([]);
    });

    it('logs reasons as data, and the popup words them in the UI language', async () => {
      const acme = SCENARIO.unsolicitedBrandReply;
      await expect.poll(async () => (await readLog(suite.browser)).some((e) => e.itemId === acme.tweetId), { timeout: 10_000 }).toBe(true);
      const logged = (await readLog(suite.browser)).find((e) => e.itemId === acme.tweetId)!;
      expect(logged.why).toMatchObject({ say: 'brand', who: acme.handle, kind: 'reply', ownThread: true });
      expect(logged.reason).toBeUndefined();

      const popup = await openPopup(suite, await tabIdFor(suite.browser, 'https://x.com/*'));
      const errors = pageErrors(popup);
      expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([locale, 'ltr']);
      const item = popup.locator('.recent__item', { hasText: `@${SCENARIO.brandMention.handle}` }).first();
      await item.waitFor();
      expect(await item.locator('.recent__reason').textContent()).toMatch(new RegExp(w.brandMention.source.replace('^', '')));
      mkdirSync(SHOTS, { recursive: true });
      await popup.screenshot({ path: join(SHOTS, `popup-${w.lang}.png`), fullPage: true });
      expect(errors.errors).toEqual([]);
      await popup.close();
    });

    it('the options log shows the reasons in the UI language and finds them by its words', async () => {
      const page = await openLog(suite);
      const errors = pageErrors(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const acme = SCENARIO.unsolicitedBrandReply;
      const row = page.locator('.logrow', { hasText: `@${acme.handle}` }).first();
      expect(await row.locator('.logrow__reason').textContent()).toMatch(new RegExp(w.brandReply.source.replace('^', '').replace('$', '')));
      await page.screenshot({ path: join(SHOTS, `log-${w.lang}.png`) });
      // Search matches the sentence as shown, in the UI language.
      const total = await page.locator('.logrow').count();
      const search = page.locator('input[type="search"]').first();
      await search.fill(w.searchWord);
      await expect.poll(() => page.locator('.logrow').count()).toBeGreaterThan(0);
      await search.fill('verified'); // the English reasons' word: none of these sentences has it
      await expect.poll(() => page.locator('.logrow').count()).toBe(0);
      await search.fill('');
      await expect.poll(() => page.locator('.logrow').count()).toBe(total);
      expect(errors.errors).toEqual([]);
      await page.close();
    });
  });
}

languageSuite(SPANISH, 'es-ES');
languageSuite(GERMAN, 'de-DE');

// Doorman in the browser's language, end to end: Chromium launched in Spanish (`--lang=es`, locale
// es-ES), German, French and Arabic on the x.com replica (served in Spanish and German in that
// language with `?lang=`; the replica has no French or Arabic, so those read an English x.com). The
// verdicts are the same as in English; the placeholders, their buttons and the reasons in the page,
// the popup and the options log are in the UI language, and the pages take its `lang` and `dir`. In
// Arabic the placeholder is right to left on a page that stays left to right, and a handle inside
// its sentence still reads "@acmecorp" (the @ on its left). Screenshots go to docs/screenshots/
// (popup-<lang>.png, log-<lang>.png, placeholder-ar.png) to be looked at.
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

/** The replica served in `lang` (`?lang=`: X's own strings and `<html lang>`), as a Spanish or German user sees x.com. */
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
  /** The language the replica serves the site in (it has en, es, de, ja). */
  site: string;
  dir: 'ltr' | 'rtl';
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
  site: 'es',
  dir: 'ltr',
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
  site: 'de',
  dir: 'ltr',
  show: 'Anzeigen',
  collapse: 'Einklappen',
  label: 'Von Doorman gefiltert',
  brandReply: /^Antwort unter Ihrem Beitrag von @acmecorp, einer Marke, der Sie nicht folgen \(verifizierte Organisation, .*\)$/,
  brandMention: /^Erwähnung von @shopmegamart, einer Marke, der Sie nicht folgen \(/,
  affiliate: 'mit einer Organisation verbunden',
  searchWord: 'verifizierte',
};

const FRENCH: Words = {
  lang: 'fr',
  site: 'en',
  dir: 'ltr',
  show: 'Afficher',
  collapse: 'Replier',
  label: 'Filtré par Doorman',
  brandReply: /^Réponse sous votre publication de @acmecorp, une marque que vous ne suivez pas \(organisation vérifiée, .*\)$/,
  brandMention: /^Mention de @shopmegamart, une marque que vous ne suivez pas \(/,
  affiliate: 'affilié à une organisation',
  searchWord: 'vérifiée',
};

/** Arabic isolates each substitution (U+2068 … U+2069) so that a handle keeps its direction. */
const I = '[\u2068\u2069]?';
const ARABIC: Words = {
  lang: 'ar',
  site: 'en',
  dir: 'rtl',
  show: 'إظهار',
  collapse: 'طيّ',
  label: 'صفّاه Doorman',
  brandReply: new RegExp(`^${I}رد تحت منشورك${I} من ${I}@acmecorp${I}، علامة تجارية لا تتابعها \\(${I}مؤسسة موثّقة.*\\)$`),
  brandMention: new RegExp(`^${I}إشارة${I} من ${I}@shopmegamart${I}، علامة تجارية لا تتابعها \\(`),
  affiliate: 'تابع لمؤسسة',
  searchWord: 'موثّقة',
};

/**
 * Whether the "@" of `@handle`, in the first element matching `selector` whose text has it, is drawn
 * to the left of the handle's first letter (in right-to-left text an unisolated "@" lands on the right).
 */
function atSignOnTheLeft(page: Page, selector: string, handle: string): Promise<boolean> {
  return page.evaluate(([sel, h]) => {
    for (const el of document.querySelectorAll(sel)) {
      // The element's text as one string, each character pointing back at its text node.
      const chars: [Text, number][] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
      }
      const at = chars.map(([n, i]) => n.data[i]).join('').indexOf(`@${h}`);
      if (at < 0) continue;
      const x = (k: number) => {
        const [node, i] = chars[k]!;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect().x;
      };
      return x(at) < x(at + 1);
    }
    throw new Error(`no @${h} in ${sel}`);
  }, [selector, handle] as const);
}

function languageSuite(w: Words, locale: string) {
  describe(`Doorman with the browser in ${locale}`, () => {
    const suite = doormanSuite({ args: [`--lang=${w.lang}`], locale, env: { LANGUAGE: w.lang } });

    it('decides the thread, mentions and home as in English, with the placeholder in the UI language', async () => {
      const page = await suite.browser.newPage();
      const errors = pageErrors(page);
      await openAndSettle(page, PATHS.thread, w.site);
      await expectEnglishVerdicts(page, 'thread');
      const acme = SCENARIO.unsolicitedBrandReply;
      const box = cellOf(page, acme.handle, acme.tweetId).locator('.doorman-placeholder');
      expect(await box.locator('.doorman-reason').textContent()).toMatch(w.brandReply);
      expect(await box.getAttribute('aria-label')).toBe(w.label);
      expect(await box.getAttribute('lang')).toBe(locale);
      expect(await box.getAttribute('dir')).toBe(w.dir);
      // The placeholder takes the UI language's direction; the page keeps its own.
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
      expect(await box.evaluate((el) => getComputedStyle(el).direction)).toBe(w.dir);
      const acmeCell = `[data-doorman] > .doorman-placeholder[title*="@${acme.handle}"] .doorman-reason`;
      expect(await atSignOnTheLeft(page, acmeCell, acme.handle)).toBe(true);
      if (w.lang === 'ar') {
        mkdirSync(SHOTS, { recursive: true });
        await page.locator('[data-testid="primaryColumn"]').screenshot({ path: join(SHOTS, 'placeholder-ar.png') });
      }
      const sam = SCENARIO.affiliateReply;
      expect(await cellOf(page, sam.handle, sam.tweetId).locator('.doorman-reason').textContent()).toContain(w.affiliate);
      // The button says Show / Collapse in the UI language, and still works.
      const button = box.getByRole('button', { name: w.show });
      await button.click();
      expect(await box.locator('button').textContent()).toBe(w.collapse);
      await box.locator('button').click();
      expect(await box.locator('button').textContent()).toBe(w.show);

      await openAndSettle(page, PATHS.mentions, w.site);
      await expectEnglishVerdicts(page, 'mentions');
      const mega = SCENARIO.brandMention;
      expect(await cellOf(page, mega.handle, mega.tweetId).locator('.doorman-reason').textContent()).toMatch(w.brandMention);
      await openAndSettle(page, PATHS.home, w.site);
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
      expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([locale, w.dir]);
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
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([locale, w.dir]);
      const acme = SCENARIO.unsolicitedBrandReply;
      const row = page.locator('.logrow', { hasText: `@${acme.handle}` }).first();
      expect(await row.locator('.logrow__reason').textContent()).toMatch(new RegExp(w.brandReply.source.replace('^', '').replace('$', '')));
      expect(await atSignOnTheLeft(page, '.logrow__reason', acme.handle)).toBe(true);
      expect(await atSignOnTheLeft(page, '.logrow .account__handle', acme.handle)).toBe(true);
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
languageSuite(FRENCH, 'fr-FR');
languageSuite(ARABIC, 'ar');

// Doorman on the x.com replica served in Spanish, German and Japanese (`?lang=`): `<html lang>` set
// and X's UI strings in that language (replica/x/strings.js), the same posts and API. Every scenario
// item on every page is decided as on the English replica: ads hidden, brand replies and mentions
// collapsed, people the user follows shown.
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { PATHS, SCENARIO, type Expected, type ReplicaPage } from './replica/x/data';
import { doormanSuite } from './support/suite';

const suite = doormanSuite({}, { closePagesAfterEach: true });

const ARTICLE = 'article[data-testid="tweet"]';
const WHERE = ['thread', 'mentions', 'notifications', 'home'] as const satisfies readonly ReplicaPage[];
const STATE: Record<Expected, string> = { shown: 'show', collapsed: 'collapse', hidden: 'hide' };

interface PageRead {
  lang: string;
  /** Doorman's mark on each scenario item's cell, by scenario key. */
  marks: Record<string, string>;
  /** The ad labels shown in post headers. */
  adLabels: string[];
  errors: string[];
}

async function read(page: Page, lang: string, where: ReplicaPage): Promise<PageRead> {
  const errors = pageErrors(page);
  const sep = PATHS[where].includes('?') ? '&' : '?';
  await page.goto(`https://x.com${PATHS[where]}${sep}lang=${lang}`);
  await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
  // The page re-renders its first cells ~600 ms after load; let that and Doorman's batches settle.
  await page.waitForTimeout(900);
  const cases = Object.entries(SCENARIO).filter(([, c]) => (c.pages as readonly string[]).includes(where));
  const marks: Record<string, string> = {};
  for (const [key, c] of cases) {
    marks[key] = await page.evaluate(([h, i]) => {
      const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
      return link?.closest('[data-testid="cellInnerDiv"]')?.getAttribute('data-doorman') ?? 'missing';
    }, [c.handle, c.tweetId] as const);
  }
  const page_ = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    adLabels: [...document.querySelectorAll('article .t-header-right .ad')].map((s) => s.textContent ?? ''),
  }));
  return { ...page_, marks, errors: errors.errors.map(String) };
}

/** What the scenario table says Balanced does with each item on the page. */
const expected = (where: ReplicaPage): Record<string, string> => Object.fromEntries(
  Object.entries(SCENARIO).filter(([, c]) => (c.pages as readonly string[]).includes(where)).map(([k, c]) => [k, STATE[c.balanced]]),
);

const AD_LABEL: Record<string, string> = { en: 'Ad', es: 'Promocionado', de: 'Gesponsert', ja: 'プロモーション' };

describe('the x.com replica in other languages (Balanced, defaults)', () => {
  for (const where of WHERE) {
    it(`${where}: Spanish, German and Japanese decide every item as English does`, async () => {
      const page = await suite.browser.newPage();
      const en = await read(page, 'en', where);
      expect(en.lang).toBe('en');
      expect(en.marks).toEqual(expected(where));
      for (const lang of ['es', 'de', 'ja']) {
        const other = await read(page, lang, where);
        expect(other.lang).toBe(lang);
        expect(other.marks, lang).toEqual(en.marks);
        // The page really is in that language: its ads carry that language's label, never English's.
        if (Object.values(en.marks).includes('hide')) expect(other.adLabels.length).toBeGreaterThan(0);
        for (const label of other.adLabels) expect(label).toBe(AD_LABEL[lang]);
        expect(other.errors).toEqual([]);
      }
      expect(en.errors).toEqual([]);
      await page.close();
    });
  }

  it('the scenario covers what matters here: hidden ads, collapsed brand replies and mentions, shown follows', () => {
    const all = WHERE.flatMap((w) => Object.values(expected(w)));
    expect(all).toContain('hide');
    expect(all).toContain('collapse');
    expect(all).toContain('show');
    expect(Object.values(SCENARIO).some((c) => c.balanced === 'hidden' && (c.pages as readonly string[]).includes('home'))).toBe(true);
  });

  it('draws the localized page with Doorman\'s placeholders in it (screenshots in the temp folder, to look at)', async () => {
    const page = await suite.browser.newPage();
    await page.setViewportSize({ width: 1200, height: 1400 });
    const home: Record<string, string> = { es: 'Inicio', ja: 'ホーム' };
    for (const lang of ['es', 'ja']) {
      await read(page, lang, 'thread');
      expect(await page.locator('nav a[data-testid="AppTabBar_Home_Link"]').textContent()).toBe(home[lang]);
      expect(await page.locator('.doorman-placeholder').count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(os.tmpdir(), `doorman-x-replica-${lang}-thread.png`) });
    }
    await page.close();
  });
});

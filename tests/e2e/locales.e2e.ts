// The popup and every options section in Spanish, German, French and Arabic (right to left): Chromium launched with --lang=<lang>
// on the built extension, with the x.com replica open so the popup and the log have content. Each
// page must show its own language (its headings from that catalogue), no `__MSG_` or message key
// standing in for a missing string, no English sentence from the English catalogue, and the popup
// must not overflow its 360 px width. Screenshots go to .tmp/screenshots/locale-<lang>-*.png.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, pageErrors } from './harness';
import { PATHS } from './replica/x/data';
import { tabIdFor } from './support/extension';
import { doormanSuite } from './support/suite';
import { SECTIONS } from '../../src/options/sections';

type Catalogue = Record<string, { message: string }>;

const SHOTS = join(REPO_ROOT, '.tmp', 'screenshots');

const catalogue = (lang: string): Catalogue =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
const en = catalogue('en');

// Chromium's extension API in an extension page, only as much as this file uses.
declare const chrome: { i18n: { getUILanguage(): string; getMessage(key: string): string } };

/** Message keys that cannot be ordinary words (camelCase or with `_`): seeing one means a string is missing. */
const KEY_NAMES = Object.keys(en).filter((k) => /[A-Z_]/.test(k));

/** English sentences (several words, no placeholder) that the other catalogue words differently. */
function englishSentences(other: Catalogue): string[] {
  return Object.entries(en)
    .filter(([key, m]) => !m.message.includes('$') && m.message.trim().split(/\s+/).length >= 2 && other[key]?.message !== m.message)
    .map(([, m]) => m.message);
}

/**
 * What a reader of the page gets, lower-cased (CSS upper-cases some headings): all visible text, and
 * each element's own text and each accessible name and placeholder as separate pieces.
 */
async function pageText(page: Page): Promise<{ all: string; pieces: Set<string> }> {
  const [all, pieces] = await page.evaluate(() => {
    const els = [...document.querySelectorAll<HTMLElement>('body *')];
    const attrs = els.flatMap((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''));
    const own = els.map((el) => el.innerText ?? '');
    return [[document.title, document.body.innerText, ...attrs].join('\n'), [document.title, ...own, ...attrs]] as const;
  });
  return { all: all.toLocaleLowerCase(), pieces: new Set(pieces.map((p) => p.trim().toLocaleLowerCase()).filter(Boolean)) };
}

/** Buttons, tabs and labels whose text is wider than their box (clipped or spilling out). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, label, .pill, .chip, legend, h1, h2, a')]
    // Visually hidden labels (1 px, clipped) are for screen readers and overflow by design.
    // Inline elements have no client box to compare with.
    .filter((el) => el.offsetWidth > 2 && !el.closest('.visually-hidden') && getComputedStyle(el).display !== 'inline')
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => (el.textContent ?? '').trim()));
}

function checkText({ all: text, pieces }: { all: string; pieces: Set<string> }, lang: string, where: string): void {
  expect(text, where).not.toContain('__msg_');
  const keys = KEY_NAMES.filter((k) => new RegExp(`(^|[^a-z0-9_])${k.toLowerCase()}([^a-z0-9_]|$)`).test(text));
  expect(keys, `${where}: message keys shown instead of text`).toEqual([]);
  // An English message standing alone (a label, a button), or a longer English sentence anywhere.
  // (Shorter phrases inside other text are left alone: the items' own text is English here.)
  const english = englishSentences(catalogue(lang)).map((s) => s.toLocaleLowerCase())
    .filter((s) => pieces.has(s) || (s.split(/\s+/).length >= 5 && text.includes(s)));
  expect(english, `${where}: English left in the ${lang} page`).toEqual([]);
}

describe.each(['es', 'de', 'fr', 'ar'])('Doorman in %s', (lang) => {
  // LANGUAGE is what picks Chromium's own UI language on Linux (with its locale files installed,
  // the date fields follow it too); --lang and the page locale give the extension its language.
  const suite = doormanSuite({ args: [`--lang=${lang}`], locale: lang, env: { LANGUAGE: lang } });
  const own = catalogue(lang);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';

  async function openExtension(path: string, width: number, height: number): Promise<Page> {
    const page = await suite.browser.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`chrome-extension://${suite.browser.extensionId}/${path}`);
    await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    // Without Chromium's own locale files (Debian's chromium-l10n) the extension's language comes
    // from the page locale Playwright sets, which the very first page opened after launch can miss:
    // that page is opened again once.
    if (await page.evaluate((want) => document.documentElement.lang !== want, lang)) {
      await page.reload();
      await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    }
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
    return page;
  }

  it('the browser runs the extension in that language', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const page = await openExtension('src/popup/index.html', 360, 600);
    // (Chromium's `@@ui_locale` still reads en_US here; getUILanguage follows the page locale.)
    const [ui, cancel] = await page.evaluate(() => [chrome.i18n.getUILanguage(), chrome.i18n.getMessage('cancel')]);
    expect(ui).toMatch(new RegExp(`^${lang}\\b`));
    expect(cancel).toBe(own.cancel!.message);
    await page.close();
  });

  it('popup on an X tab: in the language, nothing missing, nothing wider than 360 px', async () => {
    const thread = await suite.browser.newPage();
    await thread.goto(`https://x.com${PATHS.thread}`);
    await thread.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
    await thread.waitForTimeout(2_500); // the content script flushes its log batch after 1 s
    const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
    const popup = await openExtension(`src/popup/index.html?tab=${tabId}`, 360, 600);
    const errors = pageErrors(popup);
    await popup.locator('.recent__item').first().waitFor();
    await expect.poll(() => popup.locator('.tab .pill').textContent()).toBe(own.status_working!.message);
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(SHOTS, `locale-${lang}-popup.png`), fullPage: true });

    const text = await pageText(popup);
    for (const key of ['policyTitle', 'recentTitle', 'allowTitle', 'entryAllow', 'policy_balanced']) expect(text.all).toContain(own[key]!.message.toLocaleLowerCase());
    checkText(text, lang, 'popup');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await overflowing(popup)).toEqual([]);
    expect(errors.errors).toEqual([]);
    await popup.close(); // the X tab stays open for the next test
  });

  it('popup with an allowed brand, a "not a brand" mark and the site paused; and on an unsupported tab', async () => {
    const tabId = await tabIdFor(suite.browser, 'https://x.com/*');
    const popup = await openExtension(`src/popup/index.html?tab=${tabId}`, 360, 600);
    const errors = pageErrors(popup);
    const items = popup.locator('.recent__item');
    await items.first().waitFor();
    await items.nth(0).getByRole('button', { name: own.entryAllow!.message }).click();
    await popup.locator('.recent__item button', { hasText: own.entryNotBrand!.message }).last().click();
    await popup.getByRole('button', { name: own.sitePause!.message.replace('$P1$', 'X') }).click();
    await expect.poll(() => popup.locator('.tab .pill').textContent()).toBe(own.status_paused!.message);
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(SHOTS, `locale-${lang}-popup-paused.png`), fullPage: true });
    const text = await pageText(popup);
    expect(text.all).toContain(own.siteResume!.message.replace('$P1$', 'X').toLocaleLowerCase());
    expect(text.all).toContain(own.entryAllowed!.message.toLocaleLowerCase());
    checkText(text, lang, 'popup (paused)');
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await overflowing(popup)).toEqual([]);
    await popup.getByRole('button', { name: own.siteResume!.message.replace('$P1$', 'X') }).click();
    await expect.poll(async () => (await pageText(popup)).all).toContain(own.siteResumed!.message.replace('$P1$', 'X').toLocaleLowerCase());
    expect(errors.errors).toEqual([]);
    await popup.close();

    // Without a tab to report on (the popup's own page is the active tab), it says the site is not supported.
    const bare = await openExtension('src/popup/index.html', 360, 600);
    await expect.poll(async () => (await pageText(bare)).all).toContain(own.tabUnsupported!.message.toLocaleLowerCase());
    await bare.screenshot({ path: join(SHOTS, `locale-${lang}-popup-unsupported.png`) });
    checkText(await pageText(bare), lang, 'popup (unsupported)');
    expect(await overflowing(bare)).toEqual([]);
    await bare.close();
  });

  it.each(SECTIONS)('options section %s: in the language, nothing missing', async (section) => {
    const page = await openExtension(`src/options/index.html#${section}`, 1200, 860);
    const errors = pageErrors(page);
    await expect.poll(async () => (await pageText(page)).all).toContain(own[`sectionLead_${section}`]!.message.toLocaleLowerCase());
    await page.waitForTimeout(400); // the rules and data sections load on demand; the log fills in
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-options-${section}.png`), fullPage: true });
    const text = await pageText(page);
    expect(text.all).toContain(own[`section_${section}`]!.message.toLocaleLowerCase());
    checkText(text, lang, section);
    expect(await overflowing(page)).toEqual([]);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('the rule form and the saved rule: in the language, nothing missing', async () => {
    const page = await openExtension('src/options/index.html#rules', 1200, 860);
    await page.getByRole('button', { name: own.ruleAdd!.message }).first().click();
    await page.getByRole('button', { name: own.ruleCreate!.message }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-options-rule-form.png`), fullPage: true });
    checkText(await pageText(page), lang, 'rule form');
    expect(await overflowing(page)).toEqual([]);

    // Saved, the rule shows in the list with its summary, switch and move buttons.
    const name = `${lang} giveaway`;
    await page.locator('#rule-name').fill(name);
    await page.getByPlaceholder(own.textPlaceholder_contains!.message).fill('giveaway');
    await page.getByRole('button', { name: own.ruleCreate!.message }).click();
    await expect.poll(async () => (await pageText(page)).all).toContain(own.ruleCreated!.message.replace('$P1$', name).toLocaleLowerCase());
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-options-rules-list.png`), fullPage: true });
    checkText(await pageText(page), lang, 'rules list');
    expect(await overflowing(page)).toEqual([]);
    await page.close();
  });

  /** The catalogue's message with its $P1$… filled in, as the page renders it. */
  const fill = (key: string, ...subs: string[]): string => subs.reduce((m, sub, i) => m.replace(`$P${i + 1}$`, sub), own[key]!.message);
  const englishPart = (key: string): string => en[key]!.message.split(/\$P\d\$/).sort((a, b) => b.length - a.length)[0]!.trim().toLocaleLowerCase();

  it('an import file Doorman cannot use: the detail line says why in the language (a newer version, a broken rule)', async () => {
    const page = await openExtension('src/options/index.html#data', 1200, 860);
    const errors = pageErrors(page);
    const rulesFile = (extra: object) => Buffer.from(JSON.stringify({ format: 'doorman-rules', version: 1, rules: [], allowlist: [], ...extra }));
    const detail = page.getByTestId('import-error').locator('.form-alert__detail');

    await page.locator('input[type="file"]').nth(1).setInputFiles({ name: 'from-the-future.json', mimeType: 'application/json', buffer: rulesFile({ version: 2 }) });
    await expect.poll(() => detail.textContent()).toBe(fill('problem_at', 'version', fill('problem_newerVersion', '2', '1')));
    expect(await page.getByTestId('import-error').textContent()).toContain(fill('importRejected', 'from-the-future.json'));
    await page.getByTestId('import-error').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-import-error.png`), fullPage: true });
    const text = await pageText(page);
    checkText(text, lang, 'import error (newer version)');
    expect(text.all).not.toContain(englishPart('problem_newerVersion'));

    const broken = { id: 'r1', name: 'Kaputt', enabled: true, sites: [], when: { type: 'text', mode: 'regex', pattern: '(unclosed', caseSensitive: false }, then: { class: 'interruption', action: 'collapse' } };
    await page.locator('input[type="file"]').nth(1).setInputFiles({ name: 'broken-rule.json', mimeType: 'application/json', buffer: rulesFile({ rules: [broken] }) });
    const notRegex = own.problem_notRegex!.message.split('$P1$')[0]!;
    // The path and the problem joined as the language joins them (French puts a space before the
    // colon, Arabic isolates both), up to where RE2's own message begins.
    const atPath = fill('problem_at', 'rules[0].when.pattern', '\u0000').split('\u0000')[0]!;
    await expect.poll(() => detail.textContent()).toContain(atPath + notRegex);
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-import-error-rule.png`), fullPage: true });
    checkText(await pageText(page), lang, 'import error (broken rule)');
    expect((await pageText(page)).all).not.toContain(englishPart('problem_notRegex'));
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('a Mastodon CSV with a bad row, and one with no good row: each line and the refusal in the language', async () => {
    const page = await openExtension('src/options/index.html#follows', 1200, 860);
    const errors = pageErrors(page);
    const input = page.locator('.follow-import input[type="file"]').first();
    const header = 'Account address,Show boosts,Notify on new posts,Languages';
    await input.setInputFiles({ name: 'following_accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nfriend1@mastodon.social,true,false,\nnot an address,true,false,\n`) });
    const bad = page.locator('[data-testid="mastodon-import-bad"] li');
    await expect.poll(() => bad.allTextContents()).toEqual([fill('problem_csvLine', '3', fill('problem_csvNotAddress', '"not an address"'))]);

    await input.setInputFiles({ name: 'nothing-good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nnope,true,false,\n`) });
    const refusal = page.getByTestId('follow-import-error').locator('.form-alert__detail');
    await expect.poll(() => refusal.textContent()).toBe(fill('problem_csvNoGoodRow', '2', fill('problem_csvNotAddress', '"nope"')));
    await page.getByTestId('follow-import-error').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-csv-error.png`), fullPage: true });
    const text = await pageText(page);
    checkText(text, lang, 'Mastodon CSV refused');
    for (const key of ['problem_csvNoGoodRow', 'problem_csvNotAddress']) expect(text.all).not.toContain(englishPart(key));
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('the options page at a narrow width keeps its navigation and buttons inside their boxes', async () => {
    const page = await openExtension('src/options/index.html#log', 560, 860);
    await page.locator('.content__title').waitFor();
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(SHOTS, `locale-${lang}-options-narrow.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(560);
    expect(await overflowing(page)).toEqual([]);
    await page.close();
  });
});

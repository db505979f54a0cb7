// The popup and the options page in the built extension, in Chromium, against the x.com replica:
// the user's three jobs end to end (allow a brand from the popup and its next reply shows; mark an
// account "not a brand" and it stops being treated as one; show an item on the page), the switch
// persisting to IndexedDB and reaching the snapshot, a rule made through the form, a backup with one
// broken field refused with an error naming it and nothing changed, and screenshots of both pages
// in light and dark mode (written to .tmp/screenshots/ to be looked at).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, pageErrors } from './harness';
import { PATHS, SCENARIO } from './replica/x/data';
import { dumpDb as dumpAll, extensionCall, tabIdFor as tabIdForPattern } from './support/extension';
import { SECTIONS } from '../../src/options/sections';
import { doormanSuite } from './support/suite';

const SHOTS = join(REPO_ROOT, '.tmp', 'screenshots');
const ARTICLE = 'article[data-testid="tweet"]';

const suite = doormanSuite();

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

// Chromium's extension API in an extension page, only as much as these helpers use.
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

/** Every object store of the extension's database, as JSON (raw reads: what is really stored). */
const dumpDb = () => dumpAll(suite.browser);

async function settingsRow(): Promise<Record<string, unknown>> {
  const rows = (await dumpDb()).settings as { key: string; value: Record<string, unknown> }[];
  return rows.find((r) => r.key === 'settings')?.value ?? {};
}

async function cachedSnapshot(): Promise<{ revision: number; settings: Record<string, unknown> } | undefined> {
  return extensionCall(suite.browser, async () => (await chrome.storage.local.get('snapshot')).snapshot as never);
}

const tabIdFor = (urlPattern: string): Promise<number> => tabIdForPattern(suite.browser, urlPattern);

async function openReplica(path: string): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.goto(`https://x.com${path}`);
  await page.locator(ARTICLE).first().waitFor({ state: 'attached' });
  await page.waitForTimeout(2_500); // the page re-renders once; the content script flushes its log batch after 1 s
  return page;
}

/** 'collapse' | 'hide' | 'show' | … : how Doorman marked the cell holding this post. */
function markOf(page: Page, handle: string, id: string): Promise<string> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    return link?.closest('[data-testid="cellInnerDiv"]')?.getAttribute('data-doorman') ?? 'missing';
  }, [handle, id] as const);
}

function isVisible(page: Page, handle: string, id: string): Promise<boolean> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const article = link?.closest('article') as HTMLElement | undefined;
    return !!article && article.offsetHeight > 0;
  }, [handle, id] as const);
}

async function openPopup(tabId?: number, dark = false): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${suite.browser.extensionId}/src/popup/index.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  return page;
}

async function openOptions(section: string, dark = false): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.setViewportSize({ width: 1200, height: 860 });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${suite.browser.extensionId}/src/options/index.html#${section}`);
  await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
  return page;
}

describe('popup and options in the built extension', () => {
  it('popup: reports the tab, and "Show on page" reveals a collapsed item in it', async () => {
    const thread = await openReplica(PATHS.thread);
    const tabId = await tabIdFor('https://x.com/*');
    const popup = await openPopup(tabId);
    const errors = pageErrors(popup);
    const acme = SCENARIO.unsolicitedBrandReply;

    await expect.poll(() => popup.locator('.tab .pill').textContent()).toBe('Working');
    await expect.poll(() => popup.locator('.tab__summary').textContent()).toMatch(/items filtered of \d+ seen on this page/);
    expect(await popup.locator('.chip').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ Brand replies$/), '1 Ads']));

    expect(await isVisible(thread, acme.handle, acme.tweetId)).toBe(false);
    const item = popup.locator('.recent__item', { hasText: `@${acme.handle}` });
    await item.getByRole('button', { name: 'Show on page' }).click();
    await expect.poll(() => isVisible(thread, acme.handle, acme.tweetId)).toBe(true);
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('Shown on the page');
    expect(errors.errors).toEqual([]);
    await popup.close();
    await thread.close();
  });

  it('popup: "Always allow" on a recent item lets the brand in, by account id, and its next reply shows', async () => {
    const goodReply = SCENARIO.allowlistCandidateReply;
    const goodMention = SCENARIO.allowlistCandidateMention;
    const thread = await openReplica(PATHS.thread);
    expect(await markOf(thread, goodReply.handle, goodReply.tweetId)).toBe('collapse');
    const popup = await openPopup(await tabIdFor('https://x.com/*'));
    const errors = pageErrors(popup);

    await popup.getByRole('button', { name: `Always allow @${goodReply.handle}` }).click();
    await expect.poll(async () => (await dumpDb()).allowlist).toEqual([
      expect.objectContaining({ site: 'x', accountId: goodReply.authorId, handle: goodReply.handle }),
    ]);
    // The open tab takes the change without a reload…
    await expect.poll(() => markOf(thread, goodReply.handle, goodReply.tweetId), { timeout: 10_000 }).toBe('show');
    // …and the brand's next message, elsewhere, shows.
    const mentions = await openReplica(PATHS.mentions);
    expect(await markOf(mentions, goodMention.handle, goodMention.tweetId)).toBe('show');
    expect(await isVisible(mentions, goodMention.handle, goodMention.tweetId)).toBe(true);
    // The popup lists it among the allowed brands and marks the item as allowed.
    await expect.poll(() => popup.locator('.allowed__item').allTextContents()).toEqual([expect.stringContaining(`@${goodReply.handle}`)]);
    await expect.poll(() => popup.getByRole('button', { name: `@${goodReply.handle} is allowed` }).isDisabled()).toBe(true);
    expect(errors.errors).toEqual([]);
    await Promise.all([popup.close(), thread.close(), mentions.close()]);
  });

  it('popup: "Not a brand" stops the account being treated as one', async () => {
    const mega = SCENARIO.brandMention;
    const mentions = await openReplica(PATHS.mentions);
    expect(await markOf(mentions, mega.handle, mega.tweetId)).toBe('collapse');
    const popup = await openPopup(await tabIdFor('https://x.com/*'));
    await popup.getByRole('button', { name: `Mark @${mega.handle} as not a brand` }).click();
    await expect.poll(async () => (await dumpDb()).accounts).toEqual([
      expect.objectContaining({ site: 'x', accountId: mega.authorId, brand: 'not-brand' }),
    ]);
    await expect.poll(() => markOf(mentions, mega.handle, mega.tweetId), { timeout: 10_000 }).toBe('show');
    await mentions.reload();
    await mentions.locator(ARTICLE).first().waitFor({ state: 'attached' });
    await mentions.waitForTimeout(1_000);
    expect(await markOf(mentions, mega.handle, mega.tweetId)).toBe('show');
    await Promise.all([popup.close(), mentions.close()]);
  });

  it('popup: the switch persists in IndexedDB and reaches the snapshot open tabs use', async () => {
    const popup = await openPopup();
    const errors = pageErrors(popup);
    await expect.poll(() => popup.locator('.tab__title').textContent()).toBe('Not a supported site');
    const sw = popup.getByRole('switch', { name: "Hide unsolicited brand messages from accounts I don't follow" });
    expect(await sw.getAttribute('aria-checked')).toBe('true');
    const before = (await cachedSnapshot())?.revision ?? 0;
    await sw.click();
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('false');
    await expect.poll(async () => (await settingsRow()).hideUnsolicitedBrands).toBe(false);
    await expect.poll(async () => (await cachedSnapshot())?.settings.hideUnsolicitedBrands).toBe(false);
    expect((await cachedSnapshot())!.revision).toBeGreaterThan(before);
    // Undo, from the live region.
    await expect.poll(() => popup.locator('[role="status"]').textContent()).toContain('Unsolicited brand messages will show');
    await popup.locator('[role="status"]').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await settingsRow()).hideUnsolicitedBrands).toBe(true);
    // Policy: the segmented control is a radio group.
    await popup.getByRole('radio', { name: 'Strict' }).check();
    await expect.poll(async () => (await settingsRow()).policy).toBe('strict');
    await popup.getByRole('radio', { name: 'Balanced' }).check();
    await expect.poll(async () => (await settingsRow()).policy).toBe('balanced');
    expect(errors.errors).toEqual([]);
    await popup.close();
  });

  it('options: adds a rule through the form, with inline errors and a live preview', async () => {
    const page = await openOptions('rules');
    const errors = pageErrors(page);
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByRole('button', { name: 'Create rule' }).click();
    await expect.poll(() => page.locator('.form-alert').textContent()).toMatch(/2 problems to fix/);
    expect(await page.locator('#rule-name-err').textContent()).toBe('This cannot be empty.');

    await page.getByLabel('Name').fill('Collapse promo codes');
    await page.getByLabel('Condition.2: text to find').fill('code');
    await expect.poll(() => page.getByTestId('rule-preview').textContent()).toMatch(/^Matches \d+ of the last \d+ logged items$/);
    await page.getByLabel('Condition.2: how to match').selectOption('regex');
    await page.getByLabel('Condition.2: text to find').fill('(unclosed');
    await expect.poll(() => page.locator('.cond__text .field-error').textContent()).toMatch(/not a supported regular expression/);
    await page.getByLabel('Condition.2: text to find').fill('\\bcode\\b');
    await page.getByRole('combobox', { name: 'What to do' }).selectOption('hide');
    await page.getByRole('button', { name: 'Create rule' }).click();

    await expect.poll(async () => (await dumpDb()).rules).toEqual([expect.objectContaining({
      name: 'Collapse promo codes',
      enabled: true,
      when: { type: 'all', of: [{ type: 'kind', kinds: ['reply', 'mention'] }, { type: 'text', mode: 'regex', pattern: '\\bcode\\b', caseSensitive: false }] },
      then: { class: 'interruption', action: 'hide' },
    })]);
    await expect.poll(() => page.locator('.rule__name').allTextContents()).toEqual(['Collapse promo codes']);
    // Keyboard: the switch on the row turns it off.
    await page.getByRole('switch', { name: 'Rule “Collapse promo codes” on' }).press('Space');
    await expect.poll(async () => ((await dumpDb()).rules as { enabled: boolean }[])[0]?.enabled).toBe(false);
    await page.getByRole('switch', { name: 'Rule “Collapse promo codes” on' }).press('Space');
    await expect.poll(async () => ((await dumpDb()).rules as { enabled: boolean }[])[0]?.enabled).toBe(true);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('options: a backup with one broken field is refused with an error naming it, and nothing changes', async () => {
    const page = await openOptions('data');
    const errors = pageErrors(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up everything' }).click()]);
    const backup = JSON.parse(await streamText(await download.createReadStream()));
    expect(backup).toMatchObject({ format: 'doorman-backup', rules: [expect.objectContaining({ name: 'Collapse promo codes' })] });

    const before = JSON.stringify(await dumpDb());
    backup.rules[0].when.of[1].pattern = '(unclosed';
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'broken-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    const error = page.getByTestId('import-error');
    await expect.poll(() => error.textContent()).toContain('rules[0].when.of[1].pattern');
    expect(await error.textContent()).toMatch(/not a supported regular expression.*Nothing was changed/);
    await page.screenshot({ path: join(SHOTS, 'options-data-error-light.png'), fullPage: true });
    expect(JSON.stringify(await dumpDb())).toBe(before);

    // The intact backup restores (all or nothing: it replaces everything).
    backup.rules[0].when.of[1].pattern = '\\bcode\\b';
    backup.settings.policy = 'strict';
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'good-backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.getByRole('button', { name: 'Replace everything' }).click();
    await expect.poll(async () => (await settingsRow()).policy).toBe('strict');
    await expect.poll(() => page.locator('[role="status"]').textContent()).toMatch(/^Restored: 1 rules/);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('takes screenshots of the popup and the options page, light and dark', async () => {
    // Back to the default policy (the restore above chose Strict), through the options page.
    const general = await openOptions('general');
    await general.getByRole('radio', { name: 'Balanced' }).check();
    await expect.poll(async () => (await settingsRow()).policy).toBe('balanced');
    await general.close();
    const thread = await openReplica(PATHS.thread);
    const tabId = await tabIdFor('https://x.com/*');
    for (const dark of [false, true]) {
      const mode = dark ? 'dark' : 'light';
      const popup = await openPopup(tabId, dark);
      const errors = pageErrors(popup);
      await popup.locator('.recent__item').first().waitFor();
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: join(SHOTS, `popup-${mode}.png`) });
      await popup.screenshot({ path: join(SHOTS, `popup-${mode}-full.png`), fullPage: true });
      expect(errors.errors).toEqual([]);
      await popup.close();
      for (const section of SECTIONS) {
        const page = await openOptions(section, dark);
        const perr = pageErrors(page);
        await page.waitForTimeout(250);
        await page.screenshot({ path: join(SHOTS, `options-${section}-${mode}.png`) });
        expect(perr.errors).toEqual([]);
        await page.close();
      }
      const form = await openOptions('rules', dark);
      await form.locator('.rule').getByRole('button', { name: /^Edit/ }).first().click();
      await form.getByTestId('rule-preview').waitFor();
      await form.waitForTimeout(400);
      await form.screenshot({ path: join(SHOTS, `options-rule-form-${mode}.png`), fullPage: true });
      await form.close();
    }
    await thread.close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  return Buffer.concat(chunks).toString('utf8');
}

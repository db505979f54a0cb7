// The foundation end to end: a rule and an allowlist entry written through the extension (the options
// page's import) reach IndexedDB, survive closing and reopening the browser profile, and arrive in
// the content script on a locally served page, where they decide items.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { PATHS, SCENARIO } from './replica/x/data';
import { dumpDb } from './support/extension';
import { doormanSuite } from './support/suite';

const suite = doormanSuite();

const pat = SCENARIO.strangerReply;
const good = SCENARIO.allowlistCandidateReply;

const RULES_FILE = {
  format: 'doorman-rules',
  version: 1,
  rules: [{
    id: 'mute-pat',
    name: 'Mute Pat',
    enabled: true,
    sites: ['x'],
    when: { type: 'handle', handles: [`@${pat.handle}`] },
    then: { class: 'interruption', action: 'collapse' },
  }],
  allowlist: [{ site: 'x', accountId: good.authorId, handle: good.handle, displayName: 'Good Brand Co.' }],
};

async function stored(): Promise<{ rules: { id: string }[]; allowlist: { accountId: string; handle: string }[] }> {
  return (await dumpDb(suite.browser, ['rules', 'allowlist'])) as never;
}

async function markAndReason(page: Page, handle: string, id: string): Promise<{ mark: string; reason: string }> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const cell = link?.closest('[data-testid="cellInnerDiv"]');
    return { mark: cell?.getAttribute('data-doorman') ?? 'missing', reason: cell?.querySelector('.doorman-reason')?.textContent ?? '' };
  }, [handle, id] as const);
}

describe('what the user sets is kept and used', () => {
  it('a rule and an allowlist entry imported in the options page reach IndexedDB', async () => {
    const page = await suite.browser.openExtensionPage('src/options/index.html#data');
    const errors = pageErrors(page);
    await page.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    // The second file picker is "Import…" (rules and allowed brands); the first restores a full backup.
    await page.locator('input[type="file"]').nth(1).setInputFiles({
      name: 'my-rules.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(RULES_FILE)),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(async () => (await stored()).rules.map((r) => r.id)).toEqual(['mute-pat']);
    expect((await stored()).allowlist).toEqual([expect.objectContaining({ accountId: good.authorId, handle: good.handle })]);
    expect(errors.errors).toEqual([]);
    await page.close();
  });

  it('survives closing and reopening the browser profile', async () => {
    await suite.browser.closeAndReopen();
    const after = await stored();
    expect(after.rules.map((r) => r.id)).toEqual(['mute-pat']);
    expect(after.allowlist.map((a) => a.accountId)).toEqual([good.authorId]);
  });

  it('arrives in the content script on the (locally served) site and decides items there', async () => {
    const page = await suite.browser.newPage();
    const errors = pageErrors(page);
    await page.goto(`https://x.com${PATHS.thread}`);
    await page.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(900);
    // Pat is no brand and Balanced would show him; the user's rule collapses him.
    expect(await markAndReason(page, pat.handle, pat.tweetId)).toEqual({ mark: 'collapse', reason: 'Collapsed by your rule “Mute Pat”' });
    // Good Brand is a Business-verified brand Balanced would collapse; the allowlist lets it in.
    expect((await markAndReason(page, good.handle, good.tweetId)).mark).toBe('show');
    // The other brand on the page is still collapsed: the allowlist is per account.
    expect((await markAndReason(page, SCENARIO.unsolicitedBrandReply.handle, SCENARIO.unsolicitedBrandReply.tweetId)).mark).toBe('collapse');
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});

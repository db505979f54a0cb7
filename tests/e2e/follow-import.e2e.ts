// Follow imports in the built extension: a Bluesky handle's follows read page by page from the
// (replica) public AppView after the host permission, with progress, filling the follow graph; a
// Mastodon following-list CSV of 5,000 rows with 3 bad ones imports the good rows and names the bad.
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { doormanSuite } from './support/suite';
import { APPVIEW_HOST, FOLLOW_COUNT, VIEWER } from './replica/appview/data';
import { grantHost, readStore } from './support/extension';

const suite = doormanSuite();

interface FollowRow { site: string; accountId: string; handle: string; source: string }

describe('importing follows in the options page', () => {
  it(`Bluesky: ${FOLLOW_COUNT} follows of a handle, read from the AppView with progress, fill the follow graph`, async () => {
    await grantHost(suite.browser, `https://${APPVIEW_HOST}/*`);
    const options = await suite.browser.openExtensionPage('src/options/index.html#follows');
    const errors = pageErrors(options);
    await options.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    await options.getByLabel('Your Bluesky handle').fill(VIEWER.handle);
    // Every value the progress bar takes, as the page shows it.
    await options.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress');
        if (bar && bar.hasAttribute('value') && seen.at(-1) !== bar.value) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await options.getByRole('button', { name: 'Import follows' }).click();
    await expect.poll(() => options.getByTestId('bsky-import-result').textContent(), { timeout: 30_000 })
      .toContain(`Imported ${FOLLOW_COUNT.toLocaleString('en')} follows of @${VIEWER.handle}`);
    const progress = await options.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const follows = (await readStore<FollowRow>(suite.browser, 'follows')).filter((f) => f.site === 'bsky');
    expect(follows).toHaveLength(FOLLOW_COUNT);
    expect(follows.every((f) => f.source === 'import' && f.accountId.startsWith('did:plc:'))).toBe(true);
    expect(errors.errors).toEqual([]);
    await options.close();
  });

  it('Mastodon: a following-list CSV of 5,000 rows with 3 bad ones imports the 4,997 and names the 3 by line', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `friend${i}@mastodon.social,true,false,`);
    rows[16] = 'not an address,true,false,';
    rows[2_500] = '@@,true,false,';
    rows[4_999] = 'friend@,true,false,';
    const csv = `Account address,Show boosts,Notify on new posts,Languages\n${rows.join('\n')}\n`;
    const options = await suite.browser.openExtensionPage('src/options/index.html#follows');
    const errors = pageErrors(options);
    await options.locator('html[data-ready="1"]').waitFor({ state: 'attached' });
    await options.locator('input[type="file"][accept*="csv"], .follow-import input[type="file"]').first()
      .setInputFiles({ name: 'following_accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => options.getByTestId('mastodon-import-result').textContent(), { timeout: 30_000 }).toContain('Imported 4,997 follows');
    const bad = await options.locator('[data-testid="mastodon-import-bad"] li').allTextContents();
    expect(bad.map((b) => b.match(/^line (\d+)/)?.[1])).toEqual(['18', '2502', '5001']);
    const follows = (await readStore<FollowRow>(suite.browser, 'follows')).filter((f) => f.site === 'mastodon');
    expect(follows).toHaveLength(4_997);
    expect(follows.every((f) => f.source === 'import' && /^friend\d+@mastodon\.social$/.test(f.handle))).toBe(true);
    expect(errors.errors).toEqual([]);
    await options.close();
  });
});

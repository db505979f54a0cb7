// The regex engine is not part of the content script: x.com pages load without it, and it is injected
// into the page's Doorman world only once the user has a regex rule, which then works as written.
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors } from './harness';
import { doormanSuite } from './support/suite';
import { PATHS, SCENARIO } from './replica/x/data';
import { addRuleRaw } from './support/extension';

const suite = doormanSuite();

/** Opens the thread page, recording the URL of every script the renderer parses (page and extension worlds). */
async function openThread(): Promise<{ page: Page; scripts: string[]; cdp: CDPSession }> {
  const page = await suite.browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const scripts: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => {
    if (e.url.startsWith('chrome-extension://')) scripts.push(new URL(e.url).pathname);
  });
  await cdp.send('Debugger.enable');
  await page.goto(`https://x.com${PATHS.thread}`);
  await page.locator('article[data-testid="tweet"]').first().waitFor({ state: 'attached' });
  await page.waitForTimeout(900);
  return { page, scripts, cdp };
}

const acme = SCENARIO.unsolicitedBrandReply;

async function cellOf(page: Page): Promise<{ mark: string | null; reason: string }> {
  return page.evaluate(([h, i]) => {
    const link = [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)].find((a) => a.querySelector('time'));
    const cell = link?.closest('[data-testid="cellInnerDiv"]');
    return { mark: cell?.getAttribute('data-doorman') ?? null, reason: cell?.querySelector('.doorman-placeholder')?.textContent ?? '' };
  }, [acme.handle, acme.tweetId] as const);
}

describe('the regex engine', () => {
  it('is not loaded on a page when no rule is a regex', async () => {
    const { page, scripts } = await openThread();
    expect(scripts).toContain('/src/sites/x/content.js');
    expect(scripts).not.toContain('/src/content/regex-engine.js');
    expect((await cellOf(page)).mark).toBe('collapse');
    await page.close();
  });

  it('is injected once a regex rule exists, and the rule decides what it matches', async () => {
    await addRuleRaw(suite.browser, {
      id: 'promo-code-regex', name: 'Promo codes', enabled: true, sites: [],
      when: { type: 'text', mode: 'regex', pattern: '\\bcode\\s+[A-Z]+\\d+\\b', caseSensitive: true },
      then: { class: 'interruption', action: 'hide' },
    });
    const { page, scripts } = await openThread();
    const errors = pageErrors(page);
    expect(scripts).toContain('/src/content/regex-engine.js');
    await expect.poll(() => cellOf(page)).toEqual({ mark: 'hide', reason: expect.stringContaining('Hidden by your rule “Promo codes”') });
    // A reply without a code is untouched by the rule.
    const alice = SCENARIO.followedReply;
    const aliceMark = await page.evaluate(([h, i]) => [...document.querySelectorAll(`a[href="/${h}/status/${i}"]`)]
      .find((a) => a.querySelector('time'))?.closest('[data-testid="cellInnerDiv"]')?.getAttribute('data-doorman'), [alice.handle, alice.tweetId] as const);
    expect(aliceMark).toBe('show');
    expect(errors.errors).toEqual([]);
    await page.close();
  });
});

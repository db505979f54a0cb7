// @vitest-environment happy-dom
// Allowing by handle binds the id the site itself most recently showed for the handle, never one a
// follows row alone claims: the "goodbrand" scenario, from a forged follow fact to Options → Allowed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listAllowlist } from '../../../src/db/allowlist';
import type { DoormanDB } from '../../../src/db/database';
import { learnFollows } from '../../../src/db/follows';
import { addLogEntries } from '../../../src/db/log';
import { setBrandOverride } from '../../../src/db/overrides';
import type { LogEntryInput } from '../../../src/shared/messages';
import { lookupAccount } from '../../../src/ui/account-lookup';
import { AllowedBrands } from '../../../src/ui/AllowedBrands';
import { dropDbs, mount, testEnv, tick, typeInto } from './dom';

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

const T = 1_700_000_000_000;
const seen = (itemId: string, authorId: string, handle: string, at: number, displayName = handle): LogEntryInput => ({
  site: 'x', itemId, permalink: `https://x.com/${handle}/status/${itemId}`, authorId, handle, displayName, snippet: 'Use code SAVE10',
  kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply', reason: 'brand reply', at,
});

/** The allowlist once the form's write has landed (polled: the submit handler is not awaited). */
async function allowlistSoon(db: DoormanDB) {
  for (let i = 0; i < 300; i++) {
    const rows = await listAllowlist(db);
    if (rows.length > 0) return rows;
    await tick(10);
  }
  return listAllowlist(db);
}

/** A page script posted "id 666 is @goodbrand, and you follow it"; the content script passed it on as the page's own. */
const forge = (db: DoormanDB) => learnFollows(db, 'x', [{ accountId: '666', handle: 'goodbrand', following: true }], 'page', T);

describe('lookupAccount', () => {
  it('binds the id the log shows for the handle, not the forged follows row', async () => {
    const { db } = testEnv();
    await forge(db);
    await addLogEntries(db, [seen('1', '123', 'goodbrand', T + 1, 'Good Brand')]);
    expect(await lookupAccount(db, 'x', '@GoodBrand')).toEqual({ accountId: '123', displayName: 'Good Brand' });
  });

  it('stays a handle entry when only a follows row (or an allowlist entry) names the handle', async () => {
    const { db } = testEnv();
    await forge(db);
    await db.allowlist.put({ key: 'x#667', site: 'x', accountId: '667', handle: 'goodbrand', displayName: '', addedAt: 1 });
    expect(await lookupAccount(db, 'x', 'goodbrand')).toBeNull();
  });

  it('takes the newest sighting when a handle changed hands, from the log or the accounts Doorman saw', async () => {
    const { db } = testEnv();
    await setBrandOverride(db, { site: 'x', accountId: '10', handle: 'brandx', displayName: 'Old owner' }, 'brand', T);
    await addLogEntries(db, [seen('1', '20', 'brandx', T + 5, 'New owner')]);
    expect(await lookupAccount(db, 'x', 'brandx')).toEqual({ accountId: '20', displayName: 'New owner' });
    await addLogEntries(db, [seen('2', '10', 'brandx', T + 9, 'Old owner again')]);
    expect(await lookupAccount(db, 'x', 'brandx')).toEqual({ accountId: '10', displayName: 'Old owner again' });
  });

  it('binds nothing when the account last seen with the handle has been seen since under another', async () => {
    const { db } = testEnv();
    await addLogEntries(db, [seen('1', '10', 'brandx', T), seen('2', '10', 'brandx_old', T + 5)]);
    // Someone Doorman has not seen may hold @brandx now.
    expect(await lookupAccount(db, 'x', 'brandx')).toBeNull();
    expect(await lookupAccount(db, 'x', 'brandx_old')).toMatchObject({ accountId: '10' });
    expect(await lookupAccount(db, 'bsky', 'brandx_old')).toBeNull();
  });
});

describe('the goodbrand scenario in Options → Allowed', () => {
  it('the real API answer drops the forged row, and "@goodbrand" allows the real account (or stays a handle)', async () => {
    const env = testEnv();
    await forge(env.db);
    // The site's own answer for the handle: @goodbrand is 123, which the user does not follow.
    expect(await learnFollows(env.db, 'x', [{ accountId: '123', handle: 'goodbrand', following: false }], 'page', T + 1)).toBe(1);
    expect(await env.db.follows.count()).toBe(0);

    const { container } = mount(env, <AllowedBrands />);
    const allow = async (handle: string) => {
      typeInto(container.querySelector<HTMLInputElement>('input[type="text"]')!, handle);
      await tick();
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    };
    // No sighting yet: a handle entry, which matches the real @goodbrand whatever its id.
    await allow('@goodbrand');
    expect(await allowlistSoon(env.db)).toMatchObject([{ accountId: '', handle: 'goodbrand' }]);

    await env.db.allowlist.clear();
    await forge(env.db); // forged again, after the real answer
    await addLogEntries(env.db, [seen('9', '123', 'goodbrand', T + 2, 'Good Brand')]);
    await allow('@goodbrand');
    expect(await allowlistSoon(env.db)).toMatchObject([{ accountId: '123', handle: 'goodbrand', displayName: 'Good Brand' }]);
  });
});

// @vitest-environment happy-dom
// The Follows section's imports: shown per registered site; the Mastodon CSV picker reports the
// imported count and the bad lines; the Bluesky import asks for the AppView permission on Start,
// shows progress, can be cancelled, and says what went wrong — against a fake AppView answering in
// the real shapes (tests/e2e/replica/appview/data.ts).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listFollows } from '../../../src/db/follows';
import { BlueskyImport, FollowImports, MastodonImport } from '../../../src/options/sections/FollowImport';
import type { Platform } from '../../../src/ui/platform';
import { VIEWER, appViewAnswer, appViewData } from '../../e2e/replica/appview/data';
import { byText, dropDbs, mount, testEnv, typeInto, waitFor } from './dom';

// Heavy for a unit test: renders the import and runs a 1,000-follow import into fake-indexeddb.
// Its slowest test took 2.5 s with the machine at load 13, so a busier CI machine can pass
// vitest's 5 s default. This file alone gets 30 s a test and hook (a limit, not a measurement:
// no test here asserts a duration).
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

const data = appViewData();

/** A fake AppView; `hold` keeps the n-th follows page unanswered until the request is aborted. */
function appView(requests: string[], hold?: number): Platform['fetch'] {
  let pages = 0;
  return (url, init) => {
    requests.push(url);
    const u = new URL(url);
    if (u.pathname.endsWith('getFollows') && ++pages === hold) {
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    const answer = appViewAnswer(u, data) ?? { status: 404, body: {} };
    return Promise.resolve({ status: answer.status, headers: { get: () => null }, json: async () => answer.body });
  };
}

function pick(container: HTMLElement, file: File) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const status = (container: HTMLElement, id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

function start(container: HTMLElement, handle: string) {
  const input = container.querySelector<HTMLInputElement>('input[type="text"]')!;
  typeInto(input, handle);
  return input;
}

describe('FollowImports', () => {
  it('shows an import only for a registered site', () => {
    const env = testEnv();
    const none = mount(env, <FollowImports known={() => false} />);
    expect(none.container.querySelector('.follow-import')).toBeNull();
    expect(none.container.querySelector('input')).toBeNull();
    // By default, the registry decides: both sites are registered in this build.
    const registered = mount(env, <FollowImports />);
    expect([...registered.container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Mastodon', 'Bluesky']);
    const mastodon = mount(env, <FollowImports known={(id) => id === 'mastodon'} />);
    expect(mastodon.container.querySelectorAll('input[type="file"]')).toHaveLength(1);
    expect(mastodon.container.querySelector('input[type="text"]')).toBeNull();
    const both = mount(env, <FollowImports known={() => true} />);
    expect(both.container.querySelector('h2')?.textContent).toBe('followImportTitle');
    expect([...both.container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Mastodon', 'Bluesky']);
  });
});

describe('MastodonImport', () => {
  it('imports the good rows and lists the bad ones by line, in a status region', async () => {
    const env = testEnv();
    const { container } = mount(env, <MastodonImport site="mastodon" />);
    const file = new File(['Account address,Show boosts,Notify on new posts,Languages\r\na@b.example,true,false,\r\nfoo,true,false,\r\nA@B.example,true,false,\r\nc@d.example,true,false,\r\n'], 'following_accounts.csv', { type: 'text/csv' });
    pick(container, file);
    const result = await waitFor(() => (status(container, 'mastodon-import-result').textContent?.includes('followImportDone') ? status(container, 'mastodon-import-result') : null));
    expect(result.getAttribute('role')).toBe('status');
    expect(result.querySelector('strong')?.textContent).toBe('followImportDone_other 2 following_accounts.csv');
    expect([...result.querySelectorAll('[data-testid="mastodon-import-bad"] li')].map((li) => li.textContent)).toEqual([
      'csvLine 3 csvNotAddress "foo"', // by key: no catalogue here
    ]);
    expect(result.textContent).toContain('followImportDuplicates_one 1');
    expect((await listFollows(env.db, 'mastodon')).map((f) => [f.accountId, f.source])).toEqual([['a@b.example', 'import'], ['c@d.example', 'import']]);
    expect(env.platform.notified).toBe(1);
    // The picker is labelled and reachable: a visually hidden input with its label.
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('mastodonImportChoose');
  });

  it('an empty file is an alert that says nothing was imported', async () => {
    const env = testEnv();
    const { container } = mount(env, <MastodonImport site="mastodon" />);
    pick(container, new File([''], 'empty.csv'));
    const alert = await waitFor(() => container.querySelector('[data-testid="follow-import-error"]'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.querySelector('strong')?.textContent).toBe('followImportFailed empty.csv');
    expect(alert.textContent).toMatch(/csvNoAccounts/);
    expect(alert.textContent).toContain('followImportNothing');
    expect(await listFollows(env.db)).toEqual([]);
  });
});

describe('BlueskyImport', () => {
  it('asks for the AppView permission on Start, shows progress, and imports 1,000 follows', async () => {
    const env = testEnv();
    const requests: string[] = [];
    env.platform.fetcher = appView(requests);
    const { container } = mount(env, <BlueskyImport site="bsky" />);
    const submit = byText<HTMLButtonElement>(container, 'button', 'bskyImportStart')!;
    expect(submit.disabled).toBe(true);
    const input = start(container, `@${VIEWER.handle}`);
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('bskyImportHandle');
    await waitFor(() => !submit.disabled);
    submit.click();
    const bar = await waitFor(() => container.querySelector('progress'));
    expect(bar.getAttribute('aria-label')).toBe('bskyImportProgressLabel');
    const result = await waitFor(() => (status(container, 'bsky-import-result').textContent ? status(container, 'bsky-import-result') : null));
    expect(result.textContent).toBe(`bskyImportDone_other 1,000 ${VIEWER.handle}`);
    expect(env.platform.permissionRequests).toEqual(['https://public.api.bsky.app/*']);
    expect(requests.every((u) => u.startsWith('https://public.api.bsky.app/xrpc/'))).toBe(true);
    expect(requests.filter((u) => u.includes('getFollows'))).toHaveLength(10);
    expect(container.querySelector('progress')).toBeNull();
    expect(await listFollows(env.db, 'bsky')).toHaveLength(1_000);
  });

  it('Cancel stops the import mid-way and stores nothing', async () => {
    const env = testEnv();
    const requests: string[] = [];
    env.platform.fetcher = appView(requests, 3);
    const { container } = mount(env, <BlueskyImport site="bsky" />);
    start(container, VIEWER.handle);
    await waitFor(() => !byText<HTMLButtonElement>(container, 'button', 'bskyImportStart')?.disabled);
    container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    const bar = await waitFor(() => {
      const p = container.querySelector('progress');
      return p?.getAttribute('value') === '200' ? p : null;
    });
    expect(bar.getAttribute('max')).toBe('1000');
    expect(container.textContent).toContain('bskyImportProgress 200 1,000');
    // Keyboard: Start became Cancel, and the focus went with it.
    const cancelButton = byText<HTMLButtonElement>(container, 'button', 'bskyImportCancel')!;
    expect(document.activeElement).toBe(cancelButton);
    cancelButton.click();
    // The focus never falls to the page: it stays in the form (on the button, Start again).
    await waitFor(() => status(container, 'bsky-import-result').textContent === 'bskyImportCancelled');
    expect(container.querySelector('form')!.contains(document.activeElement)).toBe(true);
    expect(await listFollows(env.db)).toEqual([]);
    expect(byText(container, 'button', 'bskyImportStart')).not.toBeNull();
    expect(requests.filter((u) => u.includes('getFollows'))).toHaveLength(3);
  });

  it('leaving the page cancels a running import: nothing is stored', async () => {
    const env = testEnv();
    const requests: string[] = [];
    env.platform.fetcher = appView(requests, 2);
    const { container, unmount } = mount(env, <BlueskyImport site="bsky" />);
    start(container, VIEWER.handle);
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'bskyImportStart'))).click();
    await waitFor(() => requests.filter((u) => u.includes('getFollows')).length === 2);
    unmount();
    await new Promise((r) => setTimeout(r, 50));
    expect(requests.filter((u) => u.includes('getFollows'))).toHaveLength(2);
    expect(await listFollows(env.db)).toEqual([]);
  });

  it('a refused permission fetches nothing; an unknown handle and a rate limit are alerts', async () => {
    const env = testEnv();
    const requests: string[] = [];
    env.platform.fetcher = appView(requests);
    env.platform.grantPermissions = false;
    const { container } = mount(env, <BlueskyImport site="bsky" />);
    start(container, VIEWER.handle);
    const submit = await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'bskyImportStart'));
    await waitFor(() => !submit.disabled);
    submit.click();
    const alert = await waitFor(() => container.querySelector('[data-testid="follow-import-error"]'));
    expect(alert.textContent).toContain('bskyNoPermission public.api.bsky.app');
    expect(requests).toEqual([]);

    env.platform.grantPermissions = true;
    start(container, 'nobody.bsky.social');
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'bskyImportStart'))).click();
    await waitFor(() => container.querySelector('[data-testid="follow-import-error"]')?.textContent?.includes('bskyUnknownHandle nobody.bsky.social'));

    env.platform.fetcher = async () => ({ status: 429, headers: { get: () => null }, json: async () => ({}) });
    start(container, VIEWER.handle);
    (await waitFor(() => byText<HTMLButtonElement>(container, 'button', 'bskyImportStart'))).click();
    const limited = await waitFor(() => container.querySelector('[data-testid="follow-import-error"]')?.textContent?.includes('bskyRateLimited')
      ? container.querySelector('[data-testid="follow-import-error"]') : null);
    expect(limited.getAttribute('role')).toBe('alert');
    expect(await listFollows(env.db)).toEqual([]);
  });
});

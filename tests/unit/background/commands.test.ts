// The keyboard commands over a real database and the real background: pausing writes the site's
// switch and pushes the new snapshot to the open tabs; resuming undoes it; "reveal all" asks the
// tab's content script and reports how many it showed.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, createCommands } from '../../../src/background/commands';
import { createBackground, healthKey } from '../../../src/background/handlers';
import { siteEnabled } from '../../../src/core/vocabulary';
import { getSettings } from '../../../src/db/settings';
import { readContentMessage } from '../../../src/content/inbox';
import { FakeArea, FakeTabs, dropAll, freshDb } from '../db/helpers';

afterEach(dropAll);

function setup(open = [{ id: 7, url: 'https://x.com/home' }]) {
  const db = freshDb();
  const session = new FakeArea();
  const tabs = new FakeTabs(open);
  const bg = createBackground({
    db, runtimeId: 'id', extensionOrigin: 'chrome-extension://id/', local: new FakeArea(), session, tabs, contentMatches: ['https://x.com/*'],
  });
  const replies = new Map<number, unknown>();
  const sentToTab: { tabId: number; message: unknown }[] = [];
  const commands = createCommands({
    db, session,
    activeTab: async () => open[0],
    async sendToTab(tabId, message) {
      sentToTab.push({ tabId, message });
      if (!replies.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return replies.get(tabId);
    },
    dataChanged: () => bg.dataChanged(),
  });
  return { db, session, tabs, commands, replies, sentToTab };
}

describe('keyboard commands', () => {
  it('pause and resume the current tab\'s site, and the open tabs get the new snapshot each time', async () => {
    const { db, tabs, commands } = setup();
    expect(await commands.run(COMMANDS.toggleSite, { id: 7, url: 'https://x.com/home' })).toEqual({ done: 'paused', site: 'x' });
    expect(siteEnabled(await getSettings(db), 'x')).toBe(false);
    const pushed = readContentMessage(tabs.sent.at(-1)?.message);
    expect(pushed?.type).toBe('snapshot/changed');
    expect(pushed?.type === 'snapshot/changed' && siteEnabled(pushed.snapshot.settings, 'x')).toBe(false);

    // No tab given (a browser that leaves it out): the active tab is the one.
    expect(await commands.run(COMMANDS.toggleSite)).toEqual({ done: 'resumed', site: 'x' });
    expect(siteEnabled(await getSettings(db), 'x')).toBe(true);
    expect(tabs.sent).toHaveLength(2);
  });

  it('take the site the content script reported (a server the user added), else the URL\'s', async () => {
    const { db, session, commands } = setup();
    await session.set({ [healthKey(9)]: { site: 'mastodon', status: 'working', detail: '', url: 'https://social.example/home', counts: {}, seen: 0 } });
    expect(await commands.run(COMMANDS.toggleSite, { id: 9, url: 'https://social.example/home' })).toEqual({ done: 'paused', site: 'mastodon' });
    expect(siteEnabled(await getSettings(db), 'mastodon')).toBe(false);
    expect(siteEnabled(await getSettings(db), 'x')).toBe(true);
  });

  it('do nothing on a page that is no supported site, and write nothing', async () => {
    const { db, tabs, commands } = setup();
    expect(await commands.run(COMMANDS.toggleSite, { id: 3, url: 'https://example.com/' })).toEqual({ done: 'nothing', why: 'not-a-site' });
    expect((await getSettings(db)).sites).toEqual({});
    expect(tabs.sent).toEqual([]);
    expect(await commands.run('something-else', { id: 3 })).toEqual({ done: 'nothing', why: 'unknown-command' });
  });

  it('reveal all: asks the tab\'s content script, and says when there is none', async () => {
    const { commands, replies, sentToTab } = setup();
    replies.set(7, { revealed: 3 });
    expect(await commands.run(COMMANDS.revealAll, { id: 7, url: 'https://x.com/home' })).toEqual({ done: 'revealed', count: 3 });
    expect(readContentMessage(sentToTab[0]?.message)).toEqual({ type: 'items/reveal-all' });
    expect(await commands.run(COMMANDS.revealAll, { id: 8, url: 'https://example.com/' })).toEqual({ done: 'nothing', why: 'no-content-script' });
  });
});

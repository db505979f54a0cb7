// The toolbar button through the real background handler: health reports from a content script set
// the tab's badge (the count filtered, nothing at zero), icon and title; a page load and a closed tab
// take them back. The action API is a recorder of what the browser would be told.
import { afterEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/handlers';
import { ICONS, badgeText, createToolbar, toolbarView, type ActionLike } from '../../../src/background/toolbar';
import type { TabHealth } from '../../../src/shared/messages';
import { FakeArea, FakeTabs, dropAll, freshDb } from '../db/helpers';

afterEach(dropAll);

/** What the browser shows per tab, as the action API's setters leave it. */
class RecordingAction implements ActionLike {
  readonly badge = new Map<number, string>();
  readonly color = new Map<number, string>();
  readonly icon = new Map<number, Record<string, string>>();
  readonly title = new Map<number, string>();
  calls = 0;
  async setBadgeText(d: { tabId: number; text: string }) { this.calls++; this.badge.set(d.tabId, d.text); }
  async setBadgeBackgroundColor(d: { tabId: number; color: string }) { this.calls++; this.color.set(d.tabId, d.color); }
  async setIcon(d: { tabId: number; path: Record<string, string> }) { this.calls++; this.icon.set(d.tabId, d.path); }
  async setTitle(d: { tabId: number; title: string }) { this.calls++; this.title.set(d.tabId, d.title); }
}

/** The catalogue's English for the toolbar keys, placeholders filled the way i18n.getMessage does. */
const CATALOGUE: Record<string, string> = {
  extName: 'Doorman',
  toolbarFiltered: 'Doorman: $1 filtered on this $2 page',
  toolbarPaused: 'Doorman is paused on $1',
  toolbarDegraded: 'Doorman works only in part on $1 (the page changed): $2 filtered.',
};
const message = (key: string, subs: string[] = []) =>
  (CATALOGUE[key] ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

const health = (over: Partial<TabHealth> = {}): TabHealth => ({
  site: 'x', status: 'working', detail: '', url: 'https://x.com/home', counts: {}, seen: 10, ...over,
});

const RUNTIME_ID = 'doorman-id';
const content = (tabId: number) => ({ id: RUNTIME_ID, url: 'https://x.com/home', tab: { id: tabId } });

function setup() {
  const action = new RecordingAction();
  const bg = createBackground({
    db: freshDb(), runtimeId: RUNTIME_ID, extensionOrigin: 'chrome-extension://doorman-id/', local: new FakeArea(),
    session: new FakeArea(), tabs: new FakeTabs(), contentMatches: ['https://x.com/*'], toolbar: createToolbar(action, message),
  });
  const report = (tabId: number, h: TabHealth) => bg.handle({ type: 'health/report', health: h }, content(tabId));
  return { action, bg, report };
}

describe('the toolbar button', () => {
  it('badges the count filtered on each tab, and nothing while nothing is filtered', async () => {
    const { action, report } = setup();
    await report(3, health());
    expect(action.badge.get(3)).toBe('');
    expect(action.title.get(3)).toBe('Doorman');
    await report(3, health({ counts: { 'brand-reply': 2, ad: 3 } }));
    expect(action.badge.get(3)).toBe('5');
    expect(action.title.get(3)).toBe('Doorman: 5 filtered on this X page');
    expect(action.icon.get(3)).toEqual(ICONS.working);
    // Another tab has its own count; the first keeps its.
    await report(4, health({ counts: { ad: 1 } }));
    expect(action.badge.get(4)).toBe('1');
    expect(action.badge.get(3)).toBe('5');
  });

  it('follows the page as it filters, writing only what changed', async () => {
    const { action, report } = setup();
    await report(3, health({ counts: { ad: 1 } }));
    const first = action.calls;
    expect(first).toBe(4); // badge, colour, icon, title
    await report(3, health({ counts: { ad: 1 }, seen: 40 })); // more seen, nothing more filtered
    expect(action.calls).toBe(first);
    await report(3, health({ counts: { ad: 2 } }));
    expect(action.badge.get(3)).toBe('2');
    expect(action.calls).toBe(first + 2); // badge and title
  });

  it('greys the icon and says so where the site is paused, with no count', async () => {
    const { action, report } = setup();
    await report(3, health({ counts: { ad: 4 } }));
    await report(3, health({ status: 'paused' }));
    expect(action.icon.get(3)).toEqual(ICONS.paused);
    expect(action.badge.get(3)).toBe('');
    expect(action.title.get(3)).toBe('Doorman is paused on X');
    await report(3, health());
    expect(action.icon.get(3)).toEqual(ICONS.working);
  });

  it('marks the icon and the badge where Doorman is degraded, and gives the reason in the title', async () => {
    const { action, report } = setup();
    await report(3, health({ status: 'degraded', detail: 'No posts found in the timeline.', counts: { ad: 1 } }));
    expect(action.icon.get(3)).toEqual(ICONS.degraded);
    expect(action.badge.get(3)).toBe('1');
    expect(action.color.get(3)).toBe('#b45309');
    expect(action.title.get(3)).toBe('Doorman works only in part on X (the page changed): 1 filtered. No posts found in the timeline.');
  });

  it('goes back to the plain button when the tab loads a new page, and writes afresh after a close', async () => {
    const { action, bg, report } = setup();
    await report(3, health({ status: 'paused' }));
    await bg.tabUpdated(3, { status: 'loading' }, { url: 'https://x.com/home' });
    expect(action.icon.get(3)).toEqual(ICONS.plain);
    expect(action.badge.get(3)).toBe('');
    expect(action.title.get(3)).toBe('Doorman');
    await report(3, health({ counts: { ad: 2 } }));
    await bg.tabRemoved(3);
    // A tab id the browser reuses starts from nothing kept: every part is written.
    const before = action.calls;
    await report(3, health({ counts: { ad: 2 } }));
    expect(action.calls).toBe(before + 4);
  });

  it('caps the badge at four characters and falls back to English without a catalogue', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(999)).toBe('999');
    expect(badgeText(1000)).toBe('999+');
    expect(toolbarView(health({ status: 'paused', site: 'bsky' }), () => '').title).toBe('Doorman is paused on Bluesky');
  });
});

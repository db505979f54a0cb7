// The LinkedIn page-world script end to end, in a happy-dom window: it reads the Voyager responses
// the initial HTML embeds in <code> elements (the feed capture's own) and those the app fetches from
// /voyager/api/, and hands the content script facts its bridge accepts, leaving the page's responses
// as they were.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFactsPayload } from '../../../../src/content/facts-bridge';
import { FACTS_EVENT } from '../../../../src/shared/facts-tag';
import type { PageFacts } from '../../../../src/shared/facts';
import { embeddedResponses, readCapture } from './helpers';

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

afterEach(() => {
  vi.unstubAllGlobals();
});

async function install(url: string, before: (win: Window) => void): Promise<{ win: Window; received: PageFacts[] }> {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  before(win);
  const received: PageFacts[] = [];
  win.document.addEventListener(FACTS_EVENT, (e) => {
    const facts = parseFactsPayload((e as unknown as CustomEvent<unknown>).detail, 'linkedin');
    if (facts !== null) received.push(facts);
  });
  vi.stubGlobal('window', win);
  vi.resetModules();
  await import('../../../../src/sites/linkedin/page-world');
  return { win, received };
}

describe('LinkedIn page-world script', () => {
  it("reads the feed capture's embedded responses: the viewer, the three updates, the sponsored one", async () => {
    // The page parsed before the script ran (a reload of the extension): what is there is read at once.
    const { win, received } = await install('https://www.linkedin.com/feed/', (w) => w.document.write(readCapture('linkedin-feed.html')));
    await flush();
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((f) => f.site === 'linkedin')).toBe(true);
    expect(received.find((f) => f.viewerId !== undefined)?.viewerId).toBe('urn:li:fsd_profile:ACoAAAR6oE8B1GpmiVTWEdBctbRrJZwWa0MspYs');
    const items = received.flatMap((f) => f.items);
    expect(items.filter((i) => i.id.startsWith('urn:li:activity:')).map((i) => [i.id, i.promoted === true]).sort()).toEqual([
      ['urn:li:activity:7221856278095011840', true],
      ['urn:li:activity:7315070569723375617', false],
      ['urn:li:activity:7315413087770091520', false],
    ]);
    await win.happyDOM.close();
  }, 60_000);

  it('reads fetched /voyager/api/ responses, whole for the page, and ignores other calls', async () => {
    const feed = embeddedResponses(readCapture('linkedin-feed.html')).find((r) => r.request.includes('voyagerFeedDashMainFeed'))!;
    const text = JSON.stringify(feed.body);
    const pageFetch = vi.fn(() => Promise.resolve(new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })));
    const { win, received } = await install('https://www.linkedin.com/feed/', (w) => {
      Object.defineProperty(w, 'fetch', { value: pageFetch, writable: true, configurable: true });
    });
    const f = win.fetch as unknown as typeof fetch;
    const res = await f('https://www.linkedin.com/voyager/api/graphql?variables=(start:3,count:3)&queryId=voyagerFeedDashMainFeed.40b6c66c');
    expect(await res.text()).toBe(text);
    await f('https://www.linkedin.com/li/track');
    await flush();
    expect(pageFetch).toHaveBeenCalledTimes(2);
    expect(received).toHaveLength(1);
    expect(received[0]!.items.find((i) => i.id === 'urn:li:activity:7221856278095011840')?.promoted).toBe(true);
    expect(received[0]!.accounts.find((a) => a.id === 'urn:li:fsd_company:79083508')).toMatchObject({ handle: 'company/instantlyapp', orgProfile: true });
    await win.happyDOM.close();
  });
});

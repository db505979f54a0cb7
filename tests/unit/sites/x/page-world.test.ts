// The page-world script end to end, in a happy-dom window: it wraps the page's fetch and XHR once,
// reads X's API responses and hands the content script facts its bridge accepts — synchronously.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFactsPayload } from '../../../../src/content/facts-bridge';
import { FACTS_EVENT } from '../../../../src/shared/facts-tag';
import { makeFakeXhrClass } from '../../page-world/fake-xhr';
import { readCapture, readFixture } from './helpers';

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

async function boot(url: string, body: (requestUrl: string) => string) {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  const doc = win.document;
  doc.write('<!DOCTYPE html><html><body><nav><a data-testid="AppTabBar_Profile_Link" href="/me_viewer">Profile</a></nav></body></html>');
  const pageFetch = vi.fn((input: unknown) =>
    Promise.resolve(new Response(body(String(input instanceof Request ? input.url : input)), { status: 200 })));
  const Xhr = makeFakeXhrClass();
  Object.defineProperty(win, 'fetch', { value: pageFetch, writable: true, configurable: true });
  Object.defineProperty(win, 'XMLHttpRequest', { value: Xhr, writable: true, configurable: true });
  const received: string[] = [];
  doc.addEventListener(FACTS_EVENT, (e) => received.push(String((e as unknown as CustomEvent<unknown>).detail)));
  vi.stubGlobal('window', win);
  vi.resetModules();
  await import('../../../../src/sites/x/page-world');
  return { win, doc, pageFetch, Xhr, received };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('X page-world script', () => {
  it('reads a TweetDetail fetch and sends facts the bridge accepts', async () => {
    const { win, received } = await boot('https://x.com/XDevelopers/status/1649191520250245121', () => readCapture('x-api-tweetdetail.json'));
    const res = await (win.fetch as unknown as typeof fetch)('/i/api/graphql/q/TweetDetail?variables=%7B%7D');
    expect((await res.json()) as unknown).toHaveProperty('data.threaded_conversation_with_injections_v2');
    await flush();
    expect(received).toHaveLength(1);
    const facts = parseFactsPayload(received[0], 'x');
    expect(facts?.accounts).toHaveLength(31);
    expect(facts?.accounts.find((a) => a.handle === 'XDevelopers')?.verified).toBe('organization');
    await win.happyDOM.close();
  });

  it('delivers XHR facts synchronously, inside the page\'s own parse of the response (before it renders)', async () => {
    const { win, Xhr, received } = await boot('https://x.com/home', () => '');
    const xhr = new Xhr();
    xhr.open('GET', 'https://x.com/i/api/graphql/q/HomeTimeline');
    xhr.onload = () => win.JSON.parse(xhr.responseText); // as X's app does
    xhr.send();
    xhr.respond(200, readFixture('home-timeline-legacy.json'));
    expect(received).toHaveLength(1); // no await: already there
    expect(parseFactsPayload(received[0], 'x')?.items.find((i) => i.id === '5002')?.promoted).toBe(true);
    await win.happyDOM.close();
  });

  it('on /<viewer>/following, the Following response is the viewer\'s follow list', async () => {
    const { win, Xhr, received } = await boot('https://x.com/me_viewer/following', () => '');
    const xhr = new Xhr();
    xhr.open('GET', 'https://x.com/i/api/graphql/q/Following?variables=%7B%22userId%22%3A%221000%22%7D');
    xhr.onload = () => win.JSON.parse(xhr.responseText); // as X's app does
    xhr.send();
    xhr.respond(200, readFixture('following.json'));
    const facts = parseFactsPayload(received[0], 'x');
    expect(facts?.followingList).toBe(true);
    expect(facts?.accounts.map((a) => a.followed)).toEqual([true, true]);
    await win.happyDOM.close();
  });

  it('someone else\'s Following page is not the viewer\'s list (viewer known from the twid cookie)', async () => {
    const { win, doc, Xhr, received } = await boot('https://x.com/someone/following', () => '');
    doc.cookie = 'twid=u%3D1000; path=/';
    const xhr = new Xhr();
    xhr.open('GET', 'https://x.com/i/api/graphql/q/Following?variables=%7B%22userId%22%3A%222000%22%7D');
    xhr.onload = () => win.JSON.parse(xhr.responseText); // as X's app does
    xhr.send();
    xhr.respond(200, readFixture('following.json'));
    const facts = parseFactsPayload(received[0], 'x');
    expect(facts?.followingList).toBeUndefined();
    expect(facts?.viewerId).toBe('1000');
    expect(facts?.accounts.map((a) => a.followed)).toEqual([true, false]);
    await win.happyDOM.close();
  });

  it('sends nothing for responses without facts, and wraps only once if injected twice', async () => {
    const { win, received } = await boot('https://x.com/home', () => '{"data":{}}');
    const wrapped = win.fetch;
    vi.resetModules();
    await import('../../../../src/sites/x/page-world');
    expect(win.fetch).toBe(wrapped);
    await (win.fetch as unknown as typeof fetch)('/i/api/graphql/q/HomeTimeline');
    await flush();
    expect(received).toEqual([]);
    await win.happyDOM.close();
  });
});

// The Bluesky page-world script end to end, in a happy-dom window: it wraps the page's fetch once,
// reads an XRPC response from the user's PDS (another origin) and hands the content script facts
// its bridge accepts, without touching what the page itself receives.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFactsPayload } from '../../../../src/content/facts-bridge';
import { FACTS_EVENT } from '../../../../src/shared/facts-tag';
import { readCapture } from './helpers';

const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Bluesky page-world script', () => {
  it('reads getPostThread from the PDS host and sends facts the bridge accepts; other calls are not read', async () => {
    const win = new Window({ url: 'https://bsky.app/profile/skeet.computer/post/3jujgsslyxt2h', settings: { disableJavaScriptEvaluation: true } });
    const body = readCapture('bsky-api-getpostthread.json');
    const pageFetch = vi.fn(() => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })));
    Object.defineProperty(win, 'fetch', { value: pageFetch, writable: true, configurable: true });
    const received: string[] = [];
    win.document.addEventListener(FACTS_EVENT, (e) => received.push(String((e as unknown as CustomEvent<unknown>).detail)));
    vi.stubGlobal('window', win);
    vi.resetModules();
    await import('../../../../src/sites/bluesky/page-world');
    const f = win.fetch as unknown as typeof fetch;
    const res = await f('https://morel.us-east.host.bsky.network/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fx&depth=6');
    expect(await res.text()).toBe(body); // the page gets its response whole
    await f('https://morel.us-east.host.bsky.network/xrpc/app.bsky.actor.getPreferences');
    await flush();
    expect(pageFetch).toHaveBeenCalledTimes(2);
    expect(received).toHaveLength(1);
    const facts = parseFactsPayload(received[0]!, 'bsky');
    expect(facts?.site).toBe('bsky');
    expect(facts?.viewerId).toBe('did:plc:iijrtk7ocored6zuziwmqq3c');
    expect(facts?.accounts).toHaveLength(31);
    expect(facts?.items).toHaveLength(58);
  });
});

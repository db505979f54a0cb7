// Responses past the size cap, and responses that are broken in every other way, through the real
// hooks: over the cap they are skipped before any parse or walk (by Content-Length, by counting a
// fetch clone's bytes as they stream, by the XHR text's length), the page still reads its own body
// whole and unchanged, and nothing — malformed or truncated JSON, binary or non-JSON bodies, stream
// errors, aborts — throws or rejects into the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hookFetch, hookXhr, MAX_BODY_BYTES, type HookTarget } from '../../../src/page-world/hooks';
import { xApiOperation } from '../../../src/sites/x/routes';
import { makeFakeXhrClass, type FakeXhrClass } from './fake-xhr';
import { CHUNK, streamed } from './streams';

const API = 'https://x.com/i/api/graphql/q1/HomeTimeline';
const shouldRead = (url: URL) => xApiOperation(url.pathname) !== null;
const flush = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};
const enc = new TextEncoder();

/** A real-shaped body (names an account, so the reader's text test would pass) of about `size` characters. */
function bigJson(size: number): string {
  const head = '{"data":{"user":{"screen_name":"acme","rest_id":"123"},"pad":"';
  return `${head}${'x'.repeat(Math.max(0, size - head.length - 3))}"}}`;
}

interface Watch {
  seen: unknown[];
  /** Texts the reader's cheap test was asked about: that test runs right before Doorman's own parse. */
  tested: string[];
}

function watch(): Watch & { onJson: (u: URL, d: unknown) => void; worth: (t: string) => boolean } {
  const w: Watch = { seen: [], tested: [] };
  return { ...w, onJson: (_u, d) => w.seen.push(d), worth: (t) => (w.tested.push(t), true) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** JSON.parse calls on a body this big: Doorman's own parse would be one (the runtime parses small things of its own). */
const parsesOfBig = (parse: { mock: { calls: unknown[][] } }) => parse.mock.calls.filter((c) => typeof c[0] === 'string' && c[0].length > 100_000).length;

describe('fetch responses over the cap', () => {
  function fetchWith(make: () => Response) {
    const w = watch();
    const made: Response[] = [];
    const target: HookTarget = {
      fetch: (() => {
        const r = make();
        made.push(r);
        return Promise.resolve(r);
      }) as unknown as typeof fetch,
      location: { href: 'https://x.com/home' },
    };
    hookFetch(target, shouldRead, w.onJson, w.worth);
    return { w, fetch: target.fetch!, made };
  }

  it('with a Content-Length over the cap: not cloned, not read, not parsed; the page reads it whole', async () => {
    const text = bigJson(MAX_BODY_BYTES + 10);
    let clones = 0;
    const { w, fetch } = fetchWith(() => {
      const r = new Response(text, { headers: { 'content-type': 'application/json', 'content-length': String(enc.encode(text).length) } });
      const clone = r.clone.bind(r);
      r.clone = () => (clones++, clone());
      return r;
    });
    const parse = vi.spyOn(JSON, 'parse');
    const res = await fetch(API);
    await flush();
    expect(clones).toBe(0);
    expect(parsesOfBig(parse)).toBe(0);
    expect(w.tested).toEqual([]);
    expect(w.seen).toEqual([]);
    expect(await res.text()).toBe(text);
  });

  it('without a length: the clone is read only up to the cap, never parsed, and the page gets every byte', async () => {
    const text = bigJson(MAX_BODY_BYTES * 3);
    const body = streamed(text);
    const { w, fetch } = fetchWith(() => new Response(body.stream, { headers: { 'content-type': 'application/json' } }));
    const parse = vi.spyOn(JSON, 'parse');
    const res = await fetch(API);
    // Until Doorman's branch has reached the cap and cancelled (the source stops giving out); the page has not read yet.
    for (let last = -1, still = 0; still < 5; ) {
      await flush(1);
      still = body.pulled() === last ? still + 1 : 0;
      last = body.pulled();
    }
    // The source gave out what Doorman's branch read (at most the cap and the chunk that crossed it:
    // body-cap.test.ts counts that exactly) plus a chunk of read-ahead in each stream layer between
    // (the source's queue, the response's body, the tee); nothing more until the page reads its branch.
    expect(body.pulled()).toBeGreaterThan(MAX_BODY_BYTES);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * CHUNK);
    expect(body.pulled()).toBeLessThan(text.length / 2);
    expect(parsesOfBig(parse)).toBe(0);
    expect(w.tested).toEqual([]);
    const got = await res.text();
    expect(got.length).toBe(text.length);
    expect(got === text).toBe(true);
    await flush();
    expect(w.seen).toEqual([]);
  });

  it('a streamed body within the cap is read once it ends, and the page reads the same bytes', async () => {
    const text = JSON.stringify({ data: { user: { screen_name: 'zoë_😀', rest_id: '1' } }, pad: 'é'.repeat(200_000) });
    const { w, fetch } = fetchWith(() => new Response(streamed(text, 1000).stream, { headers: { 'content-type': 'application/json' } }));
    const res = await fetch(API);
    expect(await res.json()).toEqual(JSON.parse(text));
    await flush(200);
    expect(w.seen).toEqual([JSON.parse(text)]);
  });

  it('is never read with a non-JSON content type or a body that does not open like JSON', async () => {
    const png = new Uint8Array(300_000).map((_, i) => (i === 0 ? 0x89 : i % 251));
    for (const [type, body] of [['image/png', png], ['application/json', png], ['text/html', '<html>{"screen_name":1}</html>'], ['application/octet-stream', '{"a":1}']] as const) {
      let clones = 0;
      const { w, fetch } = fetchWith(() => {
        const r = new Response(body, { headers: { 'content-type': type } });
        const clone = r.clone.bind(r);
        r.clone = () => (clones++, clone());
        return r;
      });
      const res = await fetch(API);
      await flush();
      expect(w.tested, type).toEqual([]);
      expect(w.seen).toEqual([]);
      // Only JSON and text types are cloned (and dropped at their first byte); the page's body is untouched either way.
      expect(clones).toBe(type === 'application/json' || type === 'text/html' ? 1 : 0);
      const expected = typeof body === 'string' ? enc.encode(body) : body;
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(expected))).toBe(true);
    }
  });
});

describe('fetch bodies that go wrong never reach the page as our errors', () => {
  it('malformed, truncated, erroring, not-bytes and aborted bodies: the page sees only its own outcome, with no unhandled rejection of ours', async () => {
    const w = watch();
    const makers: Record<string, () => Response> = {
      malformed: () => new Response('{"data": {"screen_name": ', { headers: { 'content-type': 'application/json' } }),
      empty: () => new Response(null, { status: 200 }),
      erroring: () => new Response(new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc.encode('{"screen_name":'));
          c.error(new TypeError('network error'));
        },
      })),
      'not bytes': () => new Response(new ReadableStream<unknown>({
        start(c) {
          c.enqueue('{"a":1}');
          c.close();
        },
      }) as ReadableStream<Uint8Array>),
    };
    const target: HookTarget = {
      fetch: ((input: string) => Promise.resolve(makers[input.split('/').pop()!]!())) as unknown as typeof fetch,
      location: { href: 'https://x.com/home' },
    };
    hookFetch(target, shouldRead, w.onJson, w.worth);
    const pageSaw: Record<string, string> = {};
    for (const name of Object.keys(makers)) {
      const res = await target.fetch!(`https://x.com/i/api/graphql/q/${name}`);
      pageSaw[name] = await res.text().then((t) => `text ${t.length}`, (e: unknown) => `error ${(e as Error).name}`);
    }
    await flush();
    expect(pageSaw).toEqual({ malformed: 'text 25', empty: 'text 0', erroring: 'error TypeError', 'not bytes': 'error TypeError' });
    expect(w.seen).toEqual([]);

    // Aborted while the body streams in: the page's read fails with the abort; ours just stops.
    const controller = new AbortController();
    let errorBody: (e: unknown) => void = () => undefined;
    const aborting: HookTarget = {
      fetch: (() => Promise.resolve(new Response(new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(enc.encode('{"data":{"screen_name":"a",'));
          errorBody = (e) => c.error(e);
        },
      })))) as unknown as typeof fetch,
      location: { href: 'https://x.com/home' },
    };
    hookFetch(aborting, shouldRead, w.onJson, w.worth);
    const res = await aborting.fetch!(API, { signal: controller.signal });
    const pageRead = res.text();
    controller.abort();
    errorBody(controller.signal.reason);
    await expect(pageRead).rejects.toMatchObject({ name: 'AbortError' });
    await flush();
    expect(w.seen).toEqual([]);
  });
});

describe('XHR responses over the cap', () => {
  function xhrWith(withTap: boolean) {
    const Xhr: FakeXhrClass = makeFakeXhrClass();
    const w = watch();
    let parses = 0;
    const realParse = JSON.parse;
    const json = { parse: ((text: string) => (parses++, realParse(text))) as typeof JSON.parse };
    const timers: (() => void)[] = [];
    const target = {
      XMLHttpRequest: Xhr, location: { href: 'https://x.com/home' },
      ...(withTap ? { JSON: json, setTimeout: (run: () => void) => timers.push(run) } : {}),
    } as unknown as HookTarget;
    hookXhr(target, shouldRead, w.onJson, w.worth);
    const runTimers = () => {
      for (const run of timers.splice(0)) run();
    };
    return { Xhr, w, json, parses: () => parses, runTimers };
  }

  it('with a Content-Length over the cap: the body is never touched (no responseText, no response), for text and json types', () => {
    const t = xhrWith(true);
    const text = bigJson(MAX_BODY_BYTES + 10);
    for (const type of ['', 'text', 'json']) {
      const xhr = new t.Xhr();
      xhr.open('GET', API);
      xhr.responseType = type;
      xhr.send();
      xhr.respond(200, text, { 'content-type': 'application/json', 'content-length': String(text.length) });
      expect(xhr.bodyReads, type).toBe(0);
    }
    t.runTimers();
    expect(t.parses()).toBe(0);
    expect(t.w.tested).toEqual([]);
    expect(t.w.seen).toEqual([]);
  });

  it('without a length: the text\'s length rules it out; the page\'s own parse is not read, and nothing is parsed a second time', () => {
    for (const withTap of [true, false]) {
      const t = xhrWith(withTap);
      const text = bigJson(MAX_BODY_BYTES + 10);
      const xhr = new t.Xhr();
      xhr.open('GET', API);
      let pageGot: unknown;
      xhr.onload = () => (pageGot = t.json.parse(xhr.responseText));
      xhr.send();
      xhr.respond(200, text, { 'content-type': 'application/json' });
      t.runTimers();
      expect(t.parses()).toBe(1); // the page's own, and only that
      expect((pageGot as { data: { pad: string } }).data.pad).toHaveLength(text.length - 65);
      expect(t.w.tested).toEqual([]);
      expect(t.w.seen).toEqual([]);
    }
  });

  it('a body just within the cap is still read, through the page\'s parse', () => {
    const t = xhrWith(true);
    const text = bigJson(MAX_BODY_BYTES);
    const xhr = new t.Xhr();
    xhr.open('GET', API);
    let pageGot: unknown;
    xhr.onload = () => (pageGot = t.json.parse(xhr.responseText));
    xhr.send();
    xhr.respond(200, text, { 'content-length': String(text.length) });
    expect(t.w.seen).toHaveLength(1);
    expect(t.w.seen[0]).toBe(pageGot);
    t.runTimers();
    expect(t.parses()).toBe(1);
  });

  it('malformed, truncated, binary-looking and aborted responses: nothing thrown, nothing read', () => {
    const t = xhrWith(true);
    for (const body of ['{"data": {"screen_name": ', '\u0089PNG\r\n\u001a\n\u0000\u0000', '<html>{"screen_name":1}</html>', '']) {
      const xhr = new t.Xhr();
      xhr.open('GET', API);
      xhr.onload = () => {
        try {
          t.json.parse(xhr.responseText);
        } catch {
          // the page's own parse error is the page's business
        }
      };
      xhr.send();
      expect(() => xhr.respond(200, body, { 'content-type': 'application/json' })).not.toThrow();
    }
    const aborted = new t.Xhr();
    aborted.open('GET', API);
    aborted.send();
    expect(() => aborted.abort()).not.toThrow();
    expect(aborted.bodyReads).toBe(0);
    expect(aborted.listenerCount('readystatechange')).toBe(0);
    expect(() => t.runTimers()).not.toThrow();
    // The malformed body opens like JSON and names an account, so it reached the cheap test; it failed to parse.
    expect(t.w.tested).toEqual(['{"data": {"screen_name": ']);
    expect(t.w.seen).toEqual([]);
  });
});

// The fetch / XMLHttpRequest wrappers must be invisible to the page: same results, same errors, same
// `this` and arguments; Doorman reads API JSON afterwards and can never throw into the page.
import { describe, expect, it, vi } from 'vitest';
import { hookFetch, hookXhr, MAX_BODY_BYTES, type HookTarget } from '../../../src/page-world/hooks';
import { xApiOperation } from '../../../src/sites/x/routes';
import { makeFakeXhrClass, type FakeXhrClass } from './fake-xhr';

const API = 'https://x.com/i/api/graphql/q1/HomeTimeline?variables=%7B%7D';
const BODY = JSON.stringify({ data: { home: { ok: true } } });
const shouldRead = (url: URL) => xApiOperation(url.pathname) !== null;
const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

function xhrSetup(syncBody?: string) {
  const Xhr: FakeXhrClass = makeFakeXhrClass(syncBody);
  const seen: Array<{ url: string; data: unknown }> = [];
  const target = { XMLHttpRequest: Xhr, location: { href: 'https://x.com/home' } } as unknown as HookTarget;
  const originalOpen = Xhr.prototype.open;
  hookXhr(target, shouldRead, (url, data) => seen.push({ url: url.href, data }));
  return { Xhr, seen, originalOpen };
}

describe('hookXhr', () => {
  it('reads API JSON as it completes, before the page\'s load handler renders it, for responseType "", "text" and "json"', () => {
    const { Xhr, seen } = xhrSetup();
    for (const type of ['', 'text', 'json']) {
      const order: string[] = [];
      const xhr = new Xhr();
      xhr.open('GET', API);
      xhr.responseType = type;
      xhr.onload = () => order.push(`page:${seen.length}`);
      xhr.send();
      xhr.respond(200, BODY);
      order.push(`doorman:${seen.length}`);
      expect(order[0]).toBe(`page:${seen.length}`); // the facts were in before the page's handler ran
      expect(seen.at(-1)).toEqual({ url: API, data: { data: { home: { ok: true } } } });
      expect(xhr.listenerCount('readystatechange')).toBe(0); // our listener removed itself
    }
    expect(seen).toHaveLength(3);
  });

  it('gives the page the same responses, return values and `this`', () => {
    const { Xhr } = xhrSetup();
    const xhr = new Xhr();
    expect(xhr.open('GET', API)).toBeUndefined();
    xhr.responseType = 'json';
    xhr.send();
    xhr.respond(200, BODY);
    const a = xhr.response;
    expect(a).toBe(xhr.response); // the object the page gets is the very one we read, unchanged
    expect(a).toEqual({ data: { home: { ok: true } } });
    expect(xhr.readyState).toBe(4);
  });

  it('passes the page\'s arguments through unchanged, including how many there were', () => {
    const { Xhr } = xhrSetup();
    const two = new Xhr();
    two.open('GET', API);
    expect(two.openArgs).toEqual(['GET', API]);
    expect(two.openArgs).toHaveLength(2); // open(m, u) is async; open(m, u, undefined) would not be
    const five = new Xhr();
    five.open('POST', API, true, 'user', 'pw');
    expect(five.openArgs).toEqual(['POST', API, true, 'user', 'pw']);
    five.send('{"q":1}');
    expect(five.sentBody).toBe('{"q":1}');
  });

  it('throws exactly what the original throws', () => {
    const { Xhr } = xhrSetup();
    const xhr = new Xhr();
    expect(() => xhr.open('BAD METHOD', API)).toThrow(SyntaxError);
    expect(() => xhr.send()).toThrow(/not opened/);
  });

  it('reads synchronous requests too (they finish inside send)', () => {
    const { Xhr, seen } = xhrSetup(BODY);
    const xhr = new Xhr();
    xhr.open('GET', API, false);
    xhr.send();
    expect(seen).toHaveLength(1);
  });

  it('leaves everything else alone: other paths, errors, big or non-JSON bodies, binary types', () => {
    const { Xhr, seen } = xhrSetup();
    const run = (url: string, status: number, body: string, type = '') => {
      const xhr = new Xhr();
      xhr.open('GET', url);
      xhr.responseType = type;
      xhr.send();
      expect(() => xhr.respond(status, body)).not.toThrow();
    };
    run('https://x.com/i/api/1.1/jot/client_event.json', 200, BODY);
    run('https://abs.twimg.com/responsive-web/client-web/main.js', 200, 'var a=1');
    run(API, 429, BODY);
    run(API, 200, '<html>rate limited</html>');
    run(API, 200, '{"truncated": ');
    run(API, 200, BODY, 'blob');
    run(API, 200, BODY, 'arraybuffer');
    run(API, 200, `{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`);
    expect(seen).toEqual([]);
  });

  it('matches by path on any host (mirrors, twitter.com, api hosts) and resolves relative URLs', () => {
    const { Xhr, seen } = xhrSetup();
    for (const url of ['https://twitter.com/i/api/2/notifications/all.json', '/i/api/graphql/q/TweetDetail']) {
      const xhr = new Xhr();
      xhr.open('GET', url);
      xhr.send();
      xhr.respond(200, BODY);
    }
    expect(seen.map((s) => s.url)).toEqual([
      'https://twitter.com/i/api/2/notifications/all.json', 'https://x.com/i/api/graphql/q/TweetDetail',
    ]);
  });

  it('a failing reader never reaches the page', () => {
    const Xhr = makeFakeXhrClass();
    const target = { XMLHttpRequest: Xhr, location: { href: 'https://x.com/' } } as unknown as HookTarget;
    hookXhr(target, shouldRead, () => {
      throw new Error('doorman bug');
    });
    const xhr = new Xhr();
    xhr.open('GET', API);
    xhr.send();
    expect(() => xhr.respond(200, BODY)).not.toThrow();
  });

  it('looks like the functions it replaced', () => {
    const { Xhr, originalOpen } = xhrSetup();
    expect(Xhr.prototype.open).not.toBe(originalOpen);
    expect(Xhr.prototype.open.name).toBe('open');
    expect(Xhr.prototype.open.length).toBe(originalOpen.length);
    expect(String(Xhr.prototype.open)).toBe(Function.prototype.toString.call(originalOpen));
  });
});

function fetchSetup(impl: (this: unknown, input: unknown, init?: unknown) => Promise<Response>) {
  const original = vi.fn(impl);
  const target: HookTarget = { fetch: original as unknown as typeof fetch, location: { href: 'https://x.com/home' } };
  const seen: Array<{ url: string; data: unknown }> = [];
  hookFetch(target, shouldRead, (url, data) => seen.push({ url: url.href, data }));
  return { fetch: target.fetch!, original, seen };
}

const ok = (body = BODY, init: ResponseInit = {}) =>
  Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' }, ...init }));

describe('hookFetch', () => {
  it('returns the very promise the original returned, and the page can still read the body', async () => {
    let returned: Promise<Response> | undefined;
    const { fetch, seen } = fetchSetup(() => (returned = ok()));
    const p = fetch(API);
    expect(p).toBe(returned);
    const res = await p;
    expect(await res.json()).toEqual({ data: { home: { ok: true } } });
    await flush();
    expect(seen).toEqual([{ url: API, data: { data: { home: { ok: true } } } }]);
  });

  it('passes `this` and arguments through', async () => {
    const { fetch, original } = fetchSetup(function (this: unknown) {
      return ok();
    });
    const self = { marker: 1 };
    const init = { method: 'POST', body: '{}' };
    await Reflect.apply(fetch, self, [API, init]);
    expect(original.mock.contexts[0]).toBe(self);
    expect(original.mock.calls[0]).toEqual([API, init]);
    await fetch(API);
    expect(original.mock.calls[1]).toHaveLength(1);
  });

  it('rejections and synchronous throws reach the page unchanged, with no unhandled rejection of ours', async () => {
    const boom = new TypeError('Failed to fetch');
    const rejecting = fetchSetup(() => Promise.reject(boom));
    await expect(rejecting.fetch(API)).rejects.toBe(boom);
    const illegal = new TypeError('Illegal invocation');
    const throwing = fetchSetup(() => {
      throw illegal;
    });
    expect(() => throwing.fetch(API)).toThrow(illegal);
    await flush();
  });

  it('accepts URL and Request inputs', async () => {
    const { fetch, seen } = fetchSetup(() => ok());
    await fetch(new URL(API));
    await fetch(new Request('https://x.com/i/api/graphql/q/TweetDetail'));
    await flush();
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual(['/i/api/graphql/q1/HomeTimeline', '/i/api/graphql/q/TweetDetail']);
  });

  it('skips other paths, failures, declared-huge and non-JSON bodies', async () => {
    const { fetch, seen } = fetchSetup((input) => {
      const url = String(input);
      if (url.endsWith('/404')) return ok(BODY, { status: 404 });
      if (url.endsWith('/huge')) return ok(BODY, { headers: { 'content-length': String(MAX_BODY_BYTES + 1) } });
      if (url.endsWith('/html')) return ok('<!doctype html>');
      return ok();
    });
    await fetch('https://x.com/i/api/1.1/jot/client_event.json');
    await fetch('https://x.com/i/api/graphql/q/404');
    await fetch('https://x.com/i/api/graphql/q/huge');
    await fetch('https://x.com/i/api/graphql/q/html');
    await flush();
    expect(seen).toEqual([]);
  });

  it('does nothing when there is no fetch to wrap', () => {
    const target: HookTarget = { location: { href: 'https://x.com/' } };
    expect(() => hookFetch(target, shouldRead, () => undefined)).not.toThrow();
    expect(target.fetch).toBeUndefined();
  });
});

describe('bodies that cannot carry facts', () => {
  it('are not parsed when the reader\'s text test says so (XHR text and fetch); parsed JSON is read as it is', async () => {
    const Xhr: FakeXhrClass = makeFakeXhrClass();
    const seen: unknown[] = [];
    const tested: string[] = [];
    const worth = (text: string) => {
      tested.push(text);
      return text.includes('"screen_name"');
    };
    const target = { XMLHttpRequest: Xhr, location: { href: 'https://x.com/home' } } as unknown as HookTarget;
    hookXhr(target, shouldRead, (_u, data) => seen.push(data), worth);
    const withAccount = JSON.stringify({ user: { screen_name: 'acme' } });
    for (const [type, body] of [['', BODY], ['text', withAccount], ['json', BODY]] as const) {
      const xhr = new Xhr();
      xhr.open('GET', API);
      xhr.responseType = type;
      xhr.send();
      xhr.respond(200, body);
    }
    // The settings-like body was tested and skipped; the browser-parsed one needs no test.
    expect(tested).toEqual([BODY, withAccount]);
    expect(seen).toEqual([{ user: { screen_name: 'acme' } }, { data: { home: { ok: true } } }]);

    const fetchSeen: unknown[] = [];
    const f: HookTarget = { fetch: (() => ok()) as unknown as typeof fetch, location: { href: 'https://x.com/home' } };
    hookFetch(f, shouldRead, (_u, data) => fetchSeen.push(data), worth);
    await (await f.fetch!(API)).text();
    await flush();
    expect(fetchSeen).toEqual([]);
  });
});

describe('reading through the page\'s own JSON.parse', () => {
  function tapSetup() {
    const Xhr: FakeXhrClass = makeFakeXhrClass();
    const seen: unknown[] = [];
    const timers: (() => void)[] = [];
    let parses = 0;
    const realParse = JSON.parse;
    const json = { parse: ((text: string, reviver?: (k: string, v: unknown) => unknown) => { parses++; return realParse(text, reviver); }) as typeof JSON.parse };
    const target = {
      XMLHttpRequest: Xhr, JSON: json, location: { href: 'https://x.com/home' },
      setTimeout: (run: () => void) => timers.push(run),
    } as unknown as HookTarget;
    hookXhr(target, shouldRead, (_u, data) => seen.push(data));
    return { Xhr, json, seen, timers, parses: () => parses };
  }

  it('takes the object the page parsed, before the page goes on, and parses nothing itself', () => {
    const t = tapSetup();
    const xhr = new t.Xhr();
    xhr.open('GET', API);
    const order: string[] = [];
    let pageGot: unknown;
    xhr.onload = () => {
      pageGot = t.json.parse(xhr.responseText);
      order.push(`page rendered with ${t.seen.length} facts read`);
    };
    xhr.send();
    xhr.respond(200, BODY);
    expect(order).toEqual(['page rendered with 1 facts read']);
    expect(t.seen).toEqual([{ data: { home: { ok: true } } }]);
    expect(t.seen[0]).toBe(pageGot); // the page's own object, read, not a copy
    expect(t.parses()).toBe(1);
    for (const run of t.timers) run(); // the fallback finds it parsed: nothing more
    expect(t.seen).toHaveLength(1);
    expect(t.parses()).toBe(1);
  });

  it('a page that never parses the text (or parses it with a reviver) gets it read a task later', () => {
    const t = tapSetup();
    for (const withReviver of [false, true]) {
      const xhr = new t.Xhr();
      xhr.open('GET', API);
      xhr.onload = () => {
        if (withReviver) t.json.parse(xhr.responseText, (_k, v) => v);
      };
      xhr.send();
      xhr.respond(200, BODY);
    }
    expect(t.seen).toEqual([]);
    for (const run of t.timers.splice(0)) run();
    expect(t.seen).toEqual([{ data: { home: { ok: true } } }, { data: { home: { ok: true } } }]);
    // Other JSON.parse calls pass straight through.
    expect(t.json.parse('{"a":1}')).toEqual({ a: 1 });
    expect(t.seen).toHaveLength(2);
  });
});

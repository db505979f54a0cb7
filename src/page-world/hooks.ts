// Wraps the page's fetch and XMLHttpRequest so a page-world reader can see API responses the site
// already asked for. The wrappers must be invisible: the page gets the very same return values,
// promises, errors, `this` and arguments; Doorman reads a clone (fetch) or the finished response (XHR)
// afterwards, and nothing it does can throw into the page. Site-independent: a site says only which
// URLs to read (see install.ts).

/** Bodies above this are skipped unread: feed responses are well under 1 MB (X's timelines); parsing more costs too much. */
export const MAX_BODY_CHARS = 8 * 1024 * 1024;

export type ShouldRead = (url: URL) => boolean;
export type OnJson = (url: URL, data: unknown) => void;
/** A cheap test of a body's text before Doorman parses its own copy (e.g. "does it name any account?"). */
export type WorthParsing = (text: string) => boolean;

const always: WorthParsing = () => true;

/** The parts of `window` the hooks touch; a structural type so tests can pass fakes. */
export interface HookTarget {
  fetch?: typeof fetch;
  XMLHttpRequest?: { prototype: XMLHttpRequest };
  location: { href: string };
}

const noop = (): void => undefined;

/** Copies name, length and source text, so the wrapper looks like the function it replaced. */
function disguise(wrapper: object, original: object): void {
  try {
    const fn = original as { name: string; length: number };
    Object.defineProperty(wrapper, 'name', { value: fn.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: fn.length, configurable: true });
    const source = Function.prototype.toString.call(original);
    Object.defineProperty(wrapper, 'toString', { value: () => source, configurable: true, writable: true });
  } catch {
    // Cosmetic only.
  }
}

/** The request URL without converting arbitrary objects (their toString could have side effects). */
function requestUrl(input: unknown, base: string): URL | null {
  try {
    if (typeof input === 'string') return new URL(input, base);
    if (input instanceof URL) return input;
    const url = typeof input === 'object' && input !== null ? (input as { url?: unknown }).url : undefined;
    return typeof url === 'string' ? new URL(url, base) : null;
  } catch {
    return null;
  }
}

function deliverText(url: URL, text: string, onJson: OnJson, worthParsing: WorthParsing): void {
  if (text.length > MAX_BODY_CHARS || text.length < 2) return;
  const first = text.charCodeAt(0);
  if (first !== 0x7b /* { */ && first !== 0x5b /* [ */) return;
  // Parsing is most of what reading a response costs: a body that cannot carry facts is not parsed.
  if (!worthParsing(text)) return;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  deliver(url, data, onJson);
}

function deliver(url: URL, data: unknown, onJson: OnJson): void {
  try {
    onJson(url, data);
  } catch {
    // A bug in Doorman must never surface as an error in the page.
  }
}

// Duck-typed rather than instanceof: the page may have replaced the Promise or Response globals.
const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
const isResponse = (v: unknown): v is Response =>
  typeof v === 'object' && v !== null && typeof (v as { clone?: unknown }).clone === 'function' &&
  typeof (v as { headers?: { get?: unknown } }).headers?.get === 'function';

function readFetchResponse(res: Response, url: URL, onJson: OnJson, worthParsing: WorthParsing): void {
  try {
    if (!res.ok) return;
    const length = Number(res.headers.get('content-length') ?? '0');
    if (length > MAX_BODY_CHARS) return;
    // Our reaction was registered before the page's, so the body is still unread and clone() is safe.
    res.clone().text().then((text) => deliverText(url, text, onJson, worthParsing), noop);
  } catch {
    // e.g. an opaque or already-used response: leave it to the page.
  }
}

export function hookFetch(target: HookTarget, shouldRead: ShouldRead, onJson: OnJson, worthParsing: WorthParsing = always): void {
  const original = target.fetch;
  if (typeof original !== 'function') return;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    // Called exactly as the page called it: same `this`, same arguments, same result or exception.
    const result: unknown = Reflect.apply(original, this, args);
    try {
      const url = requestUrl(args[0], target.location.href);
      if (url !== null && shouldRead(url) && isThenable(result)) {
        // A separate reaction: it cannot change what the page's own `then` sees, and swallows rejections
        // (the page still gets them through the original promise).
        result.then((res: unknown) => {
          if (isResponse(res)) readFetchResponse(res, url, onJson, worthParsing);
        }, noop);
      }
    } catch {
      // Never disturb the page.
    }
    return result;
  };
  disguise(wrapped, original);
  target.fetch = wrapped as typeof fetch;
}

function readXhr(xhr: XMLHttpRequest, url: URL, onJson: OnJson, worthParsing: WorthParsing): void {
  try {
    if (xhr.readyState !== 4 || xhr.status < 200 || xhr.status >= 300) return;
    const type = xhr.responseType;
    // 'json': the browser already parsed it; we only read that object, never modify it.
    if (type === 'json') {
      const data: unknown = xhr.response;
      if (data !== null && typeof data === 'object') deliver(url, data, onJson);
      return;
    }
    // responseText throws for 'blob', 'arraybuffer' and 'document'; those are not API JSON anyway.
    if (type === '' || type === 'text') deliverText(url, xhr.responseText, onJson, worthParsing);
  } catch {
    // Leave the response to the page.
  }
}

export function hookXhr(target: HookTarget, shouldRead: ShouldRead, onJson: OnJson, worthParsing: WorthParsing = always): void {
  const proto = target.XMLHttpRequest?.prototype;
  if (!proto) return;
  const open = proto.open;
  const send = proto.send;
  const listen = proto.addEventListener;
  const unlisten = proto.removeEventListener;
  if (typeof open !== 'function' || typeof send !== 'function' || typeof listen !== 'function') return;
  const pending = new WeakMap<XMLHttpRequest, URL>();

  // 'loadend' comes after the page's readystatechange and load handlers: the page has its response
  // first. It is added before send() because a synchronous request finishes inside send().
  const watchLoadEnd = (xhr: XMLHttpRequest, url: URL): void => {
    const onEnd = (): void => {
      Reflect.apply(unlisten, xhr, ['loadend', onEnd]);
      readXhr(xhr, url, onJson, worthParsing);
    };
    Reflect.apply(listen, xhr, ['loadend', onEnd]);
  };

  const wrappedOpen = function (this: XMLHttpRequest, ...args: unknown[]): unknown {
    // Rest arguments keep the page's argument count: open(m, u) is async, open(m, u, undefined) is not.
    const result: unknown = Reflect.apply(open, this, args);
    try {
      const url = requestUrl(args[1], target.location.href);
      if (url !== null && shouldRead(url)) pending.set(this, url);
      else pending.delete(this);
    } catch {
      // Never disturb the page.
    }
    return result;
  };

  const wrappedSend = function (this: XMLHttpRequest, ...args: unknown[]): unknown {
    try {
      const url = pending.get(this);
      if (url !== undefined) {
        pending.delete(this);
        watchLoadEnd(this, url);
      }
    } catch {
      // Never disturb the page.
    }
    return Reflect.apply(send, this, args);
  };

  disguise(wrappedOpen, open);
  disguise(wrappedSend, send);
  proto.open = wrappedOpen as XMLHttpRequest['open'];
  proto.send = wrappedSend as XMLHttpRequest['send'];
}

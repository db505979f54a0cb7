// Wraps the page's fetch and XMLHttpRequest so a page-world reader can see API responses the site
// already asked for. The wrappers must be invisible: the page gets the very same return values,
// promises, errors, `this` and arguments; Doorman reads a clone (fetch) or the finished response (XHR,
// as it completes, before the page's load handlers), and nothing it does can throw into the page. Site-independent: a site says only which
// URLs to read (see install.ts). A response over the size cap (body-cap.ts) is skipped before anything
// is parsed: by its Content-Length, by the length of the XHR text, or by counting a fetch clone's bytes.
import { declaresOver, MAX_BODY_BYTES, readCapped, textualType } from './body-cap';

export { MAX_BODY_BYTES } from './body-cap';

export type ShouldRead = (url: URL) => boolean;
export type OnJson = (url: URL, data: unknown) => void;
/** A cheap test of a body's text before Doorman parses its own copy (e.g. "does it name any account?"). */
export type WorthParsing = (text: string) => boolean;

const always: WorthParsing = () => true;

/** The parts of `window` the hooks touch; a structural type so tests can pass fakes. */
export interface HookTarget {
  fetch?: typeof fetch;
  XMLHttpRequest?: { prototype: XMLHttpRequest };
  JSON?: { parse: typeof JSON.parse };
  setTimeout?: (run: () => void, ms: number) => unknown;
  /** Decodes fetch bodies as they stream in; without it fetch responses are not read. */
  TextDecoder?: typeof TextDecoder;
  location: { href: string };
}

/**
 * A body worth reading, by the cheap tests: not too big (its length first: O(1), before any character
 * is looked at), JSON-looking, and (per the reader) able to carry facts.
 */
function readable(text: string, worthParsing: WorthParsing): boolean {
  if (text.length > MAX_BODY_BYTES || text.length < 2) return false;
  const first = text.charCodeAt(0);
  return (first === 0x7b /* { */ || first === 0x5b /* [ */) && worthParsing(text);
}

/**
 * Reads a response through the page's own parse of it, instead of parsing a second copy: X's
 * responses carry about 4 KB of JSON per post, and parsing them again was the largest single cost
 * Doorman added per item. A body is armed when it completes; when the page calls JSON.parse on that
 * very text (X's app and axios do, in their load handlers, before rendering), the wrapper reads the
 * result before handing it back, so the facts are in before the page renders. The wrapper returns
 * exactly what JSON.parse returned and costs one length check per call while anything is armed.
 */
interface ParseTap {
  arm(text: string, url: URL): void;
  /** Disarms `text`; true when the page never parsed it (then the caller parses it itself). */
  unparsed(text: string): boolean;
}

const MAX_ARMED = 16;

function tapJsonParse(target: HookTarget, onJson: OnJson): ParseTap | null {
  const json = target.JSON;
  const original = json?.parse;
  if (!json || typeof original !== 'function') return null;
  const armed: { text: string; url: URL }[] = [];
  const take = (text: string): { text: string; url: URL } | undefined => {
    for (let i = 0; i < armed.length; i++) {
      const a = armed[i]!;
      if (a.text.length === text.length && a.text === text) return armed.splice(i, 1)[0];
    }
    return undefined;
  };
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const result: unknown = Reflect.apply(original, this, args);
    try {
      // With a reviver the page reshapes what it gets: that is not the response, leave it.
      if (armed.length > 0 && typeof args[0] === 'string' && args[1] === undefined) {
        const hit = take(args[0]);
        if (hit && typeof result === 'object' && result !== null) deliver(hit.url, result, onJson);
      }
    } catch {
      // Never disturb the page.
    }
    return result;
  };
  disguise(wrapped, original);
  json.parse = wrapped as typeof JSON.parse;
  return {
    arm(text, url) {
      armed.push({ text, url });
      if (armed.length > MAX_ARMED) armed.shift();
    },
    unparsed: (text) => take(text) !== undefined,
  };
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
  // Parsing is most of what reading a response costs: a body that cannot carry facts is not parsed.
  if (!readable(text, worthParsing)) return;
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

function readFetchResponse(res: Response, url: URL, onJson: OnJson, worthParsing: WorthParsing, Decoder: typeof TextDecoder): void {
  try {
    if (!res.ok) return;
    const headers = res.headers;
    // Declared too big, or not text at all: not even cloned.
    if (declaresOver(headers.get('content-length'), MAX_BODY_BYTES) || !textualType(headers.get('content-type'))) return;
    // Our reaction was registered before the page's, so the body is still unread and clone() is safe.
    // The clone is a branch of the body: the page reads the other one at its own pace, whole and
    // unchanged, and ours is read chunk by chunk, counted, and cancelled at the cap.
    const body = res.clone().body;
    if (body) readCapped(body, MAX_BODY_BYTES, Decoder, (text) => deliverText(url, text, onJson, worthParsing));
  } catch {
    // e.g. an opaque or already-used response: leave it to the page.
  }
}

export function hookFetch(target: HookTarget, shouldRead: ShouldRead, onJson: OnJson, worthParsing: WorthParsing = always): void {
  const original = target.fetch;
  const Decoder = target.TextDecoder ?? globalThis.TextDecoder;
  if (typeof original !== 'function' || typeof Decoder !== 'function') return;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    // Called exactly as the page called it: same `this`, same arguments, same result or exception.
    const result: unknown = Reflect.apply(original, this, args);
    try {
      const url = requestUrl(args[0], target.location.href);
      if (url !== null && shouldRead(url) && isThenable(result)) {
        // A separate reaction: it cannot change what the page's own `then` sees, and swallows rejections
        // (the page still gets them through the original promise).
        result.then((res: unknown) => {
          if (isResponse(res)) readFetchResponse(res, url, onJson, worthParsing, Decoder);
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

interface XhrReading {
  onJson: OnJson;
  /** The prototype's getResponseHeader as it was before the page ran, or null. */
  header: ((this: XMLHttpRequest, name: string) => string | null) | null;
  worthParsing: WorthParsing;
  tap: ParseTap | null;
  /** Runs `fallback` once the page has handled the response (its handlers and their microtasks). */
  afterPage(xhr: XMLHttpRequest, fallback: () => void): void;
}

function readXhr(xhr: XMLHttpRequest, url: URL, r: XhrReading): void {
  try {
    if (xhr.readyState !== 4 || xhr.status < 200 || xhr.status >= 300) return;
    // Declared too big: skipped before the body is touched (for 'json' the browser parses only when
    // `response` is first read). Without a length, the text's length decides below; a 'json' body of
    // unknown size costs at most the walk's node budget (the browser, not Doorman, parsed it).
    const declared: unknown = r.header === null ? null : Reflect.apply(r.header, xhr, ['content-length']);
    if (declaresOver(declared, MAX_BODY_BYTES)) return;
    const type = xhr.responseType;
    // 'json': the browser already parsed it; we only read that object, never modify it.
    if (type === 'json') {
      const data: unknown = xhr.response;
      if (data !== null && typeof data === 'object') deliver(url, data, r.onJson);
      return;
    }
    // responseText throws for 'blob', 'arraybuffer' and 'document'; those are not API JSON anyway.
    if (type !== '' && type !== 'text') return;
    // The browser has built this text already (the page reads the same string); only its length and
    // first character are looked at before the cap and the reader's test have passed.
    const text = xhr.responseText;
    if (!readable(text, r.worthParsing)) return;
    if (r.tap === null) {
      deliverText(url, text, r.onJson, always);
      return;
    }
    // Read through the page's own parse (tapJsonParse); a page that never parses it gets our copy read later.
    r.tap.arm(text, url);
    r.afterPage(xhr, () => {
      if (r.tap!.unparsed(text)) deliverText(url, text, r.onJson, always);
    });
  } catch {
    // Leave the response to the page.
  }
}

export function hookXhr(target: HookTarget, shouldRead: ShouldRead, onJson: OnJson, worthParsing: WorthParsing = always): void {
  const proto = target.XMLHttpRequest?.prototype;
  if (!proto) return;
  const open = proto.open;
  const listen = proto.addEventListener;
  const unlisten = proto.removeEventListener;
  if (typeof open !== 'function' || typeof listen !== 'function' || typeof unlisten !== 'function') return;
  const watching = new WeakMap<XMLHttpRequest, () => void>();
  const later = target.setTimeout;
  const header = proto.getResponseHeader;
  const reading: XhrReading = {
    onJson,
    header: typeof header === 'function' ? header : null,
    worthParsing,
    tap: typeof later === 'function' ? tapJsonParse(target, onJson) : null,
    // After 'loadend' (the page's last handler) and a task more: whatever the page parses, it has.
    afterPage(xhr, fallback) {
      const onEnd = (): void => {
        Reflect.apply(unlisten, xhr, ['loadend', onEnd]);
        Reflect.apply(later!, target, [fallback, 0]);
      };
      Reflect.apply(listen, xhr, ['loadend', onEnd]);
    },
  };

  // A readystatechange listener added inside open(): the page sets its own handlers after open(), so
  // ours comes first and reads the finished response (readyState 4, before 'load' and 'loadend').
  // The facts are in before the page renders the response, so every item it renders is decided once,
  // with them, instead of once without and again when they arrive. (A page that set its handler
  // before open() goes first; its items are then re-decided when the facts land, still in that task.)
  const watch = (xhr: XMLHttpRequest, url: URL): void => {
    const onChange = (): void => {
      if (xhr.readyState !== 4) return;
      Reflect.apply(unlisten, xhr, ['readystatechange', onChange]);
      watching.delete(xhr);
      readXhr(xhr, url, reading);
    };
    watching.set(xhr, onChange);
    Reflect.apply(listen, xhr, ['readystatechange', onChange]);
  };

  const wrappedOpen = function (this: XMLHttpRequest, ...args: unknown[]): unknown {
    // Rest arguments keep the page's argument count: open(m, u) is async, open(m, u, undefined) is not.
    const result: unknown = Reflect.apply(open, this, args);
    try {
      // Re-opened before it finished: the earlier request is gone, and so is our interest in it.
      const earlier = watching.get(this);
      if (earlier) {
        Reflect.apply(unlisten, this, ['readystatechange', earlier]);
        watching.delete(this);
      }
      const url = requestUrl(args[1], target.location.href);
      if (url !== null && shouldRead(url)) watch(this, url);
    } catch {
      // Never disturb the page.
    }
    return result;
  };

  disguise(wrappedOpen, open);
  proto.open = wrappedOpen as XMLHttpRequest['open'];
}

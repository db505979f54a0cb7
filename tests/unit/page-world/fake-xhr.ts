// A minimal XMLHttpRequest stand-in for hook tests: it records how it was called and lets a test play
// the server. Each call makes a fresh class, because the hooks patch its prototype.
type Listener = () => void;

export interface FakeXhr {
  readyState: number;
  status: number;
  responseType: string;
  readonly responseText: string;
  readonly response: unknown;
  onload: Listener | null;
  onreadystatechange: Listener | null;
  openArgs: unknown[];
  sentBody: unknown;
  open(...args: unknown[]): void;
  send(body?: unknown): void;
  addEventListener(type: string, fn: Listener): void;
  removeEventListener(type: string, fn: Listener): void;
  getResponseHeader(name: string): string | null;
  /** Completes the request as a server would: readystatechange, load, loadend (headers: lower-case names). */
  respond(status: number, body: string, headers?: Record<string, string>): void;
  /** Ends the request as abort() does: readyState 4, status 0, readystatechange, abort, loadend. */
  abort(): void;
  listenerCount(type: string): number;
  /** How often responseText / response were read (the browser builds or parses them on first read). */
  readonly bodyReads: number;
}

export type FakeXhrClass = { new (): FakeXhr; prototype: FakeXhr };

export function makeFakeXhrClass(syncBody?: string): FakeXhrClass {
  class Xhr implements FakeXhr {
    readyState = 0;
    status = 0;
    responseType = '';
    onload: Listener | null = null;
    onreadystatechange: Listener | null = null;
    openArgs: unknown[] = [];
    sentBody: unknown;
    private body = '';
    private headers: Record<string, string> = {};
    private parsed: unknown;
    bodyReads = 0;
    private readonly listeners = new Map<string, Listener[]>();

    get responseText(): string {
      if (this.responseType !== '' && this.responseType !== 'text') throw new DOMException('not text', 'InvalidStateError');
      this.bodyReads++;
      return this.body;
    }

    get response(): unknown {
      this.bodyReads++;
      if (this.responseType === 'json') return (this.parsed ??= JSON.parse(this.body));
      return this.body;
    }

    open(...args: unknown[]): void {
      if (args[0] === 'BAD METHOD') throw new SyntaxError('Invalid method');
      this.openArgs = args;
      this.readyState = 1;
    }

    send(body?: unknown): void {
      if (this.readyState !== 1) throw new DOMException('not opened', 'InvalidStateError');
      this.sentBody = body;
      // open(method, url, false): a synchronous request completes inside send().
      if (this.openArgs.length >= 3 && this.openArgs[2] === false && syncBody !== undefined) this.respond(200, syncBody);
    }

    addEventListener(type: string, fn: Listener): void {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
    }

    removeEventListener(type: string, fn: Listener): void {
      this.listeners.set(type, (this.listeners.get(type) ?? []).filter((f) => f !== fn));
    }

    listenerCount(type: string): number {
      return this.listeners.get(type)?.length ?? 0;
    }

    private fire(type: string): void {
      for (const fn of [...(this.listeners.get(type) ?? [])]) fn.call(this);
    }

    getResponseHeader(name: string): string | null {
      return this.readyState >= 2 ? (this.headers[name.toLowerCase()] ?? null) : null;
    }

    abort(): void {
      this.status = 0;
      this.readyState = 4;
      this.onreadystatechange?.call(this);
      this.fire('readystatechange');
      this.fire('abort');
      this.fire('loadend');
    }

    respond(status: number, body: string, headers: Record<string, string> = {}): void {
      this.status = status;
      this.body = body;
      this.headers = headers;
      this.readyState = 4;
      this.onreadystatechange?.call(this);
      this.fire('readystatechange');
      this.onload?.call(this);
      this.fire('load');
      this.fire('loadend');
    }
  }
  return Xhr;
}

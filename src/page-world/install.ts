// The one thing every site's MAIN-world script does: install the fetch/XHR hooks once, hand each
// response the site wants to its reader, and post the resulting facts to the isolated content script.
// A site contributes only `shouldRead` (which responses) and `read` (response → facts). It never alters
// a response and never throws into the page. Deliberately tiny: no zod, no extension APIs (lint and
// tests/unit/page-world/imports.test.ts enforce it).
import type { PageFacts } from '../shared/facts';
import { FACTS_EVENT } from '../shared/facts-tag';
import { hookFetch, hookXhr, type HookTarget } from './hooks';

/** What a reader may know about the page a response arrived in, beyond the response itself. */
export interface PageView {
  /** Path of the page the user is on (not the request's). */
  readonly path: string;
  /** The signed-in user's account id, once any earlier response (or the reader's own clue) revealed it. */
  readonly viewerId: string | undefined;
  /** For the odd clue outside the response (a cookie, a navigation link); read, never changed. */
  readonly document: Document;
}

/** Facts as a reader returns them; the site stamp is added here, from the reader's declaration. */
export type ReadFacts = Omit<PageFacts, 'site'>;

export interface PageReader {
  /** The declared site id: keys the install-once guard and stamps every facts payload. */
  site: string;
  /** Runs for every fetch and XHR the page makes: a cheap test of the request URL. */
  shouldRead(url: URL): boolean;
  /**
   * Optional: a cheap test of a response's text (substring checks, no parsing) that is false when it
   * cannot carry facts, so Doorman does not parse its own copy of it. Not asked for bodies the browser
   * parsed already (XHR responseType 'json').
   */
  worthParsing?(text: string): boolean;
  /** One parsed response → facts, or null for none. May throw: the caller catches. */
  read(url: URL, data: unknown, page: PageView): ReadFacts | null;
}

/** True when the facts say nothing worth sending across to the content script. */
export function isEmptyFacts(f: ReadFacts): boolean {
  return f.accounts.length === 0 && f.items.length === 0 && f.followingList !== true;
}

function install(win: Window & typeof globalThis, reader: PageReader): void {
  const installed = Symbol.for(`doorman.${reader.site}.page-world`);
  if ((win as unknown as Record<symbol, unknown>)[installed]) return; // injected twice (e.g. extension reloaded): wrap only once
  Object.defineProperty(win, installed, { value: true });

  const doc = win.document;
  // Captured now, before the page's scripts run, so later page patches cannot intercept delivery.
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const Custom = win.CustomEvent;
  const stringify = win.JSON.stringify;
  let viewerId: string | undefined;

  const onJson = (url: URL, data: unknown): void => {
    const facts = reader.read(url, data, { path: win.location.pathname, viewerId, document: doc });
    if (facts === null) return;
    viewerId = facts.viewerId ?? viewerId;
    if (isEmptyFacts(facts)) return;
    const payload: PageFacts = { ...facts, site: reader.site };
    // A synchronous event, not postMessage: the content script has the facts before this task ends,
    // so before the page renders the response it just received.
    Reflect.apply(dispatch, doc, [new Custom(FACTS_EVENT, { detail: stringify(payload) })]);
  };

  const target = win as unknown as HookTarget;
  const worthParsing = reader.worthParsing ? (text: string) => reader.worthParsing!(text) : undefined;
  hookFetch(target, reader.shouldRead, onJson, worthParsing);
  hookXhr(target, reader.shouldRead, onJson, worthParsing);
}

/** Installs `reader` in the page's own world. Whatever goes wrong, the page stays exactly as it was. */
export function installPageReader(win: Window & typeof globalThis, reader: PageReader): void {
  try {
    install(win, reader);
  } catch {
    // Doorman failing must leave the site exactly as it was.
  }
}

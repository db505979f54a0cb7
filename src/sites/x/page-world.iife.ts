// Runs in x.com's own JS world at document_start, before X's scripts: reads the API responses X
// already fetches (follow state, badges, promoted markers) and hands compact facts to the isolated
// content script. It never alters a response and never throws into the page. Deliberately tiny:
// no zod, no extension APIs (lint and tests/unit/sites/x/page-world-imports.test.ts enforce it).
import { FACTS_EVENT } from '../../shared/facts-tag';
import { isEmptyFacts, viewerIdFromCookie, xPageFacts } from './page-facts';
import { hookFetch, hookXhr, type HookTarget } from './page-world-hooks';
import { handleFromPath, isOwnFollowingList, xApiOperation } from './routes';
import { PROFILE_NAV_LINK } from './selectors';

const INSTALLED = Symbol.for('doorman.x.page-world');

function install(win: Window & typeof globalThis): void {
  const marker = win as unknown as Record<symbol, unknown>;
  if (marker[INSTALLED]) return; // injected twice (e.g. extension reloaded): wrap only once
  Object.defineProperty(win, INSTALLED, { value: true });

  const doc = win.document;
  // Captured now, before the page's scripts run, so later page patches cannot intercept delivery.
  const dispatch = win.EventTarget.prototype.dispatchEvent;
  const Custom = win.CustomEvent;
  const stringify = win.JSON.stringify;
  let viewerId: string | undefined;

  const viewerHandle = (): string | undefined => {
    const href = doc.querySelector(PROFILE_NAV_LINK)?.getAttribute('href');
    return href ? (handleFromPath(href) ?? undefined) : undefined;
  };

  const onJson = (url: URL, data: unknown): void => {
    const operation = xApiOperation(url.pathname);
    if (operation === null) return;
    // The signed-in user's id: from a Viewer-type response, else X's `twid` cookie (`u=<id>`, not a secret).
    viewerId ??= viewerIdFromCookie(doc.cookie);
    const ownFollowingList = operation === 'Following' && isOwnFollowingList({
      operation, requestUrl: url, pagePath: win.location.pathname, viewerId, viewerHandle: viewerHandle(),
    });
    const facts = xPageFacts(data, { viewerId, ownFollowingList });
    viewerId = facts.viewerId ?? viewerId;
    if (isEmptyFacts(facts)) return;
    // A synchronous event, not postMessage: the content script has the facts before this task ends,
    // so before the page renders the response it just received.
    Reflect.apply(dispatch, doc, [new Custom(FACTS_EVENT, { detail: stringify(facts) })]);
  };

  const shouldRead = (url: URL): boolean => xApiOperation(url.pathname) !== null;
  const target = win as unknown as HookTarget;
  hookFetch(target, shouldRead, onJson);
  hookXhr(target, shouldRead, onJson);
}

try {
  install(window);
} catch {
  // Doorman failing must leave X exactly as it was.
}

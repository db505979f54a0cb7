// Who the signed-in user is on X, for "is this my thread / my Following list?" questions.
import type { FactStore } from '../../content/fact-store';
import { normalizeHandle } from '../../core/handle';
import { handleFromPath } from './routes';
import { PROFILE_NAV_LINK } from './selectors';

/** The viewer's handle from the side navigation's profile link (also read in the page world). */
export function navViewerHandle(doc: Document): string | null {
  const href = doc.querySelector(PROFILE_NAV_LINK)?.getAttribute('href');
  return href ? handleFromPath(href) : null;
}

/** A document's last look for the navigation link: what it found and when. */
const looked = new WeakMap<Document, { handle: string | null; at: number }>();
/** While the link is missing, look again at most this often: a miss searches the whole document. */
const MISS_RETRY_MS = 1_000;

/**
 * navViewerHandle, remembered for the document: the signed-in user cannot change without a reload,
 * and a page without the link (signed out, or a layout without the side navigation) would otherwise
 * pay a whole-document search on every batch of a long timeline.
 */
function rememberedNavHandle(doc: Document): string | null {
  const last = looked.get(doc);
  const now = doc.defaultView?.performance.now() ?? 0;
  if (last && (last.handle !== null || now - last.at < MISS_RETRY_MS)) return last.handle;
  const handle = navViewerHandle(doc);
  looked.set(doc, { handle, at: now });
  return handle;
}

/** The signed-in user's handle: from facts when the viewer's account is known, else the side navigation. */
export function viewerHandle(doc: Document, facts: FactStore): string | null {
  const viewer = facts.viewerId === undefined ? undefined : facts.account(facts.viewerId);
  if (viewer?.handle) return normalizeHandle(viewer.handle);
  return rememberedNavHandle(doc);
}

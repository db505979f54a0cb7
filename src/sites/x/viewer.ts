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

/** The signed-in user's handle: from facts when the viewer's account is known, else the side navigation. */
export function viewerHandle(doc: Document, facts: FactStore): string | null {
  const viewer = facts.viewerId === undefined ? undefined : facts.account(facts.viewerId);
  if (viewer?.handle) return normalizeHandle(viewer.handle);
  return navViewerHandle(doc);
}

// Who wrote an item, as far as the page has told us: the handle and name come from the DOM, everything
// else (stable id, follow state, badge kind, bot, organisation profile, age) from API facts.
import { normalizeHandle } from '../../core/handle';
import type { Author } from '../../core/model';
import type { FactStore } from '../../content/fact-store';
import type { ItemFact } from '../../shared/facts';
import { handleFromPath } from './routes';
import { PROFILE_NAV_LINK } from './selectors';

const DAY_MS = 86_400_000;

export function authorFrom(
  handle: string,
  displayName: string,
  itemFact: ItemFact | undefined,
  facts: FactStore,
  now: number,
): Author {
  // By handle first (what the DOM shows); by the item's author id when the handle is not indexed yet.
  const byId = itemFact?.authorId ? facts.account(itemFact.authorId) : undefined;
  const fact = facts.accountByHandle(handle) ?? (byId && normalizeHandle(byId.handle) === handle ? byId : undefined);
  return {
    id: (fact?.id ?? itemFact?.authorId ?? '').slice(0, 200),
    handle,
    displayName: (displayName || fact?.displayName || handle).slice(0, 200),
    followed: fact?.followed ?? 'unknown',
    followsYou: fact?.followsYou ?? 'unknown',
    // Without facts the badge kind stays 'none': svg[data-testid="icon-verified"] is the same element
    // for paid, business and government badges, and guessing 'paid' would mislabel the very
    // organisations a user may have chosen to let in; the API facts supply the real kind.
    verified: fact?.verified ?? 'none',
    bot: fact?.bot ?? false,
    accountAgeDays: fact?.createdAt === undefined ? null : Math.max(0, Math.floor((now - fact.createdAt) / DAY_MS)),
    orgProfile: fact?.orgProfile ?? false,
  };
}

/** The signed-in user's handle: from facts when the viewer's account is known, else the side navigation. */
export function viewerHandle(doc: Document, facts: FactStore): string | null {
  const viewer = facts.viewerId === undefined ? undefined : facts.account(facts.viewerId);
  if (viewer?.handle) return normalizeHandle(viewer.handle);
  const href = doc.querySelector(PROFILE_NAV_LINK)?.getAttribute('href');
  return href ? handleFromPath(href) : null;
}

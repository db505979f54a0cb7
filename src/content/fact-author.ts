// Who wrote an item, as far as the page has told us: the handle and name come from the site's DOM,
// everything else (stable id, follow state, badge kind, bot, organisation profile, age) from the API
// facts its page-world reader collected. Site-independent: every adapter builds its Author here.
import { normalizeHandle } from '../core/handle';
import type { Author } from '../core/model';
import type { ItemFact } from '../shared/facts';
import type { FactStore } from './fact-store';

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
    // Without facts the badge kind stays 'none': the DOM rarely tells badge kinds apart (X draws the
    // same check for paid, business and government accounts), and guessing 'paid' would mislabel the
    // very organisations a user may have chosen to let in; the API facts supply the real kind.
    verified: fact?.verified ?? 'none',
    bot: fact?.bot ?? false,
    accountAgeDays: fact?.createdAt === undefined ? null : Math.max(0, Math.floor((now - fact.createdAt) / DAY_MS)),
    orgProfile: fact?.orgProfile ?? false,
  };
}

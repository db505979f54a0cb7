// Which follows a capped list keeps (a snapshot, a restored backup): the user's own — from the
// Following list or an import — first, then the most recently learned page-learned ones. A page can
// post any number of follow facts; they must never push the user's own list out.
import { newest } from '../core/newest';
import type { FollowEntry } from '../core/lists';
import { FOLLOW_CAPS } from './follows';

/** At most `max` follows, the user's own first (the newest of them if they alone are too many). Original order kept. */
function listFirst(follows: readonly FollowEntry[], max: number): FollowEntry[] {
  if (follows.length <= max) return [...follows];
  const learnedAt = (e: FollowEntry) => e.learnedAt;
  const listed = newest(follows.filter((f) => f.source !== 'page'), max, learnedAt);
  const kept = new Set([...listed, ...newest(follows.filter((f) => f.source === 'page'), max - listed.length, learnedAt)]);
  return follows.filter((f) => kept.has(f));
}

/** Each site's follows within its cap (FOLLOW_CAPS.total), and all of them within `overall`. */
export function withinFollowCaps<F extends FollowEntry>(follows: readonly F[], overall = Infinity): F[] {
  const bySite = new Map<string, F[]>();
  for (const f of follows) {
    const list = bySite.get(f.site);
    if (list) list.push(f);
    else bySite.set(f.site, [f]);
  }
  if ([...bySite.values()].every((list) => list.length <= FOLLOW_CAPS.total) && follows.length <= overall) return [...follows];
  const kept = new Set<FollowEntry>();
  for (const list of bySite.values()) for (const f of listFirst(list, FOLLOW_CAPS.total)) kept.add(f);
  const capped = follows.filter((f) => kept.has(f));
  return capped.length <= overall ? capped : (listFirst(capped, overall) as F[]);
}

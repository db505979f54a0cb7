// Follow state the page's own API revealed goes to the background's follow graph, batched: one
// message per couple of seconds however many responses the page fetched.
import { normalizeHandle } from '../core/handle';
import type { SiteId } from '../sites/registry';
import type { PageFacts } from '../shared/facts';
import { send } from './extension-api';

const FOLLOW_FLUSH_MS = 2_000;
const MAX_PER_MESSAGE = 2_000;
/** Follow states already sent from this page, so a timeline's every response does not resend them. */
const MAX_REMEMBERED = 20_000;

export interface FollowLearner {
  queue(facts: PageFacts): void;
  /** Sends what is queued now (leaving the page, pausing). */
  flush(): void;
}

export function followLearner(site: SiteId, signal: AbortSignal): FollowLearner {
  const follows = new Map<string, { accountId: string; handle: string; following: boolean }>();
  const sent = new Map<string, string>();
  let fromList = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer));

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (follows.size === 0) return;
    const batch = [...follows.values()];
    follows.clear();
    const source = fromList ? 'following-list' : 'page';
    fromList = false;
    for (let i = 0; i < batch.length; i += MAX_PER_MESSAGE) {
      const part = batch.slice(i, i + MAX_PER_MESSAGE);
      // Not saved (the worker restarting, storage refused): forget having sent them, so the page's next sighting sends them again.
      send({ type: 'follows/learn', site, source, follows: part }).catch(() => {
        for (const f of part) if (sent.get(f.accountId) === `${f.following ? 1 : 0}${f.handle}`) sent.delete(f.accountId);
      });
    }
  };

  return {
    queue(f) {
      if (signal.aborted) return;
      for (const a of f.accounts) {
        if (a.followed === undefined) continue;
        const handle = normalizeHandle(a.handle);
        // A Following list is sent whole (its source tells the background it is the list itself).
        const state = `${a.followed ? 1 : 0}${handle}`;
        if (f.followingList !== true && sent.get(a.id) === state) continue;
        sent.delete(a.id);
        sent.set(a.id, state);
        if (sent.size > MAX_REMEMBERED) sent.delete(sent.keys().next().value!);
        follows.set(a.id, { accountId: a.id, handle, following: a.followed });
      }
      fromList ||= f.followingList === true;
      if (follows.size > 0) timer ??= setTimeout(flush, FOLLOW_FLUSH_MS);
    },
    flush,
  };
}

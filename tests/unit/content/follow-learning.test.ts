// Follow states the page's responses reveal reach the background once per page: a timeline repeats
// the same followed accounts in every response, and only a change (or a Following list) is sent again.
import { describe, expect, it, vi } from 'vitest';
import { followLearner } from '../../../src/content/follow-learning';
import type { PageFacts } from '../../../src/shared/facts';
import { fakeBrowser } from './fake-browser';

vi.stubGlobal('browser', fakeBrowser);

const facts = (followed: boolean, followingList?: true): PageFacts => ({
  site: 'x', accounts: [{ id: '1', handle: 'Alice', followed }, { id: '2', handle: 'bob' }], items: [],
  ...(followingList ? { followingList } : {}),
});

describe('followLearner', () => {
  it('sends each follow state once, then only what changed; a Following list always', () => {
    fakeBrowser.sent = [];
    const learner = followLearner('x', new AbortController().signal);
    learner.queue(facts(true));
    learner.flush();
    learner.queue(facts(true));
    learner.flush();
    learner.queue(facts(false));
    learner.flush();
    learner.queue(facts(false, true));
    learner.flush();
    expect(fakeBrowser.sent).toEqual([
      { type: 'follows/learn', site: 'x', source: 'page', follows: [{ accountId: '1', handle: 'alice', following: true }] },
      { type: 'follows/learn', site: 'x', source: 'page', follows: [{ accountId: '1', handle: 'alice', following: false }] },
      { type: 'follows/learn', site: 'x', source: 'following-list', follows: [{ accountId: '1', handle: 'alice', following: false }] },
    ]);
  });
});

// applyFollowDelta must answer follow lookups exactly as compiling the changed follow list from
// scratch would.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import { applyFollowDelta, compileSnapshot } from '../../../src/core/compile';
import type { FollowEntry } from '../../../src/core/lists';
import type { FeedItem } from '../../../src/core/model';
import type { Rule } from '../../../src/core/rules';
import { emptySnapshot } from '../../../src/core/empty-snapshot';

interface FollowRef {
  accountId: string;
  handle: string;
}

const follow = (accountId: string, handle: string, source: FollowEntry['source'] = 'page'): FollowEntry =>
  ({ site: 'x', accountId, handle, learnedAt: 1, source });

/** What learnFollows does to the stored list for one delta. */
function applyToList(list: FollowEntry[], add: FollowRef[], remove: FollowRef[]): FollowEntry[] {
  let out = [...list];
  for (const r of remove) out = out.filter((f) => f.accountId !== r.accountId && !(f.accountId === '' && f.handle === r.handle));
  for (const a of add) {
    out = out.filter((f) => f.accountId !== a.accountId && !(f.accountId === '' && f.handle === a.handle));
    out.push(follow(a.accountId, a.handle));
  }
  return out;
}

const PROBES: [string, string][] = [
  ['1', 'alice'], ['', 'alice'], ['2', 'bob'], ['', 'bob'], ['3', 'carol'], ['', 'carol'],
  ['4', 'dave'], ['', 'dave'], ['9', 'imported'], ['', 'imported'], ['5', 'erin'], ['', 'erin'], ['77', 'bob'],
];

describe('applyFollowDelta', () => {
  it('answers like a fresh compile after a series of deltas', () => {
    let list = [follow('1', 'alice'), follow('2', 'bob'), follow('', 'imported', 'import'), follow('3', 'carol')];
    let rs = compileSnapshot({ ...emptySnapshot(), follows: list });
    const deltas: { add: FollowRef[]; remove: FollowRef[] }[] = [
      { add: [{ accountId: '4', handle: 'dave' }], remove: [{ accountId: '2', handle: 'bob' }] },
      { add: [{ accountId: '9', handle: 'imported' }], remove: [] }, // the import's id is now known
      { add: [{ accountId: '2', handle: 'bob' }], remove: [{ accountId: '4', handle: 'dave' }, { accountId: '9', handle: 'imported' }] },
      { add: [{ accountId: '5', handle: 'erin' }], remove: [{ accountId: '1', handle: 'alice' }] },
    ];
    for (const d of deltas) {
      list = applyToList(list, d.add, d.remove);
      rs = applyFollowDelta(rs, { site: 'x', ...d });
      const fresh = compileSnapshot({ ...emptySnapshot(), follows: list });
      const got = PROBES.map(([id, h]) => rs.follows.has('x', id, h));
      const want = PROBES.map(([id, h]) => fresh.follows.has('x', id, h));
      expect(got).toEqual(want);
    }
  });

  it('changes verdicts of the accounts it names only, and keeps rules and other sites as they were', () => {
    const notFollowed: Rule = {
      id: 'nf', name: 'Strangers', enabled: true, sites: [],
      when: { type: 'not', of: { type: 'followed', value: true } }, then: { class: 'interruption', action: 'collapse' },
    };
    const base = compileSnapshot({ ...emptySnapshot(), rules: [notFollowed], follows: [follow('1', 'alice')] });
    const item = (id: string, handle: string): FeedItem => ({
      site: 'x', id: `p${id}`, permalink: '', kind: 'reply', context: 'home', text: '', linkDomains: [], inOwnThread: false, promoted: false,
      author: { id, handle, displayName: handle, followed: 'unknown', followsYou: 'unknown', verified: 'none', bot: false, accountAgeDays: null, orgProfile: false },
    });
    expect(classify(item('2', 'bob'), base).action).toBe('collapse');
    const next = applyFollowDelta(base, { site: 'x', add: [{ accountId: '2', handle: 'bob' }], remove: [] });
    expect(classify(item('2', 'bob'), next).action).toBe('show');
    expect(classify(item('1', 'alice'), next).action).toBe('show');
    expect(classify(item('3', 'carol'), next).action).toBe('collapse');
    expect(next.rules).toBe(base.rules);
    expect(next.follows.has('bsky', '2', 'bob')).toBe(false);
  });
});

// The one snapshot channel: the cache is written before anything is pushed, bursts share a run,
// a whole snapshot supersedes the deltas of its run, and deltas reach each tab oldest first.
import { afterEach, describe, expect, it } from 'vitest';
import { createPublisher } from '../../../src/background/publish';
import { SNAPSHOT_KEY } from '../../../src/core/snapshot';
import type { Snapshot } from '../../../src/core/snapshot';
import { addAllow, removeAllow } from '../../../src/db/allowlist';
import { learnFollowsDelta } from '../../../src/db/follows';
import { setBrandOverride } from '../../../src/db/overrides';
import { currentRevision } from '../../../src/db/revision';
import { saveRule } from '../../../src/db/rules';
import type { FollowDelta, Message } from '../../../src/shared/messages';
import { FakeArea, FakeTabs, dropAll, freshDb, rule } from '../db/helpers';

afterEach(dropAll);

function setup() {
  const db = freshDb();
  const local = new FakeArea();
  const tabs = new FakeTabs([{ id: 1 }, { id: 2 }]);
  // What the cache held when each message went out.
  const cachedAtSend: number[] = [];
  const send = tabs.sendMessage.bind(tabs);
  tabs.sendMessage = async (id: number, m: Message) => {
    cachedAtSend.push((local.data.get(SNAPSHOT_KEY) as Snapshot | undefined)?.revision ?? -1);
    return send(id, m);
  };
  const publish = createPublisher({ db, local, tabs, contentMatches: ['https://x.com/*'] });
  return { db, local, tabs, publish, cachedAtSend };
}

const kinds = (sent: { tabId: number; message: Message }[], tabId: number) =>
  sent.filter((s) => s.tabId === tabId).map((s) => (s.message.type === 'follows/changed' ? `delta ${s.message.delta.base}` : s.message.type));

async function learn(db: ReturnType<typeof freshDb>, id: string): Promise<FollowDelta> {
  const l = await learnFollowsDelta(db, 'x', [{ accountId: id, handle: `h${id}`, following: true }], 'page', 1);
  return { site: 'x', base: l.base, revision: l.revision, add: l.added, remove: l.removed };
}

describe('createPublisher', () => {
  it('writes the cache before pushing a delta, and pushes only the delta', async () => {
    const { db, local, tabs, publish, cachedAtSend } = setup();
    const d = await learn(db, '7');
    const s = await publish.delta(d);
    expect(s.revision).toBe(d.revision);
    expect((local.data.get(SNAPSHOT_KEY) as Snapshot).follows.map((f) => f.accountId)).toEqual(['7']);
    expect(tabs.sent.map((x) => x.message)).toEqual([{ type: 'follows/changed', delta: d }, { type: 'follows/changed', delta: d }]);
    expect(cachedAtSend).toEqual([d.revision, d.revision]);
  });

  it('deltas that arrive during a run share the next one and go out oldest first', async () => {
    const { db, tabs, publish } = setup();
    const d1 = await learn(db, '1');
    const d2 = await learn(db, '2');
    const d3 = await learn(db, '3');
    const first = publish.delta(d1);
    const later = [publish.delta(d3), publish.delta(d2)]; // while the first run is under way, out of order
    await Promise.all([first, ...later]);
    expect(kinds(tabs.sent, 1)).toEqual([`delta ${d1.base}`, `delta ${d2.base}`, `delta ${d3.base}`]);
    expect((await later[0])!.revision).toBe(await currentRevision(db));
  });

  it('a whole snapshot in the same run supersedes its deltas', async () => {
    const { db, tabs, publish } = setup();
    const d = await learn(db, '1');
    await saveRule(db, rule('r'));
    const running = publish.full();
    const [, a, b] = await Promise.all([running, publish.delta(d), publish.full()]);
    expect(a).toBe(b);
    expect(kinds(tabs.sent, 1)).toEqual(['snapshot/changed', 'snapshot/changed']);
    const last = tabs.sent.at(-1)!.message as Extract<Message, { type: 'snapshot/changed' }>;
    expect(last.snapshot.follows.map((f) => f.accountId)).toEqual(['1']);
    expect(last.snapshot.rules.map((r) => r.id)).toEqual(['r']);
  });
});

describe('lists deltas', () => {
  it('a change to the account lists alone goes out as their difference; a rule change as the whole snapshot', async () => {
    const { db, local, tabs, publish } = setup();
    await publish.full(); // tabs and cache at the current revision
    const base = await currentRevision(db);
    await addAllow(db, { site: 'x', accountId: '2001', handle: 'AcmeCorp', displayName: 'Acme' });
    await setBrandOverride(db, { site: 'x', accountId: '3', handle: 'pat' }, 'not-brand');
    tabs.sent.length = 0;
    const s = await publish.full();
    expect(tabs.sent.map((x) => x.message.type)).toEqual(['lists/changed', 'lists/changed']);
    const m = tabs.sent[0]!.message as Extract<Message, { type: 'lists/changed' }>;
    expect(m.delta.base).toBe(base);
    expect(m.delta.revision).toBe(s.revision);
    expect(m.delta.lists.allowlist).toEqual({ add: [{ site: 'x', accountId: '2001', handle: 'acmecorp' }], remove: [] });
    expect(m.delta.lists.overrides.add).toEqual([{ site: 'x', accountId: '3', handle: 'pat', brand: 'not-brand' }]);
    expect(m.delta.lists.follows).toEqual({ add: [], remove: [] });
    expect((local.data.get(SNAPSHOT_KEY) as Snapshot).revision).toBe(s.revision);

    await removeAllow(db, { site: 'x', accountId: '2001', handle: 'acmecorp' });
    tabs.sent.length = 0;
    await publish.full();
    expect((tabs.sent[0]!.message as Extract<Message, { type: 'lists/changed' }>).delta.lists.allowlist.remove).toEqual([{ site: 'x', accountId: '2001', handle: 'acmecorp' }]);

    await saveRule(db, rule('r'));
    tabs.sent.length = 0;
    await publish.full();
    expect(tabs.sent.map((x) => x.message.type)).toEqual(['snapshot/changed', 'snapshot/changed']);
  });
});

describe('learnFollowsDelta', () => {
  it('names the accounts that changed and the revisions between which they did', async () => {
    const db = freshDb();
    const first = await learnFollowsDelta(db, 'x', [
      { accountId: '1', handle: 'Alice', following: true },
      { accountId: '2', handle: 'bob', following: false }, // never followed: no change
    ], 'page', 1);
    expect(first).toEqual({ changed: 1, added: [{ accountId: '1', handle: 'alice' }], removed: [], base: 0, revision: 1 });
    const again = await learnFollowsDelta(db, 'x', [{ accountId: '1', handle: 'alice', following: true }], 'page', 2);
    expect(again).toEqual({ changed: 0, added: [], removed: [], base: 1, revision: 1 });
    const gone = await learnFollowsDelta(db, 'x', [{ accountId: '1', handle: 'alice', following: false }], 'page', 3);
    expect(gone).toEqual({ changed: 1, added: [], removed: [{ accountId: '1', handle: 'alice' }], base: 1, revision: 2 });
  });
});

// Snapshots and follow deltas ordered by revision: a delta applies only to its base revision; a tab
// anywhere else fetches the whole snapshot, once, and keeps what arrived meanwhile.
import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { type Snapshot } from '../../../src/core/snapshot';
import { SnapshotChannel } from '../../../src/content/snapshot-channel';
import type { FollowDelta } from '../../../src/shared/messages';

const snap = (revision: number, follows: string[] = []): Snapshot => ({
  ...emptySnapshot(), revision,
  follows: follows.map((id) => ({ site: 'x', accountId: id, handle: `h${id}`, learnedAt: 1, source: 'page' })),
});
const delta = (base: number, add: string[], revision = base + 1): FollowDelta =>
  ({ site: 'x', base, revision, add: add.map((id) => ({ accountId: id, handle: `h${id}` })), remove: [] });

function setup(server: () => Snapshot | null = () => null) {
  const events: string[] = [];
  let fetches = 0;
  const channel = new SnapshotChannel({
    snapshot: (_rs, s) => events.push(`snapshot ${s.revision}`),
    delta: (_rs, d) => events.push(`delta ${d.base}->${d.revision}`),
  }, async () => {
    fetches++;
    return server();
  });
  const follows = (id: string) => channel.ruleset?.follows.has('x', id, `h${id}`) === true;
  return { channel, events, follows, fetches: () => fetches };
}

describe('SnapshotChannel', () => {
  it('drops stale snapshots and applies deltas made from its revision', () => {
    const t = setup();
    expect(t.channel.snapshot(snap(5))).toBe(true);
    expect(t.channel.snapshot(snap(5))).toBe(false);
    expect(t.channel.snapshot(snap(4))).toBe(false);
    expect(t.channel.delta(delta(5, ['7']))).toBe(true);
    expect(t.follows('7')).toBe(true);
    expect(t.channel.revision).toBe(6);
    expect(t.channel.delta(delta(5, ['8']))).toBe(true); // already past it
    expect(t.follows('8')).toBe(false);
    expect(t.events).toEqual(['snapshot 5', 'delta 5->6']);
    expect(t.fetches()).toBe(0);
  });

  it('a tab that missed a delta fetches the whole snapshot instead of diverging', async () => {
    const t = setup(() => snap(8, ['7', '8']));
    t.channel.snapshot(snap(5));
    expect(t.channel.delta(delta(6, ['8']))).toBe(false); // 5 → 6 never arrived
    expect(t.channel.delta(delta(8, ['9']))).toBe(false); // arrives while fetching: kept
    await t.channel.resync();
    expect(t.fetches()).toBe(1);
    expect(t.channel.revision).toBe(9);
    expect(['7', '8', '9'].map(t.follows)).toEqual([true, true, true]);
    expect(t.events).toEqual(['snapshot 5', 'snapshot 8', 'delta 8->9']);
  });

  it('keeps deltas that arrive before the first snapshot for when it lands', () => {
    const t = setup();
    t.channel.delta(delta(4, ['7']));
    t.channel.delta(delta(3, ['6']));
    t.channel.snapshot(snap(3));
    expect(t.channel.revision).toBe(5);
    expect(['6', '7'].map(t.follows)).toEqual([true, true]);
  });

  it('gives up quietly when the background cannot be reached', async () => {
    const t = setup(() => null);
    t.channel.snapshot(snap(5));
    t.channel.delta(delta(6, ['8']));
    await t.channel.resync();
    expect(t.channel.revision).toBe(5);
    expect(t.fetches()).toBe(1);
  });
});

// The content script's side of the one snapshot channel (background messages, see
// src/background/publish.ts): whole snapshots and follow deltas, ordered by data revision. A delta
// applies only to the revision it was made from; a tab anywhere else fetches the whole snapshot, so
// a missed message costs one fetch and never leaves the tab behind for good.
import { compileSnapshot, type CompileOptions, type CompiledRuleset } from '../core/compile';
import type { Snapshot } from '../core/snapshot';
import type { FollowDelta } from '../shared/messages';
import { applyFollowDelta } from '../core/compile';

export interface ChannelEvents {
  /** A whole snapshot replaced the ruleset. */
  snapshot(rs: CompiledRuleset, snapshot: Snapshot): void;
  /** A follow delta changed the ruleset for these accounts only. */
  delta(rs: CompiledRuleset, delta: FollowDelta): void;
}

/** Deltas that arrive before the first snapshot wait, up to this many (more: fetch the snapshot). */
const MAX_BUFFERED = 20;

export class SnapshotChannel {
  revision = -1;
  ruleset: CompiledRuleset | null = null;
  private buffered: FollowDelta[] = [];
  private fetching: Promise<void> | null = null;

  constructor(
    private readonly events: ChannelEvents,
    private readonly fetchSnapshot: () => Promise<Snapshot | null>,
    private readonly compileOptions: CompileOptions = {},
  ) {}

  /** Applies a snapshot newer than what the tab has; returns whether it did. */
  snapshot(s: Snapshot): boolean {
    if (s.revision <= this.revision) return false;
    this.revision = s.revision;
    this.ruleset = compileSnapshot(s, this.compileOptions);
    this.events.snapshot(this.ruleset, s);
    if (this.fetching === null) this.drain();
    return true;
  }

  /** Returns whether the tab is now at (or past) the delta's revision without a fetch. */
  delta(d: FollowDelta): boolean {
    // Before the first snapshot, or while fetching one: keep it for when that lands.
    if (this.ruleset === null || this.fetching !== null) {
      if (this.buffered.length < MAX_BUFFERED) this.buffered.push(d);
      return false;
    }
    if (d.revision <= this.revision) return true;
    if (d.base !== this.revision) {
      this.resync();
      return false;
    }
    this.revision = d.revision;
    this.ruleset = applyFollowDelta(this.ruleset, d);
    this.events.delta(this.ruleset, d);
    return true;
  }

  /** Fetches the whole snapshot (one fetch at a time). */
  resync(): Promise<void> {
    this.fetching ??= this.fetchSnapshot()
      .then((s) => {
        if (s) this.snapshot(s);
        // Background unreachable: drop what waited (the next change tries again) rather than loop.
        else this.buffered = [];
      })
      .finally(() => {
        this.fetching = null;
        this.drain();
      });
    return this.fetching;
  }

  private drain(): void {
    if (this.ruleset === null) return;
    const waiting = this.buffered.sort((a, b) => a.base - b.base);
    this.buffered = [];
    for (const d of waiting) this.delta(d);
  }
}

// The content script's side of the one snapshot channel (background messages, see
// src/background/publish.ts): whole snapshots, follow deltas and lists deltas, ordered by data
// revision. A delta
// applies only to the revision it was made from; a tab anywhere else fetches the whole snapshot, so
// a missed message costs one fetch and never leaves the tab behind for good. A snapshot with regex
// rules waits for the regex engine to load (the ruleset before it stays in force meanwhile).
import { applyFollowDelta, compileSnapshot, snapshotUsesRegex, type CompileOptions, type CompiledRuleset } from '../core/compile';
import { normalizeHandle } from '../core/handle';
import { applyListsDelta, deltaAccounts, type ListsDelta } from '../core/lists-delta';
import type { Snapshot } from '../core/snapshot';
import type { FollowDelta } from '../shared/messages';
import type { RegexSource } from './regex-loader';

export interface ChannelEvents {
  /** A whole snapshot replaced the ruleset. */
  snapshot(rs: CompiledRuleset, snapshot: Snapshot): void;
  /** A delta changed the ruleset for these accounts only (ids, and normalised handles). */
  delta(rs: CompiledRuleset, changed: ChangedAccounts): void;
}

export interface ChangedAccounts {
  /** The revision the delta was made from, and the one it brought the tab to. */
  base: number;
  revision: number;
  /** Set when every account is on one site (a follow delta); a lists delta may span sites. */
  site?: string;
  ids: Set<string>;
  handles: Set<string>;
}

/** Either kind of delta, reduced to what the channel needs. */
interface Delta {
  base: number;
  revision: number;
  apply(rs: CompiledRuleset): CompiledRuleset;
  changed(): ChangedAccounts;
}

function followsDelta(d: FollowDelta): Delta {
  return {
    base: d.base,
    revision: d.revision,
    apply: (rs) => applyFollowDelta(rs, d),
    changed() {
      const ids = new Set<string>();
      const handles = new Set<string>();
      for (const f of [...d.add, ...d.remove]) {
        ids.add(f.accountId);
        if (f.handle) handles.add(normalizeHandle(f.handle));
      }
      return { base: d.base, revision: d.revision, site: d.site, ids, handles };
    },
  };
}

function listsChange(d: ListsDelta): Delta {
  return { base: d.base, revision: d.revision, apply: (rs) => applyListsDelta(rs, d), changed: () => ({ base: d.base, revision: d.revision, ...deltaAccounts(d) }) };
}

/** Deltas that arrive before the first snapshot wait, up to this many (more: fetch the snapshot). */
const MAX_BUFFERED = 20;

export class SnapshotChannel {
  revision = -1;
  ruleset: CompiledRuleset | null = null;
  private buffered: Delta[] = [];
  private fetching: Promise<void> | null = null;
  /** The newest snapshot waiting for the regex engine. */
  private waiting: Snapshot | null = null;

  constructor(
    private readonly events: ChannelEvents,
    private readonly fetchSnapshot: () => Promise<Snapshot | null>,
    private readonly compileOptions: Omit<CompileOptions, 'regex'> = {},
    private readonly regex: RegexSource | null = null,
  ) {}

  /** Takes a snapshot newer than what the tab has; returns whether it did (it may wait for the regex engine). */
  snapshot(s: Snapshot): boolean {
    if (s.revision <= Math.max(this.revision, this.waiting?.revision ?? -1)) return false;
    if (snapshotUsesRegex(s) && this.regex?.current() == null) {
      this.awaitEngine(s);
      return true;
    }
    this.waiting = null;
    return this.apply(s);
  }

  private apply(s: Snapshot): boolean {
    let rs: CompiledRuleset;
    try {
      rs = compileSnapshot(s, { ...this.compileOptions, ...(this.regex?.current() ? { regex: this.regex.current()! } : {}) });
    } catch (e) {
      // Built by this extension's background, so a bug or a version mismatch: keep the rules in force.
      console.error(`doorman: snapshot revision ${s.revision} could not be compiled; the previous rules stay:`, e);
      return false;
    }
    this.revision = s.revision;
    this.ruleset = rs;
    this.events.snapshot(rs, s);
    if (this.fetching === null && this.waiting === null) this.drain();
    return true;
  }

  private awaitEngine(s: Snapshot): void {
    const loading = this.waiting !== null;
    this.waiting = s;
    if (loading || this.regex === null) return;
    void this.regex.load().then((engine) => {
      const next = this.waiting;
      this.waiting = null;
      if (next === null) return;
      if (engine !== null) {
        this.apply(next);
        return;
      }
      // Never leave the page waiting: the regex rules sit out (as if the user had not written them)
      // until a later snapshot tries the engine again.
      console.error('doorman: the regex engine could not be loaded; regex rules are off on this page for now');
      this.apply({ ...next, rules: next.rules.filter((r) => !snapshotUsesRegex({ rules: [r] })) });
    });
  }

  /** Returns whether the tab is now at (or past) the follow delta's revision without a fetch. */
  delta(d: FollowDelta): boolean {
    return this.take(followsDelta(d));
  }

  /** Returns whether the tab is now at (or past) the lists delta's revision without a fetch. */
  lists(d: ListsDelta): boolean {
    return this.take(listsChange(d));
  }

  private take(d: Delta): boolean {
    // Before the first snapshot, or while fetching one: keep it for when that lands.
    if (this.ruleset === null || this.fetching !== null || this.waiting !== null) {
      if (this.buffered.length < MAX_BUFFERED) this.buffered.push(d);
      return false;
    }
    if (d.revision <= this.revision) return true;
    if (d.base !== this.revision) {
      this.resync();
      return false;
    }
    this.revision = d.revision;
    this.ruleset = d.apply(this.ruleset);
    this.events.delta(this.ruleset, d.changed());
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
    for (const d of waiting) this.take(d);
  }
}

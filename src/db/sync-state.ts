// This device's sync state, kept in storage.local (not synced, not in IndexedDB: it is about this
// profile's copy, not the user's data): whether sync is on, what was last sent or taken per part,
// how full the area is, and the last problem (a problem code and its arguments, core/problem.ts;
// states written before problems were data hold an English sentence instead). The background's sync engine
// (background/sync.ts) writes it; the options page reads it and flips `enabled`.
import type { Problem } from '../core/problem';
import type { Stamp } from './sync-chunks';
import type { SyncPart } from './sync-document';

export const SYNC_STATE_KEY = 'doorman:sync';

export type SyncProblemKind = 'too-big' | 'quota' | 'data' | 'error';

/** The last problem: `detail` says it (worded by the options page); `message` is the sentence older versions stored. */
export interface SyncProblem {
  kind: SyncProblemKind;
  detail?: Problem;
  message?: string;
  at: number;
}

export interface SyncState {
  enabled: boolean;
  /** This profile's random id (ties between writes made in the same millisecond). */
  profile: string;
  /** Per part: the write this device last sent or took, by stamp and checksum. */
  parts: Partial<Record<SyncPart, Stamp & { h: string }>>;
  /** When the last sync finished without a problem. */
  lastSyncAt?: number;
  /** What the area held after it, counted as the browser counts. */
  usage?: { bytes: number; items: number };
  problem?: SyncProblem;
}

/** The stored state, with defaults for a device that never synced (sync on). */
export function readSyncState(v: unknown, newId: () => string): SyncState {
  const s = (typeof v === 'object' && v !== null ? v : {}) as Partial<SyncState>;
  return {
    enabled: s.enabled !== false,
    profile: typeof s.profile === 'string' && s.profile !== '' ? s.profile : newId(),
    parts: typeof s.parts === 'object' && s.parts !== null ? s.parts : {},
    ...(typeof s.lastSyncAt === 'number' ? { lastSyncAt: s.lastSyncAt } : {}),
    ...(typeof s.usage === 'object' && s.usage !== null ? { usage: s.usage } : {}),
    ...(typeof s.problem === 'object' && s.problem !== null ? { problem: s.problem } : {}),
  };
}

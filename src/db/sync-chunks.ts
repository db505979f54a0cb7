// How a synced part is laid out in storage.sync, within the area's quotas: a header item per part
// (`ds:<part>`: who wrote it, when, how many chunks, a checksum) and its JSON cut into chunk items
// (`ds:<part>:<i>`) of at most QUOTA_BYTES_PER_ITEM each (key + JSON of the value, in UTF-8 bytes,
// which is how browsers count). A reader that meets chunks from two different writes (another
// device's write arriving item by item) sees the checksum fail and waits for the rest.
import type { SyncPart } from './sync-document';

/** storage.sync's limits (the same in Chromium and Firefox). */
export const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 } as const;

export const HEADER_PREFIX = 'ds:';
export const headerKey = (part: SyncPart): string => `${HEADER_PREFIX}${part}`;
export const chunkKey = (part: SyncPart, i: number): string => `${HEADER_PREFIX}${part}:${i}`;

/** Who wrote a part and when: the conflict rule compares these (newest `at` wins, ties by `by`). */
export interface Stamp {
  /** When the part was written, ms since epoch. */
  at: number;
  /** The writing profile's random id. */
  by: string;
}

export interface PartHeader extends Stamp {
  /** Layout version. */
  v: 1;
  /** How many chunk items follow. */
  n: number;
  /** Checksum of the whole JSON (checksum()). */
  h: string;
}

const encoder = new TextEncoder();
export const utf8Bytes = (s: string): number => encoder.encode(s).length;

/** What one item costs against the quotas: its key plus the JSON of its value. */
export const itemBytes = (key: string, value: unknown): number => utf8Bytes(key) + utf8Bytes(JSON.stringify(value));

/** FNV-1a over the UTF-16 units, as 8 hex digits: enough to notice a torn write, not a security check. */
export function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Newer first: `a` beats `b` when written later, or at the same time by a greater profile id. */
export const newer = (a: Stamp, b: Stamp | undefined): boolean => b === undefined || a.at > b.at || (a.at === b.at && a.by > b.by);

const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]);

/** UTF-8 bytes of one code point once JSON.stringify has escaped it (inside a string's quotes). */
export function escapedBytes(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (SHORT_ESCAPES.has(c)) return 2;
  if (c < 0x20) return 6;
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  // A lone surrogate is written as \uXXXX.
  if (c >= 0xd800 && c <= 0xdfff) return 6;
  return c < 0x10000 ? 3 : 4;
}

/**
 * Cuts `json` into strings each of whose item (key + JSON string, quotes and escapes included) fits
 * in `limit` bytes. Cuts fall between code points, never inside a surrogate pair.
 */
export function cutJson(part: SyncPart, json: string, limit: number = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM): string[] {
  const chunks: string[] = [];
  let current = '';
  // Room for the key (the longest index this part could need is far below 6 digits) and the quotes.
  const room = limit - utf8Bytes(chunkKey(part, 99_999)) - 2;
  let used = 0;
  for (const ch of json) {
    const cost = escapedBytes(ch);
    if (used + cost > room) {
      chunks.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += cost;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The items that hold one part: its header and its chunks. */
export function partItems(part: SyncPart, json: string, stamp: Stamp): Record<string, unknown> {
  const chunks = cutJson(part, json);
  const header: PartHeader = { v: 1, at: stamp.at, by: stamp.by, n: chunks.length, h: checksum(json) };
  const items: Record<string, unknown> = { [headerKey(part)]: header };
  chunks.forEach((c, i) => {
    items[chunkKey(part, i)] = c;
  });
  return items;
}

export function readHeader(v: unknown): PartHeader | null {
  if (typeof v !== 'object' || v === null) return null;
  const h = v as Partial<PartHeader>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (h.v !== 1 || !count(h.at) || !count(h.n) || typeof h.by !== 'string' || typeof h.h !== 'string') return null;
  return h as PartHeader;
}

/** The part's JSON from a full read of the area; null when absent, torn or damaged. */
export function joinPart(part: SyncPart, all: Record<string, unknown>): { header: PartHeader; json: string } | null {
  const header = readHeader(all[headerKey(part)]);
  if (!header) return null;
  let json = '';
  for (let i = 0; i < header.n; i++) {
    const c = all[chunkKey(part, i)];
    if (typeof c !== 'string') return null;
    json += c;
  }
  return checksum(json) === header.h ? { header, json } : null;
}

/** Chunk keys of a part beyond its first `n` (left from an earlier, longer write). */
export function staleChunkKeys(part: SyncPart, n: number, all: Record<string, unknown>): string[] {
  const prefix = `${headerKey(part)}:`;
  return Object.keys(all).filter((k) => k.startsWith(prefix) && Number(k.slice(prefix.length)) >= n);
}

/** What the area would hold: bytes and items, counted as the browser counts them. */
export function usage(all: Record<string, unknown>): { bytes: number; items: number } {
  let bytes = 0;
  let items = 0;
  for (const [k, v] of Object.entries(all)) {
    bytes += itemBytes(k, v);
    items++;
  }
  return { bytes, items };
}

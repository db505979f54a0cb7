// The few value tests the hand-written checks share (page facts, content-script messages, the
// snapshot envelope): plain functions, so the content script needs no schema library for them.

export type Obj = Record<string, unknown>;

/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string of min..max characters. */
export const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

/** A non-negative integer (revisions, counts). */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

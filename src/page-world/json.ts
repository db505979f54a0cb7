// Readers for untrusted parsed JSON: each returns the value only when it has the expected type.
// Shared by every site's page-world reader; no imports, so they stay tiny in the page's world.

export type Json = Record<string, unknown>;

export const rec = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

export const clip = (s: string, max: number): string => (s.length > max ? s.slice(0, max) : s);

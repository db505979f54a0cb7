// The one spelling of a handle that lists, keys and comparisons use: what a user types ("  @Acme "),
// what a URL path holds ("Acme") and what an API returns ("acme") all become "acme".

/** Strips surrounding whitespace and one leading '@', and lower-cases. */
export function normalizeHandle(raw: string): string {
  return raw.trim().replace(/^@/, '').toLowerCase();
}

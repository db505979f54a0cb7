// The one spelling of a handle that lists, keys and comparisons use: what a user types ("  @Acme "),
// what a URL path holds ("Acme") and what an API returns ("acme") all become "acme".

/**
 * KELVIN SIGN: the one character outside ASCII that lower-cases into it ("K" → "k"), so lower-casing
 * would turn the lookalike "Kelvin" (U+212A) into the real "kelvin". It keeps its own spelling.
 */
const KELVIN = '\u212A';

/** Strips surrounding whitespace and one leading '@', and lower-cases (never into a lookalike's target). */
export function normalizeHandle(raw: string): string {
  const bare = raw.trim().replace(/^@/, '');
  return bare.includes(KELVIN) ? bare.split(KELVIN).map((part) => part.toLowerCase()).join(KELVIN) : bare.toLowerCase();
}

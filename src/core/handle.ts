// One way to turn what a person or a page wrote ("@Acme ", "acme") into the handle Doorman compares.
// Handles are compared lower-case; display names are never compared at all.

/** Strips surrounding whitespace and one leading "@", and lower-cases. */
export function normalizeHandle(raw: string): string {
  const trimmed = raw.trim();
  return (trimmed.startsWith('@') ? trimmed.slice(1) : trimmed).toLowerCase();
}

// Streamed response bodies for the page-reading tests: served in fixed-size pulls, counting what the
// source gave out, so a test can tell how far a reader read.

export const CHUNK = 64 * 1024;

/** A body with no length (like a chunked response); `pulled` counts the bytes the source gave out. */
export function streamed(text: string, chunk = CHUNK): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return { stream, pulled: () => Math.min(at, bytes.length) };
}

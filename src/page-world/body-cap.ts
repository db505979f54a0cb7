// The size cap on the responses the page-world reader reads, and the two ways it is applied before
// anything is parsed: a declared Content-Length over the cap skips the response outright, and a fetch
// body is read from a clone by a streamed reader that counts the bytes and cancels at the cap.
//
// Why 2 MiB: X's real API responses are a few hundred KB (the captured TweetDetail of a long thread,
// tests/fixtures/x/x-api-tweetdetail.json, is 415 KB; a HomeTimeline page of 20 posts is smaller),
// so the cap leaves about five times the largest real response, and reading a body at the cap costs a
// few milliseconds. Past it, reading would cost the page work that grows with the response (probed
// with the earlier 8 Mi-character cap: a 7.8 MB response cost 3.7 s of main thread with Doorman, 1.5 s
// without) for facts the content script can do without (it decides from the page's markup when a
// response's facts are missing). The same figure bounds characters of text (XHR responseText, decoded fetch bodies): UTF-8
// takes at least one byte per character, so a body under the byte cap is under the character cap too.
//
// Content-Length is the encoded length (a gzip body is smaller than its text), so a length under the
// cap proves nothing: a fetch body is always counted as it is decoded.

/** Bodies larger than this (bytes, or characters once decoded) are skipped, and never parsed. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** True when a Content-Length header value declares more than `cap` bytes; absent or odd values are not. */
export function declaresOver(contentLength: unknown, cap: number): boolean {
  if (typeof contentLength !== 'string' || contentLength === '') return false;
  const n = Number(contentLength);
  return Number.isFinite(n) && n > cap;
}

/**
 * Content types worth reading: JSON, text, or none said. Anything else (images, video, octet streams)
 * cannot be API JSON and is not read at all.
 */
export function textualType(contentType: unknown): boolean {
  if (typeof contentType !== 'string' || contentType === '') return true;
  const t = contentType.toLowerCase();
  return t.includes('json') || t.startsWith('text/');
}

const noop = (): void => undefined;

/** The first byte of a JSON object or array; the reader reads nothing else (see hooks.ts, deliverText). */
const opensJson = (b: number | undefined): boolean => b === 0x7b /* { */ || b === 0x5b /* [ */;

export interface CappedRead {
  /** Bytes taken from the stream so far (at most the cap plus the chunk that crossed it). */
  readonly bytes: number;
  /** How the read ended, once it has: the whole text delivered, or why it stopped. */
  readonly outcome: 'reading' | 'done' | 'over-cap' | 'not-json' | 'failed';
}

/**
 * Reads `body` (Doorman's own clone: the page's body is its other branch, which this never touches)
 * chunk by chunk, decoding as it goes, and calls `done` with the whole text only if it stays within
 * `cap` bytes and starts like JSON. Over the cap, on a first byte that is not `{` or `[`, on a chunk
 * that is not bytes, or on any error (an aborted request, a reset connection) it cancels its branch
 * and stops: the page's own reading goes on as if nothing had happened. Never throws, never rejects.
 */
export function readCapped(body: ReadableStream<Uint8Array>, cap: number, Decoder: typeof TextDecoder, done: (text: string) => void): CappedRead {
  const state: { bytes: number; outcome: CappedRead['outcome'] } = { bytes: 0, outcome: 'reading' };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    state.outcome = 'failed';
    return state;
  }
  const decoder = new Decoder('utf-8');
  const parts: string[] = [];
  let first = true;
  const stop = (why: CappedRead['outcome']): void => {
    state.outcome = why;
    parts.length = 0;
    try {
      reader.cancel().then(noop, noop);
    } catch {
      // Already released or errored: nothing left to stop.
    }
  };
  const step = (r: ReadableStreamReadResult<Uint8Array>): void => {
    try {
      if (r.done) {
        parts.push(decoder.decode());
        state.outcome = 'done';
        done(parts.join(''));
        return;
      }
      const chunk: unknown = r.value;
      if (!(chunk instanceof Uint8Array)) return stop('failed');
      state.bytes += chunk.byteLength;
      if (state.bytes > cap) return stop('over-cap');
      if (first && chunk.byteLength > 0) {
        first = false;
        if (!opensJson(chunk[0])) return stop('not-json');
      }
      parts.push(decoder.decode(chunk, { stream: true }));
      reader.read().then(step, () => stop('failed'));
    } catch {
      if (state.outcome === 'reading') stop('failed');
    }
  };
  try {
    reader.read().then(step, () => stop('failed'));
  } catch {
    stop('failed');
  }
  return state;
}

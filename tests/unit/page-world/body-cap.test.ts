// The size cap's pieces on their own: the Content-Length and content-type tests, and the streamed
// reader that counts a body's bytes, stops at the cap and never throws or rejects.
import { describe, expect, it } from 'vitest';
import { declaresOver, MAX_BODY_BYTES, readCapped, textualType, type CappedRead } from '../../../src/page-world/body-cap';
import { CHUNK, streamed } from './streams';

const enc = new TextEncoder();

/** A body of `total` bytes of `{"pad":"xxx…"}` served in CHUNK-sized pulls. */
const source = (total: number, chunk = CHUNK) => streamed(`{"pad":"${'x'.repeat(Math.max(0, total - 10))}"}`, chunk);

const settle = async (read: CappedRead) => {
  for (let i = 0; i < 10_000 && read.outcome === 'reading'; i++) await new Promise((r) => setTimeout(r, 0));
  return read;
};

describe('declaresOver', () => {
  it('is true only for a Content-Length over the cap', () => {
    expect(declaresOver(String(MAX_BODY_BYTES + 1), MAX_BODY_BYTES)).toBe(true);
    expect(declaresOver(String(MAX_BODY_BYTES), MAX_BODY_BYTES)).toBe(false);
    for (const odd of [null, undefined, '', 'lots', '-5', 12_345_678_901]) expect(declaresOver(odd, MAX_BODY_BYTES)).toBe(false);
  });
});

describe('textualType', () => {
  it('reads JSON, text or unsaid types, and nothing else', () => {
    for (const t of ['application/json; charset=utf-8', 'application/problem+json', 'text/plain', 'TEXT/JAVASCRIPT', '', null]) expect(textualType(t)).toBe(true);
    for (const t of ['image/png', 'video/mp4', 'application/octet-stream', 'font/woff2']) expect(textualType(t)).toBe(false);
  });
});

describe('readCapped', () => {
  it('stops at the cap: it reads at most the cap plus the chunk that crossed it, and delivers nothing', async () => {
    const { stream, pulled } = source(MAX_BODY_BYTES * 3);
    const got: string[] = [];
    const read = await settle(readCapped(stream, MAX_BODY_BYTES, TextDecoder, (t) => got.push(t)));
    expect(read.outcome).toBe('over-cap');
    expect(read.bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(read.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + CHUNK);
    // The stream itself queues one chunk ahead of the reader; after the cancel the source gives nothing more.
    expect(pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
    expect(got).toEqual([]);
  });

  it('delivers a body within the cap whole, decoding characters split across chunks', async () => {
    const text = JSON.stringify({ name: 'Zoë 😀 ünïcödé', list: Array.from({ length: 500 }, (_, i) => `é${i}😀`) });
    const bytes = enc.encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7)); // cuts through multi-byte characters
        c.close();
      },
    });
    const got: string[] = [];
    const read = await settle(readCapped(stream, MAX_BODY_BYTES, TextDecoder, (t) => got.push(t)));
    expect(read.outcome).toBe('done');
    expect(read.bytes).toBe(bytes.length);
    expect(got).toEqual([text]);
  });

  it('a body at exactly the cap is read', async () => {
    const { stream } = source(MAX_BODY_BYTES);
    const got: string[] = [];
    const read = await settle(readCapped(stream, MAX_BODY_BYTES, TextDecoder, (t) => got.push(t)));
    expect(read.outcome).toBe('done');
    expect(got[0]).toHaveLength(MAX_BODY_BYTES);
  });

  it('stops after the first chunk of a body that does not open like JSON (binary, HTML)', async () => {
    for (const first of [new Uint8Array([0x89, 0x50, 0x4e, 0x47]), enc.encode('<!doctype html>')]) {
      let pulls = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          pulls++;
          c.enqueue(pulls === 1 ? first : new Uint8Array(CHUNK));
        },
      });
      const got: string[] = [];
      const read = await settle(readCapped(stream, MAX_BODY_BYTES, TextDecoder, (t) => got.push(t)));
      expect(read.outcome).toBe('not-json');
      expect(read.bytes).toBe(first.byteLength);
      expect(pulls).toBeLessThanOrEqual(2);
      expect(got).toEqual([]);
    }
  });

  it('never throws or rejects: an erroring stream, chunks that are not bytes, a locked stream, a throwing consumer', async () => {
    const erroring = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode('{"a":'));
        c.error(new TypeError('network error'));
      },
    });
    expect((await settle(readCapped(erroring, MAX_BODY_BYTES, TextDecoder, () => undefined))).outcome).toBe('failed');

    const strings = new ReadableStream<unknown>({
      start(c) {
        c.enqueue('{"not":"bytes"}');
        c.close();
      },
    }) as ReadableStream<Uint8Array>;
    expect((await settle(readCapped(strings, MAX_BODY_BYTES, TextDecoder, () => undefined))).outcome).toBe('failed');

    const locked = source(10).stream;
    locked.getReader();
    expect(readCapped(locked, MAX_BODY_BYTES, TextDecoder, () => undefined).outcome).toBe('failed');

    const read = await settle(readCapped(source(100).stream, MAX_BODY_BYTES, TextDecoder, () => {
      throw new Error('consumer bug');
    }));
    expect(read.outcome).toBe('done');
  });
});

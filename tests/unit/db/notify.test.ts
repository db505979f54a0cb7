// The helpers extension pages use: notifyChanged's message, and the database refusing a web origin.
import { afterEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn(async (_message: unknown) => ({ revision: 12 }));
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('notifyChanged', () => {
  it('sends data/changed to the background and returns the new revision', async () => {
    const { notifyChanged } = await import('../../../src/db/notify');
    expect(await notifyChanged()).toBe(12);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'data/changed' });
  });
});

describe('getDb', () => {
  it('refuses to open the database from a web page origin (a content script)', async () => {
    const { getDb } = await import('../../../src/db/database');
    vi.stubGlobal('location', { protocol: 'https:' });
    expect(() => getDb()).toThrow(/lives in the extension origin/);
  });

  it('hands extension pages one shared instance', async () => {
    const { getDb } = await import('../../../src/db/database');
    vi.stubGlobal('location', { protocol: 'chrome-extension:' });
    const db = getDb();
    expect(getDb()).toBe(db);
    expect(db.name).toBe('doorman');
  });
});

// Fault injection on a real (fake-indexeddb) database under the real background handler and the
// content script's reporter: writes refused for quota (as IndexedDB raises it, wrapped in Dexie's
// AbortError, inside a BulkError) or an unknown disk error, first N times or for good. Each case
// counts what was lost: nothing when the fault passes, and a recorded fault when it does not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground, type Sender } from '../../../src/background/handlers';
import { FAULTS_KEY, createFaultBook, retrying } from '../../../src/background/storage-faults';
import { Reporter } from '../../../src/content/reporter';
import { DatabaseBlockedError, faultDetail, storageFaultKind } from '../../../src/db/faults';
import { countFollows } from '../../../src/db/follows';
import { countLog } from '../../../src/db/log';
import { listRules, saveRule } from '../../../src/db/rules';
import type { StorageFault } from '../../../src/shared/messages';
import type { Verdict } from '../../../src/core/model';
import { item } from '../core/builders';
import { injectWriteFaults, faultError, type FaultShape } from './fault-injection';
import { FakeArea, FakeTabs, dropAll, freshDb, logEntry, rule } from './helpers';

const RUNTIME_ID = 'doorman-id';
const ORIGIN = 'chrome-extension://doorman-id/';
const content: Sender = { id: RUNTIME_ID, url: 'https://x.com/home', tab: { id: 5 } };
const popup: Sender = { id: RUNTIME_ID, url: `${ORIGIN}src/popup/index.html` };
const SHAPES: FaultShape[] = ['quota', 'wrapped', 'bulk', 'unknown'];
const KIND: Record<FaultShape, StorageFault['kind']> = { quota: 'quota', wrapped: 'quota', bulk: 'quota', unknown: 'error' };

let quiet: ReturnType<typeof vi.spyOn>[] = [];
afterEach(async () => {
  for (const spy of quiet.splice(0)) spy.mockRestore();
  delete (globalThis as { browser?: unknown }).browser;
  await dropAll();
});
/** The background logs each refused write; keep the test output readable. */
const hush = () => {
  quiet = [vi.spyOn(console, 'error').mockImplementation(() => undefined), vi.spyOn(console, 'warn').mockImplementation(() => undefined)];
};

function setup(session = new FakeArea()) {
  const db = freshDb();
  const faults = injectWriteFaults(db);
  const sleeps: number[] = [];
  const bg = createBackground({
    db, runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, local: new FakeArea(), session, tabs: new FakeTabs([]),
    contentMatches: ['https://x.com/*'], sleep: async (ms) => void sleeps.push(ms),
  });
  const faultList = async () => (await bg.handle({ type: 'storage/faults' }, popup)) as StorageFault[];
  return { db, faults, bg, session, sleeps, faultList };
}

const now = Date.now();
const entries = (n: number, from = 0) => Array.from({ length: n }, (_, i) => logEntry(`item${from + i}`, { at: now }));
const learn = (ids: string[]) => ({
  type: 'follows/learn', site: 'x', source: 'page', follows: ids.map((id) => ({ accountId: id, handle: `h${id}`, following: true })),
});

describe('storageFaultKind', () => {
  it('finds quota directly, inside an AbortError\'s inner and in a BulkError\'s failures; blocked and the rest', () => {
    expect(SHAPES.map((s) => storageFaultKind(faultError(s)))).toEqual(['quota', 'quota', 'quota', 'error']);
    expect(storageFaultKind(new DatabaseBlockedError())).toBe('blocked');
    expect(storageFaultKind(Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }))).toBe('blocked');
    expect(storageFaultKind(new Error('boom'))).toBe('error');
    expect(storageFaultKind(undefined)).toBe('error');
    expect(faultDetail(faultError('wrapped'))).toBe('QuotaExceededError: The current transaction exceeded its quota limitations.');
  });
});

describe('transient faults lose nothing', () => {
  // 4 shapes × 1–3 refused writes × (log, follows) = 24 cases, each under the background's 4 attempts.
  for (const shape of SHAPES) {
    for (const n of [1, 2, 3]) {
      it(`log/report: ${shape} refused ${n}× → all 4 entries logged, no fault left`, async () => {
        hush();
        const { db, faults, bg, sleeps, faultList } = setup();
        faults.failNext(n, shape);
        expect(await bg.handle({ type: 'log/report', entries: entries(4) }, content)).toEqual({ added: 4 });
        expect(faults.injected).toBe(n);
        expect(sleeps).toEqual([100, 400, 1_500].slice(0, n)); // backoff grows
        expect(4 - (await countLog(db))).toBe(0); // lost
        expect(await faultList()).toEqual([]);
      });

      it(`follows/learn: ${shape} refused ${n}× → all 3 follows saved`, async () => {
        hush();
        const { db, faults, bg, faultList } = setup();
        faults.failNext(n, shape);
        expect(await bg.handle(learn(['1', '2', '3']), content)).toEqual({ changed: 3 });
        expect(faults.injected).toBe(n);
        expect(3 - (await countFollows(db, 'x'))).toBe(0);
        expect(await faultList()).toEqual([]);
      });
    }
  }
});

describe('persistent faults are recorded, counted once per item, kept across a restart and cleared by a success', () => {
  for (const shape of SHAPES) {
    it(`log/report under ${shape}`, async () => {
      hush();
      const session = new FakeArea();
      const { db, faults, bg, faultList } = setup(session);
      faults.failAlways(shape);
      await expect(bg.handle({ type: 'log/report', entries: entries(4) }, content)).rejects.toThrow();
      expect(faults.injected).toBe(4); // the first write and three retries
      expect(await faultList()).toEqual([{ what: 'log', kind: KIND[shape], detail: expect.any(String), at: expect.any(Number), lost: 4 }]);
      // The same 4 resent, plus 2 new: 6 items not saved, not 10.
      await expect(bg.handle({ type: 'log/report', entries: entries(6) }, content)).rejects.toThrow();
      expect((await faultList())[0]?.lost).toBe(6);

      // A worker restart: a new background over the same session area still knows.
      const restarted = createBackground({
        db, runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, local: new FakeArea(), session, tabs: new FakeTabs([]),
        contentMatches: [], sleep: async () => undefined,
      });
      expect(await restarted.handle({ type: 'storage/faults' }, popup)).toMatchObject([{ what: 'log', lost: 6 }]);

      faults.heal();
      expect(await restarted.handle({ type: 'log/report', entries: entries(6) }, content)).toEqual({ added: 6 });
      expect(await restarted.handle({ type: 'storage/faults' }, popup)).toEqual([]);
      expect(session.data.get(FAULTS_KEY)).toEqual({});
      expect(await countLog(db)).toBe(6);
    });
  }

  it('follows: a failed learn is recorded apart from the log, and a later learn clears only it', async () => {
    hush();
    const { faults, bg, faultList } = setup();
    faults.failAlways('wrapped');
    await expect(bg.handle(learn(['1', '2']), content)).rejects.toThrow();
    await expect(bg.handle({ type: 'log/report', entries: entries(1) }, content)).rejects.toThrow();
    expect((await faultList()).map((f) => [f.what, f.kind, f.lost])).toEqual([['follows', 'quota', 2], ['log', 'quota', 1]]);
    faults.heal();
    await bg.handle(learn(['3']), content);
    expect((await faultList()).map((f) => f.what)).toEqual(['log']);
  });

  it('only the log or follows tables failing leaves rules, settings and other writes alone', async () => {
    hush();
    const { db, faults, bg } = setup();
    faults.tables = new Set(['log']);
    faults.failAlways('quota');
    await saveRule(db, rule('kept'));
    await expect(bg.handle({ type: 'log/report', entries: entries(2) }, content)).rejects.toThrow();
    expect((await listRules(db)).map((r) => r.id)).toEqual(['kept']);
    expect(await bg.handle(learn(['1']), content)).toEqual({ changed: 1 });
  });
});

describe('fault book', () => {
  it('keeps working in memory when storage.session itself refuses', async () => {
    hush();
    const area = new FakeArea();
    area.failWrites = new Error('session quota');
    const book = createFaultBook(area);
    await book.record('log', faultError('quota'), ['a', 'b']);
    expect(await book.list()).toMatchObject([{ what: 'log', lost: 2 }]);
    await book.clear('log');
    expect(await book.list()).toEqual([]);
  });

  it('retrying gives up after its delays with the last error', async () => {
    let calls = 0;
    const waits: number[] = [];
    await expect(retrying(async () => {
      calls += 1;
      throw new Error(`try ${calls}`);
    }, [1, 2], async (ms) => void waits.push(ms))).rejects.toThrow('try 3');
    expect([calls, waits]).toEqual([3, [1, 2]]);
  });
});

describe('an upgrade blocked by an older page', () => {
  it('says so while blocked, fails writes at once so senders keep them, and recovers when the page closes', async () => {
    hush();
    const { db, bg, faultList } = setup();
    // An "old extension page": a raw connection at an older version that ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(db.name, 10);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const opening = bg.ready();
    await vi.waitFor(async () => expect(await faultList()).toMatchObject([{ what: 'open', kind: 'blocked' }]));
    await expect(bg.handle({ type: 'log/report', entries: entries(3) }, content)).rejects.toThrow(DatabaseBlockedError);
    expect((await faultList()).map((f) => [f.what, f.kind, f.lost])).toEqual([['open', 'blocked', 0], ['log', 'blocked', 3]]);

    old.close();
    await opening;
    expect(await bg.handle({ type: 'log/report', entries: entries(3) }, content)).toEqual({ added: 3 });
    expect(await faultList()).toEqual([]);
  });

  it('an open Doorman page closes its connection on versionchange, so a newer version\'s upgrade proceeds', async () => {
    const page = freshDb();
    await saveRule(page, rule('survives'));
    expect(page.isOpen()).toBe(true);
    const { DoormanDB } = await import('../../../src/db/database');
    class NextVersion extends DoormanDB {
      constructor(name: string) {
        super(name, { indexedDB, IDBKeyRange });
        this.version(3).stores({ extra: 'key' });
      }
    }
    const next = new NextVersion(page.name);
    try {
      await next.open(); // would wait for good if `page` held on
      expect(next.verno).toBe(3);
      expect(page.isOpen()).toBe(false);
      expect((await next.rules.toArray()).map((r) => r.id)).toEqual(['survives']);
    } finally {
      next.close();
    }
  });
});

describe('the reporter and the background together', () => {
  /** Wires the reporter's runtime.sendMessage to the background; `refuse` makes the first sends fail like a restarting worker. */
  function wire(bg: ReturnType<typeof setup>['bg'], refuse = 0) {
    const sent = { calls: 0 };
    (globalThis as { browser?: unknown }).browser = {
      runtime: {
        sendMessage: async (msg: unknown) => {
          sent.calls += 1;
          if (sent.calls <= refuse) throw new Error('Could not establish connection. Receiving end does not exist.');
          const reply = bg.handle(msg, content);
          if (!reply) throw new Error('unhandled');
          return reply;
        },
        onMessage: { addListener: () => undefined, removeListener: () => undefined },
      },
      storage: { local: { get: async () => ({}) } },
    };
    return sent;
  }
  const reporter = () => new Reporter({ flushMs: 1, resendMs: [1, 1, 1] });
  const verdict = { class: 'interruption', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply', why: { say: 'brand', who: 'acme', kind: 'reply', signals: ['organization'] } } satisfies Verdict;
  const filter = (r: Reporter, n: number) => {
    for (let i = 0; i < n; i++) r.filtered(item({ id: `p${i}` }), verdict);
  };

  it('worker restarting: two refused sends, then all 4 entries logged, none dropped', async () => {
    const { db, bg } = setup();
    const sent = wire(bg, 2);
    const r = reporter();
    filter(r, 4);
    await vi.waitFor(async () => expect(await countLog(db)).toBe(4));
    expect([sent.calls, r.dropped, r.pending]).toEqual([3, 0, 0]);
  });

  it('quota for 6 writes (more than the background\'s 4 attempts): the reporter resends, 0 lost, the fault clears', async () => {
    hush();
    const { db, bg, faults, faultList } = setup();
    wire(bg);
    faults.failNext(6, 'wrapped');
    const r = reporter();
    filter(r, 4);
    await vi.waitFor(async () => expect(await countLog(db)).toBe(4));
    expect([faults.injected, r.dropped]).toEqual([6, 0]);
    expect(await faultList()).toEqual([]);
  });

  it('quota for good: the reporter gives up after its bounded resends, and the popup\'s fault says how many', async () => {
    hush();
    const { db, bg, faults, faultList } = setup();
    const sent = wire(bg);
    faults.failAlways('quota');
    const r = reporter();
    filter(r, 4);
    await vi.waitFor(() => expect(r.dropped).toBe(4));
    expect([sent.calls, r.pending, await countLog(db)]).toEqual([4, 0, 0]); // first send + 3 resends
    expect(await faultList()).toMatchObject([{ what: 'log', kind: 'quota', lost: 4 }]);
  });

  it('bounds what it keeps: past its cap the oldest entries are given up on and counted', async () => {
    const { bg } = setup();
    wire(bg, Infinity);
    const r = new Reporter({ flushMs: 60_000, resendMs: [60_000] });
    filter(r, 200); // a full batch goes at once, and is refused
    await vi.waitFor(() => expect(r.pending).toBe(200));
    for (let i = 200; i < 2_100; i++) r.filtered(item({ id: `p${i}` }), verdict); // waiting out the backoff, not sent
    expect([r.pending, r.dropped]).toEqual([2_000, 100]);
    r.stop();
  });
});

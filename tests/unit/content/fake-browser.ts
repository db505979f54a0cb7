// A stand-in for the browser's extension API in content-script tests (installed as the `browser`
// global, as Firefox has it): a storage.local with the cached snapshot, runtime.sendMessage answered
// by a test-supplied handler, and runtime.onMessage that a test can deliver background messages to,
// replying the native way (sendResponse after `return true`), and i18n over the English messages.
import { emptySnapshot } from '../../../src/core/empty-snapshot';
import { type Snapshot } from '../../../src/core/snapshot';
import { i18nApi } from '../ui/catalogue';

type Listener = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

export class FakeBrowser {
  cached: Snapshot | null = emptySnapshot();
  sent: unknown[] = [];
  listeners = new Set<Listener>();
  answer: (msg: { type: string }) => unknown = () => ({ ok: true });

  readonly storage = {
    local: {
      get: async (key: string) => (this.cached ? { [key]: structuredClone(this.cached) } : {}),
    },
  };

  /** The real English catalogue, as chrome.i18n serves it. */
  readonly i18n = i18nApi('en');

  readonly runtime = {
    id: 'doorman-test',
    sendMessage: async (msg: { type: string }) => {
      this.sent.push(msg);
      return this.answer(msg);
    },
    onMessage: {
      addListener: (l: Listener) => this.listeners.add(l),
      removeListener: (l: Listener) => this.listeners.delete(l),
    },
  };

  /** Delivers a background message to every listener; resolves with the first answer. */
  async deliver(msg: unknown): Promise<unknown> {
    const answers: Promise<unknown>[] = [];
    for (const l of [...this.listeners]) {
      let reply!: (v: unknown) => void;
      const answer = new Promise<unknown>((r) => (reply = r));
      if (l(msg, { id: this.runtime.id }, reply) === true) answers.push(answer);
    }
    return answers.length > 0 ? await answers[0] : undefined;
  }
}

export const fakeBrowser = new FakeBrowser();

export const snapshotWith = (revision: number, over: Partial<Snapshot> = {}): Snapshot => ({ ...emptySnapshot(), revision, ...over });

export function pausedSnapshot(revision: number): Snapshot {
  const s = snapshotWith(revision);
  s.settings = { ...s.settings, sites: { ...s.settings.sites, x: { ...s.settings.sites.x, enabled: false } } };
  return s;
}

// Where the popup's "What's new" note waits: the extension's storage.local (the background writes it
// on update). The browser's own promise API, looked up on use: importing webextension-polyfill here
// would make every module that renders the popup fail to load outside an extension (unit tests).
import type { NoteArea } from './WhatsNew';

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

function local(): LocalArea | null {
  const g = globalThis as { browser?: { storage?: { local?: LocalArea } }; chrome?: { storage?: { local?: LocalArea } } };
  return g.browser?.storage?.local ?? g.chrome?.storage?.local ?? null;
}

export const noteArea: NoteArea = {
  get: async (key) => (await local()?.get(key)) ?? {},
  remove: async (key) => {
    await local()?.remove(key);
  },
};

// After an install or update, open tabs get every content script again, in its own world.
import { describe, expect, it } from 'vitest';
import { reinjectContentScripts, type ScriptingLike } from '../../../src/background/reinject';

const SCRIPTS = [
  { matches: ['https://x.com/*'], js: ['page-world.js'], world: 'MAIN' },
  { matches: ['https://x.com/*'], js: ['content.js'] },
  { matches: [], js: ['nothing.js'] },
];

describe('reinjectContentScripts', () => {
  it('injects each script into each open matching tab, skipping discarded ones and ones already served', async () => {
    const calls: string[] = [];
    const scripting: ScriptingLike = {
      async executeScript(i) {
        if (i.target.tabId === 3) throw new Error('Cannot access contents of the page');
        calls.push(`${i.target.tabId}:${i.files.join()}:${i.world}`);
      },
    };
    const queries: unknown[] = [];
    const tabs = { query: async (q: { url?: string | string[] }) => { queries.push(q); return [{ id: 1 }, { id: 2, discarded: true }, { id: 3 }, {}]; } };
    // Tab 4 loaded after the update: its (manifest) content script answers, it needs nothing.
    const ping = async (id: number) => id === 4;
    const tabs4 = { query: async (q: { url?: string | string[] }) => [...await tabs.query(q), { id: 4 }] };
    expect(await reinjectContentScripts({ contentScripts: SCRIPTS, tabs: tabs4, scripting, ping })).toBe(2);
    expect(calls).toEqual(['1:page-world.js:MAIN', '1:content.js:ISOLATED']);
    expect(queries).toEqual([{ url: ['https://x.com/*'] }, { url: ['https://x.com/*'] }]);
  });

  it('does nothing without a scripting API', async () => {
    const tabs = { query: async () => [{ id: 1 }] };
    expect(await reinjectContentScripts({ contentScripts: SCRIPTS, tabs, scripting: undefined, ping: async () => false })).toBe(0);
  });
});

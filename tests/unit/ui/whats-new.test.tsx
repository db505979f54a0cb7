// @vitest-environment happy-dom
// The popup's "What's new" line: shown while the background's note waits in storage.local, gone
// (and the note removed) once dismissed; nothing for a version without a note.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WhatsNew, pendingNote, type NoteArea } from '../../../src/firstrun/WhatsNew';
import { WHATS_NEW_KEY } from '../../../src/shared/release-notes';
import { dropDbs, mount, testEnv, waitFor } from './dom';

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

function area(initial: Record<string, unknown>): NoteArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    remove: async (key) => void delete data[key],
  };
}

const NOTES = { '0.2.0': 'releaseNote_0_1_0' };

describe("What's new", () => {
  it('shows the waiting note with its version, and Dismiss removes it for good', async () => {
    const a = area({ [WHATS_NEW_KEY]: { version: '0.2.0' } });
    let dismissed = 0;
    const { container } = mount(testEnv(), <WhatsNew area={a} notes={NOTES} onDismissed={() => dismissed++} />);
    const note = await waitFor(() => container.querySelector('.whats-new'));
    expect(note.textContent).toContain('whatsNewTitle');
    expect(note.textContent).toContain('releaseNote_0_1_0'); // the note's key: no catalogue here
    container.querySelector<HTMLButtonElement>('.whats-new button')!.click();
    await waitFor(() => container.querySelector('.whats-new') === null);
    expect(a.data).toEqual({});
    expect(dismissed).toBe(1);
  });

  it('has nothing to show without a note, or for a version that has none', async () => {
    expect(await pendingNote(area({}), NOTES)).toBeNull();
    expect(await pendingNote(area({ [WHATS_NEW_KEY]: { version: '9.9.9' } }), NOTES)).toBeNull();
    expect(await pendingNote(area({ [WHATS_NEW_KEY]: { version: '0.2.0' } }), NOTES)).toEqual({ version: '0.2.0', key: 'releaseNote_0_1_0' });
  });
});

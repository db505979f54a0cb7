// @vitest-environment happy-dom
// Focus after an answer: "Always allow" or "Not a brand" turns the pressed button disabled; the focus
// moves to the same answer in the next row of another account, and to the list when nothing is left.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listAllowlist } from '../../../src/db/allowlist';
import { listAccountOverrides } from '../../../src/db/overrides';
import type { LogEntryInput } from '../../../src/shared/messages';
import { EntryActions } from '../../../src/ui/EntryActions';
import { focusAfterAnswer } from '../../../src/ui/entry-focus';
import { dropDbs, mount, testEnv, waitFor } from './dom';

afterEach(async () => {
  document.body.innerHTML = '';
  await dropDbs();
});

function entry(i: number, authorId: string, handle: string): LogEntryInput {
  return {
    site: 'x', itemId: String(i), permalink: `https://x.com/${handle}/status/${i}`, authorId, handle, displayName: handle,
    snippet: '', kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand',
    reasonCode: 'brand-reply', reason: `Reply from @${handle}, a brand you don't follow`, at: 1_700_000_000_000 + i,
  };
}

const rows = (entries: LogEntryInput[]) => (
  <ol class="recent">
    {entries.map((e) => <li key={e.itemId}><EntryActions entry={e} index={undefined} /></li>)}
  </ol>
);

/** Waits until the store holds `n` rows (the write went through). */
async function rowsIn(read: () => Promise<unknown[]>, n: number): Promise<void> {
  const start = Date.now();
  while ((await read()).length !== n) {
    if (Date.now() - start > 3_000) throw new Error(`the store never held ${n} rows`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const button = (root: ParentNode, row: number, action: string) =>
  root.querySelectorAll('.entry-actions')[row]!.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;

describe('focus after an answer in a list of filtered items', () => {
  it('"Always allow" moves the focus to the next row of another account, skipping rows of the same author', async () => {
    const env = testEnv();
    const { container } = mount(env, rows([entry(1, '42', 'acme'), entry(2, '42', 'acme'), entry(3, '77', 'zapbank')]));
    const pressed = button(container, 0, 'allow');
    pressed.focus();
    pressed.click();
    await rowsIn(() => listAllowlist(env.db), 1);
    const next = button(container, 2, 'allow');
    await waitFor(() => document.activeElement === next);
    expect(document.activeElement).toBe(next);
    expect(document.activeElement).not.toBe(document.body);
  });

  it('"Not a brand" in the last row moves the focus to the row before it; with no row left, to the list', async () => {
    const env = testEnv();
    const { container } = mount(env, rows([entry(1, '42', 'acme'), entry(2, '77', 'zapbank')]));
    const last = button(container, 1, 'not-brand');
    last.focus();
    last.click();
    await rowsIn(() => listAccountOverrides(env.db), 1);
    await waitFor(() => document.activeElement === button(container, 0, 'not-brand'));
    expect(document.activeElement).toBe(button(container, 0, 'not-brand'));
  });

  it('the only row answered: the focus goes to the list, made focusable for it', async () => {
    const env = testEnv();
    const { container } = mount(env, rows([entry(1, '42', 'acme')]));
    const only = button(container, 0, 'allow');
    only.focus();
    only.click();
    await rowsIn(() => listAllowlist(env.db), 1);
    const list = container.querySelector('ol')!;
    await waitFor(() => document.activeElement === list);
    expect(list.getAttribute('tabindex')).toBe('-1');
  });

  it('focusAfterAnswer takes the first enabled answer when the same one is spent in the next row', () => {
    document.body.innerHTML = `<ul>
      <li><div class="entry-actions" data-account="x:1"><button data-action="allow">A</button><button data-action="not-brand">N</button></div></li>
      <li><div class="entry-actions" data-account="x:2"><button data-action="allow" disabled>A</button><button data-action="not-brand">N</button></div></li>
    </ul>`;
    const [first, , , second] = [...document.querySelectorAll('button')];
    expect(focusAfterAnswer(first!)).toBe(second);
    expect(focusAfterAnswer(document.body)).toBeNull();
  });
});

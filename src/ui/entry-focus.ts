// Where the focus goes after an answer to a filtered item ("Always allow", "Not a brand"): the button
// pressed turns disabled, and a disabled button drops the focus to the page's body. Instead it moves
// to the same answer in the next row of another account (else the first one still possible there), then the rows before,
// and when no row has anything left to press, to the list itself.

/** The rows' action groups (EntryActions renders one `.entry-actions` group per row). */
const GROUP = '.entry-actions';
/** What holds the rows: the popup's recent list, the options log. */
const LIST = 'ol, ul, [role="list"], [role="feed"], .log';

function enabledButtons(group: Element): HTMLButtonElement[] {
  return [...group.querySelectorAll('button')].filter((b) => !b.disabled);
}

/** The element to focus once `pressed` (a button in one row's group) has done its work. */
export function focusAfterAnswer(pressed: HTMLElement): HTMLElement | null {
  const group = pressed.closest(GROUP);
  if (!group) return null;
  const list = group.parentElement?.closest(LIST) ?? null;
  const groups = [...(list ?? pressed.ownerDocument).querySelectorAll(GROUP)];
  const at = groups.indexOf(group);
  const action = pressed.dataset.action;
  const order = [...groups.slice(at + 1), ...groups.slice(0, at).reverse()];
  // Rows of the same account are answered too (their buttons turn disabled on the next render): skipped.
  const account = (group as HTMLElement).dataset.account;
  for (const other of order) {
    if (account !== undefined && (other as HTMLElement).dataset.account === account) continue;
    const buttons = enabledButtons(other);
    const same = buttons.find((b) => action !== undefined && b.dataset.action === action);
    const next = same ?? buttons[0];
    if (next) return next;
  }
  const view = pressed.ownerDocument.defaultView;
  if (!list || !view || !(list instanceof view.HTMLElement)) return null;
  if (!list.hasAttribute('tabindex')) list.setAttribute('tabindex', '-1');
  return list;
}

/** Moves the focus on from `pressed`, if it still has it (the person has not gone elsewhere meanwhile). */
export function moveFocusOn(pressed: HTMLElement): void {
  const doc = pressed.ownerDocument;
  if (doc.activeElement !== pressed && doc.activeElement !== doc.body && doc.activeElement !== null) return;
  focusAfterAnswer(pressed)?.focus();
}

// The placeholder for assistive technology and on every theme: its button names the item it acts on,
// the whole reason is tied to it, the focus stays on a control through Show / Collapse and moves into
// the item when the placeholder goes, and the palette follows the page's painted background.
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/core/model';
import { applyVerdict, clearMark } from '../../../src/content/marking';
import { buttonName } from '../../../src/content/placeholder-label';
import { luminance, removeStylesheet, stylesheet, toneBehind } from '../../../src/content/styles';
import { resetWords } from '../../../src/content/words';
import { useUiLanguage } from '../ui/catalogue';

let restore: (() => void) | undefined;
beforeAll(() => {
  restore = useUiLanguage('en');
});
afterAll(() => {
  restore?.();
  resetWords();
});

const collapse: Verdict = {
  class: 'interruption', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply',
  why: { say: 'brand', who: 'acme', kind: 'reply', ownThread: false, signals: ['organization'] },
};
const COLLAPSE_SENTENCE = "Reply from @acme, a brand you don't follow (verified organisation)";

function page(background = 'rgb(0, 0, 0)') {
  const win = new Window({ url: 'https://x.com/home' });
  const doc = win.document as unknown as Document;
  doc.body.style.backgroundColor = background;
  doc.body.innerHTML = '<div class="cell"><article tabindex="0"><a href="/acme/status/1">Use code SAVE</a></article></div>';
  return { win, doc, cell: doc.querySelector('.cell')! };
}

const styleText = (doc: Document) => doc.getElementById('doorman-style')?.textContent ?? '';

describe('placeholder accessibility', () => {
  it('names its button after the item and its author, whatever the action', () => {
    const { doc, cell } = page();
    applyVerdict(cell, '1', collapse, { kind: 'reply', author: { handle: 'acme' } });
    const button = cell.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Show reply from @acme');
    button.click();
    expect(button.getAttribute('aria-label')).toBe('Collapse reply from @acme');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(buttonName('Hide', { kind: 'ad', author: { handle: '@zapbank' } })).toBe('Hide ad from @zapbank');
    expect(buttonName('Show', { kind: 'post', author: { handle: '' } })).toBe('Show post');
    expect(buttonName('Show', undefined)).toBe('Show');
    removeStylesheet(doc);
  });

  it('ties the whole reason to the button (aria-describedby), however much of it the line shows', () => {
    const { doc, cell } = page();
    applyVerdict(cell, '1', collapse, { kind: 'reply', author: { handle: 'acme' } });
    const button = cell.querySelector('button')!;
    const reason = doc.getElementById(button.getAttribute('aria-describedby')!);
    expect(reason?.textContent).toBe(COLLAPSE_SENTENCE);
    expect(styleText(doc)).toMatch(/:focus-within \.doorman-reason[^{]*\{ white-space: normal; overflow: visible; \}/);
    removeStylesheet(doc);
  });

  it('keeps the focus on the same button through Show and Collapse; when the placeholder goes, the item takes it', () => {
    const { doc, cell } = page();
    applyVerdict(cell, '1', collapse, { kind: 'reply', author: { handle: 'acme' } });
    const button = cell.querySelector('button')!;
    button.focus();
    button.click();
    expect(doc.activeElement).toBe(button);
    applyVerdict(cell, '1', { ...collapse, action: 'show', class: 'interaction' });
    expect(cell.querySelector('.doorman-placeholder')).toBeNull();
    expect(doc.activeElement).toBe(cell.querySelector('article'));
    clearMark(cell);
    removeStylesheet(doc);
  });

  it("picks the palette from the page's painted background, and again when the site switches theme", async () => {
    const light = page('rgb(255, 255, 255)');
    applyVerdict(light.cell, '1', collapse, { kind: 'reply', author: { handle: 'acme' } });
    expect(styleText(light.doc)).toBe(stylesheet('light'));

    const dim = page('rgb(21, 32, 43)');
    applyVerdict(dim.cell, '1', collapse);
    expect(styleText(dim.doc)).toBe(stylesheet('dark'));
    // X switches theme by repainting the body's background inline.
    dim.doc.body.style.backgroundColor = 'rgb(255, 255, 255)';
    await new Promise((r) => setTimeout(r, 20));
    expect(styleText(dim.doc)).toBe(stylesheet('light'));
    removeStylesheet(light.doc);
    removeStylesheet(dim.doc);
  });

  it('reads the tone behind an element: the nearest solid background, else the canvas', () => {
    const { doc } = page('rgba(0, 0, 0, 0)');
    doc.body.innerHTML = '<section style="background-color: rgb(40, 44, 55)"><p><span>x</span></p></section><p id="bare">y</p>';
    expect(toneBehind(doc.querySelector('span')!)).toBe('dark');
    expect(toneBehind(doc.getElementById('bare')!)).toBe('light');
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 5);
    expect(luminance([0, 0, 0])).toBe(0);
  });
});

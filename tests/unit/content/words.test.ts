// The placeholder in the browser's UI language: its label, its button and its reason come from the
// extension's messages through the content script's i18n (chrome.i18n), here the real Spanish
// catalogue; the placeholder carries that language's lang and dir, whatever the page's.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { applyVerdict, reveal } from '../../../src/content/marking';
import { buttonName } from '../../../src/content/placeholder-label';
import { resetWords } from '../../../src/content/words';
import type { Verdict } from '../../../src/core/model';
import { useUiLanguage } from '../ui/catalogue';

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  resetWords();
});

const brandReply: Verdict = {
  class: 'interruption', action: 'collapse', ruleId: 'policy:balanced:brand', reasonCode: 'brand-reply',
  why: { say: 'brand', who: 'acme', kind: 'reply', ownThread: true, signals: ['organization', 'callToAction'] },
};

function cell(lang: string) {
  const win = new Window({ url: 'https://x.com/home' });
  const doc = win.document as unknown as Document;
  doc.documentElement.lang = lang;
  const el = doc.createElement('div');
  el.innerHTML = '<article>post</article>';
  doc.body.append(el);
  return { doc, el };
}

describe('the placeholder in the UI language', () => {
  it.each([
    ['es', 'Filtrado por Doorman', 'Mostrar', 'Contraer', 'Respuesta en tu hilo de @acme, una marca que no sigues (organización verificada y discurso de venta («escríbenos por MD», «enlace en la bio»))'],
    ['de', 'Von Doorman gefiltert', 'Anzeigen', 'Einklappen', 'Antwort unter Ihrem Beitrag von @acme, einer Marke, der Sie nicht folgen (verifizierte Organisation, Verkaufsmasche („Schreiben Sie uns eine DM“, „Link in der Bio“))'],
  ])('%s', (lang, label, show, collapse, reason) => {
    restore = useUiLanguage(lang);
    resetWords();
    const { doc, el } = cell('en'); // the page's language is not Doorman's
    applyVerdict(el, '1', brandReply);
    const box = el.querySelector<HTMLElement>('.doorman-placeholder')!;
    expect(box.getAttribute('aria-label')).toBe(label);
    expect([box.lang, box.dir]).toEqual([lang, 'ltr']);
    expect(box.querySelector('.doorman-reason')!.textContent).toBe(reason);
    expect(box.title).toBe(reason);
    expect(box.querySelector('button')!.textContent).toBe(show);
    expect(reveal(doc, '1')).toBe(true);
    expect(box.querySelector('button')!.textContent).toBe(collapse);
  });

  it('an Arabic UI lays the placeholder out right to left', () => {
    restore = useUiLanguage('ar');
    resetWords();
    const { el } = cell('en');
    applyVerdict(el, '1', brandReply);
    const box = el.querySelector<HTMLElement>('.doorman-placeholder')!;
    expect([box.lang, box.dir]).toEqual(['ar', 'rtl']);
    expect(box.querySelector('button')!.textContent).toBe('إظهار');
    // The handle is isolated inside the Arabic sentence, so it keeps its "@" on the left.
    expect(box.querySelector('.doorman-reason')!.textContent).toContain('\u2068@');
  });

  it.each([
    ['en', 'Show reply from @acme', 'Hide ad'],
    ['es', 'Mostrar respuesta de @acme', 'Ocultar anuncio'],
    ['de', 'Anzeigen: Antwort von @acme', 'Ausblenden: Werbung'],
    ['fr', 'Afficher\u00a0: réponse de @acme', 'Masquer\u00a0: pub'],
    ['ar', '\u2068إظهار\u2069 \u2068الرد\u2069 من \u2068@acme\u2069', '\u2068إخفاء\u2069 \u2068الإعلان\u2069'],
  ])('names the Show button after its item in %s', (lang, named, unnamed) => {
    restore = useUiLanguage(lang);
    expect(buttonName('Show', { kind: 'reply', author: { handle: 'acme' } })).toBe(named);
    expect(buttonName('Hide', { kind: 'ad', author: { handle: '' } })).toBe(unnamed);
  });
});

// @vitest-environment happy-dom
// The log's date field in the UI language: its boxes in the language's order with its separator and
// field names (German day.month.year, US English month/day/year, Arabic day/month/year read right to
// left), one labelled group; typing a whole real date gives yyyy-mm-dd, Arabic-Indic digits included;
// an incomplete or impossible date gives ''; a value set from outside (filters cleared) empties it.
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField, asciiDigits, dateLayout, joinDate } from '../../../src/ui/DateField';
import { useUiLanguage } from '../ui/catalogue';
import { tick, typeInto } from '../ui/dom';

let restore: (() => void) | undefined;
let container: HTMLElement | undefined;
afterEach(() => {
  restore?.();
  if (container) render(null, container);
  container?.remove();
});

function field(lang: string, value = '') {
  restore = useUiLanguage(lang);
  const got: string[] = [];
  container = document.createElement('div');
  document.body.append(container);
  const draw = (v: string) => render(<><label id="from-label" htmlFor="from">From</label><DateField id="from" labelledBy="from-label" value={v} onInput={(x) => got.push(x)} /></>, container!);
  draw(value);
  const boxes = () => [...container!.querySelectorAll<HTMLInputElement>('input')];
  return { got, boxes, draw, group: () => container!.querySelector('[role="group"]')! };
}

describe('dateLayout', () => {
  it('takes each language\'s order, separator and field names from Intl', () => {
    expect(dateLayout('de')).toMatchObject({ order: ['day', 'month', 'year'], separator: '.', names: { day: 'Tag', month: 'Monat', year: 'Jahr' } });
    expect(dateLayout('en-US')).toMatchObject({ order: ['month', 'day', 'year'], separator: '/' });
    expect(dateLayout('fr')).toMatchObject({ order: ['day', 'month', 'year'], separator: '/', names: { day: 'jour', month: 'mois', year: 'année' } });
    const ar = dateLayout('ar');
    expect(ar.order).toEqual(['day', 'month', 'year']);
    expect(ar.separator).toBe('/'); // without the direction marks Arabic writes around it
    expect(Object.values(ar.names)).toEqual(['يوم', 'الشهر', 'السنة']);
  });
});

describe('joinDate and asciiDigits', () => {
  it('a real date only', () => {
    expect(joinDate({ day: '2', month: '12', year: '2026' })).toBe('2026-12-02');
    expect(joinDate({ day: '31', month: '2', year: '2026' })).toBe('');
    expect(joinDate({ day: '1', month: '1', year: '26' })).toBe('');
    expect(asciiDigits('٠٢')).toBe('02');
    expect(asciiDigits('۲۰۲۶')).toBe('2026');
    expect(asciiDigits('1a2')).toBe('12');
  });
});

describe('DateField', () => {
  it('German: Tag, Monat, Jahr in that order, a group named by the label; a whole date gives yyyy-mm-dd', async () => {
    const f = field('de');
    expect(f.boxes().map((b) => b.getAttribute('aria-label'))).toEqual(['Tag', 'Monat', 'Jahr']);
    expect(f.boxes()[0]!.id).toBe('from');
    expect(f.group().getAttribute('aria-labelledby')).toBe('from-label');
    expect(f.group().textContent).toBe('..');
    const [day, month, year] = f.boxes();
    typeInto(day!, '2');
    typeInto(month!, '12');
    await tick();
    expect(f.got).toEqual([]);
    typeInto(year!, '2026');
    await tick();
    expect(f.got).toEqual(['2026-12-02']);
    typeInto(day!, '');
    await tick();
    expect(f.got).toEqual(['2026-12-02', '']);
  });

  it('US English puts the month first', () => {
    const en = field('en-US');
    expect(en.boxes().map((b) => b.getAttribute('aria-label'))).toEqual(['month', 'day', 'year']);
  });

  it('Arabic digits are read', async () => {
    const ar = field('ar');
    const [day, month, year] = ar.boxes();
    typeInto(day!, '٠٢');
    typeInto(month!, '١٢');
    typeInto(year!, '٢٠٢٦');
    await tick();
    expect(ar.got).toEqual(['2026-12-02']);
    expect(ar.boxes().map((b) => b.value)).toEqual(['02', '12', '2026']);
  });

  it('shows a value given, and empties when the value is cleared from outside', async () => {
    const f = field('fr', '2026-03-09');
    expect(f.boxes().map((b) => b.value)).toEqual(['09', '03', '2026']);
    f.draw('');
    await tick();
    expect(f.boxes().map((b) => b.value)).toEqual(['', '', '']);
    expect(f.got).toEqual([]);
  });
});

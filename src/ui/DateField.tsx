// A date typed as the UI language writes it: day, month and year boxes in that language's order and
// with its separator (Intl.DateTimeFormat's parts: "TT.MM.JJJJ" order in German, month first in US
// English, day on the right in Arabic), each box named by Intl.DisplayNames ("Tag", "Monat", "Jahr";
// "يوم", "شهر", "سنة"), the whole a labelled group. Its value is `yyyy-mm-dd` like
// <input type="date">'s, '' while empty or incomplete. Chromium's own date input follows the
// browser's language only where its locale files are installed, ignores the page's `lang`, and draws
// the Arabic field names with their letters reversed; this field follows the UI language everywhere.
import { Fragment } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { uiLanguage } from './i18n';

type Part = 'day' | 'month' | 'year';

interface Layout {
  order: readonly Part[];
  separator: string;
  names: Record<Part, string>;
}

const ENGLISH_NAMES: Record<Part, string> = { day: 'day', month: 'month', year: 'year' };

/** The language's order of day, month and year, the mark between them, and what each is called. */
export function dateLayout(lang: string): Layout {
  let order: Part[] = ['year', 'month', 'day'];
  let separator = '-';
  try {
    const parts = new Intl.DateTimeFormat(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(2026, 11, 31));
    const fields = parts.map((p) => p.type).filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
    if (fields.length === 3) order = fields;
    // Direction marks (Arabic writes U+200F around its "/") are not separators to show.
    const literal = parts.find((p) => p.type === 'literal')?.value.replace(/[\u200e\u200f\u061c]/g, '').trim();
    if (literal) separator = literal;
  } catch {
    // an unknown language tag: ISO order
  }
  let names = ENGLISH_NAMES;
  try {
    const display = new Intl.DisplayNames(lang, { type: 'dateTimeField' });
    names = { day: display.of('day') ?? 'day', month: display.of('month') ?? 'month', year: display.of('year') ?? 'year' };
  } catch {
    // no field names for this language: English ones
  }
  return { order, separator, names };
}

/** Digits as typed, in any script Intl writes (Arabic-Indic ٠–٩, Persian ۰–۹), as ASCII digits. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10)).replace(/\D/g, '');
}

type Boxes = Record<Part, string>;

const EMPTY: Boxes = { day: '', month: '', year: '' };

function split(value: string): Boxes {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? { year: m[1]!, month: m[2]!, day: m[3]! } : EMPTY;
}

/** `yyyy-mm-dd` when the three boxes make a real date, else ''. */
export function joinDate({ day, month, year }: Boxes): string {
  if (year.length !== 4 || !day || !month) return '';
  const d = Number(day);
  const m = Number(month);
  const date = new Date(Number(year), m - 1, d);
  if (date.getMonth() !== m - 1 || date.getDate() !== d) return '';
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MAX_LENGTH: Record<Part, number> = { day: 2, month: 2, year: 4 };

export function DateField({ id, labelledBy, value, onInput }: {
  /** The first box's id (a <label for> points at it). */
  id: string;
  /** The visible label's id, naming the group. */
  labelledBy: string;
  value: string;
  onInput: (value: string) => void;
}) {
  const layout = useMemo(() => dateLayout(uiLanguage()), []);
  // What the boxes hold, kept in a ref (two inputs may come before a re-render); the counter redraws.
  const current = useRef<Boxes>(split(value));
  const [, redraw] = useState(0);
  const emitted = useRef(value);
  const seen = useRef(value);
  // A value set from outside (filters cleared) replaces what is typed; our own echo does not.
  if (value !== seen.current) {
    seen.current = value;
    if (value !== emitted.current) {
      emitted.current = value;
      current.current = split(value);
    }
  }
  const boxes = current.current;

  const change = (part: Part, text: string) => {
    const next = { ...current.current, [part]: asciiDigits(text).slice(0, MAX_LENGTH[part]) };
    current.current = next;
    redraw((n) => n + 1);
    const date = joinDate(next);
    if (date !== emitted.current) {
      emitted.current = date;
      onInput(date);
    }
  };

  return (
    <span class="datefield" role="group" aria-labelledby={labelledBy}>
      {layout.order.map((part, i) => (
        <Fragment key={part}>
          {i > 0 && <span class="datefield__sep" aria-hidden="true">{layout.separator}</span>}
          <input
            id={i === 0 ? id : `${id}-${part}`}
            class={`input datefield__part datefield__part--${part}`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={MAX_LENGTH[part]}
            placeholder={layout.names[part]}
            aria-label={layout.names[part]}
            value={boxes[part]}
            onInput={(e) => change(part, (e.currentTarget as HTMLInputElement).value)}
          />
        </Fragment>
      ))}
    </span>
  );
}

// CSV export: RFC 4180 quoting, spreadsheet formula defusing, and a parse back to the same values.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, logToCsv, logToJson, LOG_EXPORT_FORMAT } from '../../../src/ui/log/csv';
import type { LogEntryInput } from '../../../src/shared/messages';

function entry(over: Partial<LogEntryInput> = {}): LogEntryInput {
  return {
    site: 'x', itemId: '1', permalink: 'https://x.com/acme/status/1', authorId: '42', handle: 'acme', displayName: 'Acme Inc.',
    snippet: 'Use code SAVE10', kind: 'reply', context: 'home', action: 'collapse', ruleId: 'policy:balanced:brand',
    reasonCode: 'brand-reply', reason: 'Reply from @acme, a brand you don\'t follow', at: Date.UTC(2025, 0, 31, 12, 0, 0), ...over,
  };
}

/** A strict RFC 4180 reader, enough to check what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    cell += c; i++;
  }
  if (cell !== '' || row.length > 0) throw new Error('missing final CRLF');
  return rows;
}

describe('csvCell', () => {
  it('leaves plain values alone', () => {
    expect(csvCell('acme')).toBe('acme');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('')).toBe('');
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });
  it('quotes leading and trailing spaces so they survive', () => {
    expect(csvCell(' padded ')).toBe('" padded "');
  });
  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-5)).toBe('-5'); // numbers we write ourselves are data, not formulas
  });
});

describe('logToCsv', () => {
  it('writes a BOM, a header and one CRLF-terminated row per entry', () => {
    const csv = logToCsv([entry(), entry({ itemId: '2' })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]![0]).toBe('2025-01-31T12:00:00.000Z');
    expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
  });

  it('round-trips awkward text exactly (apart from defused formulas)', () => {
    const nasty = 'He said "50% off", then\r\nleft, ok?\n  ';
    const rows = parseCsv(logToCsv([entry({ snippet: nasty, displayName: 'Ünïcødé, Ltd. 🚪', reason: '=1+1' })]).slice(1));
    const row = rows[1]!;
    expect(row[CSV_COLUMNS.indexOf('snippet')]).toBe(nasty);
    expect(row[CSV_COLUMNS.indexOf('displayName')]).toBe('Ünïcødé, Ltd. 🚪');
    expect(row[CSV_COLUMNS.indexOf('reason')]).toBe("'=1+1");
  });

  it('writes just the header for an empty log', () => {
    expect(parseCsv(logToCsv([]).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });
});

describe('logToJson', () => {
  it('wraps entries with a format tag and drops storage ids', () => {
    const parsed = JSON.parse(logToJson([{ ...entry(), id: 7 } as LogEntryInput], 123));
    expect(parsed).toMatchObject({ format: LOG_EXPORT_FORMAT, version: 1, exportedAt: 123 });
    expect(parsed.entries[0]).toEqual(entry());
  });
});

// Mastodon's "Following list" export (Preferences → Import and export → Data export), read row by
// row: a CSV whose header is `Account address,Show boosts,Notify on new posts,Languages` (older
// servers wrote one address per line, no header). Each row is checked on its own; the good ones come
// out normalised and folded (the same account twice counts once), the bad ones by line and problem
// (core/problem.ts, worded by the pages). Pure: no storage, no browser APIs (db/follow-import.ts
// applies the result).

import { problem, type Problem } from './problem';

/** `user@server`: Mastodon's username syntax (letters, digits, `_`, inner `.` and `-`) and a DNS name (IDN allowed). */
const ACCT = /^[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*@(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}][\p{L}\p{N}-]{0,62}$/u;
/** FollowEntry keeps account ids to 200 characters. */
export const MAX_ACCT_LENGTH = 200;
/** Bad lines are listed up to this many; past it only their number is kept (a wrong file could have a million). */
export const MAX_LISTED_BAD = 100;
const HEADER_FIRST = 'account address';
const SHOWN = 60;

export interface BadLine {
  /** 1-based line of the file the row starts on. */
  line: number;
  problem: Problem;
}

export interface MastodonCsv {
  /** Normalised `user@server` addresses, in file order, each once. */
  accounts: string[];
  /** The first MAX_LISTED_BAD bad rows. */
  bad: BadLine[];
  badCount: number;
  /** Rows naming an account an earlier row already named. */
  duplicates: number;
  /** Rows read (blank lines and the header not counted). */
  rows: number;
  header: boolean;
}

interface Row {
  line: number;
  fields: string[];
  /** A quoted field ran to the end of the file. */
  unclosed?: true;
}

/**
 * Where the line starting at `i` ends (the index of its CR or LF, or the text's end), for `i` moving
 * forward only: each character's next CR and LF are searched for once, not once per line (a file with
 * no CR at all would otherwise be scanned to its end for every line).
 */
function lineEnds(text: string): (i: number) => number {
  let lf = -1;
  let cr = -1;
  /** The next `ch` at or after `i`, given the last one found (`at`; the text's length when there is none left). */
  const next = (ch: string, at: number, i: number): number => {
    if (at >= i) return at;
    const found = text.indexOf(ch, i);
    return found === -1 ? text.length : found;
  };
  return (i) => {
    lf = next('\n', lf, i);
    cr = next('\r', cr, i);
    return Math.min(lf, cr);
  };
}

/** The length of the line break at `i` (CRLF: 2). */
const breakLength = (text: string, i: number): number => (text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1);

/**
 * RFC 4180 records (quotes, doubled quotes, CR, LF or CRLF endings), each with the line it starts on.
 * A line without a quote (nearly every line of an export) is split as it is; one with a quote is read
 * character by character, and may run over several lines.
 */
function* records(text: string): Generator<Row> {
  let line = 1;
  let i = 0;
  const n = text.length;
  const lineEnd = lineEnds(text);
  while (i < n) {
    const end = lineEnd(i);
    const plain = text.slice(i, end);
    if (!plain.includes('"')) {
      yield { line, fields: plain.split(',') };
      line += 1;
      i = end + (end < n ? breakLength(text, end) : 0);
      continue;
    }
    const start = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    for (;;) {
      if (i >= n) {
        fields.push(field);
        yield quoted ? { line: start, fields, unclosed: true } : { line: start, fields };
        return;
      }
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i += 1;
          }
          continue;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
        field += c;
        i += 1;
        continue;
      }
      if (c === '"' && field.trim() === '') {
        quoted = true;
        field = '';
        i += 1;
      } else if (c === ',') {
        fields.push(field);
        field = '';
        i += 1;
      } else if (c === '\r' || c === '\n') {
        i += breakLength(text, i);
        line += 1;
        fields.push(field);
        yield { line: start, fields };
        break;
      } else {
        field += c;
        i += 1;
      }
    }
  }
}

const shown = (s: string): string => JSON.stringify(s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);

/** The row's account address, normalised (no '@' in front, lower case), or why it is not one. */
export function readAcct(raw: string): { acct: string } | { problem: Problem } {
  const value = raw.trim();
  if (value === '') return { problem: problem('csvNoAddress') };
  const acct = value.replace(/^@/, '').toLowerCase();
  if (acct.length > MAX_ACCT_LENGTH) return { problem: problem('csvAddressTooLong', MAX_ACCT_LENGTH) };
  if (!ACCT.test(acct)) return { problem: problem('csvNotAddress', shown(value)) };
  return { acct };
}

export function parseMastodonCsv(input: string): MastodonCsv {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const out: MastodonCsv = { accounts: [], bad: [], badCount: 0, duplicates: 0, rows: 0, header: false };
  const seen = new Set<string>();
  const bad = (line: number, why: Problem) => {
    out.badCount += 1;
    if (out.bad.length < MAX_LISTED_BAD) out.bad.push({ line, problem: why });
  };
  let first = true;
  for (const row of records(text)) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    if (first) {
      first = false;
      if (row.fields[0]!.trim().toLowerCase() === HEADER_FIRST) {
        out.header = true;
        continue;
      }
    }
    out.rows += 1;
    if (row.unclosed) {
      bad(row.line, problem('csvUnclosed'));
      continue;
    }
    const read = readAcct(row.fields[0]!);
    if ('problem' in read) {
      bad(row.line, read.problem);
      continue;
    }
    if (seen.has(read.acct)) out.duplicates += 1;
    else {
      seen.add(read.acct);
      out.accounts.push(read.acct);
    }
  }
  return out;
}

/** "line 17: …", as the pages list bad rows. */
export const badLineProblem = (b: BadLine): Problem => problem('csvLine', String(b.line), { problem: b.problem });

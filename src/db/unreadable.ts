// Stored rows that today's schema rejects (a rule with a broken condition, an allowed brand with no
// site: written by an older version, a hand-edited profile, a bad disk). Reads skip them, so one bad
// row never breaks a snapshot or a page; they stay stored, never deleted, and are listed here so the
// options page can say what is ignored and why.
import type { z } from 'zod';
import type { Problem } from '../core/problem';
import { zodProblem } from './validation';

export type UnreadableTable = 'rules' | 'allowlist' | 'accounts';

export interface UnreadableRow {
  table: UnreadableTable;
  /** The row's primary key (a rule id, `site#accountId`, `site@handle`). */
  key: string;
  /** What is wrong, naming the field (validation.ts). */
  /** What is wrong with it (worded by the page that lists it). */
  problem: Problem;
}

/**
 * Splits rows into the ones `schema` accepts (checked without the `omit` fields, which are the
 * table's own bookkeeping) and the unreadable ones. Accepted rows come with the parsed value.
 */
export function checkRows<Row extends object, S extends z.ZodType>(
  table: UnreadableTable,
  rows: readonly Row[],
  schema: S,
  keyOf: (row: Row) => unknown,
  omit: readonly string[],
): { ok: { row: Row; value: z.output<S> }[]; bad: UnreadableRow[] } {
  const ok: { row: Row; value: z.output<S> }[] = [];
  const bad: UnreadableRow[] = [];
  for (const row of rows) {
    const entry: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    for (const field of omit) delete entry[field];
    const parsed = schema.safeParse(entry);
    if (parsed.success) ok.push({ row, value: parsed.data });
    else bad.push({ table, key: String(keyOf(row)), problem: zodProblem(parsed.error) });
  }
  return { ok, bad };
}

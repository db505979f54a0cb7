// Export and import: rules + allowlist as a shareable file, and a full backup of everything.
// An import is parsed and validated whole before anything is written, then applied in one Dexie
// transaction: it lands completely or not at all, and a failure names the offending field, as a
// problem (core/problem.ts) the options page words in the UI language.
import { z } from 'zod';
import { AllowEntry, BrandOverrideEntry, FollowEntry } from '../core/lists';
import { ProblemError, atPath, problem, type Problem } from '../core/problem';
import { Rule, checkRuleSet, coded } from '../core/rules';
import { ruleSetProblems } from '../core/rule-budget';
import { Settings } from '../core/settings';
import { LogEntryInput } from '../shared/messages';
import type { AccountRow, DoormanDB, FollowRow, LogRow, RuleRow } from './database';
import { allowRow, listAllowlist, putAllowRows } from './allowlist';
import { listFollows } from './follows';
import { withinFollowCaps } from './follow-caps';
import { accountRow, listAccountOverrides } from './overrides';
import { accountRowKey } from './keys';
import { bumpRevision } from './revision';
import { MAX_RULES, listRules } from './rules';
import { getSettings } from './settings';
import { SETTINGS_ROW_KEY } from './settings-parse';
import { checkKnownSites } from './known-sites';
import { zodProblem } from './validation';
import { asStorageWrite } from './faults';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const RULES_FORMAT = 'doorman-rules';
export const BACKUP_FORMAT = 'doorman-backup';
const FORMAT_VERSION = 1;

/** A file Doorman cannot use, and why (the problem names the field). */
export class ImportError extends ProblemError {
  override name = 'ImportError';
}

const NEEDS_ACCOUNT = problem('needsAccount');

const uniqueRuleIds = (rules: readonly Rule[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue(coded(problem('duplicateRuleId', r.id), ['rules', i, 'id']));
    seen.add(r.id);
  });
  checkRuleSet(rules, ctx);
};

export const RulesFile = z
  .object({
    format: z.literal(RULES_FORMAT),
    version: z.literal(FORMAT_VERSION),
    exportedAt: z.number().int().nonnegative().optional(),
    rules: z.array(Rule).max(MAX_RULES),
    allowlist: z.array(AllowEntry).max(50_000),
  })
  .superRefine((f, ctx) => {
    uniqueRuleIds(f.rules, ctx);
    checkKnownSites(f, ctx);
  });
export type RulesFile = z.infer<typeof RulesFile>;

const BackupOverride = BrandOverrideEntry.extend({
  displayName: z.string().max(200).default(''),
  seenAt: z.number().int().nonnegative().default(0),
}).refine((e) => e.accountId !== '' || e.handle !== '', { message: NEEDS_ACCOUNT.code, path: ['accountId'], params: { problem: NEEDS_ACCOUNT } });

const BackupFollow = FollowEntry.refine((e) => e.accountId !== '' || e.handle !== '', {
  message: NEEDS_ACCOUNT.code,
  path: ['accountId'],
  params: { problem: NEEDS_ACCOUNT },
});

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(FORMAT_VERSION),
    exportedAt: z.number().int().nonnegative().optional(),
    settings: Settings,
    rules: z.array(Rule).max(MAX_RULES),
    allowlist: z.array(AllowEntry).max(50_000),
    follows: z.array(BackupFollow).max(1_000_000),
    overrides: z.array(BackupOverride).max(50_000),
    log: z.array(LogEntryInput).max(1_000_000),
  })
  .superRefine((f, ctx) => {
    uniqueRuleIds(f.rules, ctx);
    checkKnownSites(f, ctx);
  });
export type BackupFile = z.infer<typeof BackupFile>;

// ---------------------------------------------------------------------------------------- export

export async function exportRules(db: DoormanDB, now = Date.now()): Promise<RulesFile> {
  return db.transaction('r', db.rules, db.allowlist, async () => ({
    format: RULES_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: now,
    rules: await listRules(db),
    allowlist: await listAllowlist(db),
  }));
}

export async function exportBackup(db: DoormanDB, now = Date.now()): Promise<BackupFile> {
  return db.transaction('r', db.allTables, async () => ({
    format: BACKUP_FORMAT,
    version: FORMAT_VERSION,
    exportedAt: now,
    settings: await getSettings(db),
    rules: await listRules(db),
    allowlist: await listAllowlist(db),
    follows: await listFollows(db),
    overrides: await listAccountOverrides(db),
    log: (await db.log.orderBy('at').toArray()).map(({ id: _id, ...entry }) => entry),
  }));
}

export const toJson = (file: RulesFile | BackupFile): string => JSON.stringify(file, null, 2);

// ---------------------------------------------------------------------------------------- parsing

async function readText(input: string | Blob): Promise<string> {
  if (typeof input !== 'string') {
    if (input.size > MAX_IMPORT_BYTES) throw new ImportError(tooBig(input.size));
    return input.text();
  }
  // UTF-8 needs at least one byte per UTF-16 unit and at most three; measure only when in doubt.
  const bytes = input.length * 3 <= MAX_IMPORT_BYTES ? input.length : new TextEncoder().encode(input).length;
  if (bytes > MAX_IMPORT_BYTES) throw new ImportError(tooBig(bytes));
  return input;
}

const MB = 1024 * 1024;

/** Rounded to a tenth, a file just over the limit would read "50.0 MB" against a 50 MB limit: then both sizes go in bytes. */
export function tooBig(bytes: number): Problem {
  const shown = Number((bytes / MB).toFixed(1));
  const limit = MAX_IMPORT_BYTES / MB;
  return shown > limit ? problem('fileTooBig', shown, limit) : problem('fileTooBigBytes', bytes, MAX_IMPORT_BYTES, limit);
}

/** A write that fails on storage (quota, a blocked or broken database) says so, instead of blaming the file. */
const storageWrite = <T>(write: () => Promise<T>): Promise<T> => asStorageWrite(write, (e) => e instanceof ImportError);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    // The parser's own words (the browser's, in English) go inside the message as they are.
    throw new ImportError(problem('notJson', e instanceof Error ? e.message : String(e)));
  }
}

/** The format tag and version, checked first so the wrong kind of file gets a sentence, not a schema dump. */
function checkHeader(raw: unknown, format: string): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ImportError(problem('notObject'));
  const { format: got, version } = raw as { format?: unknown; version?: unknown };
  if (got !== format) {
    const found = JSON.stringify(got);
    const wrong = found === undefined
      ? problem('wrongFormatNone', format)
      : problem(got === BACKUP_FORMAT ? 'wrongFormatBackup' : got === RULES_FORMAT ? 'wrongFormatRules' : 'wrongFormat', format, found.slice(0, 80));
    throw new ImportError(atPath(['format'], wrong));
  }
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    // The version is a number in the file, but said as a tag ("2", never "2.0" or "1,000").
    throw new ImportError(atPath(['version'], problem('newerVersion', String(version), String(FORMAT_VERSION))));
  }
}

async function parseFile<S extends z.ZodType>(input: string | Blob, format: string, schema: S): Promise<z.infer<S>> {
  const raw = parseJson(await readText(input));
  checkHeader(raw, format);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ImportError(zodProblem(parsed.error));
  return parsed.data;
}

export const parseRulesFile = (input: string | Blob): Promise<RulesFile> => parseFile(input, RULES_FORMAT, RulesFile);
export const parseBackupFile = (input: string | Blob): Promise<BackupFile> => parseFile(input, BACKUP_FORMAT, BackupFile);

// ---------------------------------------------------------------------------------------- import

export interface ImportOptions {
  /** merge: add new rules at the end, replace same-id rules in place, add allowlist entries. replace: the file becomes the lists. */
  mode?: 'merge' | 'replace';
  now?: number;
}

export async function importRules(
  db: DoormanDB,
  input: string | Blob,
  { mode = 'merge', now = Date.now() }: ImportOptions = {},
): Promise<{ rules: number; allowlist: number }> {
  const file = await parseRulesFile(input);
  const allowRows = file.allowlist.map((e, i) => allowRow(e, now, `allowlist[${i}]`));
  await storageWrite(() => db.transaction('rw', db.rules, db.allowlist, db.meta, async () => {
    if (mode === 'replace') {
      await db.rules.clear();
      await db.allowlist.clear();
    }
    const existing = new Map((await db.rules.toArray()).map((r) => [r.id, r.order]));
    let next = Math.max(-1, ...existing.values()) + 1;
    const rows: RuleRow[] = file.rules.map((rule) => ({ ...rule, order: existing.get(rule.id) ?? next++ }));
    const total = new Set([...existing.keys(), ...file.rules.map((r) => r.id)]).size;
    if (total > MAX_RULES) throw new ImportError(atPath(['rules'], problem('tooManyRules', total, MAX_RULES)));
    if (mode === 'merge') {
      // The file alone is within the set budget (its schema checks that); merged with the stored rules it may not be.
      const incoming = new Map(file.rules.map((r) => [r.id, r]));
      const stored = (await listRules(db)).map((r) => incoming.get(r.id) ?? r);
      const kept = new Set(stored.map((r) => r.id));
      const over = ruleSetProblems([...stored, ...file.rules.filter((r) => !kept.has(r.id))])[0];
      if (over) throw new ImportError(atPath(['rules'], problem('mergedRules', { problem: over.problem })));
    }
    await db.rules.bulkPut(rows);
    await putAllowRows(db, allowRows);
    await bumpRevision(db);
  }));
  return { rules: file.rules.length, allowlist: allowRows.length };
}

export interface RestoreCounts {
  rules: number;
  allowlist: number;
  follows: number;
  overrides: number;
  log: number;
}

/**
 * Replaces everything with the backup's contents, exactly as written (times included: an entry with
 * no time keeps 0), so export → restore → export gives the same file. The revision keeps counting up.
 * All in one transaction: a failure (a full disk) leaves the database as it was.
 */
export async function restoreBackup(db: DoormanDB, input: string | Blob): Promise<RestoreCounts> {
  const file = await parseBackupFile(input);
  const asWritten = 0; // "now" for entries without a time: none is filled in
  const allowRows = file.allowlist.map((e, i) => allowRow(e, asWritten, `allowlist[${i}]`));
  // Within the follow graph's caps, as learning keeps it (a backup from before the caps may hold more).
  const followRows: FollowRow[] = withinFollowCaps(file.follows).map((f) => ({ ...f, key: accountRowKey(f.site, f.accountId, f.handle) }));
  const accountRows: AccountRow[] = file.overrides.map((o, i) => accountRow(o, asWritten, `overrides[${i}]`));
  const seen = new Set<string>();
  // A backup may hold an item twice (hand-edited, concatenated); keep the first like addLogEntries does.
  const logRows: LogRow[] = file.log.filter((e) => {
    const k = `${e.site}\u0000${e.itemId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const ruleRows: RuleRow[] = file.rules.map((rule, order) => ({ ...rule, order }));

  await storageWrite(() => db.transaction('rw', db.allTables, async () => {
    await Promise.all([db.rules.clear(), db.allowlist.clear(), db.follows.clear(), db.accounts.clear(), db.log.clear(), db.settings.clear()]);
    await db.settings.put({ key: SETTINGS_ROW_KEY, value: file.settings });
    await db.rules.bulkPut(ruleRows);
    await putAllowRows(db, allowRows);
    await db.follows.bulkPut(followRows);
    await db.accounts.bulkPut(accountRows);
    await db.log.bulkAdd(logRows);
    await bumpRevision(db);
  }));
  return {
    rules: ruleRows.length,
    allowlist: allowRows.length,
    follows: followRows.length,
    overrides: accountRows.length,
    log: logRows.length,
  };
}

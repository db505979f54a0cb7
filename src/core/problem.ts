// What went wrong, as data: a problem code and its arguments, never a sentence. Core and db code
// (imports, validation, budgets, sync, servers) throw or return these; the pages render them in the
// UI language through one renderer (core/problem-text.ts, bound to the pages' i18n in
// ui/problems.ts), the way reasons are rendered. Plain data, so a problem can cross a runtime
// message or sit in storage as it is. No UI imports and no schema library here.

/** Every problem; each is one message (`problem_<code>`) in every locale, taking as many $n as its arity. */
export const PROBLEM_CODES = {
  // A field of a file or a setting: "$1: $2" (the path, the problem there).
  at: 2,
  invalid: 0,
  // Files (imports, restores)
  fileTooBig: 2,
  fileTooBigBytes: 3,
  notJson: 1,
  notObject: 0,
  wrongFormat: 2,
  wrongFormatNone: 1,
  wrongFormatBackup: 2,
  wrongFormatRules: 2,
  newerVersion: 2,
  tooManyRules: 2,
  mergedRules: 1,
  duplicateRuleId: 1,
  needsAccount: 0,
  unknownSite: 2,
  tooManySites: 1,
  logNeedsReason: 0,
  // Schema issues (zod), by kind
  expected: 1,
  missing: 1,
  valueExpected: 1,
  oneOf: 1,
  unknownType: 1,
  unknownFields: 1,
  badFormat: 1,
  empty: 0,
  tooShort: 1,
  tooLong: 1,
  noItems: 0,
  tooFewItems: 1,
  tooManyItems: 1,
  numberMin: 1,
  numberAbove: 1,
  numberMax: 1,
  numberBelow: 1,
  tooSmall: 0,
  tooLarge: 0,
  tooDeep: 1,
  // Rules: patterns and budgets
  patternEmpty: 0,
  notRegex: 1,
  regexCompiledSteps: 2,
  regexCopies: 2,
  regexWide: 2,
  regexAlternatives: 2,
  regexSteps: 2,
  ruleConditions: 2,
  ruleTextTests: 2,
  ruleRegexes: 2,
  ruleSteps: 2,
  ruleListEntries: 2,
  ruleLiteralChars: 2,
  setConditions: 2,
  setTextTests: 2,
  setRegexes: 2,
  setSteps: 2,
  setListEntries: 2,
  setLiteralChars: 2,
  ruleNamed: 2,
  ruleWithId: 2,
  thisRule: 1,
  moreThan: 1,
  rulesFull: 1,
  // Mastodon following-list CSV
  csvNoAddress: 0,
  csvAddressTooLong: 1,
  csvNotAddress: 1,
  csvUnclosed: 0,
  csvLine: 2,
  csvNoAccounts: 0,
  csvNoGoodRow: 2,
  // Bluesky follow import (the first argument of the request problems is where: profile, page n)
  bskyNotHandle: 1,
  bskyPartialHandle: 2,
  bskyCancelled: 0,
  bskyNoPermission: 1,
  bskyUnknownHandle: 1,
  bskyProfile: 0,
  bskyPage: 1,
  bskyNotJson: 2,
  bskyTimeout: 3,
  bskyNetwork: 3,
  bskyRateLimited: 2,
  bskyRateLimitedLater: 1,
  bskyHttp: 2,
  bskyNoDid: 1,
  bskyNoFollows: 1,
  bskyPageTooBig: 3,
  bskyCursorNotString: 1,
  bskyFollowNoDid: 2,
  bskyFollowNoHandle: 2,
  bskySameCursor: 1,
  // Storage refusing a write (the detail is the browser's own words)
  storageQuota: 1,
  storageBlocked: 1,
  storageRefused: 1,
  // Mastodon servers
  serverNotHost: 1,
  serverBuiltIn: 1,
  serverNoPermission: 1,
  serversUnsupported: 0,
  // Sync
  syncDataUnusable: 2,
  syncTakeFailed: 2,
  syncTooBig: 3,
  syncTooManyItems: 2,
  syncPartSize: 2,
  syncRefused: 1,
  // An error that is not Doorman's (the browser's, a library's): its own text in a frame
  foreign: 1,
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Words a problem names and every locale translates (`problemTerm_<term>`): value types, sync parts. */
export const PROBLEM_TERMS = [
  'string', 'number', 'int', 'boolean', 'array', 'object', 'null', 'date', 'bigint',
  'settings', 'rules', 'allowlist', 'overrides',
] as const;
export type ProblemTerm = (typeof PROBLEM_TERMS)[number];

/**
 * One argument: a string is data shown as it is (a file name, a handle, a value from the file, a
 * browser's own message); a number is formatted in the reader's language; the objects are a list
 * joined as the language joins lists, a translated word, a field path (`rules[3].when.pattern`),
 * and a problem inside this one.
 */
export type ProblemArg =
  | string
  | number
  | { readonly list: readonly ProblemArg[] }
  | { readonly term: string }
  | { readonly path: readonly (string | number)[] }
  | { readonly problem: Problem };

export interface Problem {
  readonly code: ProblemCode;
  readonly args?: readonly ProblemArg[];
}

export const problem = (code: ProblemCode, ...args: ProblemArg[]): Problem => (args.length > 0 ? { code, args } : { code });

/** `inner` at a field: nothing to say when the path is empty. */
export const atPath = (path: readonly (string | number)[], inner: Problem): Problem =>
  path.length === 0 ? inner : problem('at', { path: [...path] }, { problem: inner });

/** A short code-and-arguments line for logs and test failures (the pages render the real sentence). */
export function problemSummary(p: Problem): string {
  const arg = (a: ProblemArg): string => {
    if (typeof a === 'string') return JSON.stringify(a);
    if (typeof a === 'number') return String(a);
    if ('list' in a) return `[${a.list.map(arg).join(', ')}]`;
    if ('term' in a) return a.term;
    if ('path' in a) return a.path.join('.');
    return problemSummary(a.problem);
  };
  return p.args && p.args.length > 0 ? `${p.code}(${p.args.map(arg).join(', ')})` : p.code;
}

/** An error that carries its problem; its `message` is only the summary, for logs. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(problemSummary(problem));
  }
}

const isCode = (v: unknown): v is ProblemCode => typeof v === 'string' && Object.hasOwn(PROBLEM_CODES, v);

/** A stored or sent value that is a problem (a sync state, a background answer), or undefined. */
export function asProblem(v: unknown): Problem | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { code, args } = v as { code?: unknown; args?: unknown };
  if (!isCode(code) || (args !== undefined && !Array.isArray(args))) return undefined;
  return v as Problem;
}

/** The problem an error carries, when it is one of Doorman's. */
export function problemOf(e: unknown): Problem | undefined {
  if (e instanceof ProblemError) return e.problem;
  return asProblem((e as { problem?: unknown } | null | undefined)?.problem);
}

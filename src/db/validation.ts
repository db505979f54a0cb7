// Turns a zod error into a problem (core/problem.ts) that names the offending field, e.g.
// `at(rules[3].when.of[0].pattern, notRegex(…))`: the path stays data, the issue's kind becomes a
// code with its parameters (the expected type, the length limit, the accepted tags), so the pages
// say it in the UI language. Issues Doorman adds itself (refinements, budgets) carry their problem
// in `params.problem`.
import type { z } from 'zod';
import { asProblem, atPath, problem, problemSummary, type Problem } from '../core/problem';
import { formatPath as joinPath } from '../core/problem-text';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `rules[3].when.pattern`, after `prefix` (kept for the callers that name rows by it). */
export const formatPath = (prefix: string, path: Path): string => joinPath(path, prefix);

/** A union branch that failed only because its `type` tag did not match is not the one the author meant. */
function wrongTag(branch: readonly Issue[]): boolean {
  return branch.some((i) => i.path.length === 1 && i.path[0] === 'type' && (i.code === 'invalid_value' || i.code === 'invalid_union'));
}

const shown = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
};

/** The tags a union accepts, read from its branches' `type` issues (none when it is not a tagged union). */
function unionTags(issue: Extract<Issue, { code: 'invalid_union' }>): string[] {
  const tags = issue.errors.flatMap((branch) =>
    branch.flatMap((i) => {
      if (i.path.length !== 1 || i.path[0] !== 'type') return [];
      if (i.code === 'invalid_value') return i.values.map(String);
      const options = (i as { options?: unknown }).options; // a discriminated union's own list
      return Array.isArray(options) ? options.map(String) : [];
    }),
  );
  return [...new Set(tags)];
}

const keepPath = (path: Path): (string | number)[] => path.map((p) => (typeof p === 'number' ? p : String(p)));

/** One zod issue as a problem, without its path. */
export function issueProblem(issue: Issue): Problem {
  switch (issue.code) {
    case 'custom':
      return asProblem((issue.params as { problem?: unknown } | undefined)?.problem) ?? problem('invalid');
    case 'invalid_type': {
      const expected = { term: String(issue.expected) };
      // zod words a missing value as "… received undefined"; its input is not kept, its message is stable.
      return /received undefined$/.test(issue.message) ? problem('missing', expected) : problem('expected', expected);
    }
    case 'invalid_value':
      return issue.values.length === 1 ? problem('valueExpected', shown(issue.values[0])) : problem('oneOf', { list: issue.values.map(shown) });
    case 'unrecognized_keys':
      return problem('unknownFields', { list: issue.keys.map((k) => shown(k)) });
    case 'invalid_format':
      return problem('badFormat', issue.format);
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? problem('empty') : problem('tooShort', n);
      if (issue.origin === 'array' || issue.origin === 'set') return n <= 1 ? problem('noItems') : problem('tooFewItems', n);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? problem('numberAbove', n) : problem('numberMin', n);
      }
      return problem('tooSmall');
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return problem('tooLong', n);
      if (issue.origin === 'array' || issue.origin === 'set') return problem('tooManyItems', n);
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? problem('numberBelow', n) : problem('numberMax', n);
      }
      return problem('tooLarge');
    }
    case 'invalid_union': {
      const tags = unionTags(issue);
      return tags.length > 0 ? problem('unknownType', { list: tags }) : problem('invalid');
    }
    default:
      return problem('invalid');
  }
}

/** Follows unions down to the branch the input was meant for, so the path points at the real problem. */
function innermost(issue: Issue, base: Path): { issue: Issue; path: Path } {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  const meant = issue.errors.filter((branch) => branch.length > 0 && !wrongTag(branch));
  const first = meant[0]?.[0];
  if (meant.length === 1 && first) return innermost(first, path);
  // No branch matched the tag: the problem is the tag, and it lists every tag the union accepts.
  return unionTags(issue).length > 0 ? { issue, path: [...path, 'type'] } : { issue, path };
}

/** The first issue of a zod error as a problem at its field; `prefix` names where the value sits (a table, a sync part). */
export function zodProblem(error: z.ZodError, prefix: readonly (string | number)[] = []): Problem {
  const at = prefix.filter((p) => p !== '');
  const top = error.issues[0];
  if (!top) return atPath(at, problem('invalid'));
  const { issue, path } = innermost(top, []);
  return atPath([...at, ...keepPath(path)], issueProblem(issue));
}

/** The same as one line, the field then the problem's code and arguments: for logs and internal rejections, never shown to people. */
export function describeZodError(error: z.ZodError, prefix = ''): string {
  const p = zodProblem(error, prefix === '' ? [] : [prefix]);
  const [where, inner] = p.code === 'at' ? (p.args ?? []) : [];
  if (typeof where === 'object' && 'path' in where && typeof inner === 'object' && 'problem' in inner) {
    return `${joinPath(where.path)}: ${problemSummary(inner.problem)}`;
  }
  return problemSummary(p);
}

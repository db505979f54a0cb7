// Turns a zod error into one sentence that names the offending field, e.g.
// `rules[3].when.of[0].pattern: not a supported regular expression (…)`.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export function formatPath(prefix: string, path: Path): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A union branch that failed only because its `type` tag did not match is not the one the author meant. */
function wrongTag(branch: readonly Issue[]): boolean {
  return branch.some((i) => i.path.length === 1 && i.path[0] === 'type' && (i.code === 'invalid_value' || i.code === 'invalid_union'));
}

/** Follows unions down to the branch the input was meant for, so the path points at the real problem. */
function innermost(issue: Issue, base: Path): { issue: Issue; path: Path } {
  const path = [...base, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { issue, path };
  const meant = issue.errors.filter((branch) => branch.length > 0 && !wrongTag(branch));
  const first = meant[0]?.[0];
  if (meant.length === 1 && first) return innermost(first, path);
  // No branch matched the tag: list every tag the union accepts.
  const tags = issue.errors.flatMap((branch) =>
    branch.flatMap((i) => {
      if (i.path.length !== 1 || i.path[0] !== 'type') return [];
      if (i.code === 'invalid_value') return i.values.map(String);
      const options = (i as { options?: unknown }).options; // a discriminated union's own list
      return Array.isArray(options) ? options.map(String) : [];
    }),
  );
  if (tags.length > 0) {
    const message = `unknown type; expected one of ${[...new Set(tags)].join(', ')}`;
    return { issue: { ...issue, message }, path: [...path, 'type'] };
  }
  return { issue, path };
}

export function describeZodError(error: z.ZodError, prefix = ''): string {
  const top = error.issues[0];
  if (!top) return prefix ? `${prefix}: invalid` : 'invalid';
  const { issue, path } = innermost(top, []);
  const where = formatPath(prefix, path);
  return where ? `${where}: ${issue.message}` : issue.message;
}

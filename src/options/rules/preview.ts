// "Would this rule have matched?": runs a rule over recent log entries rebuilt as FeedItems.
//
// What the preview can know from a log entry: site, item id, kind, page context, the author's id,
// handle and display name, the text (the log keeps a snippet of up to 280 characters), links in
// that snippet, and whether the item was an ad. Follow state comes from the follows Doorman learned
// (an author not among them counts as not followed: the log only holds items Doorman filtered,
// which it never does to people you follow); the allowlist and brand overrides are today's.
//
// What it cannot know (the log does not record it): the author's badge (verified kind), bot flag,
// account age, business profile, whether they follow you, whether the item was in your own thread,
// and text beyond the snippet. Predicates on those see "none", false, unknown age or 'unknown', so
// a rule built on them may match fewer logged items here than it will on the page.
import { normalizeDomain } from '../../core/domain';
import { compileSnapshot, followedBy, ruleMatches } from '../../core/compile';
import { re2 } from '../../core/re2';
import type { FeedItem } from '../../core/model';
import type { Rule } from '../../core/rules';
import type { Snapshot } from '../../core/snapshot';
import type { LogEntryInput } from '../../shared/messages';

export const PREVIEW_SIZE = 500;

/** Predicates whose inputs the log does not keep, so the preview cannot judge them. */
export const UNKNOWABLE_PREDICATES = new Set(['verified', 'bot', 'accountAge', 'followsYou', 'inOwnThread']);

const URL_HOST = /\bhttps?:\/\/([a-z0-9.-]+)/gi;

export function linkDomainsOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(URL_HOST)) {
    const host = normalizeDomain(m[1] ?? '');
    if (host) out.add(host);
    if (out.size >= 50) break;
  }
  return [...out];
}

export function logEntryToItem(e: LogEntryInput): FeedItem {
  return {
    site: e.site,
    id: e.itemId,
    permalink: e.permalink,
    kind: e.kind,
    context: e.context,
    author: {
      id: e.authorId,
      handle: e.handle,
      displayName: e.displayName,
      followed: 'unknown',
      followsYou: 'unknown',
      verified: 'none',
      bot: false,
      accountAgeDays: null,
      orgProfile: false,
    },
    text: e.snippet,
    linkDomains: linkDomainsOf(e.snippet),
    inOwnThread: false,
    promoted: e.kind === 'ad' || e.reasonCode === 'ad',
  };
}

export interface PreviewResult {
  matched: number;
  total: number;
  /** The first few matching entries, newest first. */
  samples: LogEntryInput[];
}

export function previewRule(
  rule: Rule,
  entries: readonly LogEntryInput[],
  base: Omit<Snapshot, 'rules' | 'revision' | 'format'>,
  sampleCount = 3,
): PreviewResult {
  const rs = compileSnapshot({ ...base, revision: 0, rules: [{ ...rule, enabled: true }] }, { regex: re2 });
  const compiled = rs.rules[0];
  const samples: LogEntryInput[] = [];
  let matched = 0;
  if (!compiled) return { matched, total: entries.length, samples };
  for (const e of entries) {
    const item = logEntryToItem(e);
    // Ask the ruleset whether the author is among the learned follows, then settle the follow state
    // before the real evaluation (see the note at the top): learned → followed, otherwise not.
    item.author.followed = followedBy(rs, item) === true;
    if (ruleMatches(compiled, item, rs)) {
      matched++;
      if (samples.length < sampleCount) samples.push(e);
    }
  }
  return { matched, total: entries.length, samples };
}

/** Whether the condition uses a predicate the preview cannot judge (the form then says so). */
export function usesUnknowable(types: Iterable<string>): boolean {
  for (const t of types) if (UNKNOWABLE_PREDICATES.has(t)) return true;
  return false;
}

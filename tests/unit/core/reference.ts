// A deliberately naive classifier: the documented semantics evaluated straight off the snapshot and the
// condition tree, with none of compile.ts's machinery (dispatch sieves, bitmask fusion, the shared text
// scan, regex literal prefilters, account indexes). Property tests check classify against it.
// Handles compare after normalizeHandle on both sides, as everywhere in Doorman.
import { normalizeDomain } from '../../../src/core/domain';
import { RE2JS } from 're2js';
import { assessBrand, type BrandOverride } from '../../../src/core/brand';
import { normalizeHandle } from '../../../src/core/handle';
import type { FeedItem, ReasonCode, VerdictClass, Action } from '../../../src/core/model';
import type { Condition } from '../../../src/core/rules';
import type { Snapshot } from '../../../src/core/snapshot';

export interface RefVerdict {
  class: VerdictClass;
  action: Action;
  ruleId: string;
  reasonCode: ReasonCode;
}

interface Entry {
  site: string;
  accountId: string;
  handle: string;
}

/** By id when both sides know it; by handle when the item's id is unknown or the entry has none. */
function entryMatches(e: Entry, item: FeedItem): boolean {
  if (e.site !== item.site) return false;
  const a = item.author;
  if (e.accountId !== '' && a.id !== '' && e.accountId === a.id) return true;
  return e.handle !== '' && a.handle !== '' && normalizeHandle(e.handle) === normalizeHandle(a.handle) && (e.accountId === '' || a.id === '');
}

function overrideOf(s: Snapshot, item: FeedItem): BrandOverride | null {
  const a = item.author;
  const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];
  const sameSite = s.overrides.filter((o) => o.site === item.site);
  const byId = last(sameSite.filter((o) => o.accountId !== '' && a.id !== '' && o.accountId === a.id));
  if (byId) return byId.brand;
  if (a.handle === '') return null;
  const byHandle = sameSite.filter((o) => o.handle !== '' && normalizeHandle(o.handle) === normalizeHandle(a.handle));
  const idless = last(byHandle.filter((o) => o.accountId === ''));
  if (idless) return idless.brand;
  const withId = last(byHandle.filter((o) => o.accountId !== ''));
  return a.id === '' && withId ? withId.brand : null;
}

function wordMatch(haystack: string, needle: string): boolean {
  const esc = needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const isWord = (cp: string | undefined) => cp !== undefined && /[\p{L}\p{N}\p{M}_]/u.test(cp);
  const chars = [...needle];
  const pre = isWord(chars[0]) ? '(?<![\\p{L}\\p{N}\\p{M}_])' : '';
  const post = isWord(chars[chars.length - 1]) ? '(?![\\p{L}\\p{N}\\p{M}_])' : '';
  return new RegExp(`${pre}${esc}${post}`, 'u').test(haystack);
}

const compiled = new Map<string, RE2JS | null>();
function re2(pattern: string, caseSensitive: boolean): RE2JS | null {
  const key = `${caseSensitive}:${pattern}`;
  if (!compiled.has(key)) {
    try {
      compiled.set(key, RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE));
    } catch {
      compiled.set(key, null);
    }
  }
  return compiled.get(key)!;
}

function textMatch(c: Extract<Condition, { type: 'text' }>, text: string): boolean {
  if (c.mode === 'regex') return re2(c.pattern, c.caseSensitive)?.test(text) ?? false;
  const hay = c.caseSensitive ? text : text.toLowerCase();
  const needle = c.caseSensitive ? c.pattern : c.pattern.toLowerCase();
  return c.mode === 'contains' ? hay.includes(needle) : wordMatch(hay, needle);
}

export function referenceClassify(s: Snapshot, item: FeedItem): RefVerdict {
  const settings = s.settings;
  const a = item.author;
  if (settings.sites[item.site]?.enabled === false) return { class: 'interaction', action: 'show', ruleId: 'site:paused', reasonCode: 'site-paused' };
  let followed = a.followed;
  if (followed === 'unknown' && s.follows.some((f) => entryMatches(f, item))) followed = true;
  const allowlisted = s.allowlist.some((e) => entryMatches(e, item));
  const brandScore = () => assessBrand(item, overrideOf(s, item), item.text.toLowerCase()).score;

  const test = (c: Condition): boolean => {
    switch (c.type) {
      case 'all': return c.of.every(test);
      case 'any': return c.of.some(test);
      case 'not': return !test(c.of);
      case 'followed': return followed === c.value;
      case 'followsYou': return a.followsYou === c.value;
      case 'verified': return c.kinds.includes(a.verified);
      case 'handle': return c.handles.map(normalizeHandle).includes(normalizeHandle(a.handle));
      case 'kind': return c.kinds.includes(item.kind);
      case 'context': return c.contexts.includes(item.context);
      case 'promoted': return item.promoted || item.kind === 'ad';
      case 'bot': return a.bot;
      case 'inOwnThread': return item.inOwnThread;
      case 'allowlisted': return allowlisted;
      case 'text': return textMatch(c, item.text);
      case 'linkDomain': {
        const ds = c.domains.map(normalizeDomain);
        return item.linkDomains.some((h) => ds.some((d) => h === d || h.endsWith(`.${d}`)));
      }
      case 'accountAge': return a.accountAgeDays !== null && a.accountAgeDays < c.lessThanDays;
      case 'brand': return brandScore() >= (c.atLeast ?? settings.brandThreshold);
    }
  };

  for (const r of s.rules) {
    if (!r.enabled || (r.sites.length > 0 && !r.sites.includes(item.site))) continue;
    if (test(r.when)) return { class: r.then.class, action: r.then.action, ruleId: `user:${r.id}`, reasonCode: 'user-rule' };
  }
  const p = settings.policy;
  const v = (cls: VerdictClass, action: Action, step: string, reasonCode: ReasonCode): RefVerdict =>
    ({ class: cls, action, ruleId: `policy:${p}:${step}`, reasonCode });
  if (p === 'off') return { class: 'interaction', action: 'show', ruleId: 'policy:off', reasonCode: 'off' };
  if (followed === true) return v('interaction', 'show', 'followed', 'followed');
  if (allowlisted) return v('interaction', 'show', 'allowlisted', 'allowlisted');
  if (item.promoted || item.kind === 'ad') return v('interruption', item.kind === 'mention' ? 'collapse' : 'hide', 'ad', 'ad');
  if (['search', 'profile', 'list'].includes(item.context)) return v('interaction', 'show', 'seek', 'seek');
  if (!['reply', 'mention', 'quote'].includes(item.kind)) return v('interaction', 'show', 'default', 'default');
  if (settings.letVerifiedOrganizations && (a.verified === 'organization' || a.verified === 'government')) {
    return v('interaction', 'show', 'verified-org', 'verified-org');
  }
  if (followed === 'unknown') return v('interaction', 'show', 'unknown-follow', 'unknown-follow');
  if (p === 'strict') return v('interruption', 'collapse', 'not-followed', 'not-followed');
  if (settings.hideUnsolicitedBrands && brandScore() >= settings.brandThreshold) {
    return v('interruption', 'collapse', 'brand', item.kind === 'mention' ? 'brand-mention' : 'brand-reply');
  }
  return v('interaction', 'show', 'default', 'default');
}

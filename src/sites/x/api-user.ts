// Reads one X user object — GraphQL (older `legacy` schema and the 2025–26 `core` schema) or REST v2
// (`globalObjects.users`) — into an AccountFact. Pure; runs in the page world, so types only from zod land.
import type { VerifiedKind } from '../../core/model';
import type { AccountFact } from '../../shared/facts';
import { bool, clip, rec, str, type Json } from '../../page-world/json';

/** X ids are decimal strings (snowflakes); anything else is not an id we can key facts by. */
/** Hoisted: this runs for every id of every API response. */
const X_ID = /^\d{1,30}$/;
export const isXId = (v: unknown): v is string => typeof v === 'string' && v.length <= 30 && X_ID.test(v);

const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

/**
 * "Sat Dec 14 04:35:55 +0000 2013" (X's format) or ISO 8601 → ms since epoch. Parsed by hand: the
 * Twitter format is not one Date.parse is required to understand in every engine.
 */
export function parseXDate(s: string | undefined): number | undefined {
  if (s === undefined || s.length > 64) return undefined;
  // Every response repeats its authors' creation dates: parse each string once (a few thousand at most).
  if (parsedDates.has(s)) return parsedDates.get(s);
  const t = parseDate(s);
  if (parsedDates.size >= MAX_PARSED_DATES) parsedDates.clear();
  parsedDates.set(s, t);
  return t;
}

const parsedDates = new Map<string, number | undefined>();
const MAX_PARSED_DATES = 5_000;
const X_DATE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

function parseDate(s: string): number | undefined {
  const m = X_DATE.exec(s);
  if (m) {
    const [, mon = '', d, hh, mm, ss, sign, oh, om, y] = m;
    const month = MONTHS[mon];
    if (month === undefined) return undefined;
    const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    const t = Date.UTC(Number(y), month, Number(d), Number(hh), Number(mm), Number(ss)) - offset;
    return Number.isFinite(t) ? t : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}

/**
 * Strongest badge first: government and organisation badges are granted by X; an affiliate label
 * ties the account to a verified organisation (and usually comes with a blue check, so it must beat
 * 'paid'); the blue check alone is bought. `undefined` when the object says nothing either way.
 */
export function verifiedKind(type: string | undefined, blue: boolean | undefined, labelType: string | undefined): VerifiedKind | undefined {
  if (type === 'Government') return 'government';
  if (type === 'Business') return 'organization';
  if (labelType === 'BusinessLabel') return 'affiliate';
  if (blue === true) return 'paid';
  if (blue === false) return 'none';
  return undefined;
}

function label(u: Json): string | undefined {
  return str(rec(rec(u.affiliates_highlighted_label)?.label)?.userLabelType);
}

/** Sets only the fields the object actually states, so merging never overwrites a fact with a guess. */
function assign(fact: AccountFact, extra: Partial<AccountFact>): AccountFact {
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (fact as Record<string, unknown>)[k] = v;
  return fact;
}

/** A GraphQL `__typename: "User"` result. */
export function readGraphqlUser(u: Json): AccountFact | null {
  const id = u.rest_id;
  if (!isXId(id)) return null;
  const core = rec(u.core);
  const legacy = rec(u.legacy);
  const rp = rec(u.relationship_perspectives);
  const handle = str(core?.screen_name) ?? str(legacy?.screen_name) ?? '';
  const name = str(core?.name) ?? str(legacy?.name);
  const professional = str(rec(u.professional)?.professional_type);
  const shape = str(u.profile_image_shape);
  const labelType = label(u);
  // Both schemas leave false flags out, so an absent flag means false — but only inside an object that
  // is really there: `relationship_perspectives` (newer), or a full `legacy` user (older: one with a
  // screen_name, not a stub). With neither, the follow state stays unknown (and Doorman fails open).
  const fullLegacy = legacy !== undefined && typeof legacy.screen_name === 'string';
  const flag = (v: unknown, present: boolean) => bool(v) ?? (present ? false : undefined);
  const followed = rp ? flag(rp.following, true) : flag(legacy?.following, fullLegacy);
  const followsYou = rp ? flag(rp.followed_by, true) : flag(legacy?.followed_by, fullLegacy);
  const type = str(rec(u.verification)?.verified_type) ?? str(legacy?.verified_type);
  return assign({ id, handle: clip(handle, 320) }, {
    displayName: name === undefined ? undefined : clip(name, 200),
    followed,
    followsYou,
    verified: verifiedKind(type, bool(u.is_blue_verified), labelType),
    bot: labelType === 'AutomatedLabel' ? true : undefined,
    orgProfile: professional === 'Business' || shape === 'Square'
      ? true
      : professional !== undefined || shape !== undefined ? false : undefined,
    createdAt: parseXDate(str(core?.created_at) ?? str(legacy?.created_at)),
  });
}

/**
 * A flat REST user from `globalObjects.users` (the older /i/api/2/notifications endpoints). The web
 * app asks for the `ext_*` extensions (include_ext_verified_type, …), so badge kind, avatar shape and
 * the affiliate label arrive under those names; the plain names are read as a fallback.
 */
export function readRestUser(u: Json): AccountFact | null {
  const id = u.id_str;
  if (!isXId(id)) return null;
  const name = str(u.name);
  const labelType =
    str(rec(rec(rec(rec(rec(u.ext)?.highlightedLabel)?.r)?.ok)?.label)?.userLabelType) ??
    str(rec(rec(u.ext_highlighted_label)?.label)?.userLabelType) ??
    label(u);
  const shape = str(u.ext_profile_image_shape) ?? str(u.profile_image_shape);
  const business = str(u.business_profile_state);
  return assign({ id, handle: clip(str(u.screen_name) ?? '', 320) }, {
    displayName: name === undefined ? undefined : clip(name, 200),
    // REST users carry both flags explicitly (true / false); null or absent stays unknown.
    followed: bool(u.following),
    followsYou: bool(u.followed_by),
    verified: verifiedKind(str(u.ext_verified_type) ?? str(u.verified_type), bool(u.ext_is_blue_verified) ?? bool(u.is_blue_verified), labelType),
    bot: labelType === 'AutomatedLabel' ? true : undefined,
    orgProfile: shape === 'Square' || business === 'active'
      ? true
      : shape !== undefined || business !== undefined ? false : undefined,
    createdAt: parseXDate(str(u.created_at)),
  });
}

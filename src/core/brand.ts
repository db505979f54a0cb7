// Brand-likeness: a score built from named, explained signals. No single weak signal makes a brand;
// the threshold (default 3) is the user's to move, and per-account overrides beat the score. The
// text signals read the post's own language's words (brand-words.ts) where the page names it, every
// language's otherwise; a signal's id and label are the same in every language.
import { BRAND_HANDLE, BRAND_NAME, brandWordsFor } from './brand-words';
import type { FeedItem } from './model';

export type BrandOverride = 'brand' | 'not-brand';

export interface BrandSignal {
  id: string;
  weight: number;
  /** Short phrase for the reason sentence, e.g. "Business-verified". */
  label: string;
}

export interface BrandAssessment {
  score: number;
  signals: BrandSignal[];
  override: BrandOverride | null;
}

export const BRAND_SIGNALS = {
  organization: { weight: 3, label: 'verified organisation' },
  government: { weight: 2, label: 'government account' },
  affiliate: { weight: 2, label: 'affiliated with an organisation' },
  orgProfile: { weight: 2, label: 'business profile' },
  bot: { weight: 2, label: 'automated account' },
  paid: { weight: 1, label: 'paid badge' },
  domainHandle: { weight: 1, label: 'domain handle' },
  brandName: { weight: 1, label: 'brand words in name' },
  promoCode: { weight: 1, label: 'promo code or discount' },
  callToAction: { weight: 1, label: 'sales pitch ("DM us", "link in bio")' },
  trackingLink: { weight: 1, label: 'tracking link' },
} as const satisfies Record<string, { weight: number; label: string }>;
export type BrandSignalId = keyof typeof BRAND_SIGNALS;

// Lower-case text, one regex per signal; all are simple alternations (no backtracking risk).
const TRACKING = /(?:[?&]utm_[a-z]+=|[?&](?:ref|aff|affid|affiliate)=|\bbit\.ly\/|\bamzn\.to\/)/;
const COMMON_HANDLE_HOSTS = /\.(?:bsky\.social|bsky\.team)$/;

/** The part of a handle that names the account: `acmesupport` of Mastodon's `acmesupport@mas.to`. */
const userPart = (handle: string): string => {
  const at = handle.indexOf('@');
  return at < 0 ? handle : handle.slice(0, at);
};

// One frozen object per signal, shared by every assessment: classification allocates no signal objects.
const SIGNAL = Object.fromEntries(
  Object.entries(BRAND_SIGNALS).map(([id, s]) => [id, Object.freeze({ id, weight: s.weight, label: s.label })]),
) as Record<BrandSignalId, BrandSignal>;

function add(signals: BrandSignal[], id: BrandSignalId): void {
  signals.push(SIGNAL[id]);
}

/** `lowerText`, when given, must be `item.text.toLowerCase()` (a caller that has it saves the work). */
export function assessBrand(item: FeedItem, override: BrandOverride | null, lowerText?: string): BrandAssessment {
  if (override === 'not-brand') return { score: 0, signals: [], override };
  const a = item.author;
  const signals: BrandSignal[] = [];
  switch (a.verified) {
    case 'organization':
      add(signals, 'organization');
      break;
    case 'government':
      add(signals, 'government');
      break;
    case 'affiliate':
      add(signals, 'affiliate');
      break;
    case 'paid':
      add(signals, 'paid');
      break;
    default:
      break;
  }
  if (a.orgProfile) add(signals, 'orgProfile');
  if (a.bot) add(signals, 'bot');
  if (item.site === 'bsky' && a.handle.includes('.') && !COMMON_HANDLE_HOSTS.test(a.handle)) add(signals, 'domainHandle');
  const name = a.displayName.toLowerCase();
  if (BRAND_NAME.test(name) || BRAND_HANDLE.test(userPart(a.handle).toLowerCase())) add(signals, 'brandName');
  if (item.text.length > 0) {
    const text = lowerText ?? item.text.toLowerCase();
    const words = brandWordsFor(item.lang);
    if (words.promoCode.test(text)) add(signals, 'promoCode');
    if (words.callToAction.test(text)) add(signals, 'callToAction');
    if (TRACKING.test(text)) add(signals, 'trackingLink');
  }
  let score = 0;
  for (const s of signals) score += s.weight;
  return { score: override === 'brand' ? Number.POSITIVE_INFINITY : score, signals, override };
}

/** "Business-verified, business profile" — the strongest signals first, at most three. */
export function describeSignals(assessment: BrandAssessment): string {
  if (assessment.override === 'brand') return 'you marked it as a brand';
  return [...assessment.signals]
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 3)
    .map((s) => s.label)
    .join(', ');
}

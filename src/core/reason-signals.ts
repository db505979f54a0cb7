// Which brand signals a reason names: the strongest, at most three (their ids; reason-text.ts words
// them). Apart from reason.ts, which model.ts imports, so that brand.ts → model.ts makes no cycle.
import type { BrandAssessment } from './brand';

/** How many brand signals a reason names. */
export const MAX_NAMED_SIGNALS = 3;

/** The strongest signals' ids, at most three, the order stable among equal weights. */
export function strongestSignals(assessment: BrandAssessment): string[] {
  const s = assessment.signals;
  if (s.length <= 1) return s.map((x) => x.id);
  return [...s].sort((x, y) => y.weight - x.weight).slice(0, MAX_NAMED_SIGNALS).map((x) => x.id);
}

// Step 9: tiers. The first tier whose conditions all hold, the last catches
// the rest. topShare: rank ≤ ceil(topShare·n); minScore: total ≥ minScore.
// floor: a total below the tier's floor places the department one tier lower —
// never more, so an absolute standard can correct the rank bands but not replace them.
import type { Tier } from './scheme-schema';
import { TIE_TOLERANCE } from './rank';

/** Guards ceil() against float error: 0.07 × 100 = 7.000000000000001 must give 7, not 8. */
export function topShareCutoff(topShare: number, n: number): number {
  return Math.ceil(topShare * n - 1e-9);
}

export function tierIndex(rank: number, total: number, n: number, tiers: Tier[]): number {
  const band = bandIndex(rank, total, n, tiers);
  const floor = tiers[band].floor;
  return floor !== undefined && total < floor - TIE_TOLERANCE ? Math.min(band + 1, tiers.length - 1) : band;
}

function bandIndex(rank: number, total: number, n: number, tiers: Tier[]): number {
  for (let t = 0; t < tiers.length - 1; t++) {
    const tier = tiers[t];
    if (tier.topShare !== undefined && rank > topShareCutoff(tier.topShare, n)) continue;
    if (tier.minScore !== undefined && total < tier.minScore - TIE_TOLERANCE) continue;
    return t;
  }
  return tiers.length - 1;
}

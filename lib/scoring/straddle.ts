// The 跨等级 caution (engine version 2). Under the weight uncertainty both the rank and the
// total move: the tier is evaluated at the best end (best rank of the interval, 95th
// percentile of the total) and at the worst end (worst rank, 5th percentile of the total).
// They differ exactly when the rank interval crosses a rank cut-off (topShare) or the
// total's interval crosses a score cut-off (minScore or floor) — every cut-off is checked.
// Version 1 evaluated both ends with the nominal total, so a department at 59.1 next to a
// 60 line was never flagged however much its total could move.
import type { Tier } from './scheme-schema';
import { tierIndex } from './tier';

export function straddlesCutoff(rankInterval: [number, number], totalInterval: [number, number], n: number, tiers: Tier[]): boolean {
  const best = tierIndex(rankInterval[0], totalInterval[1], n, tiers);
  const worst = tierIndex(rankInterval[1], totalInterval[0], n, tiers);
  return best !== worst;
}

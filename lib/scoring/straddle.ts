// The 跨等级 caution (engine version 2). A department whose rank could be anywhere in
// [lo, hi] could also stand where the departments at those ranks stand, so its tier
// is evaluated at both ends with the total it would then have: at the best end the
// higher of its own total and the total at rank lo, at the worst end the lower of its
// own and the total at rank hi. The two tiers differ exactly when the interval or that
// range of totals crosses a rank cut-off or a score cut-off (minScore or floor).
import type { Tier } from './scheme-schema';
import { tierIndex } from './tier';

/** totalAtRank(r): the nominal total of a department ranked r (the lowest such total when tied). */
export function straddlesCutoff(
  interval: [number, number],
  rank: number,
  total: number,
  n: number,
  tiers: Tier[],
  totalAtRank: (rank: number) => number,
): boolean {
  const [lo, hi] = interval;
  const best = tierIndex(Math.min(lo, rank), Math.max(total, totalAtRank(lo)), n, tiers);
  const worst = tierIndex(Math.max(hi, rank), Math.min(total, totalAtRank(hi)), n, tiers);
  return best !== worst;
}

/** For competition ranks: the total of the department at each rank, or the nearest rank above with one (ties skip ranks). */
export function totalsByRank(ranks: Int32Array, totals: Float64Array): (rank: number) => number {
  const n = ranks.length;
  const atRank = new Float64Array(n + 1).fill(Number.NaN);
  for (let d = 0; d < n; d++) {
    const r = ranks[d];
    if (Number.isNaN(atRank[r]) || totals[d] < atRank[r]) atRank[r] = totals[d];
  }
  for (let r = 2; r <= n; r++) if (Number.isNaN(atRank[r])) atRank[r] = atRank[r - 1];
  return (rank) => atRank[Math.min(Math.max(rank, 1), n)];
}

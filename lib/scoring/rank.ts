// Step 8: competition ranking (1, 2, 2, 4) on totals, descending. Two totals
// closer than TIE_TOLERANCE are equal: rank = 1 + the number of departments
// whose total is higher by at least the tolerance. Linear time after a radix
// sort and allocation-free, so the Monte Carlo loop can call it 1,000 times.
import { RadixSorter } from './radix-sort';

export const TIE_TOLERANCE = 1e-9;

/**
 * Writes ranks into `out`. Totals must be finite and ≥ 0 (they are floored at 0).
 * Pass a sorter of the same size to reuse its buffers.
 */
export function competitionRanks(totals: Float64Array, out: Int32Array, sorter: RadixSorter = new RadixSorter(totals.length)): Int32Array {
  const n = totals.length;
  const { sorted, order } = sorter.sort(totals);
  // Walk from the highest total down; `ahead` = first sorted position whose total is
  // at least this one + tolerance, so n − ahead departments are strictly ahead.
  let ahead = n;
  for (let p = n - 1; p >= 0; p--) {
    const threshold = sorted[p] + TIE_TOLERANCE;
    while (ahead > 0 && sorted[ahead - 1] >= threshold) ahead--;
    out[order[p]] = 1 + n - ahead;
  }
  return out;
}

/** Department indexes in rank order; equal ranks keep index order, i.e. code order. */
export function rankOrder(ranks: Int32Array): number[] {
  return Array.from(ranks.keys()).sort((a, b) => ranks[a] - ranks[b] || a - b);
}

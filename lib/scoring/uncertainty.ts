// Step 12: Monte Carlo rank intervals. Each run multiplies every effective
// weight by an independent uniform factor in [1 − jitter, 1 + jitter]
// (dimension weights first, then indicator weights, in scheme order), the kernel
// re-normalises them, and the departments are re-ranked. The interval is the
// 5th–95th percentile (nearest-rank) of each department's ranks.
import { totalsInto, type ScoreModel } from './aggregate';
import { mulberry32 } from './prng';
import { RadixSorter } from './radix-sort';
import { competitionRanks } from './rank';

export const PERCENTILES: [number, number] = [5, 95];

export interface UncertaintyOptions {
  runs: number;
  weightJitter: number;
  seed: number;
}

export interface RankIntervals {
  lo: Int32Array;
  hi: Int32Array;
  /** With `totals`: the same percentiles of each department's total over the runs. */
  totalLo?: Float64Array;
  totalHi?: Float64Array;
}

export function rankIntervals(
  model: ScoreModel,
  indW: Float64Array,
  dimW: Float64Array,
  nominalRanks: Int32Array,
  { runs, weightJitter, seed }: UncertaintyOptions,
  nominalTotals?: Float64Array,
): RankIntervals {
  const n = model.n;
  const withTotals = nominalTotals !== undefined;
  if (runs === 0 || n === 0) {
    return { lo: nominalRanks.slice(), hi: nominalRanks.slice(), ...(withTotals ? { totalLo: nominalTotals.slice(), totalHi: nominalTotals.slice() } : {}) };
  }

  const random = mulberry32(seed);
  const runIndW = new Float64Array(indW.length);
  const runDimW = new Float64Array(dimW.length);
  const totals = new Float64Array(n);
  const sorter = new RadixSorter(n);
  const ranks = new Int32Array(n);
  // Department-major, so each department's ranks are one contiguous slice; 16 bits per
  // rank while they fit (5,000 departments × 10,000 runs = 100 MB at most).
  const history = n <= 0xffff ? new Uint16Array(n * runs) : new Int32Array(n * runs);
  // Totals only when asked (engine version 2's straddle flag): 4 bytes per department and run.
  const totalHistory = withTotals ? new Float32Array(n * runs) : null;

  for (let run = 0; run < runs; run++) {
    for (let j = 0; j < dimW.length; j++) runDimW[j] = dimW[j] * (1 + weightJitter * (2 * random() - 1));
    for (let i = 0; i < indW.length; i++) runIndW[i] = indW[i] * (1 + weightJitter * (2 * random() - 1));
    totalsInto(model, runIndW, runDimW, totals);
    competitionRanks(totals, ranks, sorter);
    for (let d = 0; d < n; d++) history[d * runs + run] = ranks[d];
    if (totalHistory) for (let d = 0; d < n; d++) totalHistory[d * runs + run] = totals[d];
  }

  const intervals = percentileIntervals(history, n, runs);
  return totalHistory ? { ...intervals, ...totalPercentiles(totalHistory, n, runs) } : intervals;
}

/** The nearest-rank percentiles of each department's totals over the runs. */
function totalPercentiles(history: Float32Array, n: number, runs: number): { totalLo: Float64Array; totalHi: Float64Array } {
  const totalLo = new Float64Array(n);
  const totalHi = new Float64Array(n);
  const loAt = nearestRankIndex(PERCENTILES[0], runs);
  const hiAt = nearestRankIndex(PERCENTILES[1], runs);
  for (let d = 0; d < n; d++) {
    const sorted = history.subarray(d * runs, (d + 1) * runs).sort();
    totalLo[d] = sorted[loAt];
    totalHi[d] = sorted[hiAt];
  }
  return { totalLo, totalHi };
}

/**
 * The nearest-rank percentiles of each department's ranks, by counting: ranks are
 * integers in 1…n and one department's spread over a few of them, so a reusable
 * count array beats sorting 1,000 values per department.
 */
function percentileIntervals(history: Uint16Array | Int32Array, n: number, runs: number): RankIntervals {
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const loAt = nearestRankIndex(PERCENTILES[0], runs);
  const hiAt = nearestRankIndex(PERCENTILES[1], runs);
  const counts = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    let min = n;
    let max = 1;
    for (let r = d * runs; r < (d + 1) * runs; r++) {
      const rank = history[r];
      counts[rank]++;
      if (rank < min) min = rank;
      if (rank > max) max = rank;
    }
    let seen = 0; // how many runs had a rank below `rank`
    for (let rank = min; rank <= max; rank++) {
      const c = counts[rank];
      if (seen <= loAt && loAt < seen + c) lo[d] = rank;
      if (seen <= hiAt && hiAt < seen + c) hi[d] = rank;
      seen += c;
      counts[rank] = 0;
    }
  }
  return { lo, hi };
}

/** Nearest-rank percentile: the ⌈p/100 · N⌉-th smallest value, as a 0-based index. */
export function nearestRankIndex(percentile: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.ceil((percentile / 100) * count - 1e-9) - 1));
}

// Step 3: put every indicator on a 0–100 scale, higher = better, using the
// formulas of CONTRACT.md §7. Statistics use only departments that reported;
// a missing value (NaN) stays NaN here and is handled by the missing policy.
import type { FlatIndicator } from './layout';
import { transformValue } from './transform';

type Direction = FlatIndicator['direction'];

export function normalizeColumn(x: Float64Array, indicator: FlatIndicator): Float64Array {
  switch (indicator.normalize) {
    case 'minmax':
      return minMaxScores(x, indicator.direction);
    case 'target':
      // The target is compared on the same scale as the values, so it is transformed too.
      return targetScores(x, indicator.direction, transformValue(indicator.target as number, indicator.transform));
    case 'zscore':
      return zScores(x, indicator.direction);
    case 'rank':
      return rankScores(x, indicator.direction);
  }
}

function reported(x: Float64Array): number[] {
  const values: number[] = [];
  for (const v of x) if (!Number.isNaN(v)) values.push(v);
  return values;
}

function extent(values: number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** higher 100·(x−min)/(max−min), lower 100·(max−x)/(max−min); all equal → 100. */
export function minMaxScores(x: Float64Array, direction: Direction): Float64Array {
  const { min, max } = extent(reported(x));
  const range = max - min;
  return x.map((v) => {
    if (Number.isNaN(v)) return v;
    if (range === 0) return 100;
    return direction === 'higher' ? (100 * (v - min)) / range : (100 * (max - v)) / range;
  });
}

/** higher 100·min(x/target, 1) with x ≤ 0 → 0; lower x ≤ target → 100, else 100·target/x. */
export function targetScores(x: Float64Array, direction: Direction, target: number): Float64Array {
  return x.map((v) => {
    if (Number.isNaN(v)) return v;
    if (direction === 'higher') return v <= 0 ? 0 : 100 * Math.min(v / target, 1);
    return v <= target ? 100 : (100 * target) / v;
  });
}

/** clamp(50 ± 10·(x−mean)/sd, 0, 100), population sd; all equal → 50. */
export function zScores(x: Float64Array, direction: Direction): Float64Array {
  const values = reported(x);
  const { min, max } = extent(values);
  // Work on offsets from the minimum: x − min is exact for nearby values, so values that
  // differ only in their last digits (1e6 ± 1e-9) keep their true deviations from the mean.
  const offsets = values.map((v) => v - min);
  const meanOffset = offsets.reduce((s, v) => s + v, 0) / offsets.length;
  const sd = populationSd(offsets, meanOffset);
  const sign = direction === 'higher' ? 1 : -1;
  return x.map((v) => {
    if (Number.isNaN(v)) return v;
    if (max === min || !(sd > 0)) return 50;
    return Math.min(100, Math.max(0, 50 + (sign * 10 * (v - min - meanOffset)) / sd));
  });
}

/** Scaled by the largest deviation so that squaring tiny (or huge) deviations cannot underflow (or overflow). */
function populationSd(values: number[], mean: number): number {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v - mean));
  if (scale === 0) return 0;
  let sum = 0;
  for (const v of values) sum += ((v - mean) / scale) ** 2;
  return scale * Math.sqrt(sum / values.length);
}

/** 100·(strictly worse + 0.5·(ties − 1))/(n − 1), ties counting the value itself; n = 1 → 100. */
export function rankScores(x: Float64Array, direction: Direction): Float64Array {
  const sorted = Float64Array.from(reported(x)).sort();
  const n = sorted.length;
  return x.map((v) => {
    if (Number.isNaN(v)) return v;
    if (n === 1) return 100;
    const below = lowerBound(sorted, v);
    const ties = upperBound(sorted, v) - below;
    const worse = direction === 'higher' ? below : n - below - ties;
    return (100 * (worse + 0.5 * (ties - 1))) / (n - 1);
  });
}

/** First index whose value is ≥ target. */
export function lowerBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > target. */
export function upperBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

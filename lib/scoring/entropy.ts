// Entropy weights (熵权法), CONTRACT.md §7: an indicator whose values differ more
// between departments carries more information and so more weight.
import type { FlatIndicator } from './layout';

/**
 * Min-max scaling to [0, 1] with direction applied, over the departments that
 * reported (NaN stays NaN); all values equal → 1, matching the minmax score.
 */
export function unitMinMax(x: Float64Array, direction: FlatIndicator['direction']): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  return x.map((v) => {
    if (Number.isNaN(v)) return v;
    if (range === 0) return 1;
    return direction === 'higher' ? (v - min) / range : (max - v) / range;
  });
}

/**
 * Degree of diversification d = 1 − e, with p_i = v_i / Σv, e = −(1/ln n)·Σ p_i ln p_i,
 * 0·ln 0 = 0, over the n reported (non-NaN) values. Σv = 0 or n ≤ 1 → d = 0.
 */
export function diversification(v: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i])) continue;
    sum += v[i];
    n++;
  }
  if (n <= 1 || sum === 0) return 0;
  let plogp = 0;
  for (let i = 0; i < v.length; i++) {
    const p = v[i] / sum;
    if (p > 0) plogp += p * Math.log(p);
  }
  const e = -plogp / Math.log(n);
  return Math.max(0, 1 - e); // e ≤ 1 in exact arithmetic; clamp rounding noise
}

/** w_j = d_j / Σ d_j over the columns of one dimension; every d = 0 → equal weights. */
export function entropyWeights(columns: ArrayLike<number>[]): Float64Array {
  const d = Float64Array.from(columns, diversification);
  const total = d.reduce((s, x) => s + x, 0);
  if (total === 0) return new Float64Array(columns.length).fill(1 / columns.length);
  return d.map((x) => x / total);
}

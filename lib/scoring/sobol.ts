// First-order and total Sobol indices by the pick-freeze estimators of Saltelli et
// al. (2010, "Variance based sensitivity analysis of model output", CPC 181):
// two independent sample matrices A and B of N rows, and for each factor i the
// matrix A_B^i (A with column i taken from B).
//   first-order  S_i  = mean(f(B)·(f(A_B^i) − f(A))) / V
//   total        ST_i = mean((f(A) − f(A_B^i))²) / (2V)
// V is the variance of f over A and B together. For a vector output (one rank per
// department) the numerators and variances are summed over the components before
// dividing: the variance-weighted mean of the per-component indices (Gamboa et al. 2014).
import { mulberry32 } from './prng';

export interface SobolIndices {
  first: number[];
  total: number[];
  /** Σ of the output variances; 0 means nothing moves and every index is 0. */
  variance: number;
}

/**
 * f takes a point of the unit hypercube [0, 1)^k (map it to the factor's own range
 * inside f) and returns one or more outputs. Deterministic for a given seed.
 */
export function sobolIndices(f: (u: number[]) => ArrayLike<number>, k: number, samples: number, seed: number): SobolIndices {
  const random = mulberry32(seed);
  const draw = () => Array.from({ length: k }, () => random());
  const first = new Array<number>(k).fill(0);
  const total = new Array<number>(k).fill(0);
  let sum: Float64Array | null = null;
  let sumSq: Float64Array | null = null;
  let count = 0;
  const accumulate = (y: ArrayLike<number>) => {
    sum ??= new Float64Array(y.length);
    sumSq ??= new Float64Array(y.length);
    for (let j = 0; j < y.length; j++) {
      sum[j] += y[j];
      sumSq[j] += y[j] * y[j];
    }
    count++;
  };
  for (let s = 0; s < samples; s++) {
    const a = draw();
    const b = draw();
    const fa = f(a);
    const fb = f(b);
    accumulate(fa);
    accumulate(fb);
    for (let i = 0; i < k; i++) {
      const mixed = a.slice();
      mixed[i] = b[i];
      const fab = f(mixed);
      for (let j = 0; j < fa.length; j++) {
        first[i] += fb[j] * (fab[j] - fa[j]);
        total[i] += (fa[j] - fab[j]) ** 2;
      }
    }
  }
  let variance = 0;
  if (sum && sumSq) for (let j = 0; j < (sum as Float64Array).length; j++) variance += (sumSq as Float64Array)[j] / count - ((sum as Float64Array)[j] / count) ** 2;
  if (!(variance > 1e-12)) return { first: first.map(() => 0), total: total.map(() => 0), variance: 0 };
  return { first: first.map((x) => x / samples / variance), total: total.map((x) => x / (2 * samples) / variance), variance };
}

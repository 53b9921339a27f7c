// Analytic hierarchy process (Saaty): priorities are the principal eigenvector
// of a reciprocal pairwise comparison matrix; λmax measures its consistency.
import { parsePairwiseMatrix } from './pairwise-matrix';

/** Saaty's random consistency index for n = 1…10 (CONTRACT.md §7). */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
/** A matrix is acceptably consistent when CR is below this. */
export const CR_THRESHOLD = 0.1;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
}

/**
 * Weights, λmax, CI and CR of a pairwise comparison matrix (numbers or "1/3"-style strings).
 * Throws a readable Error for a matrix that is empty, not square, not positive, not
 * reciprocal, or larger than the RI table.
 */
export function ahp(matrix: Array<Array<number | string>>): AhpResult {
  const a = parsePairwiseMatrix(matrix);
  const n = a.length;
  if (n > RANDOM_INDEX.length) {
    throw new Error(`the matrix is ${n}×${n}, but Saaty's RI table only goes up to ${RANDOM_INDEX.length}×${RANDOM_INDEX.length}`);
  }
  const weights = principalEigenvector(a);
  const lambdaMax = rowDot(a, weights).reduce((sum, x) => sum + x, 0); // Σ(Aw)_i = λ·Σw_i = λ
  // λmax ≥ n for every positive reciprocal matrix; clamp the rounding noise of consistent ones.
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = n <= 2 ? 0 : ci / RANDOM_INDEX[n - 1];
  return { weights, lambdaMax: n <= 2 ? n : lambdaMax, ci, cr, consistent: cr < CR_THRESHOLD };
}

/**
 * Power iteration from the row geometric means (already close for near-consistent
 * matrices). A positive matrix has a simple dominant eigenvalue (Perron), so it converges.
 */
export function principalEigenvector(a: number[][]): number[] {
  const n = a.length;
  let w = normalise(a.map((row) => Math.exp(row.reduce((sum, x) => sum + Math.log(x), 0) / n)));
  for (let iteration = 0; iteration < 10_000; iteration++) {
    const next = normalise(rowDot(a, w));
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - w[i]));
    w = next;
    if (change < 1e-15) break;
  }
  return w;
}

function rowDot(a: number[][], w: number[]): number[] {
  return a.map((row) => row.reduce((sum, x, j) => sum + x * w[j], 0));
}

function normalise(v: number[]): number[] {
  const sum = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / sum);
}

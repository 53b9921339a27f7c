// Reading a pairwise comparison matrix: numbers or fraction strings ("1/3"),
// square, positive and reciprocal. Each problem is one readable sentence.

/** Relative tolerance on a_ij · a_ji = 1 (CONTRACT.md §7: reciprocal within 1e-6). */
export const RECIPROCAL_TOLERANCE = 1e-6;

const FRACTION = /^\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*(?:\/\s*([0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?)\s*)?$/i;

/** "1/3" → 0.333…, "5" → 5, 2 → 2; NaN when it is neither a number nor a fraction. */
export function parseMatrixEntry(entry: number | string): number {
  if (typeof entry === 'number') return entry;
  const match = FRACTION.exec(entry);
  if (!match) return Number.NaN;
  const numerator = Number(match[1]);
  const denominator = match[2] === undefined ? 1 : Number(match[2]);
  return numerator / denominator;
}

/** Parses and checks a matrix; throws an Error whose message names the first problem. */
export function parsePairwiseMatrix(matrix: unknown): number[][] {
  if (!Array.isArray(matrix) || matrix.length === 0) throw new Error('the matrix must be a non-empty array of rows');
  const n = matrix.length;
  const values = matrix.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new Error(`the matrix is not square: it has ${n} rows but row ${i + 1} has ${Array.isArray(row) ? row.length : 0} entries`);
    }
    return row.map((entry, j) => {
      const value = typeof entry === 'number' || typeof entry === 'string' ? parseMatrixEntry(entry) : Number.NaN;
      if (!Number.isFinite(value) || value <= 0) {
        throw new Error(`entry [${i + 1}][${j + 1}] = ${JSON.stringify(entry)} is not a positive number or fraction`);
      }
      return value;
    });
  });
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      if (Math.abs(values[i][j] * values[j][i] - 1) > RECIPROCAL_TOLERANCE) {
        const what = i === j ? `diagonal entry [${i + 1}][${i + 1}] must be 1` : `[${i + 1}][${j + 1}] × [${j + 1}][${i + 1}] must be 1`;
        throw new Error(`the matrix is not reciprocal: ${what}, got ${format(values[i][j])} and ${format(values[j][i])}`);
      }
    }
  }
  return values;
}

function format(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

// Pure helpers for the scheme editor (they run in the browser): AHP matrices kept
// square and reciprocal as dimensions and indicators come and go, live CR, the
// signature of what the SQL matrix depends on, and list moves.
import { ahp, parseMatrixEntry, type AhpResult, type PairwiseMatrix, type Scheme } from '../scoring/index';

/** `matrix` cut or padded (with 1) to n×n, keeping the judgements that still apply. */
export function resizeMatrix(matrix: PairwiseMatrix | undefined, n: number): PairwiseMatrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : (matrix?.[i]?.[j] ?? 1))));
}

/** "1/3" for 0.333…, "3" for 3: the entry shown in the mirrored cell. */
export function reciprocalText(entry: number | string): string {
  const value = parseMatrixEntry(entry);
  if (!Number.isFinite(value) || value <= 0) return '';
  if (typeof entry === 'string' && /^\s*1\s*\/\s*[0-9.]+\s*$/.test(entry)) return entry.split('/')[1].trim();
  const inverse = 1 / value;
  if (Number.isInteger(value)) return value === 1 ? '1' : `1/${value}`;
  return Number.isInteger(Math.round(inverse * 1e9) / 1e9) ? String(Math.round(inverse)) : String(Number(inverse.toPrecision(6)));
}

/** Sets entry (i, j) and its mirror (j, i) to the reciprocal, so the matrix stays reciprocal. */
export function setJudgement(matrix: PairwiseMatrix, i: number, j: number, entry: string): PairwiseMatrix {
  const next = matrix.map((row) => [...row]);
  const trimmed = entry.trim();
  const value = parseMatrixEntry(trimmed);
  next[i][j] = /^[0-9]+(\.[0-9]+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  if (Number.isFinite(value) && value > 0) {
    const mirror = reciprocalText(trimmed);
    next[j][i] = /^[0-9]+(\.[0-9]+)?$/.test(mirror) ? Number(mirror) : mirror;
  }
  return next;
}

export type AhpCheck = ({ ok: true } & AhpResult) | { ok: false; message: string };

/** Weights and CR of a matrix, or the reason it cannot be evaluated. */
export function checkMatrix(matrix: PairwiseMatrix | undefined): AhpCheck {
  if (!matrix) return { ok: false, message: 'missing' };
  try {
    return { ok: true, ...ahp(matrix) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/**
 * What the SQL input matrix depends on: the indicators, where they come from and how
 * months roll up. Two schemes with the same signature score the same matrix.
 */
export function matrixSignature(scheme: Pick<Scheme, 'dimensions'>): string {
  return JSON.stringify(scheme.dimensions.flatMap((d) => d.indicators.map((i) => [i.code, i.source, i.aggregate])).sort());
}

export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return items;
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** Keeps the AHP matrices the size of what they compare (after adding or removing). */
export function syncAhpMatrices<S extends Pick<Scheme, 'dimensions' | 'weighting'>>(scheme: S): S {
  if (scheme.weighting.method !== 'ahp') return scheme;
  const current = scheme.weighting.ahp;
  const indicators: Record<string, PairwiseMatrix> = {};
  for (const d of scheme.dimensions) {
    if (d.indicators.length >= 2) indicators[d.code] = resizeMatrix(current?.indicators?.[d.code], d.indicators.length);
  }
  return {
    ...scheme,
    weighting: {
      ...scheme.weighting,
      ahp: {
        dimensions: scheme.dimensions.length >= 2 ? resizeMatrix(current?.dimensions, scheme.dimensions.length) : undefined,
        indicators,
      },
    },
  };
}

/** The matrix without row and column k (an element was removed). */
export function dropIndex(matrix: PairwiseMatrix | undefined, k: number): PairwiseMatrix | undefined {
  return matrix?.filter((_, i) => i !== k).map((row) => row.filter((_, j) => j !== k));
}

/** The matrix with elements a and b swapped (an element was moved). */
export function swapIndex(matrix: PairwiseMatrix | undefined, a: number, b: number): PairwiseMatrix | undefined {
  if (!matrix || a < 0 || b < 0 || a >= matrix.length || b >= matrix.length) return matrix;
  const order = matrix.map((_, i) => (i === a ? b : i === b ? a : i));
  return order.map((i) => order.map((j) => matrix[i][j]));
}

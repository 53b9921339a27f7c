// Step 11: explanations a department officer can act on: each indicator's
// effective weight and points (they add up to the total before the penalty),
// the levers that would add most, and the gap to the department just above.
import { preTotal, type ScoreModel } from './aggregate';
import { TIE_TOLERANCE } from './rank';

export interface Breakdown {
  /** Dimension scores, NaN where the department has nothing in the dimension. */
  dimensionScores: Float64Array;
  /** Effective within-dimension weight per indicator for this department (0 when left out). */
  indicatorWeights: Float64Array;
  /** Effective dimension weight for this department (0 when it has nothing there). */
  dimensionWeights: Float64Array;
  points: Float64Array;
  preTotal: number;
}

export function breakdown(model: ScoreModel, d: number, indW: Float64Array, dimW: Float64Array): Breakdown {
  const { k, m, cells, dimStart, dimEnd, geometric } = model;
  const base = d * k;
  const dimensionScores = new Float64Array(m).fill(Number.NaN);
  const indicatorWeights = new Float64Array(k);
  const dimensionWeights = new Float64Array(m);
  let dimensionWeightSum = 0;
  for (let j = 0; j < m; j++) {
    let den = 0;
    for (let i = dimStart[j]; i < dimEnd[j]; i++) if (!Number.isNaN(cells[base + i])) den += indW[i];
    if (!(den > 0)) continue;
    let mean = 0;
    for (let i = dimStart[j]; i < dimEnd[j]; i++) {
      if (Number.isNaN(cells[base + i])) continue;
      indicatorWeights[i] = indW[i] / den;
      mean += indicatorWeights[i] * cells[base + i];
    }
    dimensionScores[j] = geometric ? Math.exp(mean) : mean;
    dimensionWeights[j] = dimW[j];
    dimensionWeightSum += dimW[j];
  }
  if (dimensionWeightSum > 0) for (let j = 0; j < m; j++) dimensionWeights[j] /= dimensionWeightSum;

  const total = preTotal(model, cells, base, indW, dimW);
  return { dimensionScores, indicatorWeights, dimensionWeights, points: pointsOf(model, d, indicatorWeights, dimensionWeights, total), preTotal: total };
}

/**
 * linear: points = W·w·s. geometric: ln T = Σ W·w·ln s', so each indicator gets
 * the share W·w·ln s' / ln T of T (by weight alone when T = 1, i.e. ln T = 0).
 */
function pointsOf(model: ScoreModel, d: number, indicatorWeights: Float64Array, dimensionWeights: Float64Array, total: number): Float64Array {
  const { k, m, cells, dimStart, dimEnd, geometric } = model;
  const base = d * k;
  const share = new Float64Array(k);
  let shareSum = 0;
  let weightSum = 0;
  for (let j = 0; j < m; j++) {
    for (let i = dimStart[j]; i < dimEnd[j]; i++) {
      const weight = dimensionWeights[j] * indicatorWeights[i];
      if (weight === 0) continue;
      share[i] = weight * cells[base + i];
      shareSum += share[i];
      weightSum += weight;
    }
  }
  if (!geometric) return share;
  const points = new Float64Array(k);
  for (let j = 0; j < m; j++) {
    for (let i = dimStart[j]; i < dimEnd[j]; i++) {
      const weight = dimensionWeights[j] * indicatorWeights[i];
      if (weight === 0) continue;
      points[i] = shareSum > 0 ? (total * share[i]) / shareSum : (total * weight) / weightSum;
    }
  }
  return points;
}

/** Best cell per indicator over all departments (NaN when nobody has one). */
export function bestCells(model: ScoreModel): Float64Array {
  const best = new Float64Array(model.k).fill(Number.NaN);
  for (let d = 0; d < model.n; d++) {
    for (let i = 0; i < model.k; i++) {
      const c = model.cells[d * model.k + i];
      if (Number.isNaN(c)) continue;
      if (Number.isNaN(best[i]) || c > best[i]) best[i] = c;
    }
  }
  return best;
}

export const LEVER_COUNT = 3;

/**
 * The indicators whose rise to the best department's score would add most to this
 * department's total before the penalty, recomputed with the kernel so that
 * `exclude` and geometric aggregation are handled exactly.
 */
export function levers(model: ScoreModel, d: number, indW: Float64Array, dimW: Float64Array, best: Float64Array, current: number): Array<{ index: number; points: number }> {
  const row = model.cells.slice(d * model.k, (d + 1) * model.k);
  const gains: Array<{ index: number; points: number }> = [];
  for (let i = 0; i < model.k; i++) {
    if (Number.isNaN(best[i]) || row[i] >= best[i]) continue;
    const saved = row[i];
    row[i] = best[i];
    const gain = preTotal(model, row, 0, indW, dimW) - current;
    row[i] = saved;
    if (gain > TIE_TOLERANCE) gains.push({ index: i, points: gain });
  }
  return gains.sort((a, b) => b.points - a.points || a.index - b.index).slice(0, LEVER_COUNT);
}

/**
 * For each department in rank order, the total of the nearest department with a
 * better rank minus its own; null for those ranked first.
 */
export function gapsToAbove(order: number[], ranks: Int32Array, totals: Float64Array): Map<number, number | null> {
  const gaps = new Map<number, number | null>();
  let previousGroupLowest: number | null = null; // lowest total among the rank just above
  let groupLowest = Number.POSITIVE_INFINITY;
  let groupRank = -1;
  for (const d of order) {
    if (ranks[d] !== groupRank) {
      previousGroupLowest = groupRank === -1 ? null : groupLowest;
      groupRank = ranks[d];
      groupLowest = Number.POSITIVE_INFINITY;
    }
    groupLowest = Math.min(groupLowest, totals[d]);
    gaps.set(d, previousGroupLowest === null ? null : Math.max(0, previousGroupLowest - totals[d]));
  }
  return gaps;
}

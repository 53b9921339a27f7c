// Steps 6–7: aggregation and penalty. One kernel serves the nominal scores, the
// levers and every Monte Carlo run, so a run with unjittered weights reproduces
// the nominal totals bit for bit. It works on a flat department-major
// Float64Array: no objects, no allocation per call.
//
// linear:    dimension = Σ w·s / Σ w,            total = Σ W·S / Σ W
// geometric: dimension = exp(Σ w·ln s' / Σ w),   total = exp(Σ W·ln S / Σ W),  s' = max(s, 1)
// Sums run over what the department has (all indicators unless the policy is
// `exclude`), which is the re-normalisation of its weights; with every value
// present the divisors are the weight sums, i.e. 1.
import type { Layout } from './layout';
import type { Scheme } from './scheme-schema';

export interface ScoreModel {
  n: number;
  k: number;
  m: number;
  dimStart: Int32Array;
  dimEnd: Int32Array;
  geometric: boolean;
  /** cells[d·k + i]: the score (linear) or ln max(score, 1) (geometric); NaN = left out. */
  cells: Float64Array;
  /** Capped penalty per department. */
  penalty: Float64Array;
  /** No cell is left out, so every department shares the same effective weights. */
  complete: boolean;
  /** Scratch for the per-indicator coefficients of the complete-data fast path. */
  coefficients: Float64Array;
}

export function buildModel(scores: Float64Array[], layout: Layout, aggregation: Scheme['aggregation'], penalty: Float64Array): ScoreModel {
  const k = scores.length;
  const n = penalty.length;
  const geometric = aggregation === 'geometric';
  const cells = new Float64Array(n * k);
  for (let i = 0; i < k; i++) {
    const column = scores[i];
    for (let d = 0; d < n; d++) {
      const s = column[d];
      cells[d * k + i] = geometric && !Number.isNaN(s) ? Math.log(Math.max(s, 1)) : s;
    }
  }
  const complete = !cells.some(Number.isNaN);
  return { n, k, m: layout.dimensions.length, dimStart: layout.dimStart, dimEnd: layout.dimEnd, geometric, cells, penalty, complete, coefficients: new Float64Array(k) };
}

/** Total before the penalty of the row starting at cells[base]. */
export function preTotal(model: ScoreModel, cells: ArrayLike<number>, base: number, indW: ArrayLike<number>, dimW: ArrayLike<number>): number {
  let total = 0;
  let totalWeight = 0;
  for (let j = 0; j < model.m; j++) {
    let num = 0;
    let den = 0;
    for (let i = model.dimStart[j]; i < model.dimEnd[j]; i++) {
      const c = cells[base + i];
      if (c === c) {
        // c === c is false only for NaN (left out)
        const w = indW[i];
        num += w * c;
        den += w;
      }
    }
    if (den > 0) {
      total += dimW[j] * (num / den);
      totalWeight += dimW[j];
    }
  }
  if (!(totalWeight > 0)) return 0;
  return model.geometric ? Math.exp(total / totalWeight) : total / totalWeight;
}

/** Every department's total: pre-penalty total minus the capped penalty, floored at 0. */
export function totalsInto(model: ScoreModel, indW: ArrayLike<number>, dimW: ArrayLike<number>, out: Float64Array): Float64Array {
  if (model.complete) return completeTotalsInto(model, indW, dimW, out);
  for (let d = 0; d < model.n; d++) {
    out[d] = Math.max(0, preTotal(model, model.cells, d * model.k, indW, dimW) - model.penalty[d]);
  }
  return out;
}

/**
 * With every cell present the re-normalised weights are the same for all
 * departments, so the total is one dot product with c_i = W_j·w_i / (Σw_j·ΣW):
 * the Monte Carlo hot loop.
 */
function completeTotalsInto(model: ScoreModel, indW: ArrayLike<number>, dimW: ArrayLike<number>, out: Float64Array): Float64Array {
  const { n, k, m, cells, penalty, geometric, dimStart, dimEnd } = model;
  const c = model.coefficients;
  let totalWeight = 0;
  for (let j = 0; j < m; j++) {
    let den = 0;
    for (let i = dimStart[j]; i < dimEnd[j]; i++) den += indW[i];
    for (let i = dimStart[j]; i < dimEnd[j]; i++) c[i] = den > 0 ? (dimW[j] * indW[i]) / den : 0;
    if (den > 0) totalWeight += dimW[j];
  }
  for (let i = 0; i < k; i++) c[i] = totalWeight > 0 ? c[i] / totalWeight : 0;
  for (let d = 0, base = 0; d < n; d++, base += k) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += c[i] * cells[base + i];
    const pre = totalWeight > 0 ? (geometric ? Math.exp(sum) : sum) : 0;
    out[d] = Math.max(0, pre - penalty[d]);
  }
  return out;
}

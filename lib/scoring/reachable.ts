// Reachable levers and the cost of missing values (engine version 2). A lever's target
// is a value some comparable department actually holds: for a department below the top
// tier, the typical (median) value of the tier just above it; for one in the top tier,
// the upper quartile of its peer group. Never the single best department — a target
// one department reaches by being the registry of the province is no target.
import { preTotal, type ScoreModel } from './aggregate';
import type { FlatIndicator } from './layout';

/** Gains below this many points are never shown: 0.00 is not advice. */
export const MIN_LEVER_POINTS = 0.05;
export const LEVER_COUNT_V2 = 3;
export const NEXT_TIER_QUANTILE = 0.5;
export const PEER_QUANTILE = 0.75;

export interface Target {
  /** In the model's cell space (score, or ln score under geometric aggregation); NaN: none. */
  cell: number;
  /** The raw value that scores the target: the easiest one among departments holding that cell. */
  raw: number;
}

/** Nearest-rank quantile of the members' reported cells for each indicator. */
export function quantileTargets(model: ScoreModel, raw: Float64Array[], indicators: FlatIndicator[], members: number[], q: number): Target[] {
  return indicators.map((indicator, i) => {
    const held = members.filter((d) => !Number.isNaN(raw[i][d]) && !Number.isNaN(model.cells[d * model.k + i]));
    if (!held.length) return { cell: Number.NaN, raw: Number.NaN };
    const cells = held.map((d) => model.cells[d * model.k + i]).sort((x, y) => x - y);
    const cell = cells[Math.min(cells.length - 1, Math.max(0, Math.ceil(q * cells.length - 1e-9) - 1))];
    const raws = held.filter((d) => model.cells[d * model.k + i] === cell).map((d) => raw[i][d]);
    return { cell, raw: indicator.direction === 'lower' ? Math.max(...raws) : Math.min(...raws) };
  });
}

export interface ReachableLever {
  index: number;
  points: number;
  target: number;
}

/** The up to three indicators whose rise to the target adds most (≥ MIN_LEVER_POINTS), recomputed with the kernel. */
export function reachableLevers(model: ScoreModel, d: number, indW: Float64Array, dimW: Float64Array, targets: Target[], current: number): ReachableLever[] {
  const row = model.cells.slice(d * model.k, (d + 1) * model.k);
  const levers: ReachableLever[] = [];
  targets.forEach((target, i) => {
    if (Number.isNaN(target.cell) || row[i] >= target.cell) return;
    const saved = row[i];
    row[i] = target.cell;
    const gain = preTotal(model, row, 0, indW, dimW) - current;
    row[i] = saved;
    if (gain >= MIN_LEVER_POINTS) levers.push({ index: i, points: gain, target: target.raw });
  });
  return levers.sort((a, b) => b.points - a.points || a.index - b.index).slice(0, LEVER_COUNT_V2);
}

/**
 * What the department's unreported indicators cost it: the gain in its total before
 * the penalty if each of them had been reported at the median of the departments that
 * did report it (0 when that would not raise the total, e.g. under `mean`).
 */
export function missingCost(model: ScoreModel, d: number, indW: Float64Array, dimW: Float64Array, missing: number[], medians: Target[], current: number): number {
  if (!missing.length) return 0;
  const row = model.cells.slice(d * model.k, (d + 1) * model.k);
  for (const i of missing) if (!Number.isNaN(medians[i].cell)) row[i] = medians[i].cell;
  return Math.max(0, preTotal(model, row, 0, indW, dimW) - current);
}

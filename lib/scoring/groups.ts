// Peer groups (engine version 2): a department's group comes with the input (省直部门,
// 市, 县 or a sector). With `rankWithinGroups` the ranks, tiers, rank intervals and the
// gap to the department above are taken within each group; otherwise the whole province
// is one unit. Normalisation stays province-wide so scores remain comparable.
import type { ScoreModel } from './aggregate';

/** Department indexes per ranking unit, in code order; the single unit holds everyone. */
export function rankingUnits(groups: string[], withinGroups: boolean): number[][] {
  if (!withinGroups) return [groups.map((_, d) => d)];
  const units = new Map<string, number[]>();
  groups.forEach((g, d) => {
    const unit = units.get(g) ?? [];
    unit.push(d);
    units.set(g, unit);
  });
  return [...units.keys()].sort().map((g) => units.get(g)!);
}

/** The model restricted to some departments (their rows, in the given order). */
export function subModel(model: ScoreModel, members: number[]): ScoreModel {
  if (members.length === model.n) return model;
  const { k } = model;
  const cells = new Float64Array(members.length * k);
  members.forEach((d, r) => cells.set(model.cells.subarray(d * k, (d + 1) * k), r * k));
  return {
    ...model,
    n: members.length,
    cells,
    penalty: Float64Array.from(members, (d) => model.penalty[d]),
    complete: !cells.some(Number.isNaN),
    coefficients: new Float64Array(k),
  };
}

// The method interval and the sensitivity of ranks to the choices a scheme leaves open
// (engine version 2; docs/scoring.md, "Method interval and sensitivity"). Each choice has
// documented alternatives; every combination is scored (weights and penalties as in the
// scheme), ranks taken as in the scheme (within groups when it ranks within groups):
//   normalisation of every indicator not scored against a target: minmax, zscore, rank;
//   missing-value policy: zero, mean, exclude;  aggregation: linear, geometric.
// methodInterval is the best and worst rank over all 18 combinations (and the nominal
// rank); the Sobol indices say which choice moves the ranks most.
import { buildModel, totalsInto } from './aggregate';
import type { Layout } from './layout';
import { applyMissingPolicy } from './missing';
import { normalizeColumn } from './normalize';
import { competitionRanks } from './rank';
import { round6 } from './round';
import type { Scheme } from './scheme-schema';
import { sobolIndices } from './sobol';
import type { MethodSensitivity } from './types';
import { leaveOutNotApplicable } from './validate';

export const METHOD_CHOICES = {
  normalisation: ['minmax', 'zscore', 'rank'],
  missing: ['zero', 'mean', 'exclude'],
  aggregation: ['linear', 'geometric'],
} as const;
type Choice = keyof typeof METHOD_CHOICES;
const CHOICES = Object.keys(METHOD_CHOICES) as Choice[];
export const SOBOL_SAMPLES = 2048;
export const SOBOL_SEED = 20240601;

export interface MethodInputs {
  layout: Layout;
  transformed: Float64Array[];
  penalty: Float64Array;
  indW: Float64Array;
  dimW: Float64Array;
  units: number[][];
  /** 不适用 cells (validate.ts), left out under every missing policy. */
  notApplicable?: Uint8Array[] | null;
}

/** Ranks (within each unit) for one combination of choices, by level index. */
function ranksFor(inputs: MethodInputs, levels: number[]): Int32Array {
  const [normalisation, missing, aggregation] = CHOICES.map((c, i) => METHOD_CHOICES[c][levels[i]]);
  const scores = leaveOutNotApplicable(
    inputs.layout.indicators.map((indicator, i) =>
      applyMissingPolicy(
        normalizeColumn(inputs.transformed[i], indicator.normalize === 'target' ? indicator : { ...indicator, normalize: normalisation as 'minmax' }),
        missing as Scheme['missing'],
      ),
    ),
    inputs.notApplicable ?? null,
  );
  const model = buildModel(scores, inputs.layout, aggregation as Scheme['aggregation'], inputs.penalty);
  const totals = totalsInto(model, inputs.indW, inputs.dimW, new Float64Array(model.n));
  const ranks = new Int32Array(model.n);
  for (const unit of inputs.units) {
    const unitRanks = competitionRanks(Float64Array.from(unit, (d) => totals[d]), new Int32Array(unit.length));
    unit.forEach((d, r) => (ranks[d] = unitRanks[r]));
  }
  return ranks;
}

export interface MethodResult {
  lo: Int32Array;
  hi: Int32Array;
  sensitivity: MethodSensitivity;
}

export function methodSensitivity(inputs: MethodInputs, nominal: Int32Array): MethodResult {
  const memo = new Map<string, Int32Array>();
  const evaluate = (levels: number[]) => {
    const key = levels.join(',');
    let ranks = memo.get(key);
    if (!ranks) memo.set(key, (ranks = ranksFor(inputs, levels)));
    return ranks;
  };
  const sizes = CHOICES.map((c) => METHOD_CHOICES[c].length);
  const lo = nominal.slice();
  const hi = nominal.slice();
  for (let combo = 0; combo < sizes.reduce((a, b) => a * b, 1); combo++) {
    let rest = combo;
    const ranks = evaluate(sizes.map((size) => { const level = rest % size; rest = Math.floor(rest / size); return level; }));
    for (let d = 0; d < nominal.length; d++) {
      if (ranks[d] < lo[d]) lo[d] = ranks[d];
      if (ranks[d] > hi[d]) hi[d] = ranks[d];
    }
  }
  const { first, total } = sobolIndices((u) => evaluate(u.map((x, i) => Math.min(sizes[i] - 1, Math.floor(x * sizes[i])))), CHOICES.length, SOBOL_SAMPLES, SOBOL_SEED);
  return {
    lo,
    hi,
    sensitivity: {
      samples: SOBOL_SAMPLES,
      seed: SOBOL_SEED,
      choices: CHOICES.map((choice, i) => ({ choice, alternatives: [...METHOD_CHOICES[choice]], first: round6(first[i]), total: round6(total[i]) })),
    },
  };
}

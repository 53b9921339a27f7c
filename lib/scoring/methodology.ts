// Step 13: the methodology record: which methods, RI table and conventions
// produced a result, so it can be read and reproduced later.
import { RANDOM_INDEX } from './ahp';
import type { Layout } from './layout';
import { PRNG_NAME } from './prng';
import { MIN_LEVER_POINTS } from './reachable';
import { OUTPUT_DECIMALS, round6 } from './round';
import { TIE_TOLERANCE } from './rank';
import type { Scheme } from './scheme-schema';
import type { Methodology } from './types';
import { PERCENTILES } from './uncertainty';
import type { EffectiveWeights } from './weights';

export const CONVENTIONS: readonly string[] = [
  'Departments are processed in code order, so input order never changes a result.',
  'min, max, mean and sd are taken over the departments that reported the indicator; sd is the population sd.',
  'A target is transformed like the values (log1p target for a log1p indicator).',
  'rank normalisation counts exactly equal values as ties.',
  'Entropy weights use the reported values only: n is the number of departments that reported.',
  'Missing values: zero scores 0; mean takes the mean score of reporters (0 if none); exclude re-normalises the weights within each dimension over the indicators reported, and the dimension weights over the dimensions with any.',
  'Geometric aggregation floors scores at 1 at both levels; indicator points are then shares of the total in proportion to W·w·ln(score).',
  `Totals closer than ${TIE_TOLERANCE} are tied: rank = 1 + number of departments ahead by at least that much; ties are listed by department code.`,
  'Tier topShare cut-off is ceil(topShare·n) with a 1e-9 guard against float error; minScore is compared with the same tolerance as ties.',
  `Rank interval: ${PERCENTILES[0]}th and ${PERCENTILES[1]}th nearest-rank percentiles over the runs; factors are drawn for dimension weights, then indicator weights, in scheme order, per run.`,
  'straddlesTier: the tier at the best and at the worst rank of the interval (with the nominal total) differ.',
  'levers: gain in the total before penalty if the indicator score rose to the best score among departments; at most three, gains above 1e-9 only.',
  `Numbers in the output are rounded to ${OUTPUT_DECIMALS} decimals; ranks and tiers use unrounded totals.`,
];

const STRADDLE_V1 = 'straddlesTier: the tier at the best and at the worst rank of the interval (with the nominal total) differ.';
const LEVERS_V1 = 'levers: gain in the total before penalty if the indicator score rose to the best score among departments; at most three, gains above 1e-9 only.';

/** Version 2 (engine-version.ts): what changed and what was added, in the same words as docs/scoring.md. */
export const CONVENTIONS_V2: readonly string[] = [
  ...CONVENTIONS.map((c) =>
    c === STRADDLE_V1
      ? 'straddlesTier: the tier at the best end (best rank of the interval, 95th percentile of the total over the runs) and at the worst end (worst rank, 5th percentile of the total) differ, so every rank and score cut-off is checked; totalInterval reports those percentiles.'
      : c === LEVERS_V1
        ? `levers: gain in the total before penalty if the indicator reached a reachable target: the median of the next better tier, or for the top tier the upper quartile of the peer group (nearest-rank); at most three, gains of at least ${MIN_LEVER_POINTS} points only.`
        : c,
  ),
  'Tier floor: a total below the floor of the tier its rank earns places the department one tier lower, never more.',
  'Peer groups: with rankWithinGroups, rank, tier, rank interval and gap to the department above are taken within the group; normalisation stays province-wide.',
  'missing lists only indicators the department reports itself (source metric); missingCost is the gain if each were reported at the median score of the reporters.',
  'methodInterval: best and worst rank over all combinations of normalisation (minmax, zscore, rank for indicators without a target), missing policy (zero, mean, exclude) and aggregation (linear, geometric); sensitivity: Saltelli (2010) first-order and total Sobol indices of these choices on the ranks.',
  'weakDimension: the lowest dimension score, when below the median of that dimension in the peer group.',
];

export function methodologyOf(scheme: Scheme, layout: Layout, weights: EffectiveWeights, uncertainty: Scheme['uncertainty'], engine: number): Methodology {
  const { method, alpha } = scheme.weighting;
  const roundReport = (r: { lambdaMax: number; ci: number; cr: number }) => ({ lambdaMax: round6(r.lambdaMax), ci: round6(r.ci), cr: round6(r.cr) });
  return {
    aggregation: scheme.aggregation,
    missing: scheme.missing,
    weighting: {
      method,
      ...(method === 'combined' ? { alpha } : {}),
      ...(weights.ahp
        ? {
            ahp: {
              ...(weights.ahp.dimensions ? { dimensions: roundReport(weights.ahp.dimensions) } : {}),
              indicators: Object.fromEntries(Object.entries(weights.ahp.indicators).map(([code, r]) => [code, roundReport(r)])),
            },
          }
        : {}),
    },
    indicators: Object.fromEntries(
      layout.indicators.map((i) => [
        i.code,
        {
          dimension: i.dimension,
          direction: i.direction,
          transform: i.transform,
          normalize: i.normalize,
          ...(i.normalize === 'target' ? { target: i.target } : {}),
        },
      ]),
    ),
    randomIndex: RANDOM_INDEX,
    uncertainty: { ...uncertainty, prng: PRNG_NAME, percentiles: PERCENTILES },
    penaltyCap: scheme.penaltyCap,
    assessmentPoints: scheme.assessmentPoints,
    conventions: [...(engine === 1 ? CONVENTIONS : CONVENTIONS_V2)],
  };
}

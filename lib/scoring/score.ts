// scoreDepartments: the whole pipeline, one small pure step after another:
// validate → transform → normalise → missing policy → weight → aggregate →
// penalise → rank → tier → uncertainty → explain → recommend → methodology.
import { buildModel, totalsInto } from './aggregate';
import { bestCells, breakdown, gapsToAbove, levers, type Breakdown } from './explain';
import { layoutOf, type FlatIndicator } from './layout';
import { methodologyOf } from './methodology';
import { applyMissingPolicy } from './missing';
import { normalizeColumn } from './normalize';
import { cappedPenalties } from './penalty';
import { competitionRanks, rankOrder } from './rank';
import { recommendations, weakestIndex } from './recommend';
import { round6 } from './round';
import { schemeHash } from './scheme-hash';
import type { Scheme } from './scheme-schema';
import { tierIndex } from './tier';
import { transformColumn } from './transform';
import type { DepartmentResult, IndicatorResult, ScoringInput, ScoringResult } from './types';
import { rankIntervals } from './uncertainty';
import { prepareInput } from './validate';
import { effectiveWeights } from './weights';

export interface ScoreOptions {
  /** Overrides scheme.uncertainty.runs, e.g. 0 for a quick preview. */
  runs?: number;
}

/** Scores every department. The scheme must come from parseScheme (or be defaultScheme). */
export function scoreDepartments(input: ScoringInput, scheme: Scheme, options: ScoreOptions = {}): ScoringResult {
  const layout = layoutOf(scheme);
  const prepared = prepareInput(input, layout);
  const n = prepared.codes.length;

  const transformed = layout.indicators.map((indicator, i) => transformColumn(prepared.raw[i], indicator));
  const scores = layout.indicators.map((indicator, i) => applyMissingPolicy(normalizeColumn(transformed[i], indicator), scheme.missing));
  const weights = effectiveWeights(scheme, layout, transformed);
  const model = buildModel(scores, layout, scheme.aggregation, cappedPenalties(prepared.incidentPoints, scheme.penaltyCap));

  const totals = totalsInto(model, weights.indicators, weights.dimensions, new Float64Array(n));
  const ranks = competitionRanks(totals, new Int32Array(n));
  const tiers = Array.from(totals, (total, d) => tierIndex(ranks[d], total, n, scheme.tiers));
  const uncertainty = { ...scheme.uncertainty, runs: options.runs ?? scheme.uncertainty.runs };
  const intervals = rankIntervals(model, weights.indicators, weights.dimensions, ranks, uncertainty);

  const order = rankOrder(ranks);
  const gaps = gapsToAbove(order, ranks, totals);
  const best = bestCells(model);

  const departments = order.map((d): DepartmentResult => {
    const parts = breakdown(model, d, weights.indicators, weights.dimensions);
    const leverList = levers(model, d, weights.indicators, weights.dimensions, best, parts.preTotal);
    const [lo, hi] = [intervals.lo[d], intervals.hi[d]];
    const straddles = tierIndex(lo, totals[d], n, scheme.tiers) !== tierIndex(hi, totals[d], n, scheme.tiers);
    const tier = scheme.tiers[tiers[d]];
    const missing = layout.indicators.filter((_, i) => Number.isNaN(prepared.raw[i][d]));

    return {
      department: prepared.codes[d],
      name: prepared.names[d],
      rank: ranks[d],
      total: round6(totals[d]),
      dimensions: Object.fromEntries(layout.dimensions.map((dim, j) => [dim.code, round6(nanToZero(parts.dimensionScores[j]))])),
      penalty: round6(model.penalty[d]),
      tier: tier.code,
      tierName: tier.name,
      rankInterval: [lo, hi],
      straddlesTier: straddles,
      recommendations: recommendations({
        incentives: scheme.incentives[tier.code] ?? [],
        weakest: weakestOf(layout.dimensions.map((dim) => dim.name), parts.dimensionScores),
        levers: leverList.map((l) => ({ name: layout.indicators[l.index].name, points: l.points })),
        straddles: straddles ? { lo, hi } : null,
        penalty: model.penalty[d],
        missing: missing.map((i) => i.name),
      }),
      indicators: indicatorResults(layout.indicators, prepared.raw, scores, parts, d),
      levers: leverList.map((l) => ({ indicator: layout.indicators[l.index].code, points: round6(l.points) })),
      gapToAbove: roundOrNull(gaps.get(d) ?? null),
      missing: missing.map((i) => i.code),
    };
  });

  return {
    scheme: { name: scheme.name, hash: schemeHash(scheme) },
    weights: {
      dimensions: Object.fromEntries(layout.dimensions.map((dim, j) => [dim.code, round6(weights.dimensions[j])])),
      indicators: Object.fromEntries(layout.indicators.map((indicator, i) => [indicator.code, round6(weights.indicators[i])])),
    },
    methodology: methodologyOf(scheme, layout, weights, uncertainty),
    departments,
  };
}

function indicatorResults(indicators: FlatIndicator[], raw: Float64Array[], scores: Float64Array[], parts: Breakdown, d: number): Record<string, IndicatorResult> {
  const results: Record<string, IndicatorResult> = {};
  indicators.forEach((indicator, i) => {
    const value = raw[i][d];
    const score = scores[i][d];
    results[indicator.code] = {
      value: Number.isNaN(value) ? null : value,
      score: Number.isNaN(score) ? null : round6(score),
      weight: round6(parts.indicatorWeights[i]),
      points: round6(parts.points[i]),
    };
  });
  return results;
}

/** The lowest-scoring dimension, when it is below another one (so there is something to say). */
function weakestOf(names: string[], scores: Float64Array): { name: string; score: number } | null {
  const j = weakestIndex(scores);
  return j === null ? null : { name: names[j], score: scores[j] };
}

function nanToZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

function roundOrNull(x: number | null): number | null {
  return x === null ? null : round6(x);
}

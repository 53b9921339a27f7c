// scoreDepartments: the whole pipeline, one small pure step after another:
// validate → transform → normalise → missing policy → weight → aggregate →
// penalise → rank → tier → uncertainty → explain → (version 2) reachable levers,
// missing cost, method interval and sensitivity → methodology.
// Engine version 1 is kept so snapshots finalized with it still verify (engine-version.ts).
import { buildModel, totalsInto, type ScoreModel } from './aggregate';
import { ENGINE_VERSION, isKnownEngineVersion } from './engine-version';
import { bestCells, breakdown, gapsToAbove, levers, type Breakdown } from './explain';
import { rankingUnits, subModel } from './groups';
import { layoutOf, type Layout } from './layout';
import { methodSensitivity } from './method-sensitivity';
import { methodologyOf } from './methodology';
import { applyMissingPolicy } from './missing';
import { normalizeColumn } from './normalize';
import { cappedPenalties } from './penalty';
import { competitionRanks, rankOrder } from './rank';
import { missingCost, NEXT_TIER_QUANTILE, PEER_QUANTILE, quantileTargets, reachableLevers, type Target } from './reachable';
import { weakestIndex, type RecommendationFacts } from './recommend';
import { round6 } from './round';
import { schemeHash } from './scheme-hash';
import type { Scheme } from './scheme-schema';
import { straddlesCutoff } from './straddle';
import { tierIndex } from './tier';
import { transformColumn } from './transform';
import type { DepartmentResult, IndicatorResult, ScoringInput, ScoringResult } from './types';
import { rankIntervals } from './uncertainty';
import { isNotApplicable, leaveOutNotApplicable, prepareInput, type PreparedInput } from './validate';
import { effectiveWeights, type EffectiveWeights } from './weights';

export interface ScoreOptions {
  /** Overrides scheme.uncertainty.runs, e.g. 0 for a quick preview. */
  runs?: number;
  /** The engine version to run (default: the current one); older ones reproduce old snapshots. */
  engine?: number;
  /** Version 1 wrote sentences into the result: the caller supplies them (lib/advice), the engine imports no catalog. */
  v1Recommendations?: (facts: RecommendationFacts) => string[];
}

/** Ranks, tiers and intervals, per department, within its ranking unit. */
interface Standing {
  ranks: Int32Array;
  tiers: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  straddles: Uint8Array;
  gaps: Map<number, number | null>;
  /** Engine version 2: the 5th–95th percentile of the total under the weight uncertainty. */
  totalIntervals: Map<number, [number, number]>;
}

/** Scores every department. The scheme must come from parseScheme (or be defaultScheme). */
export function scoreDepartments(input: ScoringInput, scheme: Scheme, options: ScoreOptions = {}): ScoringResult {
  const engine = options.engine ?? ENGINE_VERSION;
  if (!isKnownEngineVersion(engine)) throw new Error(`unknown engine version ${engine}`);
  const layout = layoutOf(scheme);
  const prepared = prepareInput(input, layout);
  const n = prepared.codes.length;

  const transformed = layout.indicators.map((indicator, i) => transformColumn(prepared.raw[i], indicator));
  // 不适用 cells are left out after the missing policy (which fills only what is missing).
  const scores = leaveOutNotApplicable(
    layout.indicators.map((indicator, i) => applyMissingPolicy(normalizeColumn(transformed[i], indicator), scheme.missing)),
    prepared.notApplicable,
  );
  const weights = effectiveWeights(scheme, layout, transformed);
  const model = buildModel(scores, layout, scheme.aggregation, cappedPenalties(prepared.incidentPoints, scheme.penaltyCap));
  const totals = totalsInto(model, weights.indicators, weights.dimensions, new Float64Array(n));
  const uncertainty = { ...scheme.uncertainty, runs: options.runs ?? scheme.uncertainty.runs };
  const overallRanks = competitionRanks(totals, new Int32Array(n));

  const units = engine === 1 ? [Array.from({ length: n }, (_, d) => d)] : rankingUnits(prepared.groups, scheme.rankWithinGroups === true);
  const standing = standingsOf(model, totals, units, weights, scheme, uncertainty, engine);
  const order = rankOrder(overallRanks);
  const common = { scheme, layout, prepared, model, weights, scores, totals };
  const departments = engine === 1 ? departmentsV1(common, order, standing, options) : departmentsV2(common, order, standing, overallRanks, units, transformed);

  const result: ScoringResult = {
    scheme: { name: scheme.name, hash: schemeHash(scheme) },
    weights: {
      dimensions: Object.fromEntries(layout.dimensions.map((dim, j) => [dim.code, round6(weights.dimensions[j])])),
      indicators: Object.fromEntries(layout.indicators.map((indicator, i) => [indicator.code, round6(weights.indicators[i])])),
    },
    methodology: methodologyOf(scheme, layout, weights, uncertainty, engine),
    departments: departments.list,
  };
  return engine === 1 ? result : { engine, ...result, sensitivity: departments.sensitivity };
}

function standingsOf(model: ScoreModel, totals: Float64Array, units: number[][], weights: EffectiveWeights, scheme: Scheme, uncertainty: Scheme['uncertainty'], engine: number): Standing {
  const n = totals.length;
  const s: Standing = { ranks: new Int32Array(n), tiers: new Int32Array(n), lo: new Int32Array(n), hi: new Int32Array(n), straddles: new Uint8Array(n), gaps: new Map(), totalIntervals: new Map() };
  for (const unit of units) {
    const size = unit.length;
    const unitTotals = Float64Array.from(unit, (d) => totals[d]);
    const ranks = competitionRanks(unitTotals, new Int32Array(size));
    const intervals = rankIntervals(subModel(model, unit), weights.indicators, weights.dimensions, ranks, uncertainty, engine === 1 ? undefined : unitTotals);
    const gaps = gapsToAbove(rankOrder(ranks), ranks, unitTotals);
    unit.forEach((d, r) => {
      const interval: [number, number] = [intervals.lo[r], intervals.hi[r]];
      s.ranks[d] = ranks[r];
      s.tiers[d] = tierIndex(ranks[r], totals[d], size, scheme.tiers);
      s.lo[d] = interval[0];
      s.hi[d] = interval[1];
      s.straddles[d] = Number(
        engine === 1
          ? tierIndex(interval[0], totals[d], size, scheme.tiers) !== tierIndex(interval[1], totals[d], size, scheme.tiers)
          : straddlesCutoff(interval, [Math.min(totals[d], intervals.totalLo![r]), Math.max(totals[d], intervals.totalHi![r])], size, scheme.tiers),
      );
      if (intervals.totalLo) s.totalIntervals.set(d, [intervals.totalLo[r], intervals.totalHi![r]]);
      s.gaps.set(d, gaps.get(r) ?? null);
    });
  }
  return s;
}

interface Common {
  scheme: Scheme;
  layout: Layout;
  prepared: PreparedInput;
  model: ScoreModel;
  weights: EffectiveWeights;
  /** Scores per indicator after the missing policy, and totals, per department. */
  scores: Float64Array[];
  totals: Float64Array;
}

/** What every version reports of a department. */
function baseResult({ scheme, layout, prepared, model, scores, totals }: Common, standing: Standing, d: number, parts: Breakdown) {
  const tier = scheme.tiers[standing.tiers[d]];
  return {
    department: prepared.codes[d],
    name: prepared.names[d],
    rank: standing.ranks[d],
    total: round6(totals[d]),
    dimensions: Object.fromEntries(layout.dimensions.map((dim, j) => [dim.code, round6(nanToZero(parts.dimensionScores[j]))])),
    penalty: round6(model.penalty[d]),
    tier: tier.code,
    tierName: tier.name,
    rankInterval: [standing.lo[d], standing.hi[d]] as [number, number],
    straddlesTier: standing.straddles[d] === 1,
    indicators: indicatorResults(layout, prepared, scores, parts, d),
    gapToAbove: roundOrNull(standing.gaps.get(d) ?? null),
  };
}

function departmentsV1(common: Common, order: number[], standing: Standing, options: ScoreOptions) {
  const { scheme, layout, prepared, model, weights } = common;
  const render = options.v1Recommendations;
  if (!render) throw new Error('engine version 1 needs v1Recommendations to write its sentences');
  const best = bestCells(model);
  const list = order.map((d): DepartmentResult => {
    const parts = breakdown(model, d, weights.indicators, weights.dimensions);
    const leverList = levers(model, d, weights.indicators, weights.dimensions, (prepared.notApplicable ? best.map((b, i) => (isNotApplicable(prepared, i, d) ? Number.NaN : b)) : best), parts.preTotal);
    const missing = layout.indicators.filter((_, i) => Number.isNaN(prepared.raw[i][d]) && !isNotApplicable(prepared, i, d));
    const base = baseResult(common, standing, d, parts);
    const weakest = weakestIndex(parts.dimensionScores);
    return {
      ...base,
      recommendations: render({
        incentives: scheme.incentives[base.tier] ?? [],
        weakest: weakest === null ? null : { name: layout.dimensions[weakest].name, score: parts.dimensionScores[weakest] },
        levers: leverList.map((l) => ({ name: layout.indicators[l.index].name, points: l.points })),
        straddles: base.straddlesTier ? { lo: base.rankInterval[0], hi: base.rankInterval[1] } : null,
        penalty: model.penalty[d],
        missing: missing.map((i) => i.name),
      }),
      levers: leverList.map((l) => ({ indicator: layout.indicators[l.index].code, points: round6(l.points) })),
      missing: missing.map((i) => i.code),
    };
  });
  return { list, sensitivity: undefined };
}

function departmentsV2(common: Common, order: number[], standing: Standing, overallRanks: Int32Array, units: number[][], transformed: Float64Array[]) {
  const { scheme, layout, prepared, model, weights } = common;
  const n = prepared.codes.length;
  const hasGroups = prepared.groups.some((g) => g !== '');
  const withinGroups = scheme.rankWithinGroups === true;
  const everyone = Array.from({ length: n }, (_, d) => d);
  const medians = quantileTargets(model, prepared.raw, layout.indicators, everyone, 0.5);
  const targets = new Map<string, Target[]>();
  const targetsFor = (key: string, members: () => number[], q: number) => {
    if (!targets.has(key)) targets.set(key, quantileTargets(model, prepared.raw, layout.indicators, members(), q));
    return targets.get(key)!;
  };
  const unitOf = new Int32Array(n);
  units.forEach((unit, u) => unit.forEach((d) => (unitOf[d] = u)));
  const peersOf = (d: number) => everyone.filter((e) => prepared.groups[e] === prepared.groups[d]);
  const methods = methodSensitivity(
    { layout, transformed, penalty: model.penalty, indW: weights.indicators, dimW: weights.dimensions, units, notApplicable: prepared.notApplicable },
    standing.ranks,
  );
  const dimensionMedians = groupDimensionMedians(common, prepared.groups);

  const list = order.map((d): DepartmentResult => {
    const parts = breakdown(model, d, weights.indicators, weights.dimensions);
    const tier = standing.tiers[d];
    const unit = units[unitOf[d]];
    const leverTargets =
      tier > 0
        ? targetsFor(`tier:${unitOf[d]}:${tier - 1}`, () => unit.filter((e) => standing.tiers[e] === tier - 1), NEXT_TIER_QUANTILE)
        : targetsFor(`peers:${prepared.groups[d]}`, () => peersOf(d), PEER_QUANTILE);
    const leverList = reachableLevers(model, d, weights.indicators, weights.dimensions, (prepared.notApplicable ? leverTargets.map((t, i) => (isNotApplicable(prepared, i, d) ? NO_TARGET : t)) : leverTargets), parts.preTotal);
    const reportable = layout.indicators.flatMap((indicator, i) =>
      indicator.source === 'metric' && Number.isNaN(prepared.raw[i][d]) && !isNotApplicable(prepared, i, d) ? [i] : [],
    );
    const weak = weakestIndex(parts.dimensionScores);
    const groupMedians = dimensionMedians.get(prepared.groups[d])!;
    return {
      ...baseResult(common, standing, d, parts),
      levers: leverList.map((l) => ({ indicator: layout.indicators[l.index].code, points: round6(l.points), target: round6(l.target), basis: tier > 0 ? 'nextTier' : 'peerQuartile' })),
      missing: reportable.map((i) => layout.indicators[i].code),
      ...(hasGroups ? { group: prepared.groups[d] } : {}),
      ...(withinGroups ? { overallRank: overallRanks[d] } : {}),
      totalInterval: (standing.totalIntervals.get(d) ?? [0, 0]).map(round6) as [number, number],
      methodInterval: [methods.lo[d], methods.hi[d]],
      missingCost: round6(missingCost(model, d, weights.indicators, weights.dimensions, reportable, medians, parts.preTotal)),
      weakDimension: weak !== null && parts.dimensionScores[weak] < groupMedians[weak] ? layout.dimensions[weak].code : null,
    };
  });
  return { list, sensitivity: methods.sensitivity };
}

/** Per peer group, the median score of each dimension (the bar a weak dimension is measured against). */
function groupDimensionMedians({ model, weights, layout }: Common, groups: string[]): Map<string, Float64Array> {
  const byGroup = new Map<string, number[][]>();
  groups.forEach((g, d) => {
    const scores = breakdown(model, d, weights.indicators, weights.dimensions).dimensionScores;
    const columns = byGroup.get(g) ?? layout.dimensions.map(() => []);
    scores.forEach((s, j) => Number.isNaN(s) || columns[j].push(s));
    byGroup.set(g, columns);
  });
  return new Map([...byGroup].map(([g, columns]) => [g, Float64Array.from(columns, median)]));
}

function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function indicatorResults(layout: Layout, prepared: PreparedInput, scores: Float64Array[], parts: Breakdown, d: number): Record<string, IndicatorResult> {
  const results: Record<string, IndicatorResult> = {};
  layout.indicators.forEach((indicator, i) => {
    const value = prepared.raw[i][d];
    const score = scores[i][d];
    results[indicator.code] = {
      value: Number.isNaN(value) ? null : value,
      score: Number.isNaN(score) ? null : round6(score),
      weight: round6(parts.indicatorWeights[i]),
      points: round6(parts.points[i]),
      ...(isNotApplicable(prepared, i, d) ? { notApplicable: true as const } : {}),
    };
  });
  return results;
}

/** No lever on what is not due: a 不适用 indicator's target. */
const NO_TARGET: Target = { cell: Number.NaN, raw: Number.NaN };

function nanToZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

function roundOrNull(x: number | null): number | null {
  return x === null ? null : round6(x);
}

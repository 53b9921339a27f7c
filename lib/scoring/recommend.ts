// Step 10: the facts recommendations are written from. The engine imports no
// catalog: lib/advice writes the sentences in the reader's language (engine version 1
// results carried zh-CN sentences, written through ScoreOptions.v1Recommendations).
import type { DepartmentResult } from './types';

export interface RecommendationFacts {
  incentives: string[];
  /** Weakest dimension with a score, if the scheme has more than one dimension. */
  weakest: { name: string; score: number } | null;
  levers: Array<{ name: string; points: number }>;
  straddles: { lo: number; hi: number } | null;
  penalty: number;
  missing: string[];
}

/** The index of the lowest dimension score (NaN: no score), or null when none is below another. */
export function weakestIndex(scores: ArrayLike<number>): number | null {
  let weakest = -1;
  let strongest = -Infinity;
  for (let j = 0; j < scores.length; j++) {
    const s = scores[j];
    if (Number.isNaN(s)) continue;
    if (weakest === -1 || s < scores[weakest]) weakest = j;
    strongest = Math.max(strongest, s);
  }
  return weakest === -1 || !(scores[weakest] < strongest - 1e-9) ? null : weakest;
}

/** The stored result fields the recommendations can be written again from. */
export type AdviceSource = Pick<DepartmentResult, 'dimensions' | 'indicators' | 'levers' | 'missing' | 'penalty' | 'straddlesTier' | 'rankInterval'>;

/** The scheme as the reader names it: dimensions, and indicators with their dimension, in scheme order. */
export interface NamedScheme {
  dimensions: ReadonlyArray<{ code: string; name: string }>;
  indicators: ReadonlyArray<{ code: string; name: string; dimension: string }>;
}

/**
 * A stored result (codes, rounded to 6 places) as facts in the scheme's names. A dimension
 * has a score unless none of its indicators has one (`exclude` with nothing reported), as in
 * the engine; the rounding can only matter for two dimensions within a millionth of a point.
 */
export function recommendationFacts(result: AdviceSource, scheme: NamedScheme, incentives: string[]): RecommendationFacts {
  const indicatorName = new Map(scheme.indicators.map((i) => [i.code, i.name]));
  const name = (code: string) => indicatorName.get(code) ?? code;
  const scored = new Set(scheme.indicators.filter((i) => result.indicators[i.code]?.score != null).map((i) => i.dimension));
  const dimensionScores = scheme.dimensions.map((d) => (scored.has(d.code) ? (result.dimensions[d.code] ?? Number.NaN) : Number.NaN));
  const weakest = weakestIndex(dimensionScores);
  return {
    incentives,
    weakest: weakest === null ? null : { name: scheme.dimensions[weakest].name, score: dimensionScores[weakest] },
    levers: result.levers.map((l) => ({ name: name(l.indicator), points: l.points })),
    straddles: result.straddlesTier ? { lo: result.rankInterval[0], hi: result.rankInterval[1] } : null,
    penalty: result.penalty,
    missing: result.missing.map(name),
  };
}

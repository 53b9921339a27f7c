// Everything a department's page shows, as plain data: its cached result for the period,
// the provincial medians to compare with, its indicators with the scheme's names and
// units, the levers, its trend, and its incidents and appeals. Access is checked by
// the page (guardPage with scores:detail for this department) before this runs.
import 'server-only';
import { getDatabase } from '../../db/client';
import * as q from '../../db/queries/dashboard';
import { shownLevers } from '../advice/sentences';
import { defaultScheme, type DepartmentResult } from '../scoring';
import { pageStamps } from '../scores/freshness';
import { choosePeriod, type PeriodChoiceRow } from './period-choice';
import { recentPeriodsOfKind } from './period-labels';
import { schemeMeta, type IndicatorMeta, type SchemeMeta } from './scheme-meta';

export const DEPARTMENT_TREND_PERIODS = 12;

export interface IndicatorLine extends IndicatorMeta {
  value: number | null;
  score: number | null;
  weight: number;
  points: number;
  /** 缺报: an indicator the department reports itself and did not. */
  notReported: boolean;
}

export interface DepartmentScoreCard {
  rank: number;
  ranked: number;
  total: number;
  tier: string;
  tierName: string;
  penalty: number;
  rankInterval: [number, number];
  straddlesTier: boolean;
  gapToAbove: number | null;
  /** The stored result: the recommendations are written from its facts in the reader's language (lib/advice). */
  advice: DepartmentResult;
  /** 缺报: the indicators not reported and what they cost (engine version 2; null before). */
  missing: { count: number; points: number | null };
  group: string | null;
  overallRank: number | null;
  methodInterval: [number, number] | null;
}

export interface DepartmentView {
  department: q.DepartmentInfo;
  period: PeriodChoiceRow;
  periods: PeriodChoiceRow[];
  computedAt: string | null;
  /** When the scores shown were computed, if newer data is being scored meanwhile. */
  updatingSince: string | null;
  scheme: SchemeMeta;
  /** Null when the department was not scored in this period. */
  score: DepartmentScoreCard | null;
  dimensions: Array<{ code: string; name: string; score: number; median: number | null }>;
  indicators: IndicatorLine[];
  /** The same list as the card's advice, the API and the export (lib/advice shownLevers). */
  levers: Array<{ indicator: string; name: string; points: number; target?: number; basis?: 'nextTier' | 'peerQuartile' }>;
  trend: Array<{ period: string; total: number; rank: number; ranked: number }>;
  incidents: q.IncidentRow[];
  appeals: q.AppealRow[];
}

export type DepartmentLoad = { kind: 'not-found' } | { kind: 'no-periods'; department: q.DepartmentInfo } | { kind: 'ok'; view: DepartmentView };

export async function loadDepartment(code: string, requestedPeriod: string | null): Promise<DepartmentLoad> {
  const database = await getDatabase();
  const department = await q.departmentInfo(database, code);
  if (!department) return { kind: 'not-found' };
  const periods = await q.listPeriods(database);
  const period = choosePeriod(periods, requestedPeriod);
  if (!period) return { kind: 'no-periods', department };
  const trendPeriods = recentPeriodsOfKind(period.code, DEPARTMENT_TREND_PERIODS, new Set(periods.map((p) => p.code)));
  const scores = await pageStamps(database, periods, [period.code, ...trendPeriods]);

  const [cache, cached, medians, summary, trend, incidents, appeals] = await Promise.all([
    q.cachedScheme(database, period.code),
    q.cachedDepartmentScore(database, period.code, code),
    q.dimensionMedians(database, period.code),
    q.periodSummary(database, period.code),
    q.trendPoints(database, [code], trendPeriods),
    q.departmentIncidents(database, code, period.startsOn, period.endsOn),
    q.departmentAppeals(database, code, period.code),
  ]);
  const scheme = schemeMeta(cache?.body ?? defaultScheme);
  const result = (cached?.detail ?? null) as DepartmentResult | null;
  const indicatorNames = new Map(scheme.indicators.map((i) => [i.code, i.name]));

  return {
    kind: 'ok',
    view: {
      department,
      period,
      periods,
      computedAt: cache?.computedAt ?? null,
      updatingSince: scores[period.code]?.updatingSince ?? null,
      scheme,
      score: result && cached ? scoreCard(result, cached, summary.departments) : null,
      dimensions: result
        ? scheme.dimensions.map((d) => ({ code: d.code, name: d.name, score: result.dimensions[d.code] ?? 0, median: medians[d.code] ?? null }))
        : [],
      indicators: result
        ? scheme.indicators.map((i) => ({ ...i, ...(result.indicators[i.code] ?? { value: null, score: null, weight: 0, points: 0 }), notReported: result.missing.includes(i.code) }))
        : [],
      levers: shownLevers(result?.levers ?? []).map((l) => ({ ...l, name: indicatorNames.get(l.indicator) ?? l.indicator })),
      trend: trend.map((p) => ({ period: p.period, total: p.total, rank: p.rank, ranked: p.ranked })),
      incidents,
      appeals,
    },
  };
}

function scoreCard(result: DepartmentResult, cached: q.CachedDepartmentScore, ranked: number): DepartmentScoreCard {
  return {
    rank: cached.rank,
    ranked,
    total: cached.total,
    tier: cached.tier,
    tierName: result.tierName,
    penalty: result.penalty,
    rankInterval: result.rankInterval,
    straddlesTier: result.straddlesTier,
    gapToAbove: result.gapToAbove,
    advice: result,
    missing: { count: result.missing.length, points: result.missingCost ?? null },
    group: result.group ?? null,
    overallRank: result.overallRank ?? null,
    methodInterval: result.methodInterval ?? null,
  };
}

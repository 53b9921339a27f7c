// Everything a department's page shows, as plain data: its cached result for the period,
// the provincial medians to compare with, its indicators with the scheme's names and
// units, the levers, its trend, and its incidents and appeals. The scores part is the same
// for every reader and built once for everyone by Next.js ('use cache', sharedDepartment)
// under the data generations of the periods it reads; incidents and appeals are read per
// request. Access is checked by the page (guardPage with scores:detail for this
// department) before this runs.
import 'server-only';
import { getDatabase } from '../../db/client';
import * as q from '../../db/queries/dashboard';

/** The rows the department page's tables show; components take them from here, not from db/. */
export type { AppealRow, IncidentRow } from '../../db/queries/dashboard';
import { shownLevers } from '../advice/sentences';
import { defaultScheme, type DepartmentResult, type IndicatorResult } from '../scoring';
import { pageStamps } from '../scores/freshness';
import { sharedView } from '../scores/shared-cache';
import { choosePeriod, type PeriodChoiceRow } from './period-choice';
import { recentPeriodsOfKind } from './period-labels';
import { schemeMeta, type IndicatorMeta, type SchemeMeta } from './scheme-meta';
import { withSchemeChanges, type SchemeChange } from './trend-series';

export const DEPARTMENT_TREND_PERIODS = 12;

export interface IndicatorLine extends IndicatorMeta, Omit<IndicatorResult, 'notApplicable'> {
  /** 缺报: an indicator the department reports itself and did not. */
  notReported: boolean;
  /** 不适用: a ledger indicator with nothing due for the department in the period. */
  notApplicable: boolean;
}

export interface DepartmentScoreCard extends Pick<DepartmentResult, 'rank' | 'total' | 'tier' | 'tierName' | 'penalty' | 'rankInterval' | 'straddlesTier' | 'gapToAbove'> {
  ranked: number;
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
  /** The data generation of the scores shown (pageStamps): the key of the views cached with them. */
  stamp: string;
  scheme: SchemeMeta;
  /** Null when the department was not scored in this period. */
  score: DepartmentScoreCard | null;
  dimensions: Array<{ code: string; name: string; score: number; median: number | null }>;
  indicators: IndicatorLine[];
  /** The same list as the card's advice, the API and the export (lib/advice shownLevers). */
  levers: Array<{ indicator: string; name: string; points: number; target?: number; basis?: 'nextTier' | 'peerQuartile' }>;
  /** Oldest first; schemeChange where the scheme version differs from the previous period's (口径变更). */
  trend: Array<{ period: string; total: number; rank: number; ranked: number; schemeChange: SchemeChange }>;
  incidents: q.IncidentRow[];
  appeals: q.AppealRow[];
}

export type DepartmentLoad =
  | { kind: 'not-found' }
  | { kind: 'no-periods'; department: q.DepartmentInfo }
  | { kind: 'computing'; department: q.DepartmentInfo; period: PeriodChoiceRow; periods: PeriodChoiceRow[] }
  | { kind: 'ok'; view: DepartmentView };

/** The part of a department's page every reader sees alike. */
type DepartmentScores = Pick<DepartmentView, 'computedAt' | 'scheme' | 'score' | 'dimensions' | 'indicators' | 'levers' | 'trend'>;

export interface DepartmentKey {
  code: string;
  period: string;
  trendPeriods: string[];
  /** The data generation of each period read (pageStamps): the key moves with the scores. */
  stamps: string[];
}

export async function loadDepartment(code: string, requestedPeriod: string | null): Promise<DepartmentLoad> {
  const database = await getDatabase();
  const department = await q.departmentInfo(database, code);
  if (!department) return { kind: 'not-found' };
  const periods = await q.listPeriods(database);
  const period = choosePeriod(periods, requestedPeriod);
  if (!period) return { kind: 'no-periods', department };
  const trendPeriods = recentPeriodsOfKind(period.code, DEPARTMENT_TREND_PERIODS, new Set(periods.map((p) => p.code)));
  const read = [...new Set([period.code, ...trendPeriods])];
  const scores = pageStamps(database, periods, read);
  if (scores[period.code].computing) return { kind: 'computing', department, period, periods };
  const [shared, incidents, appeals] = await Promise.all([
    sharedDepartment({ code, period: period.code, trendPeriods, stamps: read.map((p) => scores[p].stamp) }),
    q.departmentIncidents(database, code, period.startsOn, period.endsOn),
    q.departmentAppeals(database, code, period.code),
  ]);
  return { kind: 'ok', view: { department, period, periods, updatingSince: scores[period.code].updatingSince, stamp: scores[period.code].stamp, ...shared, incidents, appeals } };
}

/** The department's scores part, built once for everyone per key (Cache Components). */
export async function sharedDepartment(key: DepartmentKey): Promise<DepartmentScores> {
  'use cache';
  sharedView([key.period, ...key.trendPeriods]);
  const database = await getDatabase();
  const { code, period } = key;
  const [{ cache, medians, ranked }, cached, trend] = await Promise.all([
    sharedPeriodFacts(period, key.stamps[0]),
    q.cachedDepartmentScore(database, period, code),
    q.trendPoints(database, [code], key.trendPeriods),
  ]);
  const scheme = schemeMeta(cache?.body ?? defaultScheme);
  const result = (cached?.detail ?? null) as DepartmentResult | null;
  const indicatorNames = new Map(scheme.indicators.map((i) => [i.code, i.name]));
  return {
    computedAt: cache?.computedAt ?? null,
    scheme,
    score: result && cached ? scoreCard(result, cached, ranked) : null,
    dimensions: result ? scheme.dimensions.map((d) => ({ code: d.code, name: d.name, score: result.dimensions[d.code] ?? 0, median: medians[d.code] ?? null })) : [],
    indicators: result
      ? scheme.indicators.map((i) => ({ ...i, ...(result.indicators[i.code] ?? { value: null, score: null, weight: 0, points: 0 }), notReported: result.missing.includes(i.code), notApplicable: result.indicators[i.code]?.notApplicable === true }))
      : [],
    levers: shownLevers(result?.levers ?? []).map((l) => ({ ...l, name: indicatorNames.get(l.indicator) ?? l.indicator })),
    trend: withSchemeChanges([...trend].sort((a, b) => a.period.localeCompare(b.period))).map((p) => ({ period: p.period, total: p.total, rank: p.rank, ranked: p.ranked, schemeChange: p.schemeChange })),
  };
}

/** What every department's page of a period shares (its scheme, the provincial medians, how many were ranked): built once per period's stamp. */
export async function sharedPeriodFacts(period: string, stamp: string) {
  'use cache';
  sharedView([period]);
  void stamp; // the key: the period's scores as they stand
  const database = await getDatabase();
  const [cache, medians, summary] = await Promise.all([q.cachedScheme(database, period), q.dimensionMedians(database, period), q.periodSummary(database, period)]);
  return { cache, medians, ranked: summary.departments };
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

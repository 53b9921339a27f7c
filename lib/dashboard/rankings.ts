// Everything /rankings shows, as plain data: the period and the picker's choices, the
// summary cards, one page of the ranking table, and the three charts' series. Reads the
// score cache only (lib/scores pageStamps: stale scores are shown while they are recomputed).
// What every reader of a view sees alike is built once for everyone by Next.js ('use cache':
// the overview, the table page, the trend) under the data generations of the periods each
// reads, so a view someone has seen costs a reader the one read of the period list;
// present() then fits it to the reader:
// department users get others' rank, total and tier but not their dimensions, penalty or
// rank interval (docs/dashboard.md).
import 'server-only';
import { getDatabase } from '../../db/client';
import * as q from '../../db/queries/dashboard';
import { can } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { previousPeriod } from '../periods/codes';
import { defaultScheme } from '../scoring';
import { pageStamps } from '../scores/freshness';
import { sharedView } from '../scores/shared-cache';
import { choosePeriod, type PeriodChoiceRow } from './period-choice';
import { recentPeriodsOfKind } from './period-labels';
import { MAX_COMPARE, PAGE_SIZE, type RankingParams } from './ranking-params';
import { schemeMeta, type SchemeMeta } from './scheme-meta';
import { buildTrendSeries, type TrendSeries } from './trend-series';

export const TOP_N = 10;
export const MOVERS = 5;
export const TREND_PERIODS = 6;
export const HISTOGRAM_WIDTH = 5;
const DEFAULT_COMPARE = 5;

export interface RankingTableRow {
  code: string;
  name: string;
  rank: number;
  /** Positive: rose that many places since the previous period; null when not ranked then. */
  change: number | null;
  total: number;
  tier: string;
  tierName: string;
  /** Null where the reader may not see this department's detail. */
  dimensions: Record<string, number> | null;
  penalty: number | null;
  rankInterval: [number, number] | null;
  straddlesTier: boolean;
  group: string | null;
  /** 缺报: indicators not reported and their cost in points; null where the reader may not see the detail. */
  missing: { count: number; points: number | null } | null;
  /** The reader's own department. */
  own: boolean;
}

/** What every reader of the same page sees alike; cached by Next.js. */
interface RankingsData {
  previousPeriod: string | null;
  computedAt: string | null;
  scheme: SchemeMeta;
  summary: q.PeriodSummary;
  risers: q.Mover[];
  fallers: q.Mover[];
  rows: q.RankingRow[];
  matched: number;
  histogram: Array<{ from: number; to: number; count: number }>;
  topDimensions: q.DimensionRow[];
  trend: TrendSeries;
}

export interface RankingsView extends Omit<RankingsData, 'rows' | 'topDimensions'> {
  computing: false;
  period: PeriodChoiceRow;
  periods: PeriodChoiceRow[];
  rows: RankingTableRow[];
  page: number;
  pageCount: number;
  /** When the scores shown were computed, if newer data is being scored meanwhile. */
  updatingSince: string | null;
  /** Null when the reader may not see other departments' dimension scores. */
  topDimensions: q.DimensionRow[] | null;
}

/** A period whose scores were never computed: its first computation is under way. */
export interface PeriodBeingComputed {
  computing: true;
  period: PeriodChoiceRow;
  periods: PeriodChoiceRow[];
}

export async function loadRankings(principal: Principal, params: RankingParams): Promise<RankingsView | PeriodBeingComputed | null> {
  const database = await getDatabase();
  const periods = await q.listPeriods(database);
  const period = choosePeriod(periods, params.period);
  if (!period) return null;
  // The periods the page reads: the one shown, the one it compares with, the trend's.
  const available = new Set(periods.map((p) => p.code));
  const before = previousPeriod(period.code);
  const previous = before && available.has(before) ? before : null;
  const trendPeriods = recentPeriodsOfKind(period.code, TREND_PERIODS, available);
  const compared = [period.code, ...(previous ? [previous] : [])];
  const scores = pageStamps(database, periods, [...compared, ...trendPeriods]);
  if (scores[period.code].computing) return { computing: true, period, periods };
  // Each part is cached on its own, under the stamps of the periods it reads: a new sort,
  // filter, page or comparison builds only the part it changes.
  const at: PeriodKey = { period: period.code, previous, stamps: compared.map((p) => scores[p].stamp) };
  const { period: _, compare, ...table } = params;
  const [overview, page, trend] = await Promise.all([
    sharedOverview(at),
    sharedTablePage(at, table),
    sharedTrend({ period: period.code, trendPeriods, stamps: trendPeriods.map((p) => scores[p].stamp) }, compare),
  ]);
  return present({ ...overview, ...page, trend }, principal, { period, periods, page: params.page, updatingSince: scores[period.code].updatingSince });
}

/** A period (and the one it is compared with) as its scores stand: the key of every shared part. */
export interface PeriodKey {
  period: string;
  previous: string | null;
  /** The data generation of each period read (pageStamps): the key moves with the scores. */
  stamps: string[];
}

/** The summary cards and the overview charts, built once for everyone per period (Cache Components). */
export async function sharedOverview(key: PeriodKey): Promise<Omit<RankingsData, 'rows' | 'matched' | 'trend'>> {
  'use cache';
  sharedView(key.previous ? [key.period, key.previous] : [key.period]);
  const database = await getDatabase();
  const { period, previous } = key;
  const [cache, summary, risers, fallers, histogram, topDimensions] = await Promise.all([
    q.cachedScheme(database, period),
    q.periodSummary(database, period),
    previous ? q.movers(database, period, previous, 'up', MOVERS) : [],
    previous ? q.movers(database, period, previous, 'down', MOVERS) : [],
    q.totalsHistogram(database, period, HISTOGRAM_WIDTH),
    q.topDimensions(database, period, TOP_N),
  ]);
  return {
    previousPeriod: previous,
    computedAt: cache?.computedAt ?? null,
    scheme: schemeMeta(cache?.body ?? defaultScheme),
    summary,
    risers,
    fallers,
    histogram: fullHistogram(histogram, HISTOGRAM_WIDTH),
    topDimensions,
  };
}

/** One page of the ranking table for a sort and filter, built once for everyone (Cache Components). */
export async function sharedTablePage(key: PeriodKey, table: Omit<RankingParams, 'period' | 'compare'>): Promise<Pick<RankingsData, 'rows' | 'matched'>> {
  'use cache';
  sharedView(key.previous ? [key.period, key.previous] : [key.period]);
  const { period, previous } = key;
  const { tier, search, group, sort, dimension, descending, page } = table;
  const offset = (page - 1) * PAGE_SIZE;
  return q.rankingPage(await getDatabase(), { period, previousPeriod: previous, tier, search, group, sort, dimension, descending, offset, limit: PAGE_SIZE });
}

/** The trend chart of the departments compared (the top ones when none is chosen), built once for everyone (Cache Components). */
export async function sharedTrend(key: { period: string; trendPeriods: string[]; stamps: string[] }, chosen: string[]): Promise<TrendSeries> {
  'use cache';
  sharedView([key.period, ...key.trendPeriods]);
  const database = await getDatabase();
  const compare = chosen.length ? chosen.slice(0, MAX_COMPARE) : await q.topCodes(database, key.period, DEFAULT_COMPARE);
  const [points, names] = await Promise.all([q.trendPoints(database, compare, key.trendPeriods), q.departmentNames(database, compare)]);
  return buildTrendSeries(key.trendPeriods, compare, names, points);
}

/** The page for one reader: others' detail hidden where they may not see it, their own row marked. */
function present(data: RankingsData, principal: Principal, at: { period: PeriodChoiceRow; periods: PeriodChoiceRow[]; page: number; updatingSince: string | null }): RankingsView {
  const seesAll = can(principal, 'scores:detail', { department: null });
  const own = principal.kind === 'cli' ? null : principal.departmentCode;
  return {
    ...data,
    ...at,
    computing: false,
    pageCount: Math.max(1, Math.ceil(data.matched / PAGE_SIZE)),
    topDimensions: seesAll ? data.topDimensions : null,
    rows: data.rows.map((r) => {
      const visible = seesAll || can(principal, 'scores:detail', { department: r.code });
      return {
        code: r.code,
        name: r.name,
        rank: r.rank,
        change: r.previousRank === null ? null : r.previousRank - r.rank,
        total: r.total,
        tier: r.tier,
        tierName: r.tierName,
        dimensions: visible ? r.dimensions : null,
        penalty: visible ? r.penalty : null,
        rankInterval: visible ? r.rankInterval : null,
        straddlesTier: visible && r.straddlesTier,
        group: r.group,
        missing: visible ? { count: r.missing, points: r.missingCost } : null,
        own: r.code === own,
      };
    }),
  };
}

/** Every band from 0 to 100, empty ones included, so the chart's axis is the whole scale. */
export function fullHistogram(bands: Array<{ band: number; count: number }>, width: number) {
  const counts = new Map(bands.map((b) => [b.band, b.count]));
  const n = Math.ceil(100 / width);
  return Array.from({ length: n }, (_, band) => ({ from: band * width, to: Math.min(100, (band + 1) * width), count: counts.get(band) ?? 0 }));
}

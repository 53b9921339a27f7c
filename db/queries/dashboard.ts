// The dashboard's reads: pages of cached department scores, period summaries, trends,
// sharing flows, and a department's incidents and appeals. Everything is aggregated in
// SQL over the score cache (period_scores / department_scores) or the events table, so a
// page reads a few hundred rows at most whether the province has 30 or 5,000 departments.
import { and, between, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import {
  appeals,
  incidents,
  indicatorValues,
  periods,
  periodScores,
  scoreGenerations,
  sharingEvents,
  type AppealRow as AppealRecord,
  type IncidentRow as IncidentRecord,
  type PeriodRow,
} from '../schema';
import type { Session } from '../types';
import { STALE_SQL, staleness } from './scores';

/** The score cache's header of a period, as far as deciding freshness needs it. */
export interface CacheHeaderRow {
  /** The data generation these scores were computed from (score_generations). */
  generation: number;
  stale: boolean;
  computedAt: string;
}

export interface PeriodState extends PeriodRow {
  /** Null when the period has never been scored. */
  cache: CacheHeaderRow | null;
}

/** A period has data when a metric value or a sharing event falls in one of its months: each an index probe, not a scan. */
const hasData = sql`exists (select 1 from ${sharingEvents} where ${sharingEvents.day} between ${periods.startsOn} and ${periods.endsOn})
  or exists (select 1 from ${indicatorValues}
             where ${indicatorValues.period} between to_char(${periods.startsOn}, 'YYYY-MM') and to_char(${periods.endsOn}, 'YYYY-MM'))`;

/**
 * The period list: every period that has data, newest end first, with its score-cache
 * header, so one read tells a page which period to show and whether its scores are fresh.
 */
export async function listPeriods(session: Session): Promise<PeriodState[]> {
  const rows = await session.db
    .select({ ...getTableColumns(periods), cacheGeneration: periodScores.generation, stale: staleness, computedAt: periodScores.computedAt })
    .from(periods)
    .leftJoin(periodScores, eq(periodScores.period, periods.code))
    .leftJoin(scoreGenerations, eq(scoreGenerations.period, periods.code))
    .where(hasData)
    .orderBy(desc(periods.endsOn), desc(periods.startsOn));
  return rows.map(({ cacheGeneration, stale, computedAt, ...period }) => ({
    ...period,
    cache: computedAt === null ? null : { generation: Number(cacheGeneration), stale, computedAt: computedAt.toISOString() },
  }));
}

export const RANKING_SORTS = ['rank', 'change', 'name', 'total', 'penalty', 'dimension'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export interface RankingQuery {
  period: string;
  previousPeriod: string | null;
  tier?: string | null;
  /** Part of a department's name or code. */
  search?: string | null;
  sort: RankingSort;
  /** The dimension code when sort = 'dimension'. */
  dimension?: string | null;
  descending: boolean;
  offset: number;
  limit: number;
  /** A peer group (the result's `group`); null: all. */
  group?: string | null;
}

export interface RankingRow extends DimensionRow {
  previousRank: number | null;
  total: number;
  tier: string;
  tierName: string;
  penalty: number;
  rankInterval: [number, number];
  straddlesTier: boolean;
  group: string | null;
  /** How many indicators the department did not report, and what that cost it (engine version 2). */
  missing: number;
  missingCost: number | null;
}

/** The SQL that orders a ranking page; every branch ends on rank and code so pages are stable. */
function orderBy(sort: RankingSort, descending: boolean, dimensionParam: string): string {
  const dir = descending ? 'desc' : 'asc';
  switch (sort) {
    case 'change':
      return `(p.rank - s.rank) ${dir} nulls last, s.rank, s.department_code`;
    case 'name':
      return `d.name ${dir}, s.department_code`;
    case 'total':
      return `s.total ${dir}, s.department_code`;
    case 'penalty':
      return `(s.detail->>'penalty')::float8 ${dir}, s.rank, s.department_code`;
    case 'dimension':
      return `(s.detail->'dimensions'->>${dimensionParam}::text)::float8 ${dir} nulls last, s.rank, s.department_code`;
    default:
      return `s.rank ${dir}, s.department_code ${dir}`;
  }
}

/** A name filter as an ILIKE pattern: the user's text matched literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of a period's ranking, filtered and sorted, with the number of matching departments. */
export async function rankingPage(session: Session, q: RankingQuery): Promise<{ rows: RankingRow[]; matched: number }> {
  const search = q.search?.trim() ? containsPattern(q.search.trim()) : null;
  const filterParams = [q.period, q.tier || null, search, q.group || null];
  const filter = `s.period = $1 and ($2::text is null or s.tier = $2)
    and ($3::text is null or d.name ilike $3 or s.department_code ilike $3)
    and ($4::text is null or s.detail->>'group' = $4)`;
  const sort = q.sort === 'dimension' && !q.dimension ? 'rank' : q.sort;
  const pageParams = [...filterParams, q.previousPeriod, q.limit, q.offset, ...(sort === 'dimension' ? [q.dimension] : [])];
  const rows = await session.query<RankingRow>(
    `select s.department_code as code, d.name, s.rank, p.rank as "previousRank", s.total, s.tier,
            s.detail->>'tierName' as "tierName", s.detail->'dimensions' as dimensions,
            (s.detail->>'penalty')::float8 as penalty, s.detail->'rankInterval' as "rankInterval",
            coalesce((s.detail->>'straddlesTier')::boolean, false) as "straddlesTier",
            s.detail->>'group' as "group", coalesce(jsonb_array_length(s.detail->'missing'), 0)::int as missing,
            (s.detail->>'missingCost')::float8 as "missingCost"
       from department_scores s
       join departments d on d.code = s.department_code
       left join department_scores p on p.period = $5::text and p.department_code = s.department_code
      where ${filter}
      order by ${orderBy(sort, q.descending, '$8')}
      limit $6 offset $7`,
    pageParams,
  );
  const [{ matched }] = await session.query<{ matched: number }>(
    `select count(*)::int as matched from department_scores s join departments d on d.code = s.department_code where ${filter}`,
    filterParams,
  );
  return { rows, matched };
}

export interface PeriodSummary {
  departments: number;
  medianTotal: number | null;
  /** Departments with at least one indicator not reported (缺报). */
  unreported: number;
  /** The peer groups of the period's departments, in name order (none before engine version 2). */
  groups: string[];
  tiers: Array<{ tier: string; tierName: string; count: number }>;
}

/** Departments scored, the median total and how many fall in each tier. */
export async function periodSummary(session: Session, period: string): Promise<PeriodSummary> {
  const [head] = await session.query<{ departments: number; medianTotal: number | null; unreported: number; groups: string[] | null }>(
    `select count(*)::int as departments, percentile_cont(0.5) within group (order by total) as "medianTotal",
            (count(*) filter (where jsonb_array_length(coalesce(detail->'missing', '[]'::jsonb)) > 0))::int as unreported,
            array_agg(distinct detail->>'group') filter (where detail->>'group' is not null) as groups
       from department_scores where period = $1`,
    [period],
  );
  // One row per tier for its display name: the tier's best-ranked department carries it.
  const tiers = await session.query<{ tier: string; tierName: string; count: number }>(
    `select t.tier, t.count, (select s.detail->>'tierName' from department_scores s
                               where s.period = $1 and s.tier = t.tier order by s.rank limit 1) as "tierName"
       from (select tier, count(*)::int as count, min(rank) as best from department_scores where period = $1 group by tier) t
      order by t.best`,
    [period],
  );
  return { departments: head.departments, medianTotal: head.medianTotal, unreported: head.unreported, groups: head.groups ?? [], tiers };
}

/** The median of each dimension score over the period's departments. */
export async function dimensionMedians(session: Session, period: string): Promise<Record<string, number>> {
  const rows = await session.query<{ dimension: string; median: number }>(
    `select e.key as dimension, percentile_cont(0.5) within group (order by e.value::float8) as median
       from department_scores s, jsonb_each_text(s.detail->'dimensions') e
      where s.period = $1 group by e.key`,
    [period],
  );
  return Object.fromEntries(rows.map((r) => [r.dimension, r.median]));
}

export interface Mover {
  code: string;
  name: string;
  rank: number;
  previousRank: number;
}

/** The departments whose rank rose (or fell) most since the previous period. */
export async function movers(session: Session, period: string, previous: string, direction: 'up' | 'down', limit: number): Promise<Mover[]> {
  const order = direction === 'up' ? 'p.rank - s.rank desc' : 'p.rank - s.rank asc';
  const sign = direction === 'up' ? '>' : '<';
  return session.query<Mover>(
    `select s.department_code as code, d.name, s.rank, p.rank as "previousRank"
       from department_scores s
       join department_scores p on p.period = $2 and p.department_code = s.department_code
       join departments d on d.code = s.department_code
      where s.period = $1 and p.rank ${sign} s.rank
      order by ${order}, s.rank, s.department_code
      limit $3`,
    [period, previous, limit],
  );
}

/** How many departments' totals fall in each band of `width` points (band 0 is [0, width)). */
export async function totalsHistogram(session: Session, period: string, width: number): Promise<Array<{ band: number; count: number }>> {
  return session.query<{ band: number; count: number }>(
    `select least(floor(total / $2)::int, (ceil(100 / $2::float8) - 1)::int) as band, count(*)::int as count
       from department_scores where period = $1 group by 1 order by 1`,
    [period, width],
  );
}

export interface DimensionRow {
  code: string;
  name: string;
  rank: number;
  dimensions: Record<string, number>;
}

/** The top `limit` departments' dimension scores, in rank order. */
export async function topDimensions(session: Session, period: string, limit: number): Promise<DimensionRow[]> {
  return session.query<DimensionRow>(
    `select s.department_code as code, d.name, s.rank, s.detail->'dimensions' as dimensions
       from department_scores s join departments d on d.code = s.department_code
      where s.period = $1 order by s.rank, s.department_code limit $2`,
    [period, limit],
  );
}

export interface TrendPoint {
  period: string;
  code: string;
  rank: number;
  total: number;
  /** Departments ranked in that period, to read a rank against. */
  ranked: number;
  /** The scheme version the period's scores were computed with (null: the built-in default). */
  schemeVersion: number | null;
}

/** Totals and ranks of some departments in some periods (only periods with cached scores appear). */
export async function trendPoints(session: Session, codes: string[], periods: string[]): Promise<TrendPoint[]> {
  if (!codes.length || !periods.length) return [];
  return session.query<TrendPoint>(
    // `ranked` is the count the cache header stored with the same rows, in the same write;
    // counting 5,000 rows again for every point cost 0.2 s at 5,000 departments.
    `select s.period, s.department_code as code, s.rank, s.total, (ps.summary->>'departments')::int as ranked,
            nullif((ps.summary->'scheme'->>'version')::int, 0) as "schemeVersion"
       from department_scores s join period_scores ps on ps.period = s.period
      where s.period = any($1::text[]) and s.department_code = any($2::text[])
      order by s.period, s.rank`,
    [periods, codes],
  );
}

/** The top-ranked department codes of a period. */
export async function topCodes(session: Session, period: string, limit: number): Promise<string[]> {
  const rows = await session.query<{ code: string }>(
    `select department_code as code from department_scores where period = $1 order by rank, department_code limit $2`,
    [period, limit],
  );
  return rows.map((r) => r.code);
}

export interface DepartmentInfo {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export async function departmentInfo(session: Session, code: string): Promise<DepartmentInfo | null> {
  const [row] = await session.query<DepartmentInfo>(
    `select code, name, level, parent_code as "parentCode" from departments where code = $1`,
    [code],
  );
  return row ?? null;
}

export async function departmentNames(session: Session, codes: string[]): Promise<Record<string, string>> {
  if (!codes.length) return {};
  const rows = await session.query<{ code: string; name: string }>(`select code, name from departments where code = any($1::text[])`, [codes]);
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}

export interface CachedDepartmentScore {
  rank: number;
  total: number;
  tier: string;
  /** The engine's DepartmentResult, as cached. */
  detail: unknown;
}

/** A department's cached result for a period, or null when it was not scored. */
export async function cachedDepartmentScore(session: Session, period: string, code: string): Promise<CachedDepartmentScore | null> {
  const [row] = await session.query<CachedDepartmentScore>(
    `select rank, total, tier, detail from department_scores where period = $1 and department_code = $2`,
    [period, code],
  );
  return row ?? null;
}

/**
 * The scheme a period's cache was computed with (its stored body), or null when the period
 * is not cached; body is null for the built-in default scheme (stored as scheme id 0).
 */
export async function cachedScheme(session: Session, period: string): Promise<{ computedAt: string; stale: boolean; body: unknown } | null> {
  const [row] = await session.query<{ computedAt: Date | string; stale: boolean; body: unknown }>(
    `select ps.computed_at as "computedAt", ${STALE_SQL} as stale, sc.body
       from period_scores ps left join schemes sc on sc.id = ps.scheme_id left join score_generations g on g.period = ps.period
      where ps.period = $1`,
    [period],
  );
  return row ? { ...row, body: row.body ?? null, computedAt: new Date(row.computedAt).toISOString() } : null;
}

export interface FlowPair {
  provider: string;
  providerName: string;
  consumer: string;
  consumerName: string;
  calls: number;
  records: number;
  failures: number;
}

export interface FlowTotals {
  calls: number;
  records: number;
  pairs: number;
  providers: number;
  consumers: number;
}

export interface FlowLimits {
  /** Pairs in the table: the largest overall. */
  table: number;
  /** Pairs in the Sankey: the largest, at most `perProvider` for each provider, so one giant provider cannot fill it. */
  sankey: number;
  perProvider: number;
  /** Providers and consumers in the heat map: the largest of each by calls. */
  matrix: number;
}

export interface FlowSummary {
  pairs: FlowPair[];
  sankeyPairs: FlowPair[];
  /** Every pair between the top providers and the top consumers. */
  matrixPairs: FlowPair[];
  totals: FlowTotals;
}

type FlowRow = FlowPair & { part: 'table' | 'sankey' | 'matrix'; totalCalls: number; totalRecords: number; pairCount: number; providerCount: number; consumerCount: number };

/**
 * Provider → consumer flows between two ISO dates (inclusive), self-calls excluded: the
 * pairs for the table, the Sankey and the heat map, and totals over every pair — one pass
 * over the period's events.
 */
export async function flowSummary(session: Session, startsOn: string, endsOn: string, limits: FlowLimits): Promise<FlowSummary> {
  const rows = await session.query<FlowRow>(
    `with pairs as (
       select provider, consumer, sum(calls)::float8 as calls, sum(records)::float8 as records, sum(failures)::float8 as failures
         from sharing_events
        where day between $1::date and $2::date and provider <> consumer
        group by provider, consumer),
     ranked as (select pairs.*, row_number() over (partition by provider order by calls desc, consumer) as nth from pairs),
     top_providers as (select provider from pairs group by provider order by sum(calls) desc, provider limit $6),
     top_consumers as (select consumer from pairs group by consumer order by sum(calls) desc, consumer limit $6),
     parts as (
       (select 'table' as part, provider, consumer, calls, records, failures from pairs order by calls desc, provider, consumer limit $3)
       union all
       (select 'sankey', provider, consumer, calls, records, failures from ranked where nth <= $5 order by calls desc, provider, consumer limit $4)
       union all
       (select 'matrix', provider, consumer, calls, records, failures from pairs
         where provider in (select provider from top_providers) and consumer in (select consumer from top_consumers))),
     totals as (select coalesce(sum(calls), 0)::float8 as "totalCalls", coalesce(sum(records), 0)::float8 as "totalRecords",
                       count(*)::int as "pairCount", count(distinct provider)::int as "providerCount",
                       count(distinct consumer)::int as "consumerCount" from pairs)
     select f.part, f.provider, pd.name as "providerName", f.consumer, cd.name as "consumerName", f.calls, f.records, f.failures, totals.*
       from parts f
       left join departments pd on pd.code = f.provider
       left join departments cd on cd.code = f.consumer
       cross join totals
      order by f.part, f.calls desc, f.provider, f.consumer`,
    [startsOn, endsOn, limits.table, limits.sankey, limits.perProvider, limits.matrix],
  );
  const head = rows[0];
  const pairsOf = (part: FlowRow['part']) =>
    rows
      .filter((r) => r.part === part)
      .map((r) => ({
        provider: r.provider,
        providerName: r.providerName ?? r.provider,
        consumer: r.consumer,
        consumerName: r.consumerName ?? r.consumer,
        calls: r.calls,
        records: r.records,
        failures: r.failures,
      }));
  return {
    pairs: pairsOf('table'),
    sankeyPairs: pairsOf('sankey'),
    matrixPairs: pairsOf('matrix'),
    totals: head
      ? { calls: head.totalCalls, records: head.totalRecords, pairs: head.pairCount, providers: head.providerCount, consumers: head.consumerCount }
      : { calls: 0, records: 0, pairs: 0, providers: 0, consumers: 0 },
  };
}

/** A department's incident as its page lists it. */
export type IncidentRow = Pick<IncidentRecord, 'id' | 'occurredOn' | 'kind' | 'points' | 'description' | 'exemptionStatus' | 'decisionReason'>;

/** A department's incidents between two ISO dates, newest first, with their exemption status. */
export async function departmentIncidents(session: Session, code: string, startsOn: string, endsOn: string): Promise<IncidentRow[]> {
  const i = incidents;
  return session.db
    .select({ id: i.id, occurredOn: i.occurredOn, kind: i.kind, points: i.points, description: i.description, exemptionStatus: i.exemptionStatus, decisionReason: i.decisionReason })
    .from(i)
    .where(and(eq(i.departmentCode, code), between(i.occurredOn, startsOn, endsOn)))
    .orderBy(desc(i.occurredOn), desc(i.id));
}

/** A department's appeal as its page lists it; times as ISO text (the page hands them to a client component). */
export type AppealRow = Pick<AppealRecord, 'id' | 'indicator' | 'reason' | 'status' | 'decisionReason'> & { createdAt: string; decidedAt: string | null };

/** A department's appeals on a period, newest first. */
export async function departmentAppeals(session: Session, code: string, period: string): Promise<AppealRow[]> {
  const a = appeals;
  const rows = await session.db
    .select({ id: a.id, indicator: a.indicator, reason: a.reason, status: a.status, decisionReason: a.decisionReason, createdAt: a.createdAt, decidedAt: a.decidedAt })
    .from(a)
    .where(and(eq(a.departmentCode, code), eq(a.period, period)))
    .orderBy(desc(a.createdAt), desc(a.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null }));
}

// SQL for the score cache (period_scores header + department_scores rows), the periods'
// data generations and the period list. Writers raise a period's generation in their own
// transaction and never wait for a recompute; a recompute holds its period's advisory lock
// (so recomputes of one period queue and the later one finds the work done) and stores the
// generation it computed from, so scores are stale exactly when that is not the period's
// generation any more.
import type { DepartmentResult } from '../../lib/scoring';
import { and, eq, sql } from 'drizzle-orm';
import { departmentScores, periodScores, scoreGenerations } from '../schema';
import type { Session } from '../types';
import { advisoryKey, advisoryXactLock } from './locks';

export async function lockPeriodExclusive(tx: Session, period: string): Promise<void> {
  await advisoryXactLock(tx, advisoryKey('scores', period));
}

/** Raises the data generation of these periods (they need not exist yet). */
export async function raiseGenerations(tx: Session, periods: string[]): Promise<void> {
  const sorted = [...new Set(periods)].sort(); // one order everywhere: no lock cycles between writers
  if (!sorted.length) return;
  await tx.query(
    `insert into score_generations (period, generation) select p, nextval('score_generation') from unnest($1::text[]) as p
     on conflict (period) do update set generation = excluded.generation`,
    [sorted],
  );
}

/** Every period whose scores may still change (not finalized): for a scheme change, a department renamed… */
export async function everyOpenPeriod(session: Session): Promise<string[]> {
  const rows = await session.query<{ code: string }>(
    `select code from periods where status <> 'finalized'
     union select ps.period from period_scores ps where not exists (select 1 from periods p where p.code = ps.period and p.status = 'finalized')`,
  );
  return rows.map((r) => r.code);
}

/** A period's data generation now (0 when nothing was ever written to it). */
export async function currentGeneration(session: Session, period: string): Promise<number> {
  const [row] = await session.db.select({ generation: scoreGenerations.generation }).from(scoreGenerations).where(eq(scoreGenerations.period, period));
  return row?.generation ?? 0;
}

/**
 * One value that changes whenever what a ranking or department page shows could: the
 * highest generation written, the last time any scores were saved, the periods' statuses
 * and the appeals (a department's page lists them). Null while any period's saved scores
 * are older than its data (they are being updated).
 */
export async function dataStamp(session: Session): Promise<string | null> {
  const [row] = await session.query<{ stamp: string | null }>(
    `select case when exists (select 1 from period_scores ps join score_generations g on g.period = ps.period where ${STALE_SQL}) then null
            else concat_ws('.', (select max(generation) from score_generations), (select max(computed_at) from period_scores),
                           (select md5(string_agg(code || status, ',' order by code)) from periods),
                           (select concat(count(*), '-', max(id), '-', max(decided_at)) from appeals)) end as stamp`,
  );
  return row.stamp;
}

/**
 * Scores computed on a Beijing day D of a period not finalized that had not ended by D are
 * stale from the next Beijing midnight on: an open item falling due then is late from that
 * moment, and the catalog is read as of min(end, today) (docs/scoring.md, "Freshness of
 * ledger indicators"). Computed after the period's end, they stay fresh. UTC+8 all year.
 */
const beijingDay = (instant: string) => `((${instant} at time zone 'UTC') + interval '8 hours')::date`;
/** SQL: the rows `alias` (period, computed_at) of a period not finalized were computed on a Beijing day of it now passed. */
export const dayPassed = (scores: string) =>
  `exists (select 1 from periods sp where sp.code = ${scores}.period and sp.status <> 'finalized'
           and ${beijingDay(`${scores}.computed_at`)} <= sp.ends_on and ${beijingDay(`${scores}.computed_at`)} < ${beijingDay('now()')})`;

/** SQL: whether the scores in `ps` are older than their period's generation (join `score_generations g`) or than today. */
export const STALE_SQL = `(coalesce(g.generation, 0) <> ps.generation or ${dayPassed('ps')})`;
/** The same for the typed builder (period_scores left join score_generations). */
export const staleness = sql<boolean>`(coalesce(${scoreGenerations.generation}, 0) <> ${periodScores.generation} or ${sql.raw(dayPassed('"period_scores"'))})`;

export interface CacheHeader {
  schemeId: number | null;
  /** The period's data generation is newer than the one the scores were computed from (or a Beijing midnight passed). */
  stale: boolean;
  computedAt: Date;
  summary: CacheSummary;
}

export interface CacheSummary {
  scheme: { id: number | null; version: number; hash: string; name: string };
  departments: number;
  weights: unknown;
  methodology: unknown;
  /** Engine version 2 results: the version and the method sensitivity (lib/scoring method-sensitivity.ts). */
  engine?: number;
  sensitivity?: unknown;
}

export async function readCacheHeader(session: Session, period: string): Promise<CacheHeader | null> {
  const ps = periodScores;
  const [row] = await session.db
    .select({ schemeId: ps.schemeId, stale: staleness, computedAt: ps.computedAt, summary: ps.summary })
    .from(ps)
    .leftJoin(scoreGenerations, eq(scoreGenerations.period, ps.period))
    .where(eq(ps.period, period));
  if (!row) return null;
  // scheme_id 0 stands for the built-in default scheme
  return { ...row, schemeId: row.schemeId > 0 ? row.schemeId : null, summary: row.summary as CacheSummary };
}

/** Replaces a period's cached scores with rows built by lib/scores/cache-rows.ts: one COPY for the department rows. */
export async function writeCache(tx: Session, header: { period: string; schemeId: number | null; inputHash: string; generation: number }, rows: { csv: string; summaryJson: string }): Promise<Date> {
  await tx.query('delete from department_scores where period = $1', [header.period]);
  await tx.copyCsv('department_scores', ['period', 'department_code', 'rank', 'total', 'tier', 'detail'], rows.csv);
  const [{ computed_at }] = await tx.query<{ computed_at: string }>(
    `insert into period_scores (period, scheme_id, input_hash, generation, computed_at, summary)
     values ($1, $2, $3, $4, clock_timestamp(), $5::jsonb)
     on conflict (period) do update set scheme_id = excluded.scheme_id, input_hash = excluded.input_hash,
       generation = excluded.generation, computed_at = excluded.computed_at, summary = excluded.summary
     returning computed_at`,
    [header.period, header.schemeId ?? 0, header.inputHash, header.generation, rows.summaryJson],
  );
  return new Date(computed_at);
}

/** Every department's whole stored result, in rank order (the export's draft reads levers and 缺报 too). */
export async function readResults(session: Session, period: string): Promise<DepartmentResult[]> {
  const rows = await session.query<{ detail: DepartmentResult | string }>('select detail from department_scores where period = $1 order by rank, department_code', [period]);
  return rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail));
}

/** The ranking: each department's entry without its per-indicator detail, in rank order. */
export async function readRanking(session: Session, period: string): Promise<Array<Record<string, unknown>>> {
  const rows = await session.query<{ entry: Record<string, unknown> }>(
    `select detail - 'indicators' - 'levers' - 'missing' - 'gapToAbove' - 'straddlesTier' - 'totalInterval' - 'weakDimension' as entry
     from department_scores where period = $1 order by rank, department_code`,
    [period],
  );
  return rows.map((r) => (typeof r.entry === 'string' ? JSON.parse(r.entry) : r.entry));
}

export async function readDepartmentResult(session: Session, period: string, department: string): Promise<DepartmentResult | null> {
  const d = departmentScores;
  const [row] = await session.db.select({ detail: d.detail }).from(d).where(and(eq(d.period, period), eq(d.departmentCode, department)));
  return row ? (row.detail as DepartmentResult) : null;
}

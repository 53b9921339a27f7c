// SQL for the score cache (period_scores header + department_scores rows), the periods'
// data generations and the period list. Writers raise a period's generation in their own
// transaction and never wait for a recompute; a recompute holds its period's advisory lock
// (so recomputes of one period queue and the later one finds the work done) and stores the
// generation it computed from, so scores are stale exactly when that is not the period's
// generation any more.
import type { DepartmentResult } from '../../lib/scoring';
import type { Session } from '../types';
import { csvLines } from './csv-line';
import { advisoryKey } from './ingest';
import { PERIOD_COLUMNS, toPeriodRow, type PeriodRow, type RawPeriodRow } from './periods';

const periodLockKey = (period: string) => advisoryKey('scores', period);

export async function lockPeriodExclusive(tx: Session, period: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [periodLockKey(period)]);
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
  const [row] = await session.query<{ generation: string | number }>('select generation from score_generations where period = $1', [period]);
  return row ? Number(row.generation) : 0;
}

/**
 * One value that changes whenever what a ranking page shows could: the highest generation
 * written, the last time any scores were saved and the periods' statuses. Null while any
 * period's saved scores are older than its data (they are being updated).
 */
export async function dataStamp(session: Session): Promise<string | null> {
  const [row] = await session.query<{ stamp: string | null }>(
    `select case when exists (select 1 from period_scores ps join score_generations g on g.period = ps.period where ${STALE_SQL}) then null
            else concat_ws('.', (select max(generation) from score_generations), (select max(computed_at) from period_scores),
                           (select md5(string_agg(code || status, ',' order by code)) from periods)) end as stamp`,
  );
  return row.stamp;
}

/** SQL: whether the scores in `ps` are older than their period's generation (join `score_generations g`). */
export const STALE_SQL = 'coalesce(g.generation, 0) <> ps.generation';

// One period row shape for the whole app (db/queries/periods.ts).
export type { PeriodRow };

export async function findPeriod(session: Session, code: string): Promise<PeriodRow | null> {
  const [row] = await session.query<RawPeriodRow>(`select ${PERIOD_COLUMNS} from periods where code = $1`, [code]);
  return row ? toPeriodRow(row) : null;
}

/**
 * Periods that have data (a metric value or a sharing event in one of their
 * months), newest first: by last day, then the shorter period first. Each test
 * is an index probe (sharing_events_day, indicator_values_period), not a scan.
 */
export async function listPeriodsWithData(session: Session): Promise<PeriodRow[]> {
  const rows = await session.query<RawPeriodRow>(
    `select ${PERIOD_COLUMNS} from periods p
     where exists (select 1 from sharing_events e where e.day between p.starts_on and p.ends_on)
        or exists (select 1 from indicator_values v
                   where v.period between to_char(p.starts_on, 'YYYY-MM') and to_char(p.ends_on, 'YYYY-MM'))
     order by p.ends_on desc, p.starts_on desc`,
  );
  return rows.map(toPeriodRow);
}

export interface CacheHeader {
  period: string;
  schemeId: number | null;
  inputHash: string;
  /** The generation the scores were computed from, and whether the period's is newer. */
  generation: number;
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
  const [row] = await session.query<Record<string, unknown>>(
    `select ps.period, ps.scheme_id, ps.input_hash, ps.generation, ${STALE_SQL} as stale, ps.computed_at, ps.summary
       from period_scores ps left join score_generations g on g.period = ps.period where ps.period = $1`,
    [period],
  );
  if (!row) return null;
  const schemeId = Number(row.scheme_id);
  return {
    period: String(row.period),
    schemeId: schemeId > 0 ? schemeId : null, // 0 stands for the built-in default scheme
    inputHash: String(row.input_hash),
    generation: Number(row.generation),
    stale: Boolean(row.stale),
    computedAt: new Date(row.computed_at as string),
    summary: row.summary as CacheSummary,
  };
}

/** Replaces a period's cached scores: one COPY for the department rows. */
export async function writeCache(
  tx: Session,
  header: { period: string; schemeId: number | null; inputHash: string; generation: number; summary: CacheSummary },
  departments: DepartmentResult[],
): Promise<Date> {
  await tx.query('delete from department_scores where period = $1', [header.period]);
  await tx.copyCsv(
    'department_scores',
    ['period', 'department_code', 'rank', 'total', 'tier', 'detail'],
    csvLines(departments.map((d) => [header.period, d.department, d.rank, d.total, d.tier, JSON.stringify(d)])),
  );
  const [{ computed_at }] = await tx.query<{ computed_at: string }>(
    `insert into period_scores (period, scheme_id, input_hash, generation, computed_at, summary)
     values ($1, $2, $3, $4, clock_timestamp(), $5::jsonb)
     on conflict (period) do update set scheme_id = excluded.scheme_id, input_hash = excluded.input_hash,
       generation = excluded.generation, computed_at = excluded.computed_at, summary = excluded.summary
     returning computed_at`,
    [header.period, header.schemeId ?? 0, header.inputHash, header.generation, JSON.stringify(header.summary)],
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
  const [row] = await session.query<{ detail: DepartmentResult | string }>(
    'select detail from department_scores where period = $1 and department_code = $2',
    [period, department],
  );
  if (!row) return null;
  return typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail;
}

export async function departmentExists(session: Session, code: string): Promise<boolean> {
  const [row] = await session.query('select 1 from departments where code = $1', [code]);
  return Boolean(row);
}

/** The scheme with the highest version, or null when none is stored. */
export async function latestSchemeRow(session: Session): Promise<{ id: number; version: number; hash: string; body: unknown } | null> {
  const [row] = await session.query<{ id: number; version: number; hash: string; body: unknown }>(
    'select id, version, hash, body from schemes order by version desc limit 1',
  );
  return row ? { id: Number(row.id), version: Number(row.version), hash: row.hash, body: row.body } : null;
}

export async function schemeRowById(session: Session, id: number): Promise<{ id: number; version: number; hash: string; body: unknown } | null> {
  const [row] = await session.query<{ id: number; version: number; hash: string; body: unknown }>('select id, version, hash, body from schemes where id = $1', [id]);
  return row ? { id: Number(row.id), version: Number(row.version), hash: row.hash, body: row.body } : null;
}

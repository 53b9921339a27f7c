// SQL for ingest batches. Rows are bulk-loaded with COPY into a temporary staging
// table and moved into place with one set-based statement: never a statement per row.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, departments, indicatorValues, ingestBatches, periods, users, type NewIngestBatchRow } from '../schema';
import type { Session } from '../types';
import { csvLines } from './csv-line';
import { advisoryKey, advisoryXactLock } from './locks';

// Metric batches supersede rows by key; serialising them keeps the partial unique
// index from failing when two batches replace the same value at once.
const METRICS_WRITE_LOCK = advisoryKey('ingest', 'metrics-write');

/** A checked metric value, as lib/ingest hands it over. */
export interface MetricValueInput {
  department: string;
  period: string;
  indicator: string;
  value: number;
  note: string | null;
}

/** A checked day of sharing events between two departments, as lib/ingest hands it over. */
export interface SharingEventInput {
  date: string;
  provider: string;
  consumer: string;
  resource: string;
  calls: number;
  records: number;
  failures: number;
}

export type BatchRecord = Omit<NewIngestBatchRow, 'createdAt'> & { status: 'accepted' | 'rejected' };

/** Waits until no other transaction holds this caller's key: the loser then sees the winner's batch. */
export async function lockIdempotencyKey(tx: Session, actor: string, key: string): Promise<void> {
  await advisoryXactLock(tx, advisoryKey('idempotency', `${actor}\u0000${key}`));
}

export async function findBatchByKey(session: Session, actor: string, key: string) {
  const [row] = await session.db
    .select({ id: ingestBatches.id, bodyHash: ingestBatches.bodyHash, statusCode: ingestBatches.statusCode, response: ingestBatches.response })
    .from(ingestBatches)
    .where(and(eq(ingestBatches.actor, actor), eq(ingestBatches.idempotencyKey, key)));
  return row ?? null;
}

export async function insertBatch(tx: Session, b: BatchRecord): Promise<void> {
  await tx.db.insert(ingestBatches).values(b);
}

/** Department codes and finalized periods: what row checks need from the database. */
export async function loadIngestFacts(session: Session): Promise<{ departments: string[]; finalized: string[] }> {
  const codes = await session.db.select({ code: departments.code }).from(departments);
  const finalized = await session.db.select({ code: periods.code }).from(periods).where(eq(periods.status, 'finalized'));
  return { departments: codes.map((d) => d.code), finalized: finalized.map((p) => p.code) };
}

/**
 * Of these metric rows, those whose (department, month, indicator) holds a current value
 * written by the platform — an unbound token or the CLI (ingest_batches.actor) — that the
 * row would replace (another value or note). A department may not replace those.
 */
export async function centrallyWrittenRows(session: Session, rows: ReadonlyArray<MetricValueInput & { row: number }>): Promise<Array<{ row: number; actor: string }>> {
  if (!rows.length) return [];
  return session.query<{ row: number; actor: string }>(
    `select s.row, b.actor
     from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[]) as s(row, department, period, indicator, value, note)
     join indicator_values v on v.department_code = s.department and v.period = s.period and v.indicator = s.indicator and v.superseded_at is null
     join ingest_batches b on b.id = v.batch_id
     left join api_tokens t on b.actor = 'token:' || t.id
     where (b.actor = 'cli' or (t.id is not null and t.department_code is null))
       and (v.value <> s.value or v.note is distinct from s.note)
     order by s.row`,
    [rows.map((r) => r.row), rows.map((r) => r.department), rows.map((r) => r.period), rows.map((r) => r.indicator), rows.map((r) => r.value), rows.map((r) => r.note)],
  );
}

/** The value in force for (department, month, indicator), or null. */
export async function currentMetricValue(session: Session, department: string, month: string, indicator: string): Promise<number | null> {
  const v = indicatorValues;
  const [row] = await session.db
    .select({ value: v.value })
    .from(v)
    .where(and(eq(v.departmentCode, department), eq(v.period, month), eq(v.indicator, indicator), isNull(v.supersededAt)));
  return row?.value ?? null;
}

export async function writeMetricRows(tx: Session, batchId: string, rows: readonly MetricValueInput[]): Promise<void> {
  await tx.query(
    `create temporary table ingest_metrics_stage (department_code text, period text, indicator text, value double precision, note text) on commit drop`,
  );
  await tx.copyCsv('ingest_metrics_stage', ['department_code', 'period', 'indicator', 'value', 'note'], csvLines(rows.map((r) => [r.department, r.period, r.indicator, r.value, r.note])));
  await advisoryXactLock(tx, METRICS_WRITE_LOCK);
  // The earlier value stays in history; a value equal to the current one adds nothing.
  await tx.query(
    `update indicator_values v set superseded_at = now()
     from ingest_metrics_stage s
     where v.department_code = s.department_code and v.period = s.period and v.indicator = s.indicator
       and v.superseded_at is null and (v.value <> s.value or v.note is distinct from s.note)`,
  );
  await tx.query(
    `insert into indicator_values (department_code, period, indicator, value, note, batch_id)
     select s.department_code, s.period, s.indicator, s.value, s.note, $1 from ingest_metrics_stage s
     where not exists (select 1 from indicator_values v
       where v.department_code = s.department_code and v.period = s.period and v.indicator = s.indicator and v.superseded_at is null)`,
    [batchId],
  );
}

/** Upserts the rows; returns how many stored rows they replaced (those are kept in sharing_event_history). */
export async function writeEventRows(tx: Session, batchId: string, rows: readonly SharingEventInput[]): Promise<number> {
  const columns = ['day', 'provider', 'consumer', 'resource', 'calls', 'records', 'failures'];
  await tx.query(
    `create temporary table ingest_events_stage (day date, provider text, consumer text, resource text, calls bigint, records bigint, failures bigint) on commit drop`,
  );
  await tx.copyCsv('ingest_events_stage', columns, csvLines(rows.map((r) => [r.date, r.provider, r.consumer, r.resource, r.calls, r.records, r.failures])));
  // The rows about to be replaced are locked first (in key order, as the upsert below,
  // so concurrent batches cannot deadlock) and copied to history as they are once
  // locked: of two batches correcting one row, the second keeps the first's values.
  // A row sent again unchanged adds no history.
  const [{ replaced }] = await tx.query<{ replaced: number }>(
    `with current as (
       select e.* from sharing_events e join ingest_events_stage s using (provider, day, consumer, resource)
       order by e.provider, e.day, e.consumer, e.resource
       for update of e
     ), kept as (
       insert into sharing_event_history (provider, day, consumer, resource, calls, records, failures, batch_id, superseded_by)
       select c.provider, c.day, c.consumer, c.resource, c.calls, c.records, c.failures, c.batch_id, $1
       from current c join ingest_events_stage s using (provider, day, consumer, resource)
       where (c.calls, c.records, c.failures) is distinct from (s.calls, s.records, s.failures)
       returning 1
     )
     select count(*)::int as replaced from kept`,
    [batchId],
  );
  await tx.query(
    `insert into sharing_events (provider, day, consumer, resource, calls, records, failures, batch_id)
     select provider, day, consumer, resource, calls, records, failures, $1 from ingest_events_stage
     order by provider, day, consumer, resource
     on conflict (provider, day, consumer, resource) do update
       set calls = excluded.calls, records = excluded.records, failures = excluded.failures, batch_id = excluded.batch_id`,
    [batchId],
  );
  return Number(replaced);
}

/** Recent batches, newest first; only `actor`'s when given. A rejected batch's response says why. */
export async function listBatches(session: Session, options: { actor?: string; limit?: number } = {}) {
  const b = ingestBatches;
  return session.db
    .select({
      id: b.id,
      kind: b.kind,
      actor: b.actor,
      actorName: sql<string | null>`coalesce(${users.username}, ${apiTokens.name})`,
      status: b.status,
      statusCode: b.statusCode,
      rows: b.rows,
      createdAt: b.createdAt,
      response: sql<BatchResponse | null>`case when ${b.status} = 'rejected' then ${b.response} end`,
    })
    .from(b)
    .leftJoin(users, sql`${b.actor} = 'user:' || ${users.id}`)
    .leftJoin(apiTokens, sql`${b.actor} = 'token:' || ${apiTokens.id}`)
    .where(options.actor ? eq(b.actor, options.actor) : undefined)
    .orderBy(desc(b.createdAt), b.id)
    .limit(options.limit ?? 50);
}

export type BatchResponse = { message?: string; errors?: Array<{ row: number; column: string; message: string }> };
export type BatchListing = Awaited<ReturnType<typeof listBatches>>[number];

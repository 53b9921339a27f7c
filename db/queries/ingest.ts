// SQL for ingest batches. Rows are bulk-loaded with COPY into a temporary staging
// table and moved into place with one set-based statement: never a statement per row.
import { createHash } from 'node:crypto';
import type { EventRow, MetricRow } from '../../lib/ingest/rows';
import type { Session } from '../types';
import { csvLines } from './csv-line';

/** A signed 64-bit advisory-lock key from text (sha256, first 8 bytes). */
export function advisoryKey(namespace: string, text: string): string {
  return createHash('sha256').update(`${namespace}\u0000${text}`).digest().readBigInt64BE(0).toString();
}

// Metric batches supersede rows by key; serialising them keeps the partial unique
// index from failing when two batches replace the same value at once.
const METRICS_WRITE_LOCK = advisoryKey('ingest', 'metrics-write');

export interface BatchRecord {
  id: string;
  kind: string;
  actor: string;
  idempotencyKey: string | null;
  bodyHash: string;
  status: 'accepted' | 'rejected';
  statusCode: number;
  rows: number;
  periods: string[];
  response: unknown;
}

/** Waits until no other transaction holds this caller's key: the loser then sees the winner's batch. */
export async function lockIdempotencyKey(tx: Session, actor: string, key: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [advisoryKey('idempotency', `${actor}\u0000${key}`)]);
}

export async function findBatchByKey(
  session: Session,
  actor: string,
  key: string,
): Promise<{ id: string; bodyHash: string; statusCode: number; response: unknown } | null> {
  const [row] = await session.query<{ id: string; body_hash: string; status_code: number; response: unknown }>(
    'select id, body_hash, status_code, response from ingest_batches where actor = $1 and idempotency_key = $2',
    [actor, key],
  );
  return row ? { id: row.id, bodyHash: row.body_hash, statusCode: Number(row.status_code), response: row.response } : null;
}

export async function insertBatch(tx: Session, b: BatchRecord): Promise<void> {
  await tx.query(
    `insert into ingest_batches (id, kind, actor, idempotency_key, body_hash, status, status_code, rows, periods, response)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb)`,
    [b.id, b.kind, b.actor, b.idempotencyKey, b.bodyHash, b.status, b.statusCode, b.rows, JSON.stringify(b.periods), JSON.stringify(b.response)],
  );
}

/** Department codes and finalized periods: what row checks need from the database. */
export async function loadIngestFacts(session: Session): Promise<{ departments: string[]; finalized: string[] }> {
  const departments = await session.query<{ code: string }>('select code from departments');
  const finalized = await session.query<{ code: string }>(`select code from periods where status = 'finalized'`);
  return { departments: departments.map((d) => d.code), finalized: finalized.map((p) => p.code) };
}

export async function writeMetricRows(tx: Session, batchId: string, rows: MetricRow[]): Promise<void> {
  await tx.query(
    `create temporary table ingest_metrics_stage (department_code text, period text, indicator text, value double precision, note text) on commit drop`,
  );
  await tx.copyCsv('ingest_metrics_stage', ['department_code', 'period', 'indicator', 'value', 'note'], csvLines(rows.map((r) => [r.department, r.period, r.indicator, r.value, r.note])));
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [METRICS_WRITE_LOCK]);
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
export async function writeEventRows(tx: Session, batchId: string, rows: EventRow[]): Promise<number> {
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

export interface BatchListing {
  id: string;
  kind: string;
  actor: string;
  actorName: string | null;
  status: string;
  statusCode: number;
  rows: number;
  createdAt: Date;
  response: { message?: string; errors?: Array<{ row: number; column: string; message: string }> } | null;
}

/** Recent batches, newest first; only `actor`'s when given. */
export async function listBatches(session: Session, options: { actor?: string; limit?: number } = {}): Promise<BatchListing[]> {
  const rows = await session.query<Record<string, unknown>>(
    `select b.id, b.kind, b.actor, coalesce(u.username, t.name) as actor_name, b.status, b.status_code, b.rows, b.created_at,
            case when b.status = 'rejected' then b.response end as response
     from ingest_batches b
     left join users u on b.actor = 'user:' || u.id
     left join api_tokens t on b.actor = 'token:' || t.id
     where $1::text is null or b.actor = $1
     order by b.created_at desc, b.id
     limit $2`,
    [options.actor ?? null, options.limit ?? 50],
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    actor: String(r.actor),
    actorName: (r.actor_name as string | null) ?? null,
    status: String(r.status),
    statusCode: Number(r.status_code),
    rows: Number(r.rows),
    createdAt: new Date(r.created_at as string),
    response: (r.response as BatchListing['response']) ?? null,
  }));
}

// SQL for the ledger batches (docs/ingest.md "Ledgers"): catalog versions, sharing
// requests and data objections. New requests and objections are COPYed straight into their
// table; catalog rows and stored items that change go through a temporary staging table and
// set-based statements, as events do (ingest.ts).
import type { Session } from '../types';
import { csvField, csvLines } from './csv-line';
import { advisoryKey, advisoryXactLock, advisoryXactLockShared } from './locks';

export type ShareType = 'unconditional' | 'conditional' | 'none';

/** A checked catalog version, as lib/ingest hands it over. */
export interface CatalogInput {
  resource: string;
  provider: string;
  name: string;
  share_type: ShareType;
  legal_basis: string | null;
  update_cycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  published_on: string;
  updated_on: string;
  status: 'active' | 'withdrawn';
}

/** A checked request, its instants as ISO strings; due days filled in by lib/ingest/ledger-checks.ts. */
export interface RequestInput {
  request: string;
  consumer: string;
  provider: string;
  resource: string | null;
  purpose: string;
  submitted_at: string;
  replied_at: string | null;
  decision: 'pending' | 'approved' | 'conditional' | 'refused';
  reason: string | null;
  delivered_at: string | null;
  rating: number | null;
  reply_due_on: string;
  delivery_due_on: string | null;
}

export interface ObjectionInput {
  objection: string;
  consumer: string;
  provider: string;
  resource: string;
  kind: 'accuracy' | 'completeness' | 'timeliness' | 'other';
  submitted_at: string;
  resolved_at: string | null;
  outcome: 'pending' | 'corrected' | 'rejected';
  note: string | null;
  due_on: string;
}

/** A stored request as the checks compare it (instants as ISO strings, days as YYYY-MM-DD). */
export type StoredRequest = Omit<RequestInput, 'reply_due_on' | 'delivery_due_on'> & {
  rating_source: 'platform' | 'consumer' | null;
  reply_due_on: string;
  delivery_due_on: string | null;
};
export type StoredObjection = ObjectionInput & { source: 'platform' | 'consumer' };

/** One version of a catalog resource, enough to tell its provider and share type on a day. */
export interface CatalogVersionFact {
  id: number;
  resource: string;
  provider: string;
  share_type: ShareType;
  updated_on: string;
  current: boolean;
  row: CatalogInput;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const dayText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const CLOCK_INPUTS = advisoryKey('ingest', 'ledger-clock-inputs');

/**
 * What due days are computed from — the catalog's share types and the working-day
 * calendar. A catalog batch or a calendar change holds it alone ('exclusive'); request and
 * objection batches share it, so none of them computes due days from a catalog or calendar
 * that changes before it commits, and the change's recompute sees their rows.
 */
export async function lockClockInputs(tx: Session, mode: 'shared' | 'exclusive'): Promise<void> {
  await (mode === 'shared' ? advisoryXactLockShared : advisoryXactLock)(tx, CLOCK_INPUTS);
}

/**
 * A request or objection the checks saw as new was stored by a concurrent batch before this
 * one wrote it (or the two deadlocked inserting each other's new items): the batch's
 * transaction is void and runs again, its checks now against the stored row.
 */
export class LedgerRace extends Error {
  constructor(readonly ledger: 'request' | 'objection') {
    super(`a concurrent batch stored one of this batch's new ${ledger}s`);
  }
}

/**
 * A write that assumed none of its items stored (no lookup) met one: it was rolled back to
 * before it, the transaction is still good — check the batch against the stored items and
 * write again.
 */
export class ItemsAlreadyStored extends Error {
  constructor(readonly ledger: 'request' | 'objection') {
    super(`some of this batch's ${ledger}s are stored`);
  }
}

/** A unique violation on the ledger's key, or a deadlock between two batches inserting each other's new items. */
const isClash = (err: unknown) => ['23505', '40P01'].includes((err as { code?: string } | null)?.code ?? '');

/** Every stored version of these resources, oldest first. */
export async function catalogVersionsOf(session: Session, resources: string[]): Promise<CatalogVersionFact[]> {
  if (!resources.length) return [];
  const rows = await session.query<CatalogInput & { id: string | number; current: boolean }>(
    `select id, resource, provider, name, share_type, legal_basis, update_cycle, ${dayText('published_on')} as published_on,
            ${dayText('updated_on')} as updated_on, status, superseded_at is null as current
     from unnest($1::text[]) as i(resource) join catalog_versions using (resource) order by resource, updated_on, id`,
    [resources],
  );
  return rows.map((r) => {
    const { id, current, ...row } = r;
    return { id: Number(id), resource: r.resource, provider: r.provider, share_type: r.share_type, updated_on: r.updated_on, current, row: row as CatalogInput };
  });
}

/**
 * Each id's row, one index probe per id: a join planned as a hash join would read the whole
 * table per batch (quadratic over an upload). `lock` (in the writing transaction): the rows
 * are locked for update, in id order, until commit — a concurrent batch changing one waits,
 * then its checks read this batch's state.
 */
const storedById = (table: string, key: string, columns: string, lock: boolean) =>
  `select ${columns} from (select distinct ${key} from unnest($1::text[]) as u(${key}) order by 1) i
   cross join lateral (select * from ${table} t where t.${key} = i.${key} limit 1 ${lock ? 'for update' : ''}) t`;

export async function storedRequests(session: Session, ids: string[], lock = false): Promise<StoredRequest[]> {
  if (!ids.length) return [];
  const rows = await session.query<StoredRequest>(
    storedById(
      'sharing_requests',
      'request',
      `t.request, consumer, provider, resource, purpose, submitted_at, replied_at, decision, reason, delivered_at, rating, rating_source,
       ${dayText('reply_due_on')} as reply_due_on, ${dayText('delivery_due_on')} as delivery_due_on`,
      lock,
    ),
    [ids],
  );
  return rows.map((r) => ({ ...r, submitted_at: iso(r.submitted_at)!, replied_at: iso(r.replied_at), delivered_at: iso(r.delivered_at), rating: r.rating === null ? null : Number(r.rating) }));
}

export async function storedObjections(session: Session, ids: string[], lock = false): Promise<StoredObjection[]> {
  if (!ids.length) return [];
  const rows = await session.query<StoredObjection>(
    storedById('data_objections', 'objection', `t.objection, consumer, provider, resource, kind, submitted_at, resolved_at, outcome, note, source, ${dayText('due_on')} as due_on`, lock),
    [ids],
  );
  return rows.map((r) => ({ ...r, submitted_at: iso(r.submitted_at)!, resolved_at: iso(r.resolved_at) }));
}

/** Codes of the periods (of any kind) that end on or after `day`: what a catalog change from that day touches. */
export async function periodsEndingFrom(session: Session, day: string): Promise<string[]> {
  const rows = await session.query<{ code: string }>(`select code from periods where ends_on >= $1::date order by code`, [day]);
  return rows.map((r) => r.code);
}

const CATALOG_COLUMNS = ['resource', 'provider', 'name', 'share_type', 'legal_basis', 'update_cycle', 'published_on', 'updated_on', 'status'] as const;

/** Adds a version for each row that differs from its resource's current one (which it supersedes); returns how many were added. */
export async function writeCatalogRows(tx: Session, batchId: string, rows: readonly CatalogInput[]): Promise<number> {
  await tx.query(
    `create temporary table ingest_catalog_stage (resource text, provider text, name text, share_type text, legal_basis text,
       update_cycle text, published_on date, updated_on date, status text) on commit drop`,
  );
  await tx.copyCsv('ingest_catalog_stage', [...CATALOG_COLUMNS], csvLines(rows.map((r) => CATALOG_COLUMNS.map((c) => r[c]))));
  const same = `(v.provider, v.name, v.share_type, v.legal_basis, v.update_cycle, v.published_on, v.updated_on, v.status)
    is not distinct from (s.provider, s.name, s.share_type, s.legal_basis, s.update_cycle, s.published_on, s.updated_on, s.status)`;
  await tx.query(
    `update catalog_versions v set superseded_at = now() from ingest_catalog_stage s
     where v.resource = s.resource and v.superseded_at is null and not ${same}`,
  );
  const [{ added }] = await tx.query<{ added: number }>(
    `with added as (
       insert into catalog_versions (resource, provider, name, share_type, legal_basis, update_cycle, published_on, updated_on, status, batch_id)
       select s.resource, s.provider, s.name, s.share_type, s.legal_basis, s.update_cycle, s.published_on, s.updated_on, s.status, $1
       from ingest_catalog_stage s
       where not exists (select 1 from catalog_versions v where v.resource = s.resource and v.superseded_at is null)
       returning 1)
     select count(*)::int as added from added`,
    [batchId],
  );
  return Number(added);
}

const REQUEST_COLUMNS = [
  'request', 'consumer', 'provider', 'resource', 'purpose', 'submitted_at', 'replied_at', 'decision', 'reason', 'delivered_at', 'rating', 'reply_due_on', 'delivery_due_on',
] as const;
const f = csvField;
// A request as a CSV line of REQUEST_COLUMNS (same order), then `more` (already CSV): one template per row, not an array of cells — 25,000 rows a batch.
const requestLine = (r: RequestInput, more = '') =>
  `${f(r.request)},${f(r.consumer)},${f(r.provider)},${f(r.resource)},${f(r.purpose)},${f(r.submitted_at)},${f(r.replied_at)},${f(r.decision)},${f(r.reason)},${f(r.delivered_at)},${f(r.rating)},${f(r.reply_due_on)},${f(r.delivery_due_on)}${more}\n`;

/**
 * COPYs new items straight into `table`: `columns`, their CSV `lines`. `stored` null (nothing
 * looked up): inside a savepoint, and any of them stored is ItemsAlreadyStored. Otherwise one
 * of them stored meanwhile by a concurrent batch is a LedgerRace.
 */
async function copyNewRows(tx: Session, ledger: 'request' | 'objection', table: string, columns: readonly string[], lines: string[], stored: ReadonlySet<string> | null) {
  if (!lines.length) return;
  const copy = () => tx.copyCsv(table, [...columns], lines.join(''));
  if (stored !== null) {
    await copy().catch((err) => {
      throw isClash(err) ? new LedgerRace(ledger) : err;
    });
    return;
  }
  await tx.query('savepoint ledger_new_items');
  try {
    await copy();
  } catch (err) {
    if (!isClash(err)) throw err;
    await tx.query('rollback to savepoint ledger_new_items');
    throw new ItemsAlreadyStored(ledger);
  }
  await tx.query('release savepoint ledger_new_items');
}

/**
 * Writes checked requests: those `stored` holds (read and locked by the checks in this
 * transaction) move to their later state, a changed row's earlier state going to
 * ledger_history; the others are inserted (`stored` null: the checks assumed all new). A
 * consumer's own rating stays unless the platform's row carries one (docs/ingest.md
 * "Ledgers"). Returns how many stored rows changed.
 */
export async function writeRequestRows(tx: Session, batchId: string, rows: readonly RequestInput[], stored: ReadonlySet<string> | null): Promise<number> {
  const later = stored?.size ? rows.filter((r) => stored.has(r.request)) : [];
  const fresh = stored?.size ? rows.filter((r) => !stored.has(r.request)) : rows;
  const replaced = later.length ? await updateStoredRequests(tx, batchId, later) : 0;
  const batch = f(batchId);
  const lines = fresh.map((r) => requestLine(r, `,${r.rating === null ? '' : 'platform'},${batch}`));
  await copyNewRows(tx, 'request', 'sharing_requests', [...REQUEST_COLUMNS, 'rating_source', 'batch_id'], lines, stored);
  return replaced;
}

async function updateStoredRequests(tx: Session, batchId: string, rows: readonly RequestInput[]): Promise<number> {
  await tx.query(
    `create temporary table ingest_requests_stage (request text, consumer text, provider text, resource text, purpose text,
       submitted_at timestamptz, replied_at timestamptz, decision text, reason text, delivered_at timestamptz, rating integer,
       reply_due_on date, delivery_due_on date) on commit drop`,
  );
  await tx.copyCsv('ingest_requests_stage', [...REQUEST_COLUMNS], rows.map((r) => requestLine(r)).join(''));
  const rating = `case when s.rating is null and r.rating_source = 'consumer' then r.rating else s.rating end`;
  const ratingSource = `case when s.rating is not null then 'platform' when r.rating_source = 'consumer' then 'consumer' end`;
  const changed = `(r.resource, r.purpose, r.replied_at, r.decision, r.reason, r.delivered_at, r.rating, r.rating_source, r.reply_due_on, r.delivery_due_on)
    is distinct from (s.resource, s.purpose, s.replied_at, s.decision, s.reason, s.delivered_at, ${rating}, ${ratingSource}, s.reply_due_on, s.delivery_due_on)`;
  const [{ replaced }] = await tx.query<{ replaced: number }>(
    `with kept as (
       insert into ledger_history (ledger, item_id, row, superseded_by)
       select 'request', r.request, to_jsonb(r), $1 from sharing_requests r join ingest_requests_stage s using (request) where ${changed}
       returning 1)
     select count(*)::int as replaced from kept`,
    [batchId],
  );
  await tx.query(
    `update sharing_requests r set resource = s.resource, purpose = s.purpose, replied_at = s.replied_at, decision = s.decision, reason = s.reason,
       delivered_at = s.delivered_at, rating = ${rating}, rating_source = ${ratingSource}, reply_due_on = s.reply_due_on,
       delivery_due_on = s.delivery_due_on, batch_id = $1, updated_at = now()
     from ingest_requests_stage s where r.request = s.request and ${changed}`,
    [batchId],
  );
  return Number(replaced);
}

const OBJECTION_COLUMNS = ['objection', 'consumer', 'provider', 'resource', 'kind', 'submitted_at', 'resolved_at', 'outcome', 'note', 'due_on'] as const;
const objectionLine = (r: ObjectionInput, more = '') =>
  `${f(r.objection)},${f(r.consumer)},${f(r.provider)},${f(r.resource)},${f(r.kind)},${f(r.submitted_at)},${f(r.resolved_at)},${f(r.outcome)},${f(r.note)},${f(r.due_on)}${more}\n`;

/** The same for objections: a platform row replaces a consumer's submission for the same id (kept in history). */
export async function writeObjectionRows(tx: Session, batchId: string, rows: readonly ObjectionInput[], stored: ReadonlySet<string> | null): Promise<number> {
  const later = stored?.size ? rows.filter((r) => stored.has(r.objection)) : [];
  const fresh = stored?.size ? rows.filter((r) => !stored.has(r.objection)) : rows;
  const replaced = later.length ? await updateStoredObjections(tx, batchId, later) : 0;
  const more = `,platform,${f(batchId)}`;
  await copyNewRows(tx, 'objection', 'data_objections', [...OBJECTION_COLUMNS, 'source', 'batch_id'], fresh.map((r) => objectionLine(r, more)), stored);
  return replaced;
}

async function updateStoredObjections(tx: Session, batchId: string, rows: readonly ObjectionInput[]): Promise<number> {
  await tx.query(
    `create temporary table ingest_objections_stage (objection text, consumer text, provider text, resource text, kind text,
       submitted_at timestamptz, resolved_at timestamptz, outcome text, note text, due_on date) on commit drop`,
  );
  await tx.copyCsv('ingest_objections_stage', [...OBJECTION_COLUMNS], rows.map((r) => objectionLine(r)).join(''));
  const changed = `(o.consumer, o.provider, o.resource, o.kind, o.submitted_at, o.resolved_at, o.outcome, o.note, o.due_on, o.source)
    is distinct from (s.consumer, s.provider, s.resource, s.kind, s.submitted_at, s.resolved_at, s.outcome, s.note, s.due_on, 'platform')`;
  const [{ replaced }] = await tx.query<{ replaced: number }>(
    `with kept as (
       insert into ledger_history (ledger, item_id, row, superseded_by)
       select 'objection', o.objection, to_jsonb(o), $1 from data_objections o join ingest_objections_stage s using (objection) where ${changed}
       returning 1)
     select count(*)::int as replaced from kept`,
    [batchId],
  );
  await tx.query(
    `update data_objections o set consumer = s.consumer, provider = s.provider, resource = s.resource, kind = s.kind, submitted_at = s.submitted_at,
       resolved_at = s.resolved_at, outcome = s.outcome, note = s.note, due_on = s.due_on, source = 'platform', created_by = null,
       batch_id = $1, updated_at = now()
     from ingest_objections_stage s where o.objection = s.objection and ${changed}`,
    [batchId],
  );
  return Number(replaced);
}

// ── due days after a calendar or catalog change (lib/ledgers/due-days.ts) ──

/** A stored item whose due day may move: its start instants and current due days. */
export interface DueDayCandidate {
  ledger: 'request' | 'objection';
  id: string;
  resource: string | null;
  submitted_at: string;
  replied_at: string | null;
  decision: string;
  due_on: string; // reply_due_on for a request
  delivery_due_on: string | null;
}

/**
 * Requests and objections whose clock runs across `day`: started (submitted, or replied to
 * for a delivery) before it and due on or after it. Only these can move when `day` changes.
 */
export async function itemsSpanningDay(session: Session, day: string): Promise<DueDayCandidate[]> {
  return dueCandidates(
    session,
    `((r.submitted_at at time zone 'Asia/Shanghai')::date < $1::date and r.reply_due_on >= $1::date)
      or ((r.replied_at at time zone 'Asia/Shanghai')::date < $1::date and r.delivery_due_on >= $1::date)`,
    `(o.submitted_at at time zone 'Asia/Shanghai')::date < $1::date and o.due_on >= $1::date`,
    [day],
  );
}

/** Requests for these resources submitted on or after `day` (a catalog change may change their share type). */
export async function requestsOfResourcesFrom(session: Session, resources: string[], day: string): Promise<DueDayCandidate[]> {
  if (!resources.length) return [];
  return dueCandidates(
    session,
    `r.resource in (select unnest($2::text[])) and (r.submitted_at at time zone 'Asia/Shanghai')::date >= $1::date`,
    'false',
    [day, resources],
  );
}

async function dueCandidates(session: Session, requestWhere: string, objectionWhere: string, params: unknown[]): Promise<DueDayCandidate[]> {
  const rows = await session.query<DueDayCandidate>(
    `select 'request' as ledger, r.request as id, r.resource, r.submitted_at, r.replied_at, r.decision,
            ${dayText('r.reply_due_on')} as due_on, ${dayText('r.delivery_due_on')} as delivery_due_on
     from sharing_requests r where ${requestWhere}
     union all
     select 'objection', o.objection, o.resource, o.submitted_at, o.resolved_at, o.outcome, ${dayText('o.due_on')}, null
     from data_objections o where ${objectionWhere}`,
    params,
  );
  return rows.map((r) => ({ ...r, submitted_at: iso(r.submitted_at)!, replied_at: iso(r.replied_at) }));
}

export interface DueDayChange {
  ledger: 'request' | 'objection';
  id: string;
  due_on: string;
  delivery_due_on: string | null;
}

/** Stores recomputed due days; the rows' earlier states go to ledger_history under `supersededBy`. */
export async function updateDueDays(tx: Session, changes: readonly DueDayChange[], supersededBy: string): Promise<void> {
  const requests = changes.filter((c) => c.ledger === 'request');
  const objections = changes.filter((c) => c.ledger === 'objection');
  if (requests.length) {
    const args = [requests.map((c) => c.id), requests.map((c) => c.due_on), requests.map((c) => c.delivery_due_on), supersededBy];
    await tx.query(
      `with changed as (select * from unnest($1::text[], $2::date[], $3::date[]) as c(request, reply_due_on, delivery_due_on)),
       kept as (insert into ledger_history (ledger, item_id, row, superseded_by)
                select 'request', r.request, to_jsonb(r), $4 from sharing_requests r join changed c using (request) returning 1)
       update sharing_requests r set reply_due_on = c.reply_due_on, delivery_due_on = c.delivery_due_on, updated_at = now()
       from changed c where r.request = c.request`,
      args,
    );
  }
  if (objections.length) {
    await tx.query(
      `with changed as (select * from unnest($1::text[], $2::date[]) as c(objection, due_on)),
       kept as (insert into ledger_history (ledger, item_id, row, superseded_by)
                select 'objection', o.objection, to_jsonb(o), $3 from data_objections o join changed c using (objection) returning 1)
       update data_objections o set due_on = c.due_on, updated_at = now() from changed c where o.objection = c.objection`,
      [objections.map((c) => c.id), objections.map((c) => c.due_on), supersededBy],
    );
  }
}

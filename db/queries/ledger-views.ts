// The ledger pages' reads and a department's consumer submissions (docs/dashboard.md
// "Ledgers"): the current catalog with its use, the requests and objections ledgers with
// filters in SQL and LIMIT/OFFSET pages (100k+ rows at 5,000 departments), the appeals
// naming ledger rows, and the few writes a consumer makes on its own behalf.
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { appeals, catalogVersions, dataObjections, departments, ledgerHistory, sharingEvents, sharingRequests, type NewDataObjectionRow } from '../schema';
import type { Session } from '../types';

export type ShareType = 'unconditional' | 'conditional' | 'none';
export type CatalogStatus = 'active' | 'withdrawn';
/** One state per request: the decision, and delivered once data was delivered. */
export const REQUEST_STATES = ['pending', 'approved', 'conditional', 'refused', 'delivered'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const OBJECTION_STATES = ['open', 'corrected', 'rejected'] as const;
export type ObjectionState = (typeof OBJECTION_STATES)[number];

const cv = catalogVersions;
const r = sharingRequests;
const o = dataObjections;
const e = sharingEvents;

/**
 * The departments a filter names: its exact code, or part of a name (matched literally).
 * Resolved first, so the ledger query filters on codes and uses its provider/consumer index.
 */
async function namedDepartments(session: Session, text: string): Promise<string[]> {
  const pattern = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
  const rows = await session.db.select({ code: departments.code }).from(departments).where(or(eq(departments.code, text), like(departments.name, pattern))).limit(1000);
  return [...new Set([text, ...rows.map((r) => r.code)])];
}

// ── catalog ─────────────────────────────────────────────────────────────

export interface CatalogFilter {
  provider?: string;
  shareType?: ShareType;
  status?: CatalogStatus;
  /** Only resources nobody else called since `zombieSince` (see zombieSql). */
  zombie?: boolean;
  limit: number;
  offset: number;
}

export interface CatalogWindow {
  /** This period's first day and last day (or today, if earlier). */
  from: string;
  to: string;
  /** Today less six months: a resource published before it and not called by another department since is a 僵尸资源. */
  zombieSince: string;
}

export interface CatalogRow {
  resource: string;
  provider: string;
  providerName: string | null;
  name: string;
  shareType: ShareType;
  legalBasis: string | null;
  updateCycle: string;
  publishedOn: string;
  updatedOn: string;
  status: CatalogStatus;
  consumers: number;
  calls: number;
  lastCall: string | null;
  openRequests: number;
  openObjections: number;
}

const otherCall = sql`${e.provider} = ${cv.provider} and ${e.resource} = ${cv.resource} and ${e.consumer} <> ${e.provider}`;

/**
 * Active, shareable, published six months ago and not called (successfully) by another
 * department since. NOT IN over the events since that day: one scan of them, hashed, not a
 * probe per resource (150k resources at 5,000 departments).
 */
function zombieSql(since: string): SQL {
  return sql`(${cv.status} = 'active' and ${cv.shareType} <> 'none' and ${cv.publishedOn} <= ${since}
    and (${cv.provider}, ${cv.resource}) not in (select ${e.provider}, ${e.resource} from ${e} where ${e.day} >= ${since} and ${e.consumer} <> ${e.provider} and ${e.calls} > ${e.failures}))`;
}

/** The current catalog (one row per resource, superseded_at null), one page of it with its use. */
export async function catalogRows(session: Session, filter: CatalogFilter, window: CatalogWindow): Promise<{ total: number; rows: CatalogRow[] }> {
  const where = and(
    isNull(cv.supersededAt),
    filter.provider ? inArray(cv.provider, await namedDepartments(session, filter.provider)) : undefined,
    filter.shareType ? eq(cv.shareType, filter.shareType) : undefined,
    filter.status ? eq(cv.status, filter.status) : undefined,
    filter.zombie ? zombieSql(window.zombieSince) : undefined,
  );
  const [{ total }] = await session.db.select({ total: count() }).from(cv).where(where);
  // The page's keys first: an OFFSET would otherwise compute the counts below for every skipped row.
  const keys = (await session.db.select({ resource: cv.resource }).from(cv).where(where).orderBy(asc(cv.provider), asc(cv.resource)).limit(filter.limit).offset(filter.offset)).map((k) => k.resource);
  if (!keys.length) return { total, rows: [] };
  // The correlated counts, for the page's rows only.
  const rows = await session.db
    .select({
      resource: cv.resource,
      provider: cv.provider,
      providerName: departments.name,
      name: cv.name,
      shareType: cv.shareType,
      legalBasis: cv.legalBasis,
      updateCycle: cv.updateCycle,
      publishedOn: cv.publishedOn,
      updatedOn: cv.updatedOn,
      status: cv.status,
      consumers: sql<number>`(select count(distinct ${e.consumer}) from ${e} where ${otherCall} and ${e.day} between ${window.from} and ${window.to})`.mapWith(Number),
      calls: sql<number>`(select coalesce(sum(${e.calls}), 0) from ${e} where ${otherCall} and ${e.day} between ${window.from} and ${window.to})`.mapWith(Number),
      lastCall: sql<string | null>`(select max(${e.day})::text from ${e} where ${otherCall} and ${e.calls} > ${e.failures})`,
      openRequests: sql<number>`(select count(*) from ${r} where ${r.provider} = ${cv.provider} and ${r.resource} = ${cv.resource}
        and (${r.decision} = 'pending' or (${r.decision} in ('approved', 'conditional') and ${r.deliveredAt} is null)))`.mapWith(Number),
      openObjections: sql<number>`(select count(*) from ${o} where ${o.provider} = ${cv.provider} and ${o.resource} = ${cv.resource} and ${o.resolvedAt} is null)`.mapWith(Number),
    })
    .from(cv)
    .leftJoin(departments, eq(departments.code, cv.provider))
    .where(and(isNull(cv.supersededAt), inArray(cv.resource, keys)))
    .orderBy(asc(cv.provider), asc(cv.resource));
  return { total, rows };
}

/** A resource's current catalog version, if it has one. */
export async function currentCatalogResource(session: Session, resource: string) {
  const [row] = await session.db
    .select({ resource: cv.resource, provider: cv.provider, name: cv.name, shareType: cv.shareType, status: cv.status })
    .from(cv)
    .where(and(eq(cv.resource, resource), isNull(cv.supersededAt)));
  return row ?? null;
}

// ── requests ────────────────────────────────────────────────────────────

export interface LedgerFilter<S extends string> {
  provider?: string;
  consumer?: string;
  /** Exact department codes (a department's own page). */
  providerIs?: string;
  consumerIs?: string;
  /** A department user sees only rows it is a party to (provider or consumer). */
  party?: string;
  state?: S | 'open';
  /** Open and past its due day (Beijing date `today`). */
  overdue?: boolean;
  today: string;
  /** submitted: newest first (the ledger); due: most urgent first (a department's open items). */
  order?: 'submitted' | 'due';
  limit: number;
  offset: number;
}

const awaitingDelivery = sql`${r.decision} in ('approved', 'conditional') and ${r.deliveredAt} is null`;

function requestState(state: RequestState | 'open'): SQL | undefined {
  switch (state) {
    case 'pending':
    case 'refused':
      return eq(r.decision, state);
    case 'approved':
    case 'conditional':
      return and(eq(r.decision, state), isNull(r.deliveredAt));
    case 'delivered':
      return isNotNull(r.deliveredAt);
    case 'open':
      return sql`(${r.decision} = 'pending' or (${awaitingDelivery}))`;
  }
}

async function partyWhere(session: Session, filter: LedgerFilter<string>, provider: AnyPgColumn, consumer: AnyPgColumn): Promise<Array<SQL | undefined>> {
  return [
    filter.provider ? inArray(provider, await namedDepartments(session, filter.provider)) : undefined,
    filter.consumer ? inArray(consumer, await namedDepartments(session, filter.consumer)) : undefined,
    filter.providerIs ? eq(provider, filter.providerIs) : undefined,
    filter.consumerIs ? eq(consumer, filter.consumerIs) : undefined,
    filter.party ? or(eq(provider, filter.party), eq(consumer, filter.party)) : undefined,
  ];
}

const providerDept = alias(departments, 'provider_department');
const consumerDept = alias(departments, 'consumer_department');
const currentResource = alias(catalogVersions, 'current_resource');

export interface RequestRow {
  request: string;
  consumer: string;
  consumerName: string | null;
  provider: string;
  providerName: string | null;
  resource: string | null;
  resourceName: string | null;
  purpose: string;
  submittedAt: Date;
  repliedAt: Date | null;
  decision: 'pending' | 'approved' | 'conditional' | 'refused';
  reason: string | null;
  deliveredAt: Date | null;
  rating: number | null;
  ratingSource: 'platform' | 'consumer' | null;
  replyDueOn: string;
  deliveryDueOn: string | null;
}

export async function requestRows(session: Session, filter: LedgerFilter<RequestState>): Promise<{ total: number; rows: RequestRow[] }> {
  const where = and(
    ...(await partyWhere(session, filter, r.provider, r.consumer)),
    filter.state ? requestState(filter.state) : undefined,
    filter.overdue ? sql`((${r.decision} = 'pending' and ${r.replyDueOn} < ${filter.today}) or (${awaitingDelivery} and ${r.deliveryDueOn} < ${filter.today}))` : undefined,
  );
  const [{ total }] = await session.db.select({ total: count() }).from(r).where(where);
  const due = sql`case when ${r.decision} = 'pending' then ${r.replyDueOn} else ${r.deliveryDueOn} end`;
  const order = [...(filter.order === 'due' ? [sql`${due} asc nulls last`, asc(r.submittedAt)] : [desc(r.submittedAt)]), asc(r.request)];
  // The page's ids from the table alone, then their names joined: the joins run for 50 rows, not every matching one.
  const ids = (await session.db.select({ id: r.request }).from(r).where(where).orderBy(...order).limit(filter.limit).offset(filter.offset)).map((x) => x.id);
  if (!ids.length) return { total, rows: [] };
  const rows = await session.db
    .select({
      request: r.request,
      consumer: r.consumer,
      consumerName: consumerDept.name,
      provider: r.provider,
      providerName: providerDept.name,
      resource: r.resource,
      resourceName: currentResource.name,
      purpose: r.purpose,
      submittedAt: r.submittedAt,
      repliedAt: r.repliedAt,
      decision: r.decision,
      reason: r.reason,
      deliveredAt: r.deliveredAt,
      rating: r.rating,
      ratingSource: r.ratingSource,
      replyDueOn: r.replyDueOn,
      deliveryDueOn: r.deliveryDueOn,
    })
    .from(r)
    .leftJoin(providerDept, eq(providerDept.code, r.provider))
    .leftJoin(consumerDept, eq(consumerDept.code, r.consumer))
    .leftJoin(currentResource, and(eq(currentResource.resource, r.resource), isNull(currentResource.supersededAt)))
    .where(inArray(r.request, ids))
    .orderBy(...order);
  return { total, rows };
}

// ── objections ──────────────────────────────────────────────────────────

export interface ObjectionRow {
  objection: string;
  consumer: string;
  consumerName: string | null;
  provider: string;
  providerName: string | null;
  resource: string;
  resourceName: string | null;
  kind: 'accuracy' | 'completeness' | 'timeliness' | 'other';
  submittedAt: Date;
  resolvedAt: Date | null;
  outcome: 'pending' | 'corrected' | 'rejected';
  note: string | null;
  source: 'platform' | 'consumer';
  dueOn: string;
}

function objectionState(state: ObjectionState | 'open'): SQL {
  return state === 'open' ? isNull(o.resolvedAt) : eq(o.outcome, state);
}

export async function objectionRows(session: Session, filter: LedgerFilter<ObjectionState>): Promise<{ total: number; rows: ObjectionRow[] }> {
  const where = and(
    ...(await partyWhere(session, filter, o.provider, o.consumer)),
    filter.state ? objectionState(filter.state) : undefined,
    filter.overdue ? and(isNull(o.resolvedAt), lt(o.dueOn, filter.today)) : undefined,
  );
  const [{ total }] = await session.db.select({ total: count() }).from(o).where(where);
  const order = [...(filter.order === 'due' ? [asc(o.dueOn), asc(o.submittedAt)] : [desc(o.submittedAt)]), asc(o.objection)];
  const ids = (await session.db.select({ id: o.objection }).from(o).where(where).orderBy(...order).limit(filter.limit).offset(filter.offset)).map((x) => x.id);
  if (!ids.length) return { total, rows: [] };
  const rows = await session.db
    .select({
      objection: o.objection,
      consumer: o.consumer,
      consumerName: consumerDept.name,
      provider: o.provider,
      providerName: providerDept.name,
      resource: o.resource,
      resourceName: currentResource.name,
      kind: o.kind,
      submittedAt: o.submittedAt,
      resolvedAt: o.resolvedAt,
      outcome: o.outcome,
      note: o.note,
      source: o.source,
      dueOn: o.dueOn,
    })
    .from(o)
    .leftJoin(providerDept, eq(providerDept.code, o.provider))
    .leftJoin(consumerDept, eq(consumerDept.code, o.consumer))
    .leftJoin(currentResource, and(eq(currentResource.resource, o.resource), isNull(currentResource.supersededAt)))
    .where(inArray(o.objection, ids))
    .orderBy(...order);
  return { total, rows };
}

// ── appeals naming ledger rows ──────────────────────────────────────────

export interface LedgerAppeal {
  ledgerId: string;
  id: number;
  status: 'open' | 'accepted' | 'rejected';
  decisionReason: string | null;
}

/** The latest appeal on each of these rows (条例 art. 28). */
export async function ledgerAppeals(session: Session, kind: 'request' | 'objection', ids: string[]): Promise<Map<string, LedgerAppeal>> {
  if (!ids.length) return new Map();
  const rows = await session.db
    .select({ ledgerId: appeals.ledgerId, id: appeals.id, status: appeals.status, decisionReason: appeals.decisionReason })
    .from(appeals)
    .where(and(eq(appeals.ledgerKind, kind), inArray(appeals.ledgerId, ids)))
    .orderBy(asc(appeals.createdAt), asc(appeals.id));
  return new Map(rows.map((a) => [a.ledgerId!, { ...a, ledgerId: a.ledgerId! }]));
}

/** Who provides a ledger row and its due days, for an appeal naming it; null if there is no such row. */
export async function ledgerRowForAppeal(session: Session, kind: 'request' | 'objection', id: string): Promise<{ provider: string; dueDays: string[] } | null> {
  if (kind === 'request') {
    const [row] = await session.db.select({ provider: r.provider, reply: r.replyDueOn, delivery: r.deliveryDueOn }).from(r).where(eq(r.request, id));
    return row ? { provider: row.provider, dueDays: [row.reply, ...(row.delivery ? [row.delivery] : [])] } : null;
  }
  const [row] = await session.db.select({ provider: o.provider, due: o.dueOn }).from(o).where(eq(o.objection, id));
  return row ? { provider: row.provider, dueDays: [row.due] } : null;
}

// ── a consumer's own submissions ────────────────────────────────────────

export type RequestRecord = typeof sharingRequests.$inferSelect;

export async function lockedRequest(tx: Session, id: string): Promise<RequestRecord | null> {
  const [row] = await tx.db.select().from(r).where(eq(r.request, id)).for('update');
  return row ?? null;
}

/** Sets the consumer's rating unless the platform has rated: false when a platform rating is there. */
export async function setConsumerRating(tx: Session, id: string, rating: number): Promise<boolean> {
  const updated = await tx.db
    .update(r)
    .set({ rating, ratingSource: 'consumer', updatedAt: sql`now()` })
    .where(and(eq(r.request, id), or(isNull(r.ratingSource), eq(r.ratingSource, 'consumer'))))
    .returning({ request: r.request });
  return updated.length === 1;
}

/** Keeps a row's state before a change (the platform's row is never lost). */
export async function keepLedgerHistory(tx: Session, ledger: 'request' | 'objection', itemId: string, row: unknown, supersededBy: string): Promise<void> {
  await tx.db.insert(ledgerHistory).values({ ledger, itemId, row, supersededBy });
}

/** How many objections' ids start with `prefix` (a consumer's ids number its filings in one second). */
export async function countObjectionsWithPrefix(tx: Session, prefix: string): Promise<number> {
  const [{ n }] = await tx.db.select({ n: count() }).from(o).where(ilike(o.objection, `${prefix.replace(/[%_\\]/g, '\\$&')}%`));
  return n;
}

export async function insertConsumerObjection(tx: Session, row: NewDataObjectionRow): Promise<void> {
  await tx.db.insert(o).values(row);
}

/** The resources a department asked for in its requests (the objection form suggests them). */
export async function requestedResources(session: Session, consumer: string, limit = 200): Promise<Array<{ resource: string; name: string | null; provider: string }>> {
  const rows = await session.db
    .selectDistinct({ resource: r.resource, name: currentResource.name, provider: r.provider })
    .from(r)
    .leftJoin(currentResource, and(eq(currentResource.resource, r.resource), isNull(currentResource.supersededAt)))
    .where(and(eq(r.consumer, consumer), isNotNull(r.resource), sql`${r.provider} <> ${consumer}`))
    .orderBy(asc(r.resource))
    .limit(limit);
  return rows.map((x) => ({ ...x, resource: x.resource! }));
}

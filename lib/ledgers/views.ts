// What the ledger pages show (docs/dashboard.md "Ledgers"): /catalog, /requests (requests
// and objections tabs) and a department's own ledger section. Filters are read with zod
// and applied in SQL (db/queries/ledger-views.ts), one page of rows at a time; clocks are
// computed only for the page's rows, on the bureau's working-day calendar.
import { z } from 'zod';
import * as q from '../../db/queries/ledger-views';
import { listPeriodRows } from '../../db/queries/periods';
import type { PeriodRow } from '../../db/schema';
import type { Database } from '../../db/types';
import { can } from '../auth/permissions';
import { boundDepartment, type Principal } from '../auth/principal';
import { forbidden } from '../http/errors';
import { chinaDay, type WorkCalendar } from '../periods/calendar';
import { loadWorkCalendar } from '../periods/calendar-service';
import { choosePeriod } from '../dashboard/period-choice';
import { clockOf, type Clock } from './clocks';
import { monthsBefore } from './present';

export const PAGE_SIZE = 50;
/** A shareable resource nobody else called for this long is a 僵尸资源. */
export const ZOMBIE_MONTHS = 6;

export type { CatalogRow, ObjectionRow, RequestRow, LedgerAppeal, ShareType, RequestState, ObjectionState } from '../../db/queries/ledger-views';
export { REQUEST_STATES, OBJECTION_STATES } from '../../db/queries/ledger-views';
export const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const;
export const CATALOG_STATUSES = ['active', 'withdrawn'] as const;

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const text = z.string().trim().max(64).optional().transform((v) => v || undefined);
const page = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const flag = z.string().optional().transform((v) => v === '1' || v === 'on' || v === 'true');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

function read<S extends z.ZodType>(schema: S, sp: Params, keys: string[]): z.output<S> {
  return schema.parse(Object.fromEntries(keys.map((k) => [k, first(sp[k])])));
}

// ── /catalog ────────────────────────────────────────────────────────────

export const catalogParams = z.object({
  provider: text,
  shareType: oneOf(SHARE_TYPES),
  status: oneOf(CATALOG_STATUSES),
  zombie: flag,
  period: text,
  page,
});
export type CatalogParams = z.output<typeof catalogParams>;
export const parseCatalogParams = (sp: Params) => read(catalogParams, sp, ['provider', 'shareType', 'status', 'zombie', 'period', 'page']);

export interface CatalogView {
  params: CatalogParams;
  periods: PeriodRow[];
  period: { code: string; from: string; to: string } | null;
  today: string;
  zombieSince: string;
  total: number;
  page: number;
  pageCount: number;
  rows: Array<q.CatalogRow & { zombie: boolean }>;
}

/** The whole current catalog is shared information: every reader with ledgers:view sees all of it. */
export async function loadCatalog(database: Database, principal: Principal, params: CatalogParams, now = new Date()): Promise<CatalogView> {
  if (!can(principal, 'ledgers:view')) throw forbidden();
  const today = chinaDay(now);
  const zombieSince = monthsBefore(today, ZOMBIE_MONTHS);
  const periods = await listPeriodRows(database);
  const chosen = choosePeriod(periods, params.period);
  const window = chosen ? { from: chosen.startsOn, to: chosen.endsOn < today ? chosen.endsOn : today } : { from: `${today.slice(0, 7)}-01`, to: today };
  const offset = (params.page - 1) * PAGE_SIZE;
  const { total, rows } = await q.catalogRows(
    database,
    { provider: params.provider, shareType: params.shareType, status: params.status, zombie: params.zombie, limit: PAGE_SIZE, offset },
    { ...window, zombieSince },
  );
  return {
    params,
    periods,
    period: chosen ? { code: chosen.code, ...window } : null,
    today,
    zombieSince,
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((row) => ({ ...row, zombie: isZombie(row, zombieSince) })),
  };
}

/** The same rule as the zombie filter's SQL: active, shareable, published by `since`, no successful call by another department since. */
export function isZombie(row: Pick<q.CatalogRow, 'status' | 'shareType' | 'publishedOn' | 'lastCall'>, since: string): boolean {
  return row.status === 'active' && row.shareType !== 'none' && row.publishedOn <= since && (row.lastCall === null || row.lastCall < since);
}

// ── /requests ───────────────────────────────────────────────────────────

export const requestsParams = z.object({
  tab: z.enum(['requests', 'objections']).catch('requests'),
  provider: text,
  consumer: text,
  state: z.string().optional(),
  overdue: flag,
  page,
});
export type RequestsParams = z.output<typeof requestsParams>;
export const parseRequestsParams = (sp: Params) => read(requestsParams, sp, ['tab', 'provider', 'consumer', 'state', 'overdue', 'page']);

export interface RequestLine extends q.RequestRow {
  state: q.RequestState;
  replyClock: Clock | null;
  deliveryClock: Clock | null;
  appeal: q.LedgerAppeal | null;
}

export interface ObjectionLine extends q.ObjectionRow {
  clock: Clock;
  appeal: q.LedgerAppeal | null;
}

export interface LedgerPage<T> {
  total: number;
  page: number;
  pageCount: number;
  rows: T[];
}

export interface RequestsView {
  params: RequestsParams;
  /** A department user's own department: only rows it is a party to are shown. */
  party: string | null;
  requests: LedgerPage<RequestLine> | null;
  objections: LedgerPage<ObjectionLine> | null;
}

/** Who may see which rows: bureau readers all of them, a department those it is a party to. */
export function ledgerParty(principal: Principal): string | null {
  if (can(principal, 'ledgers:read')) return null;
  const own = boundDepartment(principal);
  if (own && can(principal, 'ledgers:read', { department: own })) return own;
  throw forbidden();
}

export function requestState(row: Pick<q.RequestRow, 'decision' | 'deliveredAt'>): q.RequestState {
  return row.deliveredAt ? 'delivered' : row.decision;
}

export function requestLine(row: q.RequestRow, appeal: q.LedgerAppeal | null, now: Date, calendar: WorkCalendar): RequestLine {
  const approving = row.decision === 'approved' || row.decision === 'conditional';
  return {
    ...row,
    state: requestState(row),
    replyClock: clockOf(row.replyDueOn, row.repliedAt, now, calendar),
    deliveryClock: approving && row.deliveryDueOn ? clockOf(row.deliveryDueOn, row.deliveredAt, now, calendar) : null,
    appeal,
  };
}

export function objectionLine(row: q.ObjectionRow, appeal: q.LedgerAppeal | null, now: Date, calendar: WorkCalendar): ObjectionLine {
  return { ...row, clock: clockOf(row.dueOn, row.resolvedAt, now, calendar), appeal };
}

async function requestPage(database: Database, filter: q.LedgerFilter<q.RequestState>, now: Date, calendar: WorkCalendar): Promise<LedgerPage<RequestLine>> {
  const { total, rows } = await q.requestRows(database, filter);
  const appeals = await q.ledgerAppeals(database, 'request', rows.map((r) => r.request));
  return { total, page: filter.offset / filter.limit + 1, pageCount: Math.max(1, Math.ceil(total / filter.limit)), rows: rows.map((r) => requestLine(r, appeals.get(r.request) ?? null, now, calendar)) };
}

async function objectionPage(database: Database, filter: q.LedgerFilter<q.ObjectionState>, now: Date, calendar: WorkCalendar): Promise<LedgerPage<ObjectionLine>> {
  const { total, rows } = await q.objectionRows(database, filter);
  const appeals = await q.ledgerAppeals(database, 'objection', rows.map((r) => r.objection));
  return { total, page: filter.offset / filter.limit + 1, pageCount: Math.max(1, Math.ceil(total / filter.limit)), rows: rows.map((r) => objectionLine(r, appeals.get(r.objection) ?? null, now, calendar)) };
}

export async function loadRequests(database: Database, principal: Principal, params: RequestsParams, now = new Date()): Promise<RequestsView> {
  if (!can(principal, 'ledgers:view')) throw forbidden();
  const party = ledgerParty(principal);
  const calendar = await loadWorkCalendar(database);
  const base = { provider: params.provider, consumer: params.consumer, party: party ?? undefined, overdue: params.overdue, today: chinaDay(now), limit: PAGE_SIZE, offset: (params.page - 1) * PAGE_SIZE };
  if (params.tab === 'objections') {
    const state = params.state === 'open' ? 'open' : q.OBJECTION_STATES.find((s) => s === params.state);
    return { params, party, requests: null, objections: await objectionPage(database, { ...base, state }, now, calendar) };
  }
  const state = params.state === 'open' ? 'open' : q.REQUEST_STATES.find((s) => s === params.state);
  return { params, party, requests: await requestPage(database, { ...base, state }, now, calendar), objections: null };
}

// ── a department's page ─────────────────────────────────────────────────

export const DEPARTMENT_ROWS = 20;

export interface DepartmentLedgerView {
  department: string;
  /** Open requests and objections it received, most urgent first. */
  providerRequests: LedgerPage<RequestLine>;
  providerObjections: LedgerPage<ObjectionLine>;
  /** What it asked of others, newest first. */
  consumerRequests: LedgerPage<RequestLine>;
  consumerObjections: LedgerPage<ObjectionLine>;
  /** The reader is this department's user: it may rate and file objections. */
  canSubmit: boolean;
  /** The resources it asked for (the objection form suggests them). */
  resources: Array<{ resource: string; name: string | null; provider: string }>;
}

/** The department's own ledger rows; the page has already checked scores:detail for it. */
export async function loadDepartmentLedger(database: Database, principal: Principal, department: string, now = new Date()): Promise<DepartmentLedgerView | null> {
  if (!can(principal, 'ledgers:read', { department })) return null;
  const calendar = await loadWorkCalendar(database);
  const today = chinaDay(now);
  const limit = DEPARTMENT_ROWS;
  const canSubmit = can(principal, 'ledgers:submit', { department });
  const [providerRequests, providerObjections, consumerRequests, consumerObjections, resources] = await Promise.all([
    requestPage(database, { providerIs: department, state: 'open', today, order: 'due', limit, offset: 0 }, now, calendar),
    objectionPage(database, { providerIs: department, state: 'open', today, order: 'due', limit, offset: 0 }, now, calendar),
    requestPage(database, { consumerIs: department, today, limit, offset: 0 }, now, calendar),
    objectionPage(database, { consumerIs: department, today, limit, offset: 0 }, now, calendar),
    canSubmit ? q.requestedResources(database, department) : Promise.resolve([]),
  ]);
  return { department, providerRequests, providerObjections, consumerRequests, consumerObjections, canSubmit, resources };
}

// The ledger rules (docs/ingest.md "Ledgers"), checked against what is stored: unknown
// departments and resources, a reply before the submission, a delivery without an
// approval, a refusal without a reason, 不予共享 without a legal basis, a state going
// backwards. Also fills in each request's and objection's due days (lib/ledgers/clocks.ts)
// and says which months and periods the batch touches.
import { catalogVersionsOf, periodsEndingFrom, storedObjections, storedRequests, type StoredObjection, type StoredRequest } from '../../db/queries/ledger-ingest';
import type { Session } from '../../db/types';
import { CatalogFacts, dueDaysOn, dayOf, touchedPeriods, type DueDays } from '../ledgers/due-days';
import { loadWorkCalendar } from '../periods/calendar-service';
import type { IngestContext } from './check-rows';
import type { LedgerKind } from './kinds';
import type { RowMessageKey, RowProblem } from './messages';
import type { CatalogRow, ObjectionRow, RequestRow } from './rows';

export type LedgerRow = CatalogRow | RequestRow | ObjectionRow;

export interface LedgerCheck {
  problems: RowProblem[];
  /** Months of the days the batch changes (due days, delivery days): checked against finalized periods. None for the catalog. */
  months: string[];
  /** Periods whose scores the batch changes (marked stale). */
  periods: string[];
  /**
   * The batch's items already stored (the write updates these and inserts the others), locked
   * when the checks lock; null when the checks assumed none and looked nothing up.
   */
  stored: ReadonlySet<string> | null;
}

type Ctx = Pick<IngestContext, 'departments' | 'today'>;
type Add = (column: string, key: RowMessageKey, values?: Record<string, string | number>) => void;

function rowAdder(problems: RowProblem[], row: number): Add {
  return (column, key, values = {}) => problems.push({ row, column, key, values });
}

function checkParties(r: { consumer: string; provider: string }, ctx: Ctx, add: Add) {
  if (!ctx.departments.has(r.consumer)) add('consumer', 'unknownDepartment', { value: r.consumer });
  if (!ctx.departments.has(r.provider)) add('provider', 'unknownDepartment', { value: r.provider });
}

function checkResource(resource: string, provider: string, day: string, catalog: CatalogFacts, add: Add) {
  if (!catalog.has(resource)) return add('resource', 'unknownResource', { value: resource });
  const version = catalog.on(resource, day) ?? catalog.current(resource)!;
  if (version.provider !== provider) add('resource', 'resourceProvider', { value: resource, provider: version.provider });
}

/** An instant (its Beijing date `day`) after today. */
function checkFuture(column: string, value: string | null, day: string | null, ctx: Ctx, add: Add) {
  if (value && day! > ctx.today) add(column, 'futureTime', { value });
}

function duplicates(id: string, row: number, first: Map<string, number>, column: string, add: Add) {
  const seen = first.get(id);
  if (seen !== undefined) add(column, 'duplicateItem', { first: seen });
  else first.set(id, row);
}

function unchanged<T extends object>(r: T, stored: T, columns: Array<keyof T & string>, add: Add) {
  for (const c of columns) {
    if (r[c] !== stored[c]) add(c, 'changedField', { was: String(stored[c] ?? ''), value: String(r[c] ?? '') });
  }
}

/**
 * How the checks read the stored items: 'read' them; 'lock' them too (in the writing
 * transaction: locked until commit, so no concurrent batch changes them between the checks
 * and the write); or 'assume none' — the write then inserts every item and, should one be
 * stored after all, the batch is checked again with 'lock' (lib/ingest/service.ts).
 */
export type StoredItems = 'read' | 'lock' | 'assume none';

export async function checkLedgerRows(session: Session, kind: LedgerKind, rows: LedgerRow[], ctx: Ctx, stored: StoredItems = 'read'): Promise<LedgerCheck> {
  if (kind === 'catalog') return checkCatalog(session, rows as CatalogRow[], ctx);
  const calendar = await loadWorkCalendar(session);
  const resources = [...new Set(rows.map((r) => (r as RequestRow).resource).filter((x): x is string => !!x))];
  const catalog = new CatalogFacts(await catalogVersionsOf(session, resources));
  const lock = stored === 'lock';
  let checked: LedgerCheck;
  if (kind === 'requests') {
    const ids = stored === 'assume none' ? [] : (rows as RequestRow[]).map((r) => r.request);
    checked = checkRequests(rows as RequestRow[], new Map((await storedRequests(session, ids, lock)).map((s) => [s.request, s])), catalog, dueDaysOn(calendar), ctx);
  } else {
    const ids = stored === 'assume none' ? [] : (rows as ObjectionRow[]).map((r) => r.objection);
    checked = checkObjections(rows as ObjectionRow[], new Map((await storedObjections(session, ids, lock)).map((s) => [s.objection, s])), catalog, dueDaysOn(calendar), ctx);
  }
  return stored === 'assume none' ? { ...checked, stored: null } : checked;
}

async function checkCatalog(session: Session, rows: CatalogRow[], ctx: Ctx): Promise<LedgerCheck> {
  const catalog = new CatalogFacts(await catalogVersionsOf(session, [...new Set(rows.map((r) => r.resource))]));
  const problems: RowProblem[] = [];
  const first = new Map<string, number>();
  let earliest: string | null = null;
  for (const r of rows) {
    const add = rowAdder(problems, r.row);
    if (!ctx.departments.has(r.provider)) add('provider', 'unknownDepartment', { value: r.provider });
    if (r.share_type === 'none' && !r.legal_basis) add('legal_basis', 'legalBasisRequired');
    if (r.published_on > r.updated_on) add('updated_on', 'updatedBeforePublished', { value: r.updated_on, published: r.published_on });
    if (r.updated_on > ctx.today) add('updated_on', 'futureDay', { value: r.updated_on });
    const current = catalog.current(r.resource);
    if (current && r.updated_on < current.updated_on) add('updated_on', 'catalogGoingBack', { value: r.updated_on, was: current.updated_on });
    duplicates(r.resource, r.row, first, 'resource', add);
    if (earliest === null || r.updated_on < earliest) earliest = r.updated_on;
  }
  if (problems.length || earliest === null) return { problems, months: [], periods: [], stored: new Set() };
  // The catalog at a period's end decides its catalog indicators: every period ending on or after the earliest change.
  return { problems, months: [], periods: await periodsEndingFrom(session, earliest), stored: new Set() };
}

// Each instant's Beijing date is read once per row, the touched days gathered in a set: 25,000 rows a batch.
function checkRequests(rows: RequestRow[], stored: Map<string, StoredRequest>, catalog: CatalogFacts, due: DueDays, ctx: Ctx): LedgerCheck {
  const problems: RowProblem[] = [];
  const first = new Map<string, number>();
  const days = new Set<string | null>();
  for (const r of rows) {
    const add = rowAdder(problems, r.row);
    const submittedDay = dayOf(r.submitted_at);
    const repliedDay = r.replied_at && dayOf(r.replied_at);
    const deliveredDay = r.delivered_at && dayOf(r.delivered_at);
    checkParties(r, ctx, add);
    if (r.resource) checkResource(r.resource, r.provider, submittedDay, catalog, add);
    if (r.decision === 'pending' && r.replied_at) add('replied_at', 'replyWithoutDecision');
    if (r.decision !== 'pending' && !r.replied_at) add('replied_at', 'replyMissing', { decision: r.decision });
    if (r.decision === 'refused' && !r.reason) add('reason', 'refusalReason');
    if (r.delivered_at && r.decision !== 'approved' && r.decision !== 'conditional') add('delivered_at', 'deliveryWithoutApproval', { decision: r.decision });
    if (r.rating !== null && !r.delivered_at) add('rating', 'ratingWithoutDelivery');
    if (r.replied_at && r.replied_at < r.submitted_at) add('replied_at', 'replyBeforeSubmission');
    if (r.delivered_at && r.replied_at && r.delivered_at < r.replied_at) add('delivered_at', 'deliveryBeforeReply');
    checkFuture('submitted_at', r.submitted_at, submittedDay, ctx, add);
    checkFuture('replied_at', r.replied_at, repliedDay, ctx, add);
    checkFuture('delivered_at', r.delivered_at, deliveredDay, ctx, add);
    duplicates(r.request, r.row, first, 'request', add);
    const s = stored.size ? stored.get(r.request) : undefined;
    if (s) {
      unchanged(r, s as unknown as RequestRow, ['consumer', 'provider', 'resource', 'submitted_at'], add);
      if (s.replied_at && !r.replied_at) add('replied_at', 'goingBack', { was: s.replied_at });
      else if (s.decision !== 'pending' && r.decision === 'pending') add('decision', 'goingBack', { was: s.decision });
      if (s.delivered_at && !r.delivered_at) add('delivered_at', 'goingBack', { was: s.delivered_at });
      if (s.rating !== null && s.rating_source === 'platform' && r.rating === null) add('rating', 'goingBack', { was: s.rating });
      days.add(s.reply_due_on).add(s.delivery_due_on).add(s.delivered_at && dayOf(s.delivered_at));
    }
    r.reply_due_on = due.replyFrom(submittedDay, catalog.shareTypeOn(r.resource, submittedDay));
    r.delivery_due_on = repliedDay && (r.decision === 'approved' || r.decision === 'conditional') ? due.deliveryFrom(repliedDay) : null;
    days.add(r.reply_due_on).add(r.delivery_due_on).add(deliveredDay);
  }
  return { problems, ...touchedPeriods(days), stored: new Set(stored.keys()) };
}

function checkObjections(rows: ObjectionRow[], stored: Map<string, StoredObjection>, catalog: CatalogFacts, due: DueDays, ctx: Ctx): LedgerCheck {
  const problems: RowProblem[] = [];
  const first = new Map<string, number>();
  const days = new Set<string | null>();
  for (const r of rows) {
    const add = rowAdder(problems, r.row);
    const submittedDay = dayOf(r.submitted_at);
    checkParties(r, ctx, add);
    checkResource(r.resource, r.provider, submittedDay, catalog, add);
    if (r.outcome === 'pending' && r.resolved_at) add('resolved_at', 'resolvedWithoutOutcome');
    if (r.outcome !== 'pending' && !r.resolved_at) add('resolved_at', 'resolvedMissing', { outcome: r.outcome });
    if (r.resolved_at && r.resolved_at < r.submitted_at) add('resolved_at', 'resolvedBeforeSubmission');
    checkFuture('submitted_at', r.submitted_at, submittedDay, ctx, add);
    checkFuture('resolved_at', r.resolved_at, r.resolved_at && dayOf(r.resolved_at), ctx, add);
    duplicates(r.objection, r.row, first, 'objection', add);
    const s = stored.size ? stored.get(r.objection) : undefined;
    // A consumer's own submission is replaced whole by the platform's row; a platform row only moves forward.
    if (s && s.source === 'platform') {
      unchanged(r, s as unknown as ObjectionRow, ['consumer', 'provider', 'resource', 'submitted_at'], add);
      if (s.resolved_at && !r.resolved_at) add('resolved_at', 'goingBack', { was: s.resolved_at });
    }
    if (s) days.add(s.due_on);
    r.due_on = due.objectionFrom(submittedDay);
    days.add(r.due_on);
  }
  return { problems, ...touchedPeriods(days), stored: new Set(stored.keys()) };
}

// A department's own ledger submissions, from its page (docs/dashboard.md "Ledgers"): it
// rates data it received for a request, and files a data objection against another
// department's resource. Both are stored as consumer submissions (rating_source /
// source 'consumer'), never over a platform rating; the platform's later row for the same
// id wins (lib/ingest). Each is audited and marks the periods it counts in stale.
import {
  countObjectionsWithPrefix,
  currentCatalogResource,
  insertConsumerObjection,
  keepLedgerHistory,
  lockedRequest,
  setConsumerRating,
} from '../../db/queries/ledger-views';
import type { Database } from '../../db/types';
import { auditSuccess } from '../audit/log';
import { actorId, boundDepartment } from '../auth/principal';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { chinaDay } from '../periods/calendar';
import { loadWorkCalendar } from '../periods/calendar-service';
import { monthOfDate, periodsContaining } from '../periods/codes';
import { assertPeriodWritable } from '../periods/lock';
import { markChanged } from '../scores/freshness';
import { objectionDueOn } from './clocks';

export const OBJECTION_KINDS = ['accuracy', 'completeness', 'timeliness', 'other'] as const;
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];
export const MAX_NOTE = 2000;

function ownDepartment(ctx: ActionContext): string {
  const own = boundDepartment(ctx.principal);
  if (!own) throw forbidden('ledgers.errors.notBound');
  requireCan(ctx, 'ledgers:submit', { department: own });
  return own;
}

/** The consumer rates what it received (1–5); refused over a platform rating. */
export async function rateRequest(database: Database, ctx: ActionContext, input: { request: string; rating: number }): Promise<{ request: string; rating: number }> {
  const own = ownDepartment(ctx);
  const id = input.request.trim();
  const rating = input.rating;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw badRequest('ledgers.errors.badRating');
  return database.transaction(async (tx) => {
    const row = await lockedRequest(tx, id);
    if (!row) throw notFound('ledgers.errors.unknownRequest', { id });
    if (row.consumer !== own) throw new ApiError(403, 'forbidden', { key: 'ledgers.errors.notConsumer', values: { id } });
    if (!(row.decision === 'approved' || row.decision === 'conditional') || !row.deliveredAt) throw conflict('ledgers.errors.notDelivered', { id });
    if (row.ratingSource === 'platform') throw conflict('ledgers.errors.platformRated', { id });
    // A rating counts in the period of the Beijing date of delivered_at (docs/scoring.md).
    const day = chinaDay(row.deliveredAt);
    await assertPeriodWritable(tx, day);
    await keepLedgerHistory(tx, 'request', id, row, actorId(ctx.principal));
    if (!(await setConsumerRating(tx, id, rating))) throw conflict('ledgers.errors.platformRated', { id });
    await markChanged(tx, periodsContaining(monthOfDate(day)));
    await auditSuccess(tx, ctx, 'request.rate', `request:${id}`, { request: id, consumer: own, provider: row.provider, rating, previous: row.rating, source: 'consumer' });
    return { request: id, rating };
  });
}

export interface FileObjectionInput {
  resource: string;
  kind: string;
  note: string;
}

/** Beijing wall-clock digits yyyymmddhhmmss of an instant. */
function chinaStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Files a data objection as the consumer: id C-<dept>-<yyyymmddhhmmss>-<n>, due in 10 working days (art. 26). */
export async function fileObjection(database: Database, ctx: ActionContext, input: FileObjectionInput): Promise<{ objection: string; dueOn: string; provider: string }> {
  const own = ownDepartment(ctx);
  const resource = input.resource.trim();
  if (!OBJECTION_KINDS.includes(input.kind as ObjectionKind)) throw badRequest('ledgers.errors.badKind');
  const note = input.note.trim();
  if (!note) throw badRequest('ledgers.errors.noteRequired');
  if (note.length > MAX_NOTE) throw badRequest('ledgers.errors.tooLong', { max: MAX_NOTE });
  const now = nowOf(ctx);
  return database.transaction(async (tx) => {
    const item = resource ? await currentCatalogResource(tx, resource) : null;
    if (!item) throw notFound('ledgers.errors.unknownResource', { resource });
    if (item.provider === own) throw badRequest('ledgers.errors.ownResource', { resource });
    if (item.status !== 'active') throw conflict('ledgers.errors.withdrawnResource', { resource });
    const dueOn = objectionDueOn(now, await loadWorkCalendar(tx));
    // An objection counts in the period its deadline falls in.
    await assertPeriodWritable(tx, dueOn);
    const prefix = `C-${own}-${chinaStamp(now)}-`;
    const objection = `${prefix}${(await countObjectionsWithPrefix(tx, prefix)) + 1}`;
    await insertConsumerObjection(tx, {
      objection,
      consumer: own,
      provider: item.provider,
      resource,
      kind: input.kind as ObjectionKind,
      submittedAt: now,
      resolvedAt: null,
      outcome: 'pending',
      note,
      source: 'consumer',
      dueOn,
      createdBy: actorLabel(ctx.principal),
    });
    await markChanged(tx, periodsContaining(monthOfDate(dueOn)));
    await auditSuccess(tx, ctx, 'objection.file', `objection:${objection}`, { objection, consumer: own, provider: item.provider, resource, kind: input.kind, note, dueOn, source: 'consumer' });
    return { objection, dueOn, provider: item.provider };
  });
}

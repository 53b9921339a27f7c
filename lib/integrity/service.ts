// Integrity flags (docs/scoring.md, "Integrity"): who may see which, and the admin's
// set-asides of a flagged pair's calls. The flags are computed in the database
// (db/queries/integrity.ts) with the thresholds of the period's scheme by the recompute after
// a write, and stored with the scores (lib/scores/integrity-flags.ts); readers read them (./stored.ts). A set-aside keeps the
// pair's events out of the events indicators on that period's days (db/queries/matrix.ts),
// is audited, reversible, refused once a period it touches is finalized, and marks the
// affected periods stale in its own transaction.
import type { Database } from '../../db/types';
import {
  activeSetAside,
  getSetAside,
  hasStoredFlag,
  insertSetAside,
  listSetAsides,
  revokeSetAsideRow,
  type SetAsideRow,
} from '../../db/queries/integrity';
import { auditSuccess } from '../audit/log';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { can } from '../auth/permissions';
import { boundDepartment, type Principal } from '../auth/principal';
import { badRequest, conflict, forbidden, notFound, refused } from '../http/errors';
import { assertPeriodWritable, overlappingPeriods } from '../periods/lock';
import { requirePeriod } from '../periods/rows';
import { markChanged } from '../scores/freshness';
import type { FlagKind } from '../scoring/index';
import { freshFlags, type IntegrityFlag } from './stored';

/** The flags whose pair (department, partner) the admin may set aside. */
const PAIR_KINDS: FlagKind[] = ['consumer_concentration', 'reciprocal_pair'];

export const MAX_SET_ASIDE_REASON = 2000;

export type { IntegrityFlag } from './stored';

export interface IntegrityReport {
  period: string;
  flags: IntegrityFlag[];
  setAsides: SetAsideRow[];
}

/** The departments whose flags this principal may see: all (null), or its own. */
export function integrityScope(principal: Principal | null | undefined): { all: true } | { all: false; department: string } {
  if (can(principal, 'integrity:read')) return { all: true };
  const own = principal ? boundDepartment(principal) : null;
  if (own && can(principal, 'integrity:read', { department: own })) return { all: false, department: own };
  throw forbidden();
}

/**
 * A period's flags and set-asides as this principal may see them (everyone's, or its
 * department's): the stored flags, after waiting, as every API read does, for the period's
 * recompute to include the caller's own writes.
 */
export async function integrityFor(database: Database, principal: Principal, periodCode: string): Promise<IntegrityReport> {
  const scope = integrityScope(principal);
  const period = await requirePeriod(database, periodCode);
  const department = scope.all ? null : scope.department;
  const { flags } = await freshFlags(database, period.code, department);
  return { period: period.code, flags, setAsides: await listSetAsides(database, period.code, department ?? undefined) };
}

function reasonOf(value: string | null | undefined): string {
  const reason = (value ?? '').trim();
  if (!reason) throw badRequest('integrity.errors.reasonRequired');
  if (reason.length > MAX_SET_ASIDE_REASON) throw badRequest('appeals.errors.tooLong', { max: MAX_SET_ASIDE_REASON });
  return reason;
}

export interface SetAsideInput {
  period: string;
  provider: string;
  consumer: string;
  reason: string;
}

/**
 * Sets a flagged pair's calls aside for a period (admins): the pair must carry a consumer
 * concentration or reciprocal pair flag in that period (provider = the flagged department,
 * consumer = its partner). Refused once the period, or one sharing its days, is finalized.
 */
export async function setAsidePair(database: Database, ctx: ActionContext, input: SetAsideInput): Promise<SetAsideRow> {
  requireCan(ctx, 'integrity:manage');
  const reason = reasonOf(input.reason);
  const provider = input.provider.trim();
  const consumer = input.consumer.trim();
  const now = nowOf(ctx);
  return database.transaction(async (tx) => {
    const period = await requirePeriod(tx, input.period, { forUpdate: true });
    await assertPeriodWritable(tx, period.code);
    // The stored flags (what the admin saw on the page), not a computation of them here.
    const flagged = await hasStoredFlag(tx, period.code, provider, PAIR_KINDS, consumer);
    if (!flagged) throw refused('not_flagged', 'integrity.errors.notFlagged', { provider, consumer, period: period.code });
    const existing = await activeSetAside(tx, period.code, provider, consumer);
    if (existing !== null) throw conflict('integrity.errors.duplicate', { period: period.code, id: existing });
    const row = await insertSetAside(tx, { period: period.code, provider, consumer, reason, createdBy: actorLabel(ctx.principal), createdAt: now });
    await auditSuccess(tx, ctx, 'integrity.set_aside', `set_aside:${row.id}`, { id: row.id, period: period.code, provider, consumer, reason });
    await markChanged(tx, overlappingPeriods(period.code));
    return row;
  });
}

/** Revokes a set-aside (admins), with a reason; the pair's calls count again. */
export async function revokeSetAside(database: Database, ctx: ActionContext, id: number, input: { reason: string }): Promise<SetAsideRow> {
  requireCan(ctx, 'integrity:manage');
  const reason = reasonOf(input.reason);
  const now = nowOf(ctx);
  return database.transaction(async (tx) => {
    const row = await getSetAside(tx, id, { forUpdate: true });
    if (!row) throw notFound('integrity.errors.unknownSetAside', { id });
    if (row.revokedAt) throw conflict('integrity.errors.alreadyRevoked', { id });
    await requirePeriod(tx, row.period, { forUpdate: true });
    await assertPeriodWritable(tx, row.period);
    await revokeSetAsideRow(tx, id, { revokedBy: actorLabel(ctx.principal), revokedAt: now, reason });
    await auditSuccess(tx, ctx, 'integrity.set_aside_revoke', `set_aside:${id}`, { id, period: row.period, provider: row.provider, consumer: row.consumer, reason });
    await markChanged(tx, overlappingPeriods(row.period));
    return (await getSetAside(tx, id))!;
  });
}

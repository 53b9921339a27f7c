// Integrity flags (docs/scoring.md, "Integrity"): who may see which, and the admin's
// set-asides of a flagged pair's calls. The flags are computed in the database
// (db/queries/integrity.ts) with the thresholds of the period's scheme; a set-aside keeps the
// pair's events out of the events indicators on that period's days (db/queries/matrix.ts),
// is audited, reversible, refused once a period it touches is finalized, and marks the
// affected periods stale in its own transaction.
import type { Database, Session } from '../../db/types';
import {
  activeSetAside,
  getSetAside,
  insertSetAside,
  listSetAsides,
  loadPairFlags,
  loadSelfReportFlags,
  loadSpikeFlags,
  loadZombieFlags,
  revokeSetAsideRow,
  type FlagRow,
  type SetAsideRow,
} from '../../db/queries/integrity';
import { appendAudit } from '../audit/log';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { can } from '../auth/permissions';
import { boundDepartment, type Principal } from '../auth/principal';
import { badRequest, conflict, forbidden, notFound, refused } from '../http/errors';
import { chinaDay } from '../periods/calendar';
import { assertPeriodWritable, overlappingPeriods } from '../periods/lock';
import { requirePeriod, requirePeriodCode } from '../periods/rows';
import { markChanged } from '../scores/freshness';
import { schemeForPeriod } from '../schemes/service';
import { FLAG_KINDS, FLAG_SEVERITIES, integrityOf, type FlagKind, type FlagSeverity } from '../scoring/index';

export const MAX_SET_ASIDE_REASON = 2000;

export interface IntegrityFlag {
  department: string;
  kind: FlagKind;
  severity: FlagSeverity;
  evidence: Record<string, unknown>;
  /** The active set-aside of this flag's pair (provider = department, consumer = partner), if any. */
  setAside: { id: number; reason: string } | null;
}

export interface IntegrityReport {
  period: string;
  flags: IntegrityFlag[];
  setAsides: SetAsideRow[];
}

const severityOrder = (s: FlagSeverity) => FLAG_SEVERITIES.indexOf(s); // info 0 < warn 1 < high 2
const kindOrder = (k: FlagKind) => FLAG_KINDS.indexOf(k);

/** Every flag of a period, most severe first (no permission check: callers decide who sees what). */
export async function computeFlags(session: Session, periodCode: string, now = new Date()): Promise<IntegrityFlag[]> {
  const period = await requirePeriod(session, periodCode);
  const span = requirePeriodCode(period.code);
  const thresholds = integrityOf((await schemeForPeriod(session, period.code)).scheme);
  const today = chinaDay(now);
  const endDay = span.endsOn < today ? span.endsOn : today;
  const rows: FlagRow[] = [
    ...(await loadPairFlags(session, span, thresholds)),
    ...(await loadSpikeFlags(session, span, thresholds)),
    ...(await loadZombieFlags(session, endDay, thresholds)),
    ...(await loadSelfReportFlags(session, span, endDay, thresholds)),
  ];
  const active = new Map<string, SetAsideRow>();
  for (const s of await listSetAsides(session, period.code)) if (!s.revokedAt) active.set(`${s.provider}\u0000${s.consumer}`, s);
  return rows
    .map((r): IntegrityFlag => {
      const partner = typeof r.evidence.partner === 'string' ? r.evidence.partner : null;
      const setAside = partner ? active.get(`${r.department}\u0000${partner}`) : undefined;
      return {
        department: r.department,
        kind: r.kind as FlagKind,
        severity: r.severity,
        evidence: r.evidence,
        setAside: setAside ? { id: setAside.id, reason: setAside.reason } : null,
      };
    })
    .sort(
      (a, b) =>
        severityOrder(b.severity) - severityOrder(a.severity) ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        a.department.localeCompare(b.department) ||
        String(a.evidence.partner ?? '').localeCompare(String(b.evidence.partner ?? '')),
    );
}

/** The departments whose flags this principal may see: all (null), or its own. */
export function integrityScope(principal: Principal | null | undefined): { all: true } | { all: false; department: string } {
  if (can(principal, 'integrity:read')) return { all: true };
  const own = principal ? boundDepartment(principal) : null;
  if (own && can(principal, 'integrity:read', { department: own })) return { all: false, department: own };
  throw forbidden();
}

/** A period's flags and set-asides as this principal may see them: everyone's, or its department's. */
export async function integrityFor(session: Session, principal: Principal, periodCode: string, now = new Date()): Promise<IntegrityReport> {
  const scope = integrityScope(principal);
  const flags = await computeFlags(session, periodCode, now);
  const setAsides = await listSetAsides(session, periodCode, scope.all ? undefined : scope.department);
  return { period: periodCode, flags: scope.all ? flags : flags.filter((f) => f.department === scope.department), setAsides };
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
    const flagged = (await computeFlags(tx, period.code, now)).some(
      (f) => f.department === provider && f.evidence.partner === consumer && (f.kind === 'consumer_concentration' || f.kind === 'reciprocal_pair'),
    );
    if (!flagged) throw refused('not_flagged', 'integrity.errors.notFlagged', { provider, consumer, period: period.code });
    const existing = await activeSetAside(tx, period.code, provider, consumer);
    if (existing !== null) throw conflict('integrity.errors.duplicate', { period: period.code, id: existing });
    const row = await insertSetAside(tx, { period: period.code, provider, consumer, reason, createdBy: actorLabel(ctx.principal), createdAt: now });
    await appendAudit(tx, {
      actor: ctx.principal,
      ip: ctx.ip,
      action: 'integrity.set_aside',
      target: `set_aside:${row.id}`,
      outcome: 'success',
      payload: { id: row.id, period: period.code, provider, consumer, reason },
    });
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
    await appendAudit(tx, {
      actor: ctx.principal,
      ip: ctx.ip,
      action: 'integrity.set_aside_revoke',
      target: `set_aside:${id}`,
      outcome: 'success',
      payload: { id, period: row.period, provider: row.provider, consumer: row.consumer, reason },
    });
    await markChanged(tx, overlappingPeriods(row.period));
    return (await getSetAside(tx, id))!;
  });
}

/** Per department, how many flags and the highest severity: for the badges on rankings and department pages. */
export function flagSummary(flags: IntegrityFlag[]): Record<string, { count: number; severity: FlagSeverity }> {
  const out: Record<string, { count: number; severity: FlagSeverity }> = {};
  for (const f of flags) {
    const seen = out[f.department];
    if (!seen) out[f.department] = { count: 1, severity: f.severity };
    else {
      seen.count++;
      if (severityOrder(f.severity) > severityOrder(seen.severity)) seen.severity = f.severity;
    }
  }
  return out;
}

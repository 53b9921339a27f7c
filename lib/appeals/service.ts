// Appeals (数据异议与申诉): while a period is published and its deadline has not
// passed, a department files an appeal on its total or on one indicator; an admin
// accepts it (optionally correcting a reported metric value through the ingest
// path: the old value is superseded and kept, the scores recompute) or rejects it
// with a reason the department sees. Every step is audited.
import { randomUUID } from 'node:crypto';
import type { Database, Session } from '../../db/types';
import {
  decideAppealRow,
  findOpenAppeal,
  findOpenFlagAppeal,
  getAppeal,
  insertAppeal,
  listAppeals,
  type AppealFilter,
  type AppealRow,
} from '../../db/queries/appeals';
import { currentMetricValue, insertBatch, writeMetricRows } from '../../db/queries/ingest';
import { departmentExists } from '../../db/queries/departments';
import { hasStoredFlag } from '../../db/queries/integrity';
import { ledgerRowForAppeal } from '../../db/queries/ledger-views';
import { auditSuccess } from '../audit/log';
import { can } from '../auth/permissions';
import { actorId, boundDepartment, type Principal } from '../auth/principal';
import { badRequest, conflict, forbidden, invalid, notFound, periodLocked, refused, type MessageKey } from '../http/errors';
import { fill } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { periodsContaining } from '../periods/codes';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { assertPeriodWritable } from '../periods/lock';
import { markChanged } from '../scores/freshness';
import { requirePeriod } from '../periods/rows';
import { formatChinaTime } from '../periods/calendar';
import { allIndicators, valueRangeProblem } from '../scoring/index';
import { schemeForPeriod } from '../schemes/service';

export const MAX_REASON = 2000;
export const MAX_EVIDENCE = 5000;

const t = zhCN.appeals;

export interface FileAppealInput {
  period: string;
  department: string;
  /** null or '': an appeal on the total. */
  indicator?: string | null;
  reason: string;
  evidence?: string | null;
  /** A disputed ledger row (条例 art. 28): one the appealing department provides on. */
  ledgerKind?: 'request' | 'objection' | null;
  ledgerId?: string | null;
  /** An integrity flag kind the department has in the period, contested by this appeal. */
  flag?: string | null;
}

function text(value: string | null | undefined, max: number, requiredMessage: MessageKey | null): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) {
    if (requiredMessage) throw badRequest(requiredMessage);
    return null;
  }
  if (trimmed.length > max) throw badRequest('appeals.errors.tooLong', { max });
  return trimmed;
}

/** Files an appeal: only in the window, only for one's own department. */
export async function fileAppeal(database: Database, ctx: ActionContext, input: FileAppealInput): Promise<AppealRow> {
  const department = input.department.trim();
  requireCan(ctx, 'appeals:create', { department });
  const reason = text(input.reason, MAX_REASON, 'appeals.errors.reasonRequired')!;
  const evidence = text(input.evidence, MAX_EVIDENCE, null);
  const indicator = input.indicator?.trim() || null;
  const ledgerKind = input.ledgerKind || null;
  const ledgerId = input.ledgerId?.trim() || null;
  if (Boolean(ledgerKind) !== Boolean(ledgerId)) throw badRequest('appeals.errors.ledgerIncomplete');
  if (ledgerKind && ledgerKind !== 'request' && ledgerKind !== 'objection') throw badRequest('appeals.errors.ledgerIncomplete');
  const ledger = ledgerKind && ledgerId ? { kind: ledgerKind, id: ledgerId } : null;
  const flag = input.flag?.trim() || null;
  const now = nowOf(ctx);

  const appeal = await database.transaction(async (tx) => {
    const period = await requirePeriod(tx, input.period, { forUpdate: true });
    if (period.status !== 'published') {
      throw refused('appeal_window_closed', 'appeals.errors.notPublished', { period: period.code });
    }
    if (period.appealDeadline && now.getTime() > period.appealDeadline.getTime()) {
      throw refused('appeal_late', 'appeals.errors.late', { deadline: formatChinaTime(period.appealDeadline) });
    }
    if (!(await departmentExists(tx, department))) throw notFound('appeals.errors.unknownDepartment', { department });
    if (indicator) {
      const scheme = await schemeForPeriod(tx, period.code);
      if (!allIndicators(scheme.scheme).some((i) => i.code === indicator)) {
        throw badRequest('appeals.errors.unknownIndicator', { indicator });
      }
    }
    if (ledger) await checkLedgerRow(tx, ledger, department, period);
    // The flag must be one stored for the department (what its pages show), not recomputed here.
    if (flag && !(await hasStoredFlag(tx, period.code, department, [flag]))) {
      throw badRequest('integrity.errors.unknownFlag', { department, period: period.code, flag });
    }
    const existing = flag ? await findOpenFlagAppeal(tx, period.code, department, flag) : await findOpenAppeal(tx, period.code, department, indicator, ledger);
    if (existing !== null) throw conflict('appeals.errors.duplicate', { id: existing });
    const row = await insertAppeal(tx, { period: period.code, departmentCode: department, indicator, ledgerKind: ledger?.kind ?? null, ledgerId: ledger?.id ?? null, flag, reason, evidence, createdBy: actorLabel(ctx.principal) });
    await auditSuccess(tx, ctx, 'appeal.create', `appeal:${row.id}`, {
      id: row.id,
      period: period.code,
      department,
      indicator,
      ledgerKind: ledger?.kind ?? null,
      ledgerId: ledger?.id ?? null,
      flag,
      reason,
      evidence,
    });
    return row;
  });
  return appeal;
}

/**
 * A disputed ledger row must exist, be one the department provides on, and fall due in the
 * appealed period (a row counts in the period its deadline falls in). One message for
 * "no such row" and "not yours", so an appeal cannot probe other departments' rows.
 */
async function checkLedgerRow(tx: Session, ledger: { kind: 'request' | 'objection'; id: string }, department: string, period: { code: string; startsOn: string; endsOn: string }) {
  const kind = zhCN.appeals.ledgerKinds[ledger.kind];
  const row = await ledgerRowForAppeal(tx, ledger.kind, ledger.id);
  if (!row || row.provider !== department) throw invalid('appeals.errors.ledgerRow', { kind, id: ledger.id });
  if (!row.dueDays.some((day) => day >= period.startsOn && day <= period.endsOn)) throw invalid('appeals.errors.ledgerPeriod', { kind, id: ledger.id, period: period.code });
}

export interface Correction {
  /** The month whose reported value is corrected; within the appealed period. */
  month: string;
  /** Defaults to the appealed indicator. */
  indicator?: string | null;
  value: number;
}

export interface DecideAppealInput {
  decision: 'accept' | 'reject';
  reason: string;
  correction?: Correction | null;
}

export interface DecideAppealResult {
  appeal: AppealRow;
  correction: { batchId: string; month: string; indicator: string; previous: number | null; value: number } | null;
}

/** Accepts (with an optional metric correction) or rejects an open appeal. */
export async function decideAppeal(database: Database, ctx: ActionContext, id: number, input: DecideAppealInput): Promise<DecideAppealResult> {
  requireCan(ctx, 'appeals:decide');
  if (input.decision !== 'accept' && input.decision !== 'reject') throw badRequest('appeals.errors.badDecision');
  const reason = text(input.reason, MAX_REASON, 'appeals.errors.decisionReasonRequired')!;
  const correction = input.decision === 'accept' ? (input.correction ?? null) : null;
  const now = nowOf(ctx);

  const result = await database.transaction(async (tx) => {
    const appeal = await getAppeal(tx, id, { forUpdate: true });
    if (!appeal) throw notFound('appeals.errors.unknownAppeal', { id });
    const period = await requirePeriod(tx, appeal.period, { forUpdate: true });
    if (period.status === 'finalized') throw periodLocked(period.code);
    if (appeal.status !== 'open') throw conflict('appeals.errors.alreadyDecided', { id });

    const corrected = correction ? await applyCorrection(tx, ctx, appeal, period.code, correction) : null;
    const status = input.decision === 'accept' ? 'accepted' : 'rejected';
    await decideAppealRow(tx, id, { status, reason, decidedBy: actorLabel(ctx.principal), decidedAt: now });
    // An upheld ledger appeal counts its row as on time (docs/scoring.md): the period's scores move.
    if (appeal.ledgerKind && status === 'accepted') await markChanged(tx, [appeal.period]);
    await auditSuccess(tx, ctx, input.decision === 'accept' ? 'appeal.accept' : 'appeal.reject', `appeal:${id}`, {
      id,
      period: appeal.period,
      department: appeal.departmentCode,
      indicator: appeal.indicator,
      reason,
      correction: corrected,
    });
    return { appeal: (await getAppeal(tx, id))!, correction: corrected };
  });
  return result;
}

/**
 * Writes the corrected value the way an ingest batch does (db/queries/ingest.ts:
 * the current value is superseded and kept in history, a batch record names the
 * change) and marks the month, its quarter and its year stale.
 */
async function applyCorrection(tx: Session, ctx: ActionContext, appeal: AppealRow, periodCode: string, correction: Correction) {
  const indicatorCode = (correction.indicator ?? appeal.indicator ?? '').trim();
  if (!indicatorCode) throw badRequest('appeals.errors.correctionIndicator');
  const period = await requirePeriod(tx, periodCode);
  const month = correction.month.trim();
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month < period.startsOn.slice(0, 7) || month > period.endsOn.slice(0, 7)) {
    throw badRequest('appeals.errors.correctionMonth', { month, period: periodCode });
  }
  const scheme = await schemeForPeriod(tx, periodCode);
  const indicator = allIndicators(scheme.scheme).find((i) => i.code === indicatorCode);
  if (!indicator) throw badRequest('appeals.errors.unknownIndicator', { indicator: indicatorCode });
  if (indicator.source === 'events') throw invalid('appeals.errors.derivedIndicator', { indicator: indicator.name });
  if (typeof correction.value !== 'number' || !Number.isFinite(correction.value)) throw badRequest('appeals.errors.correctionValue');
  const problem = valueRangeProblem(indicator, correction.value);
  if (problem) throw invalid('serverErrors.verbatim', { text: problem });
  await assertPeriodWritable(tx, month);

  const previous = await currentMetricValue(tx, appeal.departmentCode, month, indicator.code);
  const batchId = `appeal-${appeal.id}-${randomUUID().slice(0, 8)}`;
  const note = fill(t.correctionNote, { id: appeal.id });
  await writeMetricRows(tx, batchId, [{ department: appeal.departmentCode, period: month, indicator: indicator.code, value: correction.value, note }]);
  const periods = periodsContaining(month);
  await insertBatch(tx, {
    id: batchId,
    kind: 'metrics',
    actor: actorId(ctx.principal),
    idempotencyKey: null,
    bodyHash: `appeal:${appeal.id}`,
    status: 'accepted',
    statusCode: 201,
    rows: 1,
    periods,
    response: { batchId, rows: 1, replayed: false, appeal: appeal.id },
  });
  await markChanged(tx, periods);
  return { batchId, month, indicator: indicator.code, previous, value: correction.value };
}

/** Who may see which appeals: admins and readers all; a department its own. */
export async function appealsFor(session: Session, principal: Principal, filter: AppealFilter = {}): Promise<AppealRow[]> {
  if (can(principal, 'appeals:read')) return listAppeals(session, filter);
  const own = boundDepartment(principal);
  if (!own || (filter.department && filter.department !== own) || !can(principal, 'appeals:read', { department: own })) throw forbidden();
  return listAppeals(session, { ...filter, department: own });
}

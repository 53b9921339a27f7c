// Publishing, withdrawing, finalizing and verifying a period: the same checks and
// the same audit records whether the admin page, the API or the CLI asks.
import type { Database } from '../../db/types';
import { countOpenAppeals } from '../../db/queries/appeals';
import { getSnapshot, insertSnapshot } from '../../db/queries/assessment';
import {
  getPeriodRow,
  setPeriodFinalized,
  setPeriodPublished,
  type PeriodRow,
} from '../../db/queries/periods';
import { appendAudit, auditSuccess } from '../audit/log';
import { actorId } from '../auth/principal';
import { badRequest, refused } from '../http/errors';
import { activeScheme, schemeOfRow } from '../schemes/service';
import { appealDeadline, chinaDay, formatChinaTime } from '../periods/calendar';
import { loadWorkCalendar } from '../periods/calendar-service';
import { actorLabel, nowOf, requireCan, type ActionContext } from '../auth/context';
import { requirePeriod } from '../periods/rows';
import { refreshSoon } from '../scores/freshness';
import { loadPeriodInput, writeFinalizedCache } from '../scores/recompute';
import { buildSnapshot, snapshotHash, verifySnapshot, type SnapshotCheck } from '../periods/snapshot';
import { transition, withdrawInTransaction } from '../periods/transitions';

export const DEFAULT_APPEAL_DAYS = 5;
export const MAX_APPEAL_DAYS = 30;

export interface PublishOptions {
  appealDays?: number;
}

/** open → published: sets the appeal deadline in working days and pins the scheme. */
export async function publishPeriod(database: Database, ctx: ActionContext, code: string, options: PublishOptions = {}): Promise<PeriodRow> {
  requireCan(ctx, 'periods:manage');
  const appealDays = options.appealDays ?? DEFAULT_APPEAL_DAYS;
  if (!Number.isInteger(appealDays) || appealDays < 1 || appealDays > MAX_APPEAL_DAYS) {
    throw badRequest('cycle.errors.appealDays', { max: MAX_APPEAL_DAYS });
  }
  const now = nowOf(ctx);
  const row = await database.transaction(async (tx) => {
    const period = await requirePeriod(tx, code, { forUpdate: true });
    transition(period, 'publish');
    const calendar = await loadWorkCalendar(tx);
    const deadline = appealDeadline(now, appealDays, calendar);
    const scheme = await activeScheme(tx);
    await setPeriodPublished(tx, code, { publishedAt: now, appealDeadline: deadline, schemeId: scheme.id });
    await auditSuccess(tx, ctx, 'period.publish', code, {
      period: code,
      appealDays,
      publishedOn: chinaDay(now),
      appealDeadline: deadline.toISOString(),
      scheme: { id: scheme.id, version: scheme.version, hash: scheme.hash },
    });
    return (await getPeriodRow(tx, code))!;
  });
  // Every department sees its result from now on: make sure it is computed.
  await refreshSoon(database, [code]);
  return row;
}

/** published → open: the publication and its appeal window are withdrawn (to publish again). */
export async function withdrawPeriod(database: Database, ctx: ActionContext, code: string, reason: string): Promise<PeriodRow> {
  requireCan(ctx, 'periods:manage');
  const why = reason.trim();
  if (!why) throw badRequest('cycle.errors.reasonRequired');
  return database.transaction(async (tx) => {
    const period = await requirePeriod(tx, code, { forUpdate: true });
    await withdrawInTransaction(tx, ctx, period, why);
    return (await getPeriodRow(tx, code))!;
  });
}

export interface FinalizeResult {
  period: PeriodRow;
  hash: string;
  departments: number;
}

/**
 * published → finalized, once the appeal window is over and no appeal is open:
 * scores the period from the database with its scheme, stores the snapshot (every
 * department's result, the scheme, the input matrix) and its sha256, and locks it.
 */
export async function finalizePeriod(database: Database, ctx: ActionContext, code: string): Promise<FinalizeResult> {
  requireCan(ctx, 'periods:manage');
  const now = nowOf(ctx);
  return database.transaction(async (tx) => {
    const period = await requirePeriod(tx, code, { forUpdate: true });
    transition(period, 'finalize');
    if (period.appealDeadline && now.getTime() <= period.appealDeadline.getTime()) {
      throw refused('appeal_window_open', 'cycle.errors.windowOpen', { deadline: formatChinaTime(period.appealDeadline) });
    }
    const open = await countOpenAppeals(tx, code);
    if (open > 0) throw refused('open_appeals', 'cycle.errors.openAppeals', { count: open });

    const scheme = period.schemeId ? await schemeOfRow(tx, period.schemeId) : await activeScheme(tx);
    const inputs = await loadPeriodInput(tx, code, scheme.scheme);
    if (!inputs.departments.length) throw refused('no_scores', 'cycle.errors.noScores', { period: code });
    const content = buildSnapshot(code, { id: scheme.id, version: scheme.version, hash: scheme.hash, body: scheme.scheme }, inputs);
    const hash = snapshotHash(content);
    const by = actorLabel(ctx.principal);
    await insertSnapshot(tx, { period: code, schemeId: scheme.id, scheme: content.scheme, inputs: content.inputs, result: content.result, hash, engineVersion: content.engine ?? 1, createdBy: by });
    await setPeriodFinalized(tx, code, { finalizedAt: now, finalizedBy: by, snapshotHash: hash, schemeId: scheme.id });
    // From now on the cache is the snapshot's result, frozen.
    await writeFinalizedCache(tx, code, { id: scheme.id, version: scheme.version, hash: scheme.hash, name: scheme.scheme.name }, scheme.scheme, content.inputs, content.result);
    await auditSuccess(tx, ctx, 'period.finalize', code, {
      period: code,
      snapshotHash: hash,
      scheme: { id: scheme.id, version: scheme.version, hash: scheme.hash },
      departments: content.result.departments.length,
      finalizedBy: actorId(ctx.principal),
    });
    return { period: (await getPeriodRow(tx, code))!, hash, departments: content.result.departments.length };
  });
}

/**
 * Recomputes a finalized period from its stored inputs with its stored scheme and
 * compares the hash. Audited (outcome success or failure), since it is evidence.
 */
export async function verifyPeriod(database: Database, ctx: ActionContext, code: string): Promise<SnapshotCheck> {
  requireCan(ctx, 'periods:read');
  const period = await requirePeriod(database, code);
  if (period.status !== 'finalized') throw refused('not_finalized', 'cycle.errors.notFinalized', { period: code });
  const snapshot = await getSnapshot(database, code);
  if (!snapshot) throw refused('no_snapshot', 'cycle.errors.noSnapshot', { period: code });
  const check = verifySnapshot(snapshot, period.snapshotHash);
  await database.transaction((tx) =>
    appendAudit(tx, {
      actor: ctx.principal,
      ip: ctx.ip,
      action: 'period.verify',
      target: code,
      outcome: check.ok ? 'success' : 'failure',
      payload: { period: code, storedHash: check.storedHash, recomputedHash: check.recomputedHash, problem: check.problem },
    }),
  );
  return check;
}

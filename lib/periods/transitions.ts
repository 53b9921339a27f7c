// Applying a state-machine step to a period row, shared by the period service and
// the scheme service (a scheme change withdraws published periods).
import type { Session } from '../../db/types';
import { setPeriodOpen, type PeriodRow } from '../../db/queries/periods';
import { auditSuccess } from '../audit/log';
import { type ActionContext } from '../auth/context';
import { ApiError } from '../http/errors';
import { IllegalTransitionError, nextStatus, type PeriodAction, type PeriodStatus } from './workflow';

/** The status after `action`, or 409 illegal_transition with a readable reason. */
export function transition(row: PeriodRow, action: PeriodAction): PeriodStatus {
  try {
    return nextStatus(row.status, action);
  } catch (err) {
    if (err instanceof IllegalTransitionError) throw new ApiError(409, 'illegal_transition', err.detail);
    throw err;
  }
}

/** published → open inside the caller's transaction, audited. */
export async function withdrawInTransaction(tx: Session, ctx: ActionContext, period: PeriodRow, reason: string): Promise<void> {
  transition(period, 'withdraw');
  await setPeriodOpen(tx, period.code);
  await auditSuccess(tx, ctx, 'period.withdraw', period.code, { period: period.code, reason, previousDeadline: period.appealDeadline?.toISOString() ?? null });
}

// GET /api/v1/periods and /periods/{P}: the periods that have data, newest first.
import { listPeriodsWithData, type PeriodRow } from '../../db/queries/scores';
import type { Session } from '../../db/types';
import { findPeriodOrThrow } from './recompute';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const periodEntry = (p: PeriodRow) => ({
  period: p.code,
  kind: p.kind,
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  publishedAt: iso(p.publishedAt),
  appealDeadline: iso(p.appealDeadline),
  finalizedAt: iso(p.finalizedAt),
  snapshotHash: p.snapshotHash,
});

export async function listPeriods(session: Session) {
  return { periods: (await listPeriodsWithData(session)).map(periodEntry) };
}

export async function getPeriod(session: Session, code: string) {
  return periodEntry(await findPeriodOrThrow(session, code));
}

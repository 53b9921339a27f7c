// GET /api/v1/periods and /periods/{P}: the periods that have data, newest first.
import { listPeriods as listPeriodsWithData } from '../../db/queries/dashboard';
import { periodJson } from '../periods/present';
import type { Session } from '../../db/types';
import { requirePeriod } from '../periods/rows';

export async function listPeriods(session: Session) {
  return { periods: (await listPeriodsWithData(session)).map(periodJson) };
}

export async function getPeriod(session: Session, code: string) {
  return periodJson(await requirePeriod(session, code));
}

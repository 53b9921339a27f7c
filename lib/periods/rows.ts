// A period by its code: 400 for a malformed code, 404 for one with no row; and the
// period a page shows when none is asked for.
import { getPeriodRow, type PeriodRow } from '../../db/queries/periods';
import type { Session } from '../../db/types';
import { badRequest, notFound } from '../http/errors';
import { parsePeriod, type PeriodInfo } from './codes';

/** A valid period code, or 400. */
export function requirePeriodCode(code: string): PeriodInfo {
  const info = parsePeriod(code);
  if (!info) throw badRequest('cycle.errors.badPeriod', { period: code });
  return info;
}

export const unknownPeriod = (code: string) => notFound('cycle.errors.unknownPeriod', { period: code });

/** The period row, or 400 for a malformed code and 404 for one with no data. */
export async function requirePeriod(session: Session, code: string, options: { forUpdate?: boolean } = {}): Promise<PeriodRow> {
  requirePeriodCode(code);
  const row = await getPeriodRow(session, code, options);
  if (!row) throw unknownPeriod(code);
  return row;
}

/** The period a page shows when none is asked for: a published one, else the newest. */
export function defaultPeriod(periods: PeriodRow[]): PeriodRow | null {
  return periods.find((p) => p.status === 'published') ?? periods[0] ?? null;
}

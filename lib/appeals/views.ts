// What /admin/appeals shows: the appeals (open ones first), and for each appealed
// period the months and indicators a correction may name.
import type { Database } from '../../db/types';
import type { AppealFilter, AppealRow } from '../../db/queries/appeals';
import { listPeriodRows, type PeriodRow } from '../../db/queries/periods';
import type { Principal } from '../auth/principal';
import { parsePeriod } from '../periods/codes';
import { allIndicators } from '../scoring/index';
import { schemeForPeriod } from '../schemes/service';
import { appealsFor } from './service';

export interface AppealPeriodInfo {
  months: string[];
  /** Every indicator of the period's scheme, code → name. */
  names: Record<string, string>;
  /** The indicators a correction can change (reported, not derived from events). */
  correctable: Array<{ code: string; name: string }>;
  status: PeriodRow['status'];
  appealDeadline: Date | null;
}

export interface AppealsAdminView {
  appeals: AppealRow[];
  periods: PeriodRow[];
  info: Record<string, AppealPeriodInfo>;
}

export async function appealsAdminView(database: Database, principal: Principal, filter: AppealFilter): Promise<AppealsAdminView> {
  const [appeals, periods] = await Promise.all([appealsFor(database, principal, filter), listPeriodRows(database)]);
  const info: Record<string, AppealPeriodInfo> = {};
  for (const code of new Set(appeals.map((a) => a.period))) {
    const scheme = await schemeForPeriod(database, code);
    const indicators = allIndicators(scheme.scheme);
    const row = periods.find((p) => p.code === code);
    info[code] = {
      months: parsePeriod(code)?.months ?? [],
      names: Object.fromEntries(indicators.map((i) => [i.code, i.name])),
      correctable: indicators.filter((i) => i.source === 'metric').map((i) => ({ code: i.code, name: i.name })),
      status: row?.status ?? 'open',
      appealDeadline: row?.appealDeadline ?? null,
    };
  }
  return { appeals, periods, info };
}

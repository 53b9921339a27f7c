// What /admin/exemptions shows: incidents (exemption requests waiting first) and the
// departments an incident can be recorded for.
import type { Database } from '../../db/types';
import { departmentChoices } from '../../db/queries/departments';
import type { ExemptionStatus, IncidentRow } from '../../db/queries/incidents';
import type { Principal } from '../auth/principal';
import { chinaDay } from '../periods/calendar';
import { incidentsFor } from './service';

export interface ExemptionsAdminView {
  incidents: IncidentRow[];
  departments: Array<{ code: string; name: string }>;
  today: string;
}

export async function exemptionsAdminView(database: Database, principal: Principal, filter: { exemptionStatus?: ExemptionStatus }, now: Date): Promise<ExemptionsAdminView> {
  const [incidents, departments] = await Promise.all([incidentsFor(database, principal, filter), departmentChoices(database)]);
  return { incidents, departments, today: chinaDay(now) };
}

// Incidents (security or quality events) and their exemptions (容错免责).
import { and, desc, eq, getTableColumns, gte, lte, sql } from 'drizzle-orm';
import { departments, incidents, type IncidentRow as IncidentRecord, type NewIncidentRow } from '../schema';
import type { Session } from '../types';

export type ExemptionStatus = IncidentRecord['exemptionStatus'];

/** An incident with its department's name (null where the query does not join it). */
export type IncidentRow = IncidentRecord & { departmentName: string | null };

export interface IncidentFilter {
  department?: string;
  /** Only incidents on days within [from, to] (ISO dates). */
  from?: string;
  to?: string;
  exemptionStatus?: ExemptionStatus;
  limit?: number;
}

const withName = { ...getTableColumns(incidents), departmentName: departments.name };
const noName = (row: IncidentRecord): IncidentRow => ({ ...row, departmentName: null });

/** Exemption requests waiting for a decision first, then newest incident first. */
export async function listIncidents(session: Session, filter: IncidentFilter = {}): Promise<IncidentRow[]> {
  return session.db
    .select(withName)
    .from(incidents)
    .leftJoin(departments, eq(departments.code, incidents.departmentCode))
    .where(
      and(
        filter.department ? eq(incidents.departmentCode, filter.department) : undefined,
        filter.from ? gte(incidents.occurredOn, filter.from) : undefined,
        filter.to ? lte(incidents.occurredOn, filter.to) : undefined,
        filter.exemptionStatus ? eq(incidents.exemptionStatus, filter.exemptionStatus) : undefined,
      ),
    )
    .orderBy(desc(sql`${incidents.exemptionStatus} = 'requested'`), desc(incidents.occurredOn), desc(incidents.id))
    .limit(filter.limit ?? 500);
}

export async function getIncident(session: Session, id: number, options: { forUpdate?: boolean } = {}): Promise<IncidentRow | null> {
  if (options.forUpdate) {
    const [row] = await session.db.select().from(incidents).where(eq(incidents.id, id)).for('update');
    return row ? noName(row) : null;
  }
  const [row] = await session.db.select(withName).from(incidents).leftJoin(departments, eq(departments.code, incidents.departmentCode)).where(eq(incidents.id, id));
  return row ?? null;
}

export type NewIncident = Pick<NewIncidentRow, 'departmentCode' | 'occurredOn' | 'kind' | 'points' | 'description' | 'createdBy'>;

export async function insertIncident(tx: Session, incident: NewIncident): Promise<IncidentRow> {
  const [row] = await tx.db.insert(incidents).values(incident).returning();
  return noName(row);
}

export async function setExemptionRequested(tx: Session, id: number, request: string): Promise<void> {
  await tx.db.update(incidents).set({ exemptionStatus: 'requested', exemptionRequest: request }).where(eq(incidents.id, id));
}

export async function setExemptionDecision(
  tx: Session,
  id: number,
  decision: { status: 'granted' | 'denied'; reason: string; decidedBy: string; decidedAt: Date },
): Promise<void> {
  const { status: exemptionStatus, reason: decisionReason, decidedBy, decidedAt } = decision;
  await tx.db.update(incidents).set({ exemptionStatus, decisionReason, decidedBy, decidedAt }).where(eq(incidents.id, id));
}

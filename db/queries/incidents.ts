// Incidents (security or quality events) and their exemptions (容错免责).
import type { Session } from '../types';

export type ExemptionStatus = 'none' | 'requested' | 'granted' | 'denied';

export interface IncidentRow {
  id: number;
  departmentCode: string;
  departmentName: string | null;
  occurredOn: string;
  kind: 'security' | 'quality';
  points: number;
  description: string;
  exemptionStatus: ExemptionStatus;
  exemptionRequest: string | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

interface RawIncidentRow {
  id: number;
  department_code: string;
  department_name: string | null;
  occurred_on: string;
  kind: IncidentRow['kind'];
  points: number;
  description: string;
  exemption_status: ExemptionStatus;
  exemption_request: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
}

const toRow = (r: RawIncidentRow): IncidentRow => ({
  id: Number(r.id),
  departmentCode: r.department_code,
  departmentName: r.department_name,
  occurredOn: r.occurred_on,
  kind: r.kind,
  points: Number(r.points),
  description: r.description,
  exemptionStatus: r.exemption_status,
  exemptionRequest: r.exemption_request,
  decisionReason: r.decision_reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
});

const COLUMNS = `i.id, i.department_code, i.occurred_on::text as occurred_on, i.kind, i.points, i.description, i.exemption_status,
  i.exemption_request, i.decision_reason, i.decided_by, i.decided_at, i.created_by, i.created_at`;

export interface IncidentFilter {
  department?: string;
  /** Only incidents on days within [from, to] (ISO dates). */
  from?: string;
  to?: string;
  exemptionStatus?: ExemptionStatus;
  limit?: number;
}

/** Exemption requests waiting for a decision first, then newest incident first. */
export async function listIncidents(session: Session, filter: IncidentFilter = {}): Promise<IncidentRow[]> {
  const rows = await session.query<RawIncidentRow>(
    `select ${COLUMNS}, d.name as department_name from incidents i left join departments d on d.code = i.department_code
     where ($1::text is null or i.department_code = $1) and ($2::date is null or i.occurred_on >= $2::date)
       and ($3::date is null or i.occurred_on <= $3::date) and ($4::text is null or i.exemption_status = $4)
     order by (i.exemption_status = 'requested') desc, i.occurred_on desc, i.id desc
     limit $5`,
    [filter.department ?? null, filter.from ?? null, filter.to ?? null, filter.exemptionStatus ?? null, filter.limit ?? 500],
  );
  return rows.map(toRow);
}

export async function getIncident(session: Session, id: number, options: { forUpdate?: boolean } = {}): Promise<IncidentRow | null> {
  const [row] = await session.query<RawIncidentRow>(
    options.forUpdate
      ? `select ${COLUMNS}, null::text as department_name from incidents i where i.id = $1 for update`
      : `select ${COLUMNS}, d.name as department_name from incidents i left join departments d on d.code = i.department_code where i.id = $1`,
    [id],
  );
  return row ? toRow(row) : null;
}

export interface NewIncident {
  departmentCode: string;
  occurredOn: string;
  kind: IncidentRow['kind'];
  points: number;
  description: string;
  createdBy: string;
}

export async function insertIncident(tx: Session, incident: NewIncident): Promise<IncidentRow> {
  const [row] = await tx.query<RawIncidentRow>(
    `insert into incidents as i (department_code, occurred_on, kind, points, description, created_by)
     values ($1, $2::date, $3, $4, $5, $6) returning ${COLUMNS}, null::text as department_name`,
    [incident.departmentCode, incident.occurredOn, incident.kind, incident.points, incident.description, incident.createdBy],
  );
  return toRow(row);
}

export async function setExemptionRequested(tx: Session, id: number, request: string): Promise<void> {
  await tx.query(`update incidents set exemption_status = 'requested', exemption_request = $2 where id = $1`, [id, request]);
}

export async function setExemptionDecision(
  tx: Session,
  id: number,
  decision: { status: 'granted' | 'denied'; reason: string; decidedBy: string; decidedAt: Date },
): Promise<void> {
  await tx.query(`update incidents set exemption_status = $2, decision_reason = $3, decided_by = $4, decided_at = $5 where id = $1`, [
    id,
    decision.status,
    decision.reason,
    decision.decidedBy,
    decision.decidedAt,
  ]);
}

/** Is there such a department (and is it active)? */
export async function departmentExists(session: Session, code: string): Promise<boolean> {
  const [row] = await session.query('select 1 from departments where code = $1', [code]);
  return Boolean(row);
}

/** Active departments for pickers, by code. */
export async function departmentChoices(session: Session): Promise<Array<{ code: string; name: string }>> {
  return session.query<{ code: string; name: string }>('select code, name from departments where active order by code');
}

// JSON shapes of the assessment-cycle API responses (dates as ISO strings).
import type { AppealRow } from '../../db/queries/appeals';
import type { IncidentRow } from '../../db/queries/incidents';
import type { PeriodRow } from '../../db/queries/periods';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A period in every API response: GET /api/v1/periods(/{P}) (CONTRACT.md §3) and the transitions. */
export const periodJson = (p: PeriodRow) => ({
  period: p.code,
  kind: p.kind,
  status: p.status,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  publishedAt: iso(p.publishedAt),
  appealDeadline: iso(p.appealDeadline),
  finalizedAt: iso(p.finalizedAt),
  finalizedBy: p.finalizedBy,
  snapshotHash: p.snapshotHash,
});

export const appealJson = (a: AppealRow) => ({
  id: a.id,
  period: a.period,
  department: a.departmentCode,
  departmentName: a.departmentName,
  indicator: a.indicator,
  reason: a.reason,
  evidence: a.evidence,
  status: a.status,
  decisionReason: a.decisionReason,
  decidedBy: a.decidedBy,
  decidedAt: iso(a.decidedAt),
  createdBy: a.createdBy,
  createdAt: iso(a.createdAt),
});

export const incidentJson = (i: IncidentRow) => ({
  id: i.id,
  department: i.departmentCode,
  departmentName: i.departmentName,
  occurredOn: i.occurredOn,
  kind: i.kind,
  points: i.points,
  description: i.description,
  exemptionStatus: i.exemptionStatus,
  exemptionRequest: i.exemptionRequest,
  decisionReason: i.decisionReason,
  decidedBy: i.decidedBy,
  decidedAt: iso(i.decidedAt),
  createdBy: i.createdBy,
  createdAt: iso(i.createdAt),
});

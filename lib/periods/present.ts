// JSON shapes of the assessment-cycle API responses (dates as ISO strings): each
// presenter returns its zod shape's type, and the OpenAPI document (lib/openapi)
// describes the responses with the same shapes, so the two cannot drift.
import { z } from 'zod';
import type { AppealRow } from '../../db/queries/appeals';
import type { IncidentRow } from '../../db/queries/incidents';
import type { PeriodRow } from '../../db/queries/periods';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const instant = z.iso.datetime();
const day = z.iso.date();

export const periodShape = z
  .object({
    period: z.string().meta({ example: '2026-Q3' }),
    kind: z.enum(['month', 'quarter', 'year']),
    status: z.enum(['open', 'published', 'finalized']),
    startsOn: day,
    endsOn: day,
    publishedAt: instant.nullable(),
    appealDeadline: instant.nullable(),
    finalizedAt: instant.nullable(),
    finalizedBy: z.string().nullable(),
    snapshotHash: z.string().nullable().meta({ example: 'sha256:9f2c…' }),
  })
  .meta({ id: 'Period' });

export const appealShape = z
  .object({
    id: z.number().int(),
    period: z.string(),
    department: z.string(),
    departmentName: z.string().nullable(),
    indicator: z.string().nullable(),
    reason: z.string(),
    evidence: z.string().nullable(),
    status: z.enum(['open', 'accepted', 'rejected']),
    decisionReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: instant.nullable(),
    createdBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: 'Appeal' });

export const incidentShape = z
  .object({
    id: z.number().int(),
    department: z.string(),
    departmentName: z.string().nullable(),
    occurredOn: day,
    kind: z.enum(['security', 'quality']),
    points: z.number(),
    description: z.string(),
    exemptionStatus: z.enum(['none', 'requested', 'granted', 'denied']),
    exemptionRequest: z.string().nullable(),
    decisionReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: instant.nullable(),
    createdBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: 'Incident' });

/** A period in every API response: GET /api/v1/periods(/{P}) (CONTRACT.md §3) and the transitions. */
export const periodJson = (p: PeriodRow): z.infer<typeof periodShape> => ({
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

export const appealJson = (a: AppealRow): z.infer<typeof appealShape> => ({
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
  createdAt: a.createdAt.toISOString(),
});

export const incidentJson = (i: IncidentRow): z.infer<typeof incidentShape> => ({
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
  createdAt: i.createdAt.toISOString(),
});

// The JSON shape of an incident in API responses; the OpenAPI document uses the same shape.
import { z } from 'zod';
import type { IncidentRow } from '../../db/queries/incidents';
import { day, instant, iso } from '../periods/present';

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

// Request shapes of the incident and exemption routes (zod).
import { z } from 'zod';
import { periodCode } from '../periods/http';

export const incidentBody = z
  .object({
    department: z.string().trim().min(1).max(32),
    occurredOn: z.string().trim(),
    kind: z.enum(['security', 'quality']),
    points: z.number(),
    description: z.string().max(2000),
  })
  .strict();

export const incidentListQuery = z.object({
  department: z.string().trim().min(1).max(32).optional(),
  period: periodCode.optional(),
  exemptionStatus: z.enum(['none', 'requested', 'granted', 'denied']).optional(),
});

export const exemptionRequestBody = z.object({ justification: z.string().max(2000) }).strict();
export const exemptionDecisionBody = z.object({ grant: z.boolean(), reason: z.string().max(2000) }).strict();

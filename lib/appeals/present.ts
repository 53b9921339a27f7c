// The JSON shape of an appeal in API responses; the OpenAPI document uses the same shape.
import { z } from 'zod';
import type { AppealRow } from '../../db/queries/appeals';
import { instant, iso } from '../periods/present';

export const appealShape = z
  .object({
    id: z.number().int(),
    period: z.string(),
    department: z.string(),
    departmentName: z.string().nullable(),
    indicator: z.string().nullable(),
    /** The disputed ledger row, if the appeal names one. */
    ledgerKind: z.enum(['request', 'objection']).nullable(),
    ledgerId: z.string().nullable(),
    reason: z.string(),
    evidence: z.string().nullable(),
    flag: z.string().nullable().meta({ description: 'The integrity flag kind contested, if any' }),
    status: z.enum(['open', 'accepted', 'rejected']),
    decisionReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: instant.nullable(),
    createdBy: z.string(),
    createdAt: instant,
  })
  .meta({ id: 'Appeal' });

export const appealJson = (a: AppealRow): z.infer<typeof appealShape> => ({
  id: a.id,
  period: a.period,
  department: a.departmentCode,
  departmentName: a.departmentName,
  indicator: a.indicator,
  ledgerKind: a.ledgerKind ?? null,
  ledgerId: a.ledgerId ?? null,
  reason: a.reason,
  evidence: a.evidence,
  flag: a.flag,
  status: a.status,
  decisionReason: a.decisionReason,
  decidedBy: a.decidedBy,
  decidedAt: iso(a.decidedAt),
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
});

// Request shapes of the appeal routes (zod).
import { z } from 'zod';
import { periodCode } from '../periods/http';
import { FLAG_KINDS } from '../scoring/index';

export const appealBody = z
  .object({
    period: periodCode,
    /** Defaults to the caller's own department. */
    department: z.string().trim().min(1).max(32).optional(),
    indicator: z.string().trim().max(64).nullable().optional(),
    reason: z.string().max(2000),
    evidence: z.string().max(5000).nullable().optional(),
    /** A disputed ledger row the department provides on (条例 art. 28); both or neither. */
    ledgerKind: z.enum(['request', 'objection']).nullable().optional(),
    ledgerId: z.string().trim().min(1).max(128).nullable().optional(),
    /** An integrity flag of the department in the period that the appeal contests (docs/scoring.md, "Integrity"). */
    flag: z.enum(FLAG_KINDS).nullable().optional(),
  })
  .strict();

export const appealListQuery = z.object({
  period: periodCode.optional(),
  department: z.string().trim().min(1).max(32).optional(),
  status: z.enum(['open', 'accepted', 'rejected']).optional(),
});

export const decisionBody = z
  .object({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().max(2000),
    correction: z
      .object({ month: z.string().trim(), indicator: z.string().trim().max(64).nullable().optional(), value: z.number() })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

// Request shapes of the period routes (zod): the period code and the transitions' bodies.
import { z } from 'zod';
import { keyed, type MessageKey } from '../http/errors';
import { parsePeriod } from './codes';

/** The one period-code schema of every route (2026-10, 2026-Q4, 2026): missing or malformed is a 400. */
export const periodCode = z
  .string({ error: () => 'serverErrors.periodRequired' satisfies MessageKey })
  .trim()
  .superRefine((code, ctx) => {
    if (parsePeriod(code) === null) ctx.addIssue({ code: 'custom', ...keyed('cycle.errors.badPeriod', { period: code }) });
  });

export const periodParams = z.object({ period: periodCode });

export const publishBody = z.object({ appealDays: z.number().int().min(1).max(30).optional() }).strict();
export const withdrawBody = z.object({ reason: z.string().min(1).max(1000) }).strict();

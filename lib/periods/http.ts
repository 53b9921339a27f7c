// Request shapes of the period routes (zod): the period code and the transitions' bodies.
import { z } from 'zod';
import { keyed } from '../http/errors';
import { parsePeriod } from './codes';

export const periodCode = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    if (parsePeriod(code) === null) ctx.addIssue({ code: 'custom', ...keyed('cycle.errors.badPeriod', { period: code }) });
  });

export const periodParams = z.object({ period: periodCode });

export const publishBody = z.object({ appealDays: z.number().int().min(1).max(30).optional() }).strict();
export const withdrawBody = z.object({ reason: z.string().min(1).max(1000) }).strict();

// Request shapes of the period routes (zod): the period code and the transitions' bodies.
import { z } from 'zod';
import { fill } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { parsePeriod } from './codes';

const t = zhCN.cycle.errors;

export const periodCode = z
  .string()
  .trim()
  .refine((code) => parsePeriod(code) !== null, { error: (i) => fill(t.badPeriod, { period: String(i.input) }) });

export const periodParams = z.object({ period: periodCode });

export const publishBody = z.object({ appealDays: z.number().int().min(1).max(30).optional() }).strict();
export const withdrawBody = z.object({ reason: z.string().min(1).max(1000) }).strict();
